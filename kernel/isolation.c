// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - who may see and act on whom
 *
 * The rules, for a task in a context (the core kernel never asks for host
 * tasks, which see and may act on everything their credentials allow):
 *
 *  - A task sees the tasks of its own context and no other; pids of other
 *    contexts behave as if they did not exist.  The spectator (xid 1)
 *    sees every task.
 *  - The spectator changes nothing: it may read, but not signal, ptrace
 *    in attach mode, or change the priority, scheduling, process group or
 *    memory placement of any task, and it has no capabilities.
 *  - Capabilities of the initial user namespace outside the context's
 *    bounding set are refused once the context has left STATE_SETUP, and
 *    taken out of the credentials of every program a member executes from
 *    then on, so that the credentials tell the host what the guest may do.  In
 *    a user namespace the guest made, the kernel's own rules decide: its
 *    capabilities there reach only what that namespace owns, so rootless
 *    tools (unshare -Urm, bubblewrap) work in a guest as on a host.  A
 *    guest cannot join a user namespace it did not make (setns() is
 *    refused, and it sees no other context's processes).  Checks made in
 *    interrupt context, on behalf of nobody in particular, are left
 *    alone.
 *  - A context capability gives back, at the few places that ask, what the
 *    bounding set took: VXC_SET_UTSNAME the right to name a uts namespace
 *    of the guest's own (never the host's), VXC_SYSLOG the restricted
 *    syslog actions.  The task's credentials must still hold the Linux
 *    capability, in the initial user namespace: capabilities a guest's
 *    user got by making a user namespace of its own never count.
 *  - A task with CAP_SYS_ADMIN effective in the initial user namespace
 *    may create namespaces of its own
 *    (clone(), unshare()) of the kinds named in its context's unshare
 *    mask, or of any kind with VXC_NAMESPACE; never join others (setns()).
 */

#include <linux/bits.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/cred.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/mm_types.h>
#include <linux/user_namespace.h>
#include <linux/utsname.h>
#include <linux/vserver_hooks.h>

#include <linux/vserver.h>

#include "context.h"
#include "cow.h"
#include "isolation.h"
#include "mount.h"

/**
 * vx_cred_has_cap - whether current holds a capability on the host's terms
 * @cap: the capability
 *
 * Context capabilities give back what the bounding set took from the
 * initial user namespace.  A user who made a user namespace of its own
 * has every capability there, which must never count for them.
 *
 * Return: true if current's credentials are of the initial user namespace
 * and have @cap effective.
 */
bool vx_cred_has_cap(int cap)
{
	const struct cred *cred = current_cred();

	return cred->user_ns == &init_user_ns &&
	       cap_raised(cred->cap_effective, cap);
}

/**
 * vc_task_visible - the task_visible call-out
 * @task: the task looked at
 *
 * Return: true if current may see @task.
 */
bool vc_task_visible(struct task_struct *task)
{
	struct vx_info *cur = vx_current();
	bool visible;

	if (!cur || vx_is_spectator(cur))
		return true;
	rcu_read_lock();
	visible = rcu_dereference(task->vx_info) == cur;
	rcu_read_unlock();
	return visible;
}

/**
 * vc_pid_visible - the pid_visible call-out
 * @pid: the pid looked up
 *
 * A pid is visible if the first task attached to it, as a thread, thread
 * group, process group or session id, is visible.
 *
 * Return: true if current may see the tasks behind @pid.
 */
bool vc_pid_visible(struct pid *pid)
{
	struct task_struct *task = NULL;
	enum pid_type type;
	bool visible = true;

	rcu_read_lock();
	for (type = PIDTYPE_PID; type < PIDTYPE_MAX && !task; type++)
		task = pid_task(pid, type);
	if (task)
		visible = vc_task_visible(task);
	rcu_read_unlock();
	return visible;
}

/*
 * Whether @task's memory image is closed to ptrace and its /proc files
 * (not dumpable).  Called under task_lock(@task), which keeps @task->mm.
 */
static bool vx_task_sealed(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	return mm && get_dumpable(mm) != SUID_DUMP_USER;
}

/**
 * vc_task_access - the task_access call-out
 * @task: the target
 * @access: VS_ACCESS_*
 *
 * A process that is not dumpable stays closed to ptrace and to the
 * /proc/<pid> files behind ptrace read mode (fd, exe, cwd, root, environ,
 * maps) for every member of a context, CAP_SYS_PTRACE or not: that is
 * how a host tool that enters a guest keeps the host's binary and
 * descriptors out of the guest's reach until it executes the guest's
 * program (the module makes every task that joins a context from outside
 * non-dumpable; execve() makes it dumpable again).
 *
 * Return: 0; -ESRCH for a task current may not see (-EPERM for a ptrace
 * attach); -EPERM for anything but a read by the spectator, and for a
 * ptrace access to a task that is not dumpable.
 */
int vc_task_access(struct task_struct *task, unsigned int access)
{
	struct vx_info *cur = vx_current();

	if (!cur)
		return 0;
	if (!vc_task_visible(task))
		return access == VS_ACCESS_PTRACE ? -EPERM : -ESRCH;
	if ((access == VS_ACCESS_PTRACE || access == VS_ACCESS_PTRACE_READ) &&
	    vx_task_sealed(task))
		return -EPERM;
	if (vx_is_spectator(cur))
		return (access == VS_ACCESS_READ ||
			access == VS_ACCESS_PTRACE_READ) ? 0 : -EPERM;
	return 0;
}

/**
 * vx_seal_current - make current not dumpable as it joins a context
 *
 * What set_dumpable(current->mm, SUID_DUMP_DISABLE) does (that function
 * is not exported).  Until current executes a program, members of the
 * context cannot ptrace it or read its descriptors and executable
 * through /proc (vc_task_access()).
 */
void vx_seal_current(void)
{
	struct mm_struct *mm = current->mm;

	if (mm)
		set_mask_bits(&mm->flags, MMF_DUMPABLE_MASK, SUID_DUMP_DISABLE);
}

/**
 * vc_capable - the capable call-out
 * @cred: the credentials the check is about
 * @ns: the user namespace the capability is wanted in
 * @cap: the capability
 *
 * The bounding set of current's context applies to @cred whoever it
 * belongs to: a context member that checks someone else's credentials
 * acts within its own limits.
 *
 * Return: 0 if @ns is not the initial user namespace, @cred are those of a
 * copy-on-write break, the capability is in the bounding set of current's
 * context or the context is still in setup; -EPERM otherwise.
 */
int vc_capable(const struct cred *cred, struct user_namespace *ns, int cap)
{
	struct vx_info *cur = vx_current();

	/*
	 * In interrupt context current is whatever task was interrupted;
	 * its context has nothing to do with the check.
	 */
	if (!cur || !in_task() || ns != &init_user_ns || vx_cow_creds(cred))
		return 0;
	if (cap < 0 || cap > CAP_LAST_CAP)
		return -EPERM;
	if (!vx_is_spectator(cur) && (vx_flags(cur) & VXF_STATE_SETUP))
		return 0;
	return (READ_ONCE(cur->bcaps) & BIT_ULL(cap)) ? 0 : -EPERM;
}

/**
 * vc_exec_creds - the exec_creds call-out
 * @new: the credentials of the program current executes
 *
 * Takes the capabilities outside the bounding set of current's context
 * out of the bounding, inheritable and ambient sets of @new (and out of
 * the permitted and effective sets, which execve() computes again from
 * them), once the context has left STATE_SETUP: the tools that set a
 * context up run with the host's credentials.  Credentials of a user
 * namespace the guest made are left to the kernel's rules.  The bounding
 * set of a context only shrinks, so nothing taken here is ever given back.
 */
void vc_exec_creds(struct cred *new)
{
	struct vx_info *cur = vx_current();
	kernel_cap_t bset;
	u64 bcaps;

	if (!cur || new->user_ns != &init_user_ns)
		return;
	if (!vx_is_spectator(cur) && (vx_flags(cur) & VXF_STATE_SETUP))
		return;
	bcaps = READ_ONCE(cur->bcaps);
	bset.cap[0] = lower_32_bits(bcaps);
	bset.cap[1] = upper_32_bits(bcaps);
	new->cap_bset = cap_intersect(new->cap_bset, bset);
	new->cap_inheritable = cap_intersect(new->cap_inheritable, bset);
	new->cap_ambient = cap_intersect(new->cap_ambient, bset);
	new->cap_permitted = cap_intersect(new->cap_permitted, bset);
	new->cap_effective = cap_intersect(new->cap_effective, bset);
}

/**
 * vc_ccapable - the ccapable call-out
 * @cap: the Linux capability the check is for
 * @ccap: the context capability that may grant it (VXC_*)
 *
 * Return: true if current's context has @ccap, current's credentials are
 * of the initial user namespace and have @cap (unless @cap is -1: the
 * context capability alone), and for
 * VXC_SET_UTSNAME, current's uts namespace is not the host's, for
 * VXC_SECURE_MOUNT and VXC_SECURE_REMOUNT, its mount namespace.
 */
bool vc_ccapable(int cap, u64 ccap)
{
	struct vx_info *cur = vx_current();

	if (!cur || vx_is_spectator(cur) || !in_task())
		return false;
	if (!(READ_ONCE(cur->ccaps) & ccap))
		return false;
	if (cap == -1)
		return true;
	if (cap < 0 || cap > CAP_LAST_CAP || !vx_cred_has_cap(cap))
		return false;
	if ((ccap & VXC_SET_UTSNAME) &&
	    current->nsproxy->uts_ns == &init_uts_ns)
		return false;
	if (ccap & (VXC_SECURE_MOUNT | VXC_SECURE_REMOUNT))
		return vx_mount_allowed(ccap);
	return true;
}

/* The namespace bits of clone() and unshare() flags. */
#define VC_UMASK_NS	(VC_UMASK_ALL & ~VC_SPACE_FS)

/**
 * vc_may_unshare - the may_unshare call-out
 * @flags: the CLONE_NEW* bits asked for
 *
 * Return: true if current's credentials are of the initial user namespace
 * and have CAP_SYS_ADMIN effective, and its context has VXC_NAMESPACE or an
 * unshare mask that names every kind of namespace in @flags.
 */
bool vc_may_unshare(unsigned long flags)
{
	struct vx_info *cur = vx_current();
	u64 ns = flags & VC_UMASK_NS;

	if (!cur || vx_is_spectator(cur) || !ns ||
	    !vx_cred_has_cap(CAP_SYS_ADMIN))
		return false;
	if (READ_ONCE(cur->ccaps) & VXC_NAMESPACE)
		return true;
	return !(ns & ~READ_ONCE(cur->umask));
}
