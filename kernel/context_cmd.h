/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - the context commands of vserver(2)
 */

#ifndef _VS_CONTEXT_CMD_H
#define _VS_CONTEXT_CMD_H

#include <linux/compiler_types.h>
#include <linux/types.h>

struct vx_info;

bool vc_host_admin(void);
struct vx_info *vc_lookup_visible(u32 id);
long vc_lookup_writable(u32 id, struct vx_info **vxip);
long vc_ctx_create(u32 id, void __user *data);
long vc_ctx_migrate(u32 id, void __user *data);
long vc_task_xid(u32 id);
long vc_vx_info(u32 id, void __user *data);
long vc_ctx_stat(u32 id, void __user *data);
long vc_virt_stat(u32 id, void __user *data);
long vc_get_cflags(u32 id, void __user *data);
long vc_set_cflags(u32 id, void __user *data);
long vc_get_bcaps(u32 id, void __user *data);
long vc_set_bcaps(u32 id, void __user *data);
long vc_get_ccaps(u32 id, void __user *data);
long vc_set_ccaps(u32 id, void __user *data);
long vc_get_umask(u32 id, void __user *data);
long vc_set_umask(u32 id, void __user *data);
int vx_signal(struct vx_info *vxi, int pid, int sig);
long vc_ctx_kill(u32 id, void __user *data);
long vc_wait_exit(u32 id, void __user *data);

#endif /* _VS_CONTEXT_CMD_H */
