/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - copy-on-write link breaking
 */

#ifndef _VS_COW_H
#define _VS_COW_H

#include <linux/types.h>

struct cred;
struct path;

int vc_cow_break(const struct path *path, unsigned int how);
bool vx_cow_creds(const struct cred *cred);
int vx_cow_init(void);
void vx_cow_exit(void);

#endif /* _VS_COW_H */
