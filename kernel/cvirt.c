// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - values a context sees in its own version
 *
 * With VXF_VIRT_UPTIME, a context's tasks are told the time since the
 * context was created as the system's uptime (/proc/uptime, sysinfo()).
 * The idle time in /proc/uptime stays the host's.
 *
 * Every context has load averages of its own, computed the way the
 * system's are: every LOAD_FREQ (5 s) a sampler counts the context's
 * runnable and uninterruptible tasks and folds the count into the 1, 5
 * and 15 minute averages.  The sampler walks the threads of the system
 * once per period, and not at all while there is no context.
 */

#include <linux/rcupdate.h>
#include <linux/sched/loadavg.h>
#include <linux/workqueue.h>
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

/* Whether a task counts towards the load, as for the system's. */
static bool vx_task_active(struct task_struct *t)
{
	unsigned int state = READ_ONCE(t->__state);

	return state == TASK_RUNNING ||
	       ((state & TASK_UNINTERRUPTIBLE) && !(state & TASK_NOLOAD));
}

static void vx_load_fold(struct vs_obj *obj)
{
	struct vx_info *vxi = vx_of(obj);
	unsigned long active = (unsigned long)vxi->load_active * FIXED_1;

	WRITE_ONCE(vxi->load[0], calc_load(vxi->load[0], EXP_1, active));
	WRITE_ONCE(vxi->load[1], calc_load(vxi->load[1], EXP_5, active));
	WRITE_ONCE(vxi->load[2], calc_load(vxi->load[2], EXP_15, active));
	WRITE_ONCE(vxi->load_updates, vxi->load_updates + 1);
	vxi->load_active = 0;
}

static void vx_load_sample(struct work_struct *work);
static DECLARE_DELAYED_WORK(vx_load_work, vx_load_sample);

static void vx_load_sample(struct work_struct *work)
{
	struct task_struct *g, *t;
	struct vx_info *vxi;

	if (vx_nr_active()) {
		/* A context that shut down meanwhile is counted, not read. */
		rcu_read_lock();
		for_each_process_thread(g, t) {
			vxi = rcu_dereference(t->vx_info);
			if (vxi && !t->exit_state && vx_task_active(t))
				vxi->load_active++;
		}
		rcu_read_unlock();
		vx_walk_contexts(vx_load_fold);
	}
	schedule_delayed_work(&vx_load_work, LOAD_FREQ);
}

/**
 * vx_load_init - start sampling the load of contexts
 */
void vx_load_init(void)
{
	schedule_delayed_work(&vx_load_work, LOAD_FREQ);
}

/**
 * vx_load_exit - stop sampling; no context is left when this is called
 */
void vx_load_exit(void)
{
	cancel_delayed_work_sync(&vx_load_work);
}

/**
 * vx_loadavg - a context's load averages
 * @vxi: the context
 * @load: receives the 1, 5 and 15 minute averages (fixed point, FSHIFT)
 *
 * Return: the number of samples taken into them.
 */
unsigned int vx_loadavg(struct vx_info *vxi, unsigned long load[3])
{
	load[0] = READ_ONCE(vxi->load[0]);
	load[1] = READ_ONCE(vxi->load[1]);
	load[2] = READ_ONCE(vxi->load[2]);
	return READ_ONCE(vxi->load_updates);
}
