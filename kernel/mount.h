/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - mounts a guest may make
 */

#ifndef _VS_MOUNT_H
#define _VS_MOUNT_H

#include <linux/types.h>

struct file_system_type;
struct path;

bool vc_may_mount(const struct path *path, unsigned long *flags);
bool vc_mount_capable(struct file_system_type *type);
bool vx_mount_allowed(u64 ccaps);

#endif /* _VS_MOUNT_H */
