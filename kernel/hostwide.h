/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - interfaces that act on the whole machine
 */

#ifndef _VS_HOSTWIDE_H
#define _VS_HOSTWIDE_H

struct ctl_table;
struct ctl_table_header;

int vc_sysctl_write(struct ctl_table_header *head, struct ctl_table *table);
int vc_iface_access(unsigned int iface, int arg);

#endif /* _VS_HOSTWIDE_H */
