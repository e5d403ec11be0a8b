// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - security contexts: allocation, id table and life cycle
 *
 * Contexts live in an id table (idtable.c), which holds their life cycle:
 * lookups under RCU, removal from the table with the last member, free
 * after a grace period once the last reference is gone.  This file adds
 * what is a context's own: its capabilities, init, spaces and /proc entry.
 */

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/capability.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/timekeeping.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/vserver_hooks.h>
#include <linux/xarray.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "idtable.h"
#include "limit.h"
#include "proc.h"
#include "space.h"

static void vx_shutdown(struct vs_obj *obj)
{
	struct vx_info *vxi = vx_of(obj);

	vx_proc_remove(vxi);
	vx_spaces_release(vxi);
	wake_up_all(&vxi->exit_wait);
}

static void vx_free(struct vs_obj *obj)
{
	struct vx_info *vxi = vx_of(obj);

	/* The last reference is gone: no reader is left. */
	put_pid(rcu_dereference_protected(vxi->init_pid, vs_obj_freeing(obj)));
	put_pid(rcu_dereference_protected(vxi->reaper_pid,
					  vs_obj_freeing(obj)));
	kfree(vxi);
}

/* Every live context, by xid. */
static struct vs_id_table vx_table =
	VS_ID_TABLE_INIT(vx_table, vx_shutdown, vx_free);

/**
 * vx_get - take a reference on a context
 * @vxi: a context the caller already holds a reference on
 */
void vx_get(struct vx_info *vxi)
{
	vs_obj_get(&vxi->obj);
}

/**
 * vx_put - drop a reference on a context
 * @vxi: the context, or NULL
 *
 * Does not sleep: it is called when a task_struct is freed, which may
 * happen in an RCU callback.
 */
void vx_put(struct vx_info *vxi)
{
	if (vxi)
		vs_obj_put(&vxi->obj);
}

/**
 * vx_create - create a context and enter it in the id table
 * @xid: a static xid, VC_XID_SPECTATOR, or VC_DYNAMIC_ID to pick one from
 *       the dynamic range
 * @flags: the initial flags, a subset of VXF_ALL
 *
 * The new context comes with one reference and one membership for the
 * caller, who must hand both to the task that enters it.  The module must
 * be pinned by the caller (it is, during a system call).
 *
 * Return: the context; ERR_PTR(-EEXIST) if @xid is in use, or
 * ERR_PTR(-EBUSY) if it is in use by a context still in setup; -EAGAIN if
 * no dynamic xid is free; -ENOMEM, also if its /proc/virtual directory
 * cannot be made.
 */
struct vx_info *vx_create(u32 xid, u64 flags)
{
	struct vx_info *vxi, *old;
	int ret;

	vxi = kzalloc(sizeof(*vxi), GFP_KERNEL_ACCOUNT);
	if (!vxi)
		return ERR_PTR(-ENOMEM);

	init_waitqueue_head(&vxi->exit_wait);
	vxi->start_ns = ktime_get_boottime_ns();
	mutex_init(&vxi->space_lock);
	vx_limit_init(&vxi->limit);
	/* The spectator may see everything and change nothing. */
	vxi->bcaps = xid == VC_XID_SPECTATOR ? 0 : VC_BCAPS_ALL;

	ret = vs_obj_reserve(&vx_table, &vxi->obj, xid, flags);
	if (ret == -EEXIST) {
		old = vx_lookup(xid);
		if (old && (vx_flags(old) & VXF_STATE_SETUP))
			ret = -EBUSY;
		vx_put(old);
	}
	if (ret)
		goto err_free;
	ret = vx_proc_create(vxi);
	if (ret) {
		vs_obj_cancel(&vxi->obj);
		goto err_free;
	}
	vs_obj_publish(&vxi->obj);
	return vxi;

err_free:
	kfree(vxi);
	return ERR_PTR(ret);
}

/**
 * vx_lookup - find a live context by xid
 * @xid: the xid
 *
 * Return: the context with a reference the caller must drop with vx_put(),
 * or NULL if there is no live context with that xid.
 */
struct vx_info *vx_lookup(u32 xid)
{
	struct vs_obj *obj = vs_obj_lookup(&vx_table, xid);

	return obj ? vx_of(obj) : NULL;
}

/**
 * vx_member_get - join a context
 * @vxi: the context; the caller holds a reference on it
 *
 * Return: true on success, false if the context is shutting down.
 */
bool vx_member_get(struct vx_info *vxi)
{
	return vs_obj_member_get(&vxi->obj);
}

/**
 * vx_alive - whether a context has not shut down yet
 * @vxi: the context
 *
 * Return: true while the context has members.
 */
bool vx_alive(struct vx_info *vxi)
{
	return vs_obj_alive(&vxi->obj);
}

/**
 * vx_spectator_join - find or create the spectator context and join it
 *
 * The spectator (xid 1) is created on demand and, like any context, shuts
 * down with its last task.
 *
 * Return: the spectator with a reference and a membership for the caller,
 * or an ERR_PTR.
 */
struct vx_info *vx_spectator_join(void)
{
	struct vx_info *vxi;

	for (;;) {
		vxi = vx_lookup(VC_XID_SPECTATOR);
		if (vxi) {
			if (vx_member_get(vxi))
				return vxi;
			vx_put(vxi);
			continue;
		}
		vxi = vx_create(VC_XID_SPECTATOR, 0);
		if (!IS_ERR(vxi) || (PTR_ERR(vxi) != -EEXIST &&
				     PTR_ERR(vxi) != -EBUSY))
			return vxi;
		cond_resched();
	}
}

/**
 * vx_set_init - make current's process a context's init, reaper or both
 * @vxi: the context
 * @init: replace @vxi->init_pid
 * @reaper: replace @vxi->reaper_pid
 *
 * Readers look at the slots under RCU only, without @vxi->obj.lock (some of
 * them run with tasklist_lock held or in softirq, where taking @lock
 * would invert the lock order with getpid()).  The old pids are dropped
 * after one grace period.  May sleep.
 */
void vx_set_init(struct vx_info *vxi, bool init, bool reaper)
{
	struct pid *tgid = task_tgid(current), *old_init = NULL;
	struct pid *old_reaper = NULL;

	spin_lock(&vxi->obj.lock);
	if (init) {
		old_init = rcu_dereference_protected(vxi->init_pid,
						     lockdep_is_held(&vxi->obj.lock));
		rcu_assign_pointer(vxi->init_pid, get_pid(tgid));
	}
	if (reaper) {
		old_reaper = rcu_dereference_protected(vxi->reaper_pid,
						       lockdep_is_held(&vxi->obj.lock));
		rcu_assign_pointer(vxi->reaper_pid, get_pid(tgid));
	}
	spin_unlock(&vxi->obj.lock);
	if (old_init || old_reaper) {
		synchronize_rcu();
		put_pid(old_init);
		put_pid(old_reaper);
	}
}

/**
 * vx_member_put - leave a context
 * @vxi: the context; the caller holds a reference on it
 *
 * The last member to leave shuts the context down.  May sleep.
 */
void vx_member_put(struct vx_info *vxi)
{
	vs_obj_member_put(&vxi->obj);
}

/**
 * vx_flags - read a context's flags
 * @vxi: the context
 *
 * Return: the flags, VXF_*.
 */
u64 vx_flags(struct vx_info *vxi)
{
	return vs_obj_flags(&vxi->obj);
}

/**
 * vx_task_count - the number of tasks in a context
 * @vxi: the context
 *
 * Return: the members that are tasks, not counting persistence.
 */
unsigned int vx_task_count(struct vx_info *vxi)
{
	return vs_obj_task_count(&vxi->obj);
}

/**
 * vx_change_flags - change a context's flags
 * @vxi: the context
 * @flags: the new values of the bits in @mask
 * @mask: the bits to change, a subset of VXF_ALL
 *
 * The one-time STATE bits can only be cleared: a request to set one that
 * is already clear leaves it clear.  Setting VXF_PERSISTENT makes the
 * context outlive its tasks; clearing it shuts down a context that has no
 * task left.  Clearing VXF_STATE_INIT from inside the context makes the
 * caller's process its init and reaper (vcontext --initpid).  May sleep.
 *
 * Return: 0, or -ESRCH if the context shut down meanwhile.
 */
int vx_change_flags(struct vx_info *vxi, u64 flags, u64 mask)
{
	u64 old;
	int ret;

	ret = vs_obj_change_flags(&vxi->obj, flags, mask, VXF_ONE_TIME, &old);
	if (ret)
		return ret;
	/* Only the call that found STATE_INIT set can have cleared it. */
	if ((old & mask & ~flags & VXF_STATE_INIT) && vxi == vx_current())
		vx_set_init(vxi, true, true);
	return 0;
}

/**
 * vx_change_bcaps - remove capabilities from a context's bounding set
 * @vxi: the context
 * @bcaps: the new values of the bits in @mask
 * @mask: the bits to change
 *
 * The bounding set can only shrink: bits in @mask that are clear in @bcaps
 * are removed, the others stay as they are.
 */
void vx_change_bcaps(struct vx_info *vxi, u64 bcaps, u64 mask)
{
	spin_lock(&vxi->obj.lock);
	WRITE_ONCE(vxi->bcaps, vxi->bcaps & (bcaps | ~mask));
	spin_unlock(&vxi->obj.lock);
}

/**
 * vx_change_word - change bits of a word of a context
 * @vxi: the context
 * @word: the word, @vxi->ccaps or @vxi->umask
 * @value: the new values of the bits in @mask
 * @mask: the bits to change, all known for @word
 */
void vx_change_word(struct vx_info *vxi, u64 *word, u64 value, u64 mask)
{
	spin_lock(&vxi->obj.lock);
	WRITE_ONCE(*word, (*word & ~mask) | (value & mask));
	spin_unlock(&vxi->obj.lock);
}

/**
 * vx_walk_contexts - call a function for every context in the table
 * @fn: the function; called under rcu_read_lock(), must not sleep; it
 *      gets the context's &struct vs_obj (vx_of() gives the context)
 */
void vx_walk_contexts(void (*fn)(struct vs_obj *obj))
{
	vs_id_table_walk(&vx_table, fn);
}

/**
 * vx_nr_created - the number of contexts created since the module loaded
 *
 * Return: the count.
 */
unsigned int vx_nr_created(void)
{
	return atomic_read(&vx_table.created);
}

/**
 * vx_nr_active - the number of live contexts
 *
 * Return: the count.
 */
unsigned int vx_nr_active(void)
{
	return atomic_read(&vx_table.active);
}

/**
 * vx_context_init - set up the context table
 *
 * Return: 0.
 */
int vx_context_init(void)
{
	BUILD_BUG_ON(VXF_PERSISTENT != VS_OBJ_PERSISTENT);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_create) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_migrate) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_vx_info) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_stat) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_flags) != 16);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_caps) != 16);
	BUILD_BUG_ON(sizeof(struct vcmd_bcaps) != 16);
	/* context_cmd.c reads and writes all three as one value/mask pair. */
	BUILD_BUG_ON(offsetof(struct vcmd_ctx_flags, mask) != 8);
	BUILD_BUG_ON(offsetof(struct vcmd_ctx_caps, cmask) != 8);
	BUILD_BUG_ON(offsetof(struct vcmd_bcaps, bmask) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_kill) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_wait_exit) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_space_mask) != 16);
	BUILD_BUG_ON(sizeof(struct vcmd_space_mask_v1) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_vhi_name) != 72);
	BUILD_BUG_ON(sizeof(struct vcmd_virt_stat) != 48);
	BUILD_BUG_ON(CAP_LAST_CAP >= 64);
	BUILD_BUG_ON(VS_CCAP_SET_UTSNAME != VXC_SET_UTSNAME);
	BUILD_BUG_ON(VS_CCAP_SYSLOG != VXC_SYSLOG);
	BUILD_BUG_ON(VS_CCAP_SET_RLIMIT != VXC_SET_RLIMIT);
	BUILD_BUG_ON(VS_CCAP_TIOCSTI != VXC_TIOCSTI);
	BUILD_BUG_ON(VS_CCAP_SECURE_MOUNT != VXC_SECURE_MOUNT);
	BUILD_BUG_ON(VS_CCAP_SECURE_REMOUNT != VXC_SECURE_REMOUNT);
	BUILD_BUG_ON(sizeof(struct vcmd_umask) != 16);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_iattr) != 24);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_fiattr) != 12);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_rlimit) != 32);
	BUILD_BUG_ON(sizeof(struct vcmd_ctx_rlimit_mask) != 12);
	BUILD_BUG_ON(sizeof(struct vcmd_rlimit_stat) != 32);
	return 0;
}

/**
 * vx_context_exit - tear down the context table
 *
 * Called on module unload, when no context is left (each one pins the
 * module); waits for the RCU callbacks that free them.
 */
void vx_context_exit(void)
{
	vs_id_table_destroy(&vx_table);
}
