// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - tasks entering and leaving contexts
 *
 * A task in a context holds one reference and one membership on it.  The
 * membership ends in do_exit(), so that a context shuts down with its last
 * running task; the reference ends when the task_struct is freed, so that
 * zombies and RCU readers can still look at the context.
 */

#include <linux/rcupdate.h>
#include <linux/sched.h>

#include "context.h"
#include "isolation.h"
#include "limit.h"
#include "network.h"
#include "task.h"

/**
 * vc_task_fork - the fork call-out: the child joins its parent's contexts
 * @child: the new task, whose context pointers are NULL
 * @clone_flags: the clone flags
 *
 * Called for a parent that is in a context.  The parent may have passed
 * its exit call-out already (a thread of an exiting process, an io_uring
 * worker), and its context may have shut down with it: a context whose
 * members all left never gets one again, so such a fork fails.
 *
 * A fork that would take the security context beyond its NPROC hard
 * limit fails too (limit.c).
 *
 * Return: 0, or -EAGAIN if a context of the parent has shut down or the
 * NPROC limit is reached.
 */
int vc_task_fork(struct task_struct *child, u64 clone_flags)
{
	struct vx_info *vxi = vx_current();
	struct nx_info *nxi = nx_current();

	if (vxi && !vx_member_get(vxi))
		return -EAGAIN;
	if (vxi && vx_limit_fork(vxi)) {
		vx_member_put(vxi);
		return -EAGAIN;
	}
	if (nxi && !nx_member_get(nxi)) {
		if (vxi)
			vx_member_put(vxi);
		return -EAGAIN;
	}
	if (vxi) {
		vx_get(vxi);
		atomic_inc(&vxi->nr_forks);
		rcu_assign_pointer(child->vx_info, vxi);
	}
	if (nxi) {
		nx_get(nxi);
		rcu_assign_pointer(child->nx_info, nxi);
	}
	return 0;
}

/**
 * vc_task_exit - the exit call-out: a task leaves its context
 * @task: the exiting task, or a child whose fork failed
 */
void vc_task_exit(struct task_struct *task)
{
	struct vx_info *vxi = vx_task_ctx(task);
	struct nx_info *nxi = nx_task_ctx(task);

	if (vxi) {
		vx_member_put(vxi);
		vx_limit_note_tasks(vxi);
	}
	if (nxi)
		nx_member_put(nxi);
}

/**
 * vc_task_free - the free call-out: drop a freed task's reference
 * @task: the task being freed; may be called from an RCU callback
 */
void vc_task_free(struct task_struct *task)
{
	vx_put(vx_task_ctx(task));
	nx_put(nx_task_ctx(task));
}

/**
 * vx_enter_current - move the current task into a context
 * @vxi: the context; the caller hands over one reference and one
 *       membership, which the task keeps until it exits
 *
 * The task leaves the context it was in, if any.  Other threads of the
 * process stay where they are.
 */
void vx_enter_current(struct vx_info *vxi)
{
	struct vx_info *old = vx_current();

	/* Nothing of the host that current carries may reach the guest. */
	vx_seal_current();
	rcu_assign_pointer(current->vx_info, vxi);
	vx_limit_note_tasks(vxi);
	if (old) {
		vx_member_put(old);
		vx_limit_note_tasks(old);
		vx_put(old);
	}
}
