/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - the network context commands of vserver(2)
 */

#ifndef _VS_NETCMD_H
#define _VS_NETCMD_H

#include <linux/compiler_types.h>
#include <linux/types.h>

long vc_net_create(u32 id, void __user *data);
long vc_net_migrate(u32 id);
long vc_task_nid(u32 id);
long vc_nx_info(u32 id, void __user *data);
long vc_net_add_v0(u32 id, void __user *data, bool add);
long vc_net_ipv4(u32 id, void __user *data, bool add);
long vc_net_ipv6(u32 id, void __user *data, bool add);
long vc_get_nflags(u32 id, void __user *data);
long vc_set_nflags(u32 id, void __user *data);
long vc_get_ncaps(u32 id, void __user *data);
long vc_set_ncaps(u32 id, void __user *data);

#endif /* _VS_NETCMD_H */
