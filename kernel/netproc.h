/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - /proc/virtnet
 */

#ifndef _VS_NETPROC_H
#define _VS_NETPROC_H

#include <linux/types.h>

struct nx_info;
struct proc_dir_entry;

int nx_proc_init(void);
void nx_proc_exit(void);
int nx_proc_create(struct nx_info *nxi);
void nx_proc_remove(struct nx_info *nxi);
bool nx_proc_visible(struct proc_dir_entry *parent, void *data);

#endif /* _VS_NETPROC_H */
