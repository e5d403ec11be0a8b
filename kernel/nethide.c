// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - what a network context sees of the host's network
 *
 * With NXF_HIDE_NETIF (set on every new network context), a task in it
 * sees in interface lists (netlink link and address dumps, SIOCGIFCONF,
 * /proc/net/dev, /proc/net/if_inet6) only the loopback device, the
 * devices that carry one of its addresses, and its addresses and the
 * loopback addresses.  Independently of the flag, it sees in
 * /proc/net/{tcp,udp,raw}{,6} only the sockets of its own network
 * context.  Tasks on the host see everything.
 */

#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/vserver_net.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>

#include <linux/vserver.h>

#include "network.h"
#include "nethide.h"

/* The network context of current if it hides the host's interfaces. */
static const struct nx_info *nx_hiding(void)
{
	const struct nx_info *nxi = nx_current();

	return nxi && (nx_flags(nxi) & NXF_HIDE_NETIF) ? nxi : NULL;
}

/* Whether @dev carries an address of @nxi; under rcu_read_lock(). */
static bool nx_dev_has_addr(const struct nx_info *nxi,
			    const struct net_device *dev)
{
	const struct nx_addr_list *l4 = rcu_dereference(nxi->v4);
	const struct nx_addr_list *l6 = rcu_dereference(nxi->v6);
	const struct in_device *in_dev = __in_dev_get_rcu(dev);
	struct inet6_dev *idev = __in6_dev_get(dev);
	const struct inet6_ifaddr *ifa6;
	const struct in_ifaddr *ifa;
	bool found = false;

	if (in_dev && l4)
		in_dev_for_each_ifa_rcu(ifa, in_dev)
			if (nx_v4_has(l4, ifa->ifa_local))
				return true;
	if (!idev || !l6)
		return false;
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifa6, &idev->addr_list, if_list) {
		if (nx_v6_has(l6, &ifa6->addr)) {
			found = true;
			break;
		}
	}
	read_unlock_bh(&idev->lock);
	return found;
}

/**
 * vc_dev_visible - the network device visibility call-out
 * @dev: a network device
 *
 * Return: true if current may see @dev.
 */
bool vc_dev_visible(const struct net_device *dev)
{
	const struct nx_info *nxi = nx_hiding();
	bool ret;

	if (!nxi || (dev->flags & IFF_LOOPBACK))
		return true;
	rcu_read_lock();
	ret = nx_dev_has_addr(nxi, dev);
	rcu_read_unlock();
	return ret;
}

/**
 * vc_addr_visible - the interface address visibility call-out
 * @family: AF_INET or AF_INET6
 * @addr: the address, a __be32 or a struct in6_addr
 *
 * Return: true if current may see @addr.
 */
bool vc_addr_visible(int family, const void *addr)
{
	const struct nx_info *nxi = nx_hiding();
	bool ret;

	if (!nxi)
		return true;
	rcu_read_lock();
	if (family == AF_INET)
		ret = ipv4_is_loopback(*(const __be32 *)addr) ||
		      nx_v4_has(rcu_dereference(nxi->v4),
				*(const __be32 *)addr);
	else
		ret = ipv6_addr_loopback(addr) ||
		      nx_v6_has(rcu_dereference(nxi->v6), addr);
	rcu_read_unlock();
	return ret;
}

/**
 * vc_sock_visible - the /proc/net socket visibility call-out
 * @sk: a full, time-wait or request socket
 *
 * Return: true if @sk belongs to current's network context.
 */
bool vc_sock_visible(const struct sock *sk)
{
	return vs_sock_nx(sk) == nx_current();
}
