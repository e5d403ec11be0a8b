// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - a context's init shown as process 1
 *
 * Init programs such as sysvinit act as a client of the running init
 * unless they are process 1.  A context with VXF_INFO_INIT whose init was
 * set (ctx_migrate with VXM_SET_INIT, vcontext --initpid) shows that
 * process to its members as process 1, both in what the kernel tells them
 * (getpid(), getppid(), /proc) and in what they ask for (kill(1, ...),
 * /proc/1).  Its real number does not resolve in /proc for them.  The
 * host's init is never visible to a context, so 1 is free to reuse.
 *
 * Only numbers of the initial pid namespace are mapped; a task in a pid
 * namespace of its own, and the spectator, see the real numbers.
 */

#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/rcupdate.h>

#include <linux/vserver.h>

#include "context.h"
#include "fakeinit.h"

/* The real number of current's context's fake init, or 0 if it has none. */
static pid_t vx_fake_init(void)
{
	struct vx_info *cur = vx_current();
	struct pid *init;
	pid_t nr = 0;

	if (!cur || !(vx_flags(cur) & VXF_INFO_INIT) ||
	    vx_is_spectator(cur) ||
	    task_active_pid_ns(current) != &init_pid_ns)
		return 0;
	/*
	 * No lock: this runs under tasklist_lock (setpgid()) and in softirq
	 * (SIGIO to a process group), where context locks must not be taken.
	 */
	rcu_read_lock();
	init = rcu_dereference(cur->init_pid);
	/* An init that is gone leaves its number to whoever gets it next. */
	if (init && pid_has_task(init, PIDTYPE_TGID))
		nr = pid_nr(init);
	rcu_read_unlock();
	return nr;
}

/**
 * vc_map_pid - the map_pid call-out
 * @nr: a process number in the initial pid namespace
 *
 * Return: 1 if @nr is current's context's fake init, else @nr.
 */
pid_t vc_map_pid(pid_t nr)
{
	pid_t init = vx_fake_init();

	return init && nr == init ? 1 : nr;
}

/**
 * vc_rmap_pid - the rmap_pid call-out
 * @nr: a process number given by current
 *
 * Return: the real number of current's context's fake init for 1, else
 * @nr.
 */
pid_t vc_rmap_pid(pid_t nr)
{
	pid_t init;

	if (nr != 1)
		return nr;
	init = vx_fake_init();
	return init ? init : nr;
}
