/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - values a context sees in its own version
 */

#ifndef _VS_CVIRT_H
#define _VS_CVIRT_H

struct timespec64;

void vc_uptime(struct timespec64 *uptime);

#endif /* _VS_CVIRT_H */
