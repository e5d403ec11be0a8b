/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - /proc/virtual
 */

#ifndef _VS_PROC_H
#define _VS_PROC_H

#include <linux/types.h>

struct proc_dir_entry;
struct vx_info;

int vx_proc_init(void);
void vx_proc_exit(void);
int vx_proc_create(struct vx_info *vxi);
void vx_proc_remove(struct vx_info *vxi);
bool vc_proc_visible(struct proc_dir_entry *parent, void *data);

#endif /* _VS_PROC_H */
