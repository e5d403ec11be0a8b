/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - definitions shared by every file of the module
 */

#ifndef _VS_COMMON_H
#define _VS_COMMON_H

#include <linux/bits.h>
#include <linux/capability.h>

#include <linux/vserver.h>

/*
 * The version of the Linux-VServer ABI the module answers to get_version.
 * From 0x00020304 util-vserver takes its newest paths (spaces when
 * creating and entering contexts, the pivot-root space, the unshare
 * mask); every context and space command they use is implemented.
 * Features a version would imply but that do not work yet (inode
 * attributes, for one) are missing from get_vci and answer ENOSYS.
 */
#define VC_ABI_VERSION		0x00020304

/*
 * The features the module reports to get_vci: only what works.  Dynamic
 * xids do, so VCI_NO_DYNAMIC is clear; NETV2 is the network context
 * interface with separate IPv4 and IPv6 address commands; COWBL is
 * copy-on-write link breaking (cow.c).
 */
#define VC_VCI_FEATURES		(VCI_COWBL | VCI_SPACES | VCI_NETV2)

/* Every capability this kernel knows: the initial bounding set. */
#define VC_BCAPS_ALL		GENMASK_ULL(CAP_LAST_CAP, 0)

#endif /* _VS_COMMON_H */
