/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - tasks entering and leaving contexts
 */

#ifndef _VS_TASK_H
#define _VS_TASK_H

#include <linux/types.h>

struct task_struct;
struct vx_info;

int vc_task_fork(struct task_struct *child, u64 clone_flags);
void vc_task_exit(struct task_struct *task);
void vc_task_free(struct task_struct *task);
void vx_enter_current(struct vx_info *vxi);

#endif /* _VS_TASK_H */
