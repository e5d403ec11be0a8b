// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - values a context sees in its own version
 *
 * With VXF_VIRT_UPTIME, a context's tasks are told the time since the
 * context was created as the system's uptime (/proc/uptime, sysinfo()).
 * The idle time in /proc/uptime stays the host's.
 */

#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time64.h>

#include <linux/vserver.h>

#include "context.h"
#include "cvirt.h"

/**
 * vc_uptime - the uptime call-out
 * @uptime: the time since boot, adjusted in place
 */
void vc_uptime(struct timespec64 *uptime)
{
	struct vx_info *cur = vx_current();
	s64 ns;

	if (!cur || !(vx_flags(cur) & VXF_VIRT_UPTIME))
		return;
	ns = timespec64_to_ns(uptime) - (s64)cur->start_ns;
	*uptime = ns_to_timespec64(ns > 0 ? ns : 0);
}

/**
 * vx_task_states - count the live tasks of a context by state
 * @vxi: the context
 * @st: filled in
 *
 * Walks every thread of the system under RCU, so it costs what the number
 * of threads costs; it serves virt_stat and /proc/virtual/<xid>/cvirt.
 */
void vx_task_states(struct vx_info *vxi, struct vx_states *st)
{
	struct task_struct *g, *t;
	unsigned int state;

	*st = (struct vx_states){ 0 };
	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (rcu_access_pointer(t->vx_info) != vxi || t->exit_state)
			continue;
		st->threads++;
		state = READ_ONCE(t->__state);
		if (state == TASK_RUNNING)
			st->running++;
		else if (state & TASK_UNINTERRUPTIBLE)
			st->uninterruptible++;
	}
	rcu_read_unlock();
}
