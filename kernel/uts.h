/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - uts names of a context (vhi names)
 */

#ifndef _VS_UTS_H
#define _VS_UTS_H

#include <linux/compiler_types.h>
#include <linux/types.h>

long vc_get_vhi_name(u32 id, void __user *data);
long vc_set_vhi_name(u32 id, void __user *data);

#endif /* _VS_UTS_H */
