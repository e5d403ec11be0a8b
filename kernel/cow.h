/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - copy-on-write link breaking
 */

#ifndef _VS_COW_H
#define _VS_COW_H

struct path;

int vc_cow_break(const struct path *path, unsigned int how);

#endif /* _VS_COW_H */
