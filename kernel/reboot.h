/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - reboot(2) in a guest
 */

#ifndef _VS_REBOOT_H
#define _VS_REBOOT_H

int vc_reboot(unsigned int cmd);

#endif /* _VS_REBOOT_H */
