// SPDX-License-Identifier: GPL-2.0
/*
 * ifaddr.c - add and remove addresses of the host's interfaces
 *
 * One rtnetlink request per address, so that "the address is there
 * already" (EEXIST) can be told apart from a real failure: a vserver
 * removes on stop only the addresses it added on start.
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ifaddr.h"

struct request {
	struct nlmsghdr nh;
	struct ifaddrmsg ifa;
	char attrs[128];
};

static void add_attr(struct request *req, unsigned short type,
		     const void *data, size_t len)
{
	struct rtattr *rta;

	rta = (struct rtattr *)((char *)req + NLMSG_ALIGN(req->nh.nlmsg_len));
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	req->nh.nlmsg_len = NLMSG_ALIGN(req->nh.nlmsg_len) + RTA_ALIGN(rta->rta_len);
}

/**
 * vs_ifaddr_change() - add or remove an address of a host interface
 * @a: the address
 * @add: non-zero to add, zero to remove
 *
 * IPv6 addresses are added without duplicate address detection, so that
 * a guest can bind them at once.
 *
 * Return: 0, -ENODEV if there is no such interface, -EEXIST if the
 * address is there already (add), -EADDRNOTAVAIL if it is not (remove),
 * or another -errno.
 */
int vs_ifaddr_change(const struct vs_ifaddr *a, int add)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct request req;
	struct {
		struct nlmsghdr nh;
		struct nlmsgerr err;
	} ack;
	size_t alen = a->family == AF_INET ? 4 : 16;
	unsigned int index = if_nametoindex(a->dev);
	ssize_t n;
	int fd, ret;

	if (!index)
		return -ENODEV;
	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(req.ifa));
	req.nh.nlmsg_type = add ? RTM_NEWADDR : RTM_DELADDR;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK |
			     (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
	req.nh.nlmsg_seq = 1;
	req.ifa.ifa_family = a->family;
	req.ifa.ifa_prefixlen = a->prefix;
	req.ifa.ifa_index = index;
	if (a->family == AF_INET6)
		req.ifa.ifa_flags = IFA_F_NODAD;
	add_attr(&req, IFA_LOCAL, &a->addr, alen);
	add_attr(&req, IFA_ADDRESS, &a->addr, alen);
	if (a->family == AF_INET && a->label[0])
		add_attr(&req, IFA_LABEL, a->label, strlen(a->label) + 1);

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return -errno;
	if (sendto(fd, &req, req.nh.nlmsg_len, 0, (struct sockaddr *)&sa,
		   sizeof(sa)) < 0) {
		ret = -errno;
		goto out;
	}
	n = recv(fd, &ack, sizeof(ack), 0);
	if (n < 0)
		ret = -errno;
	else if ((size_t)n < sizeof(ack) || ack.nh.nlmsg_type != NLMSG_ERROR)
		ret = -EPROTO;
	else
		ret = ack.err.error;
out:
	close(fd);
	return ret;
}

/**
 * vs_ifaddr_keep_secondaries() - let the other IPv4 addresses of a
 *                                subnet outlive its primary address
 * @dev: the interface
 *
 * The first IPv4 address of a subnet on an interface is its primary, the
 * later ones its secondaries; removing the primary removes every
 * secondary with it, unless net.ipv4.conf.@dev.promote_secondaries is
 * set, in which case one of them becomes the primary.  Guests come and
 * go in any order, each with its own address of a shared subnet: one
 * guest's stop must not take the others' addresses.  The setting is
 * turned on (and left on) before an address is added.
 *
 * Return: 0 (also when it was on already), -ENODEV if there is no such
 * interface, or another -errno.
 */
int vs_ifaddr_keep_secondaries(const char *dev)
{
	char path[64], val[4] = "";
	int fd, ret = 0;
	ssize_t n;

	/* A name the kernel knows has no '/' and is not "." or "..". */
	if (!if_nametoindex(dev))
		return -ENODEV;
	snprintf(path, sizeof(path), "/proc/sys/net/ipv4/conf/%s/promote_secondaries",
		 dev);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -ENODEV : -errno;
	n = read(fd, val, sizeof(val) - 1);
	if (n < 0)
		ret = -errno;
	else if (val[0] != '1' && pwrite(fd, "1\n", 2, 0) != 2)
		ret = -errno;
	close(fd);
	return ret;
}
