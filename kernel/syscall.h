/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - dispatch of vserver(2) commands
 */

#ifndef _VS_SYSCALL_H
#define _VS_SYSCALL_H

#include <linux/compiler_types.h>
#include <linux/types.h>

long vc_syscall(u32 cmd, u32 id, void __user *data);

#endif /* _VS_SYSCALL_H */
