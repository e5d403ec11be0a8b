/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ifaddr.h - add and remove addresses of the host's interfaces
 */

#ifndef VS_IFADDR_H
#define VS_IFADDR_H

#include <netinet/in.h>

/**
 * struct vs_ifaddr - one address on one interface
 * @family: AF_INET or AF_INET6
 * @addr: the address, in network order
 * @prefix: the prefix length
 * @dev: the interface
 * @label: the IPv4 label ("dev:name"), or empty
 */
struct vs_ifaddr {
	int family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} addr;
	unsigned int prefix;
	char dev[16];
	char label[16];
};

int vs_ifaddr_change(const struct vs_ifaddr *a, int add);
int vs_ifaddr_keep_secondaries(const char *dev);

#endif /* VS_IFADDR_H */
