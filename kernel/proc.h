/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - /proc/virtual
 */

#ifndef _VS_PROC_H
#define _VS_PROC_H

int vx_proc_init(void);
void vx_proc_exit(void);

#endif /* _VS_PROC_H */
