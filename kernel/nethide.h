/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - what a network context sees of the host's network
 */

#ifndef _VS_NETHIDE_H
#define _VS_NETHIDE_H

#include <linux/types.h>

struct net_device;
struct sock;

bool vc_dev_visible(const struct net_device *dev);
bool vc_addr_visible(int family, const void *addr);
bool vc_sock_visible(const struct sock *sk);

#endif /* _VS_NETHIDE_H */
