/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - spaces: namespaces and root directory kept per context
 */

#ifndef _VS_SPACE_H
#define _VS_SPACE_H

#include <linux/compiler_types.h>
#include <linux/types.h>

struct vx_info;

struct nsproxy;

void vx_spaces_release(struct vx_info *vxi);
struct nsproxy *vx_space_uts(struct vx_info *vxi);
long vc_set_space(u32 id, void __user *data, unsigned int version);
long vc_enter_space(u32 id, void __user *data, unsigned int version);
long vc_get_space_mask(void __user *data);
long vc_get_space_default(void __user *data);

#endif /* _VS_SPACE_H */
