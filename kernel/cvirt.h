/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - values a context sees in its own version
 */

#ifndef _VS_CVIRT_H
#define _VS_CVIRT_H

#include <linux/types.h>

struct timespec64;
struct vx_info;

/**
 * struct vx_states - the live tasks of a context, by state
 * @threads: every thread that has not exited
 * @running: those runnable
 * @uninterruptible: those in uninterruptible sleep
 */
struct vx_states {
	u32 threads;
	u32 running;
	u32 uninterruptible;
};

void vc_uptime(struct timespec64 *uptime);
void vx_task_states(struct vx_info *vxi, struct vx_states *st);
void vx_load_init(void);
void vx_load_exit(void);
unsigned int vx_loadavg(struct vx_info *vxi, unsigned long load[3]);

#endif /* _VS_CVIRT_H */
