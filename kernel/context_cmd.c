// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - the context commands of vserver(2)
 *
 * Permission rule (Linux has no CAP_CONTEXT): commands that change
 * anything need CAP_SYS_ADMIN in the initial user namespace and a caller
 * on the host (xid 0), except that a context still in STATE_SETUP may
 * change its own flags and capabilities.  Queries are open to everybody,
 * but a task in a context only ever sees its own context: other xids do
 * not exist for it (ESRCH).  The spectator (xid 1) sees every context and
 * changes none.
 */

#include <linux/capability.h>
#include <linux/err.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "context_cmd.h"
#include "cvirt.h"
#include "fakeinit.h"
#include "task.h"

/**
 * vc_host_admin - whether the caller is an administrator on the host
 *
 * Return: true for a task on the host (xid 0) with CAP_SYS_ADMIN.
 */
bool vc_host_admin(void)
{
	return !vx_current() && capable(CAP_SYS_ADMIN);
}

/**
 * vc_lookup_visible - resolve the id of a query
 * @id: an xid; VC_SAME_ID and other "negative" ids mean the caller's
 *      context
 *
 * A caller in a context sees no other one; the spectator sees all.
 *
 * Return: the context with a reference, or NULL.
 */
struct vx_info *vc_lookup_visible(u32 id)
{
	u32 own = vx_current_xid();

	if (id & 0x80000000U)
		id = own;
	if (own && own != VC_XID_SPECTATOR && id != own)
		return NULL;
	return vx_lookup(id);
}

/**
 * vc_lookup_writable - resolve the id of a command that changes a context
 * @id: as for vc_lookup_visible()
 * @vxip: receives the context, with a reference
 *
 * The host administrator may change any context, a context in setup only
 * itself (with CAP_SYS_ADMIN), the spectator none.
 *
 * Return: 0, -EPERM or -ESRCH.
 */
long vc_lookup_writable(u32 id, struct vx_info **vxip)
{
	struct vx_info *vxi;

	if (!capable(CAP_SYS_ADMIN) || vx_is_spectator(vx_current()))
		return -EPERM;
	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	/* In a context, only while it is being set up. */
	if (vx_current() && !(vx_flags(vxi) & VXF_STATE_SETUP)) {
		vx_put(vxi);
		return -EPERM;
	}
	*vxip = vxi;
	return 0;
}

/**
 * vc_ctx_create - ctx_create: create a context and enter it
 * @id: a static xid (2..49151) or VC_DYNAMIC_ID
 * @data: struct vcmd_ctx_create, or NULL for VXF_INIT_SET
 *
 * Return: the new xid; -EPERM if the caller is not a host administrator;
 * -EFAULT; -EINVAL for an xid out of range or unknown flags; -EEXIST or
 * -EBUSY (still in setup) if the xid is taken; -EAGAIN if no dynamic xid
 * is free; -ENOMEM.
 */
long vc_ctx_create(u32 id, void __user *data)
{
	struct vcmd_ctx_create arg = { .flagword = VXF_INIT_SET };
	struct vx_info *vxi;

	if (!vc_host_admin())
		return -EPERM;
	if (data && copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (arg.flagword & ~VXF_ALL)
		return -EINVAL;
	if (id != VC_DYNAMIC_ID &&
	    (id < VC_XID_STATIC_MIN || id > VC_XID_STATIC_MAX))
		return -EINVAL;

	vxi = vx_create(id, arg.flagword);
	if (IS_ERR(vxi))
		return PTR_ERR(vxi);
	vx_enter_current(vxi);
	return vxi->obj.id;
}

/**
 * vc_ctx_migrate - ctx_migrate: move the calling task into a context
 * @id: the xid
 * @data: struct vcmd_ctx_migrate, or NULL for no flags
 *
 * With VXM_SET_INIT the caller's process becomes the context's init, with
 * VXM_SET_REAPER its reaper.  Id 1 is the spectator, which is created on
 * demand and sees every task.
 *
 * Return: 0; -EPERM if the caller is not a host administrator, or the
 * context is private (VXF_INFO_PRIVATE) and out of setup; -EFAULT;
 * -EINVAL for unknown flags or an xid that is not a context; -ESRCH if
 * there is no such context.
 */
long vc_ctx_migrate(u32 id, void __user *data)
{
	struct vcmd_ctx_migrate arg = { 0 };
	struct vx_info *vxi;
	u64 flags;

	if (!vc_host_admin())
		return -EPERM;
	if (data && copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (arg.flagword & ~(u64)VXM_ALL)
		return -EINVAL;
	if (id < VC_XID_SPECTATOR || id > VC_XID_DYNAMIC_MAX)
		return -EINVAL;

	if (id == VC_XID_SPECTATOR) {
		vxi = vx_spectator_join();
		if (IS_ERR(vxi))
			return PTR_ERR(vxi);
		vx_enter_current(vxi);
		return 0;
	}

	vxi = vx_lookup(id);
	if (!vxi)
		return -ESRCH;
	flags = vx_flags(vxi);
	if ((flags & VXF_INFO_PRIVATE) && !(flags & VXF_STATE_SETUP)) {
		vx_put(vxi);
		return -EPERM;
	}
	if (!vx_member_get(vxi)) {
		vx_put(vxi);
		return -ESRCH;
	}
	if (arg.flagword & (VXM_SET_INIT | VXM_SET_REAPER))
		vx_set_init(vxi, arg.flagword & VXM_SET_INIT,
			    arg.flagword & VXM_SET_REAPER);
	vx_enter_current(vxi);
	return 0;
}

/**
 * vc_task_xid - task_xid: the xid of a task
 * @id: a pid in the caller's pid namespace, 0 for the caller
 *
 * Return: the xid; -ESRCH if there is no such task, or it is in another
 * context than a caller that is not on the host.
 */
long vc_task_xid(u32 id)
{
	struct task_struct *task;
	u32 xid;

	if (!id)
		return vx_current_xid();
	if (id > INT_MAX)
		return -ESRCH;

	/* find_vpid() hides the tasks of other contexts. */
	rcu_read_lock();
	task = pid_task(find_vpid(id), PIDTYPE_PID);
	xid = task ? vx_task_xid(task) : 0;
	rcu_read_unlock();
	if (!task)
		return -ESRCH;
	return xid;
}

/**
 * vc_vx_info - vx_info: a context's id and init
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_vx_info to fill
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_vx_info(u32 id, void __user *data)
{
	struct vcmd_vx_info arg = { 0 };
	struct vx_info *vxi;

	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	arg.xid = vxi->obj.id;
	rcu_read_lock();
	arg.initpid = pid_vnr(rcu_dereference(vxi->init_pid));
	rcu_read_unlock();
	vx_put(vxi);
	/* A member of a context with a fake init knows it as 1. */
	arg.initpid = vc_map_pid(arg.initpid);

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_ctx_stat - ctx_stat: a context's reference and task counts
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_stat to fill
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_ctx_stat(u32 id, void __user *data)
{
	struct vcmd_ctx_stat arg = { 0 };
	struct vx_info *vxi;

	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	/* Not counting the reference this lookup holds. */
	arg.usecnt = refcount_read(&vxi->obj.usage) - 1;
	arg.tasks = vx_task_count(vxi);
	vx_put(vxi);

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/*
 * Flags, bounding set and context capabilities share one shape: a 64-bit
 * word read whole and changed through a value and a mask.
 */
struct vc_word {
	u64 value;
	u64 mask;
};

/**
 * struct vc_word_ops - one value/mask word of a context
 * @known: the bits a set command may name in its mask; others are EINVAL
 * @read: fill in the value and the mask get reports
 * @change: apply value and mask; returns 0 or a negative error
 */
struct vc_word_ops {
	u64 known;
	void (*read)(struct vx_info *vxi, struct vc_word *w);
	int (*change)(struct vx_info *vxi, const struct vc_word *w);
};

static long vc_get_word(u32 id, void __user *data,
			const struct vc_word_ops *ops)
{
	struct vx_info *vxi;
	struct vc_word w;

	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	ops->read(vxi, &w);
	vx_put(vxi);

	if (copy_to_user(data, &w, sizeof(w)))
		return -EFAULT;
	return 0;
}

static long vc_set_word(u32 id, void __user *data,
			const struct vc_word_ops *ops)
{
	struct vx_info *vxi;
	struct vc_word w;
	long ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (copy_from_user(&w, data, sizeof(w)))
		return -EFAULT;
	if (w.mask & ~ops->known)
		return -EINVAL;

	ret = vc_lookup_writable(id, &vxi);
	if (ret)
		return ret;
	ret = ops->change(vxi, &w);
	vx_put(vxi);
	return ret;
}

static void vc_read_cflags(struct vx_info *vxi, struct vc_word *w)
{
	w->value = vx_flags(vxi);
	/* One-time bits, once cleared, may not change any more. */
	w->mask = VXF_ALL & ~(VXF_ONE_TIME & ~w->value);
}

static int vc_change_cflags(struct vx_info *vxi, const struct vc_word *w)
{
	return vx_change_flags(vxi, w->value, w->mask);
}

static const struct vc_word_ops vc_cflags_ops = {
	.known = VXF_ALL,
	.read = vc_read_cflags,
	.change = vc_change_cflags,
};

static void vc_read_bcaps(struct vx_info *vxi, struct vc_word *w)
{
	w->value = READ_ONCE(vxi->bcaps);
	w->mask = VC_BCAPS_ALL;
}

static int vc_change_bcaps(struct vx_info *vxi, const struct vc_word *w)
{
	vx_change_bcaps(vxi, w->value, w->mask);
	return 0;
}

/* Bits above the known capabilities are never set: any mask will do. */
static const struct vc_word_ops vc_bcaps_ops = {
	.known = ~0ULL,
	.read = vc_read_bcaps,
	.change = vc_change_bcaps,
};

static void vc_read_ccaps(struct vx_info *vxi, struct vc_word *w)
{
	w->value = READ_ONCE(vxi->ccaps);
	w->mask = VXC_ALL;
}

static int vc_change_ccaps(struct vx_info *vxi, const struct vc_word *w)
{
	vx_change_word(vxi, &vxi->ccaps, w->value, w->mask);
	return 0;
}

static const struct vc_word_ops vc_ccaps_ops = {
	.known = VXC_ALL,
	.read = vc_read_ccaps,
	.change = vc_change_ccaps,
};

static void vc_read_umask(struct vx_info *vxi, struct vc_word *w)
{
	w->value = READ_ONCE(vxi->umask);
	w->mask = VC_UMASK_ALL;
}

static int vc_change_umask(struct vx_info *vxi, const struct vc_word *w)
{
	vx_change_word(vxi, &vxi->umask, w->value, w->mask);
	return 0;
}

static const struct vc_word_ops vc_umask_ops = {
	.known = VC_UMASK_ALL,
	.read = vc_read_umask,
	.change = vc_change_umask,
};

/**
 * vc_virt_stat - virt_stat: a context's uptime and task states
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_virt_stat to fill
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_virt_stat(u32 id, void __user *data)
{
	struct vcmd_virt_stat arg = { 0 };
	unsigned long load[3];
	struct vx_states st;
	struct vx_info *vxi;

	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	arg.offset = vxi->start_ns;
	arg.uptime = ktime_get_boottime_ns() - vxi->start_ns;
	arg.nr_forks = atomic_read(&vxi->nr_forks);
	vx_task_states(vxi, &st);
	arg.nr_threads = st.threads;
	arg.nr_running = st.running;
	arg.nr_uninterruptible = st.uninterruptible;
	vx_loadavg(vxi, load);
	arg.load[0] = load[0];
	arg.load[1] = load[1];
	arg.load[2] = load[2];
	vx_put(vxi);

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_get_cflags - get_cflags: a context's flags
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_flags to fill; the mask holds the bits that may
 *        still change (one-time bits, once cleared, may not)
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_get_cflags(u32 id, void __user *data)
{
	return vc_get_word(id, data, &vc_cflags_ops);
}

/**
 * vc_set_cflags - set_cflags: change a context's flags
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_flags: the bits in the mask take the values in the
 *        flag word; one-time bits can only be cleared
 *
 * Return: 0; -EPERM if the caller may not change the context; -EFAULT;
 * -EINVAL for unknown bits in the mask; -ESRCH if there is no such context
 * visible to the caller, or it shut down meanwhile.
 */
long vc_set_cflags(u32 id, void __user *data)
{
	return vc_set_word(id, data, &vc_cflags_ops);
}

/**
 * vc_get_bcaps - get_bcaps: a context's capability bounding set
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_bcaps to fill; the mask holds every capability the
 *        kernel knows
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_get_bcaps(u32 id, void __user *data)
{
	return vc_get_word(id, data, &vc_bcaps_ops);
}

/**
 * vc_set_bcaps - set_bcaps: shrink a context's capability bounding set
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_bcaps: capabilities in the mask that are clear in the
 *        set are removed; the set never grows
 *
 * Return: 0; -EPERM if the caller may not change the context; -EFAULT;
 * -ESRCH if there is no such context visible to the caller.
 */
long vc_set_bcaps(u32 id, void __user *data)
{
	return vc_set_word(id, data, &vc_bcaps_ops);
}

/**
 * vc_get_ccaps - get_ccaps: a context's context capabilities
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_caps to fill; the mask holds every known bit
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_get_ccaps(u32 id, void __user *data)
{
	return vc_get_word(id, data, &vc_ccaps_ops);
}

/**
 * vc_set_ccaps - set_ccaps: change a context's context capabilities
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_caps: the bits in the mask take the values in
 *        the capability word
 *
 * Return: 0; -EPERM if the caller may not change the context; -EFAULT;
 * -EINVAL for unknown bits in the mask; -ESRCH if there is no such context
 * visible to the caller.
 */
long vc_set_ccaps(u32 id, void __user *data)
{
	return vc_set_word(id, data, &vc_ccaps_ops);
}

/*
 * Whether a thread of @p is in @vxi: threads migrate one by one, so a
 * process may have its leader elsewhere.  Called under rcu_read_lock().
 */
static bool vx_process_in(struct task_struct *p, struct vx_info *vxi)
{
	struct task_struct *t;

	for_each_thread(p, t)
		if (rcu_access_pointer(t->vx_info) == vxi)
			return true;
	return false;
}

/**
 * vx_signal - signal the processes of a context
 * @vxi: the context
 * @pid: 0 for every process, 1 for its init, -1 for every process but its
 *       init, or the number of one process as the caller sees it
 * @sig: the signal; 0 only checks that a process matches
 *
 * A process is signalled, as a whole, when any of its threads is in @vxi.
 *
 * Return: 0 if at least one process was signalled, else the error of the
 * last attempt or -ESRCH.
 */
int vx_signal(struct vx_info *vxi, int pid, int sig)
{
	struct task_struct *p;
	struct pid *init;
	int sent = 0, ret = 0;

	rcu_read_lock();
	init = get_pid(rcu_dereference(vxi->init_pid));
	for_each_process(p) {
		if (!vx_process_in(p, vxi))
			continue;
		if (pid == 1 && task_tgid(p) != init)
			continue;
		if (pid == -1 && task_tgid(p) == init)
			continue;
		if (pid > 1 && task_tgid_vnr(p) != pid)
			continue;
		/* Signal 0 only probes, as kill(2) does. */
		ret = sig ? send_sig_info(sig, SEND_SIG_PRIV, p) : 0;
		if (!ret)
			sent++;
	}
	rcu_read_unlock();
	put_pid(init);
	if (sent)
		return 0;
	return ret ? ret : -ESRCH;
}

/**
 * vc_ctx_kill - ctx_kill: signal the processes of a context
 * @id: the xid
 * @data: struct vcmd_ctx_kill
 *
 * Return: 0 if at least one process was signalled; -EPERM if the caller
 * is not a host administrator; -EFAULT; -EINVAL for a bad signal; -ESRCH
 * if there is no such context or no matching process.
 */
long vc_ctx_kill(u32 id, void __user *data)
{
	struct vcmd_ctx_kill arg;
	struct vx_info *vxi;
	long ret;

	if (!vc_host_admin())
		return -EPERM;
	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (!valid_signal(arg.sig))
		return -EINVAL;
	if (arg.pid < -1)
		return -ESRCH;

	vxi = vx_lookup(id);
	if (!vxi)
		return -ESRCH;
	ret = vx_signal(vxi, arg.pid, arg.sig);
	vx_put(vxi);
	return ret;
}

/**
 * vc_wait_exit - wait_exit: wait until a context has shut down
 * @id: the xid
 * @data: struct vcmd_wait_exit to fill
 *
 * Return: 0 once the context is gone; -EPERM if the caller is not a host
 * administrator; -ESRCH if there is no such context; -ERESTARTSYS if a
 * signal came first; -EFAULT.
 */
long vc_wait_exit(u32 id, void __user *data)
{
	struct vcmd_wait_exit arg = { 0 };
	struct vx_info *vxi;
	int ret;

	if (!vc_host_admin())
		return -EPERM;
	vxi = vx_lookup(id);
	if (!vxi)
		return -ESRCH;
	ret = wait_event_interruptible(vxi->exit_wait, !vx_alive(vxi));
	vx_put(vxi);
	if (ret)
		return ret;
	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_get_umask - get_umask: a context's unshare mask
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_umask to fill; the mask holds every known bit
 *
 * Return: 0; -ESRCH if there is no such context visible to the caller;
 * -EFAULT.
 */
long vc_get_umask(u32 id, void __user *data)
{
	return vc_get_word(id, data, &vc_umask_ops);
}

/**
 * vc_set_umask - set_umask: change a context's unshare mask
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_umask: the bits in the mask take the values in the
 *        unshare mask
 *
 * Return: 0; -EPERM if the caller may not change the context; -EFAULT;
 * -EINVAL for unknown bits in the mask; -ESRCH if there is no such context
 * visible to the caller.
 */
long vc_set_umask(u32 id, void __user *data)
{
	return vc_set_word(id, data, &vc_umask_ops);
}
