/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - security contexts
 */

#ifndef _VS_CONTEXT_H
#define _VS_CONTEXT_H

#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/path.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

#include <linux/vserver.h>

#include "idtable.h"
#include "limit.h"

struct nsproxy;
struct proc_dir_entry;

/**
 * struct vx_space - namespaces and root directory kept for a context
 * @mask: the VC_SPACE_* bits the space holds; 0 if it is not set
 * @nsproxy: the namespaces, with a reference
 * @root: the root directory, with a reference, if @mask has VC_SPACE_FS
 * @pwd: the working directory, likewise
 */
struct vx_space {
	u64 mask;
	struct nsproxy *nsproxy;
	struct path root;
	struct path pwd;
};

/**
 * struct vx_info - a security context
 * @obj: its id (the xid, 1..65535), references, members, flags (VXF_*)
 *       and life cycle, kept by the id table (idtable.h, which documents
 *       them).  References are held by each task whose
 *       task_struct::vx_info points here, from fork or entry until the
 *       task_struct is freed, so that zombies and RCU readers of another
 *       task's pointer can still look at the context; members are its
 *       tasks until their exit call-out.  @obj.lock also protects changes
 *       of @bcaps, @ccaps, @umask, @init_pid and @reaper_pid; readers of
 *       those words use READ_ONCE() without it.
 * @bcaps: the capability bounding set, one bit per Linux capability;
 *         enforced once the context has left STATE_SETUP.
 * @ccaps: the context capabilities, VXC_*.
 * @umask: the unshare mask: the kinds of namespace (VC_UMASK_ALL bits)
 *         the context's tasks may create with CAP_SYS_ADMIN effective
 *         although @bcaps lacks it.
 * @exit_wait: wait_exit sleeps here until the context shuts down.
 * @space_lock: protects @space and @name; taken in process context only,
 *              since releasing namespaces may sleep.
 * @space: the spaces (set_space, enter_space); released at shutdown, and
 *         never set again once @members is zero.
 * @name: the free-form context name (vhi field CONTEXT), NUL-terminated.
 * @proc_dir: /proc/virtual/<xid>, from creation until shutdown.
 * @start_ns: boot time (ktime_get_boottime_ns()) of the creation; the
 *            context's own uptime starts there (VXF_VIRT_UPTIME).
 * @nr_forks: forks by tasks of the context.
 * @load: the 1, 5 and 15 minute load averages (fixed point, FSHIFT bits
 *        of fraction), written every LOAD_FREQ by the sampler in cvirt.c
 *        only; readers use READ_ONCE().
 * @load_active: the sampler's count of active tasks; only it touches it.
 * @load_updates: samples taken into @load.
 * @init_pid: the context's init, set by ctx_migrate with VXM_SET_INIT;
 *            holds a pid reference.  Published with RCU: readers (getpid()
 *            and pid lookups of a fake-init guest, some of them under
 *            tasklist_lock or in softirq) use rcu_dereference() and no
 *            lock; writers replace it under @lock with vx_set_init(),
 *            which drops the old pid after a grace period.
 * @reaper_pid: the context's reaper, set by ctx_migrate with
 *              VXM_SET_REAPER; holds a pid reference; as @init_pid.
 * @limit: the resource limits and what was seen of their use (limit.c).
 */
struct vx_info {
	struct vs_obj obj;
	u64 bcaps;
	u64 ccaps;
	u64 umask;
	wait_queue_head_t exit_wait;
	struct mutex space_lock; /* see @space_lock above */
	struct vx_space space[VC_SPACES];
	char name[65];
	struct proc_dir_entry *proc_dir;
	u64 start_ns;
	atomic_t nr_forks;
	unsigned long load[3];
	unsigned int load_active;
	unsigned int load_updates;
	struct pid __rcu *init_pid;
	struct pid __rcu *reaper_pid;
	struct vx_limit limit;
};

int vx_context_init(void);
void vx_context_exit(void);

struct vx_info *vx_create(u32 xid, u64 flags);
struct vx_info *vx_lookup(u32 xid);
void vx_get(struct vx_info *vxi);
void vx_put(struct vx_info *vxi);
bool vx_member_get(struct vx_info *vxi);
void vx_set_init(struct vx_info *vxi, bool init, bool reaper);
void vx_member_put(struct vx_info *vxi);
int vx_change_flags(struct vx_info *vxi, u64 flags, u64 mask);
void vx_change_bcaps(struct vx_info *vxi, u64 bcaps, u64 mask);
void vx_change_word(struct vx_info *vxi, u64 *word, u64 value, u64 mask);
struct vx_info *vx_spectator_join(void);
bool vx_alive(struct vx_info *vxi);
u64 vx_flags(struct vx_info *vxi);
unsigned int vx_task_count(struct vx_info *vxi);
unsigned int vx_nr_created(void);
void vx_walk_contexts(void (*fn)(struct vs_obj *obj));
unsigned int vx_nr_active(void);

/**
 * vx_of - the context that embeds an id table object
 * @obj: the &vx_info.obj of a context
 *
 * Return: the context.
 */
static inline struct vx_info *vx_of(struct vs_obj *obj)
{
	return container_of(obj, struct vx_info, obj);
}

/**
 * vs_task_owns_ctx - whether a task's context pointers are stable
 * @task: the task
 *
 * A task's task_struct::vx_info and ::nx_info change only when the task
 * itself enters a context, and are set by fork before the child first
 * runs.  So, without RCU or a lock, they may be read by the task itself,
 * by fork for a child that never ran (TASK_NEW, or TASK_DEAD when the
 * fork failed), and when the task_struct is freed (no reference left).
 * Anybody else reads them under rcu_read_lock().
 *
 * Return: true in those cases.
 */
static inline bool vs_task_owns_ctx(struct task_struct *task)
{
	unsigned int state = READ_ONCE(task->__state);

	return task == current || state == TASK_NEW || state == TASK_DEAD ||
	       !refcount_read(&task->usage);
}

/**
 * vx_task_ctx - the security context of a task whose pointer is stable
 * @task: the task, see vs_task_owns_ctx()
 *
 * Return: the context, or NULL on the host.
 */
static inline struct vx_info *vx_task_ctx(struct task_struct *task)
{
	return rcu_dereference_protected(task->vx_info,
					 vs_task_owns_ctx(task));
}

/**
 * vx_current - the security context of the current task
 *
 * The context stays alive while current uses it: current holds a
 * reference until its task_struct is freed.
 *
 * Return: the context, or NULL on the host.
 */
static inline struct vx_info *vx_current(void)
{
	return vx_task_ctx(current);
}

/**
 * vx_current_xid - the xid of the current task
 *
 * Return: the xid, 0 on the host.
 */
static inline u32 vx_current_xid(void)
{
	struct vx_info *vxi = vx_current();

	return vxi ? vxi->obj.id : 0;
}

/**
 * vx_is_spectator - whether a context is the spectator (xid 1)
 * @vxi: the context, or NULL for the host
 *
 * Return: true for the spectator.
 */
static inline bool vx_is_spectator(struct vx_info *vxi)
{
	return vxi && vxi->obj.id == VC_XID_SPECTATOR;
}

/**
 * vx_task_xid - the xid of a task
 * @task: the task; the caller holds rcu_read_lock() or a reference on it
 *
 * Return: the xid, 0 on the host.
 */
static inline u32 vx_task_xid(struct task_struct *task)
{
	struct vx_info *vxi;
	u32 xid;

	rcu_read_lock();
	vxi = rcu_dereference(task->vx_info);
	xid = vxi ? vxi->obj.id : 0;
	rcu_read_unlock();
	return xid;
}

#endif /* _VS_CONTEXT_H */
