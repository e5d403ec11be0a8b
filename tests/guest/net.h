/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net.h - helpers of the network context guest tests
 *
 * The guest kernel gets a dummy interface vs0 carrying documentation
 * addresses: 192.0.2.1-3/24, 198.51.100.1/24, 2001:db8::1-3/64.  Guests
 * are child processes in network contexts holding some of them.
 */

#ifndef VS_TEST_NET_H
#define VS_TEST_NET_H

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "common.h"
#include "kselftest_harness.h"

#ifndef AF_PACKET
#define AF_PACKET 17
#endif

#define A1 "192.0.2.1"
#define A2 "192.0.2.2"
#define A3 "192.0.2.3"
#define B1 "198.51.100.1"
#define V6_1 "2001:db8::1"
#define V6_2 "2001:db8::2"
#define V6_3 "2001:db8::3"
/* On a second dummy interface, vs1, that no guest has an address of. */
#define C1 "203.0.113.1"
#define V6_C1 "2001:db8:1::1"

/* In a child: count a failed check, and say which one it was. */
#define FAILIF(cond) ((cond) ? \
	(printf("# %s:%d: %s\n", __FILE__, __LINE__, #cond), 1) : 0)

static void __attribute__((constructor)) net_setup(void)
{
	static const char *const cmds[] = {
		"ip link add vs0 type dummy",
		"echo 0 > /proc/sys/net/ipv6/conf/vs0/accept_dad",
		"ip link set vs0 up",
		"ip addr add " A1 "/24 dev vs0",
		"ip addr add " A2 "/24 dev vs0",
		"ip addr add " A3 "/24 dev vs0",
		"ip addr add " B1 "/24 dev vs0",
		"ip -6 addr add " V6_1 "/64 dev vs0",
		"ip -6 addr add " V6_2 "/64 dev vs0",
		"ip -6 addr add " V6_3 "/64 dev vs0",
	};
	unsigned int i;

	if (!access("/proc/sys/net/ipv4/conf/vs0", F_OK))
		return;
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (system(cmds[i]))
			fprintf(stderr, "# setup failed: %s\n", cmds[i]);
}

/* Add "a.b.c.d/len" or "x::y/len" to network context @nid. */
static inline long nx_add(uint32_t nid, const char *spec)
{
	char addr[64];
	char *slash;
	int len;

	snprintf(addr, sizeof(addr), "%s", spec);
	slash = strchr(addr, '/');
	len = slash ? atoi(slash + 1) : -1;
	if (slash)
		*slash = 0;
	if (strchr(addr, ':')) {
		struct vcmd_net_addr_ipv6 a6 = {
			.type = NXA_TYPE_ADDR,
			.prefix = len < 0 ? 128 : len,
		};

		inet_pton(AF_INET6, addr, a6.ip);
		return vs_call(VCMD_net_add_ipv6, nid, &a6);
	} else {
		struct vcmd_net_addr_ipv4 a4 = { .type = NXA_TYPE_ADDR };

		if (len < 0)
			len = 32;
		inet_pton(AF_INET, addr, &a4.ip);
		a4.mask = htonl(len ? ~0U << (32 - len) : 0);
		return vs_call(VCMD_net_add_ipv4, nid, &a4);
	}
}

static inline long nx_set_flags(uint32_t nid, uint64_t flags, uint64_t mask)
{
	struct vcmd_net_flags f = { .flagword = flags, .mask = mask };

	return vs_call(VCMD_set_nflags, nid, &f);
}

/*
 * Make the calling process a guest: create network context @nid with the
 * addresses in the NULL-terminated @addrs, then set @flags.
 */
static inline long nx_enter(uint32_t nid, const char *const *addrs, uint64_t flags)
{
	long ret = vs_call(VCMD_net_create, nid, NULL);

	if (ret < 0)
		return ret;
	for (; addrs && *addrs; addrs++) {
		ret = nx_add(nid, *addrs);
		if (ret < 0)
			return ret;
	}
	return flags ? nx_set_flags(nid, flags, flags) : 0;
}

/* Fill a sockaddr for @addr (IPv4 or IPv6) and @port; returns its size. */
static inline socklen_t mkaddr(struct sockaddr_storage *ss, const char *addr, int port)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

	memset(ss, 0, sizeof(*ss));
	if (strchr(addr, ':')) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		inet_pton(AF_INET6, addr, &s6->sin6_addr);
		return sizeof(*s6);
	}
	s4->sin_family = AF_INET;
	s4->sin_port = htons(port);
	inet_pton(AF_INET, addr, &s4->sin_addr);
	return sizeof(*s4);
}

/* The address part of a sockaddr as text. */
static inline const char *addrstr(const struct sockaddr_storage *ss)
{
	static char buf[INET6_ADDRSTRLEN];
	const void *a = ss->ss_family == AF_INET6 ?
		(const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr :
		(const void *)&((const struct sockaddr_in *)ss)->sin_addr;

	return inet_ntop(ss->ss_family, a, buf, sizeof(buf)) ?: "?";
}

/* A socket of @type bound to @addr:@port; returns the fd or -errno. */
static inline int bound_socket(int type, const char *addr, int port)
{
	struct sockaddr_storage ss;
	socklen_t len = mkaddr(&ss, addr, port);
	int one = 1, fd;

	fd = socket(ss.ss_family, type, 0);
	if (fd < 0)
		return -errno;
	/* TCP: for TIME_WAIT.  Not UDP, where it would allow any overlap. */
	if (type == SOCK_STREAM)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) < 0) {
		int e = -errno;

		close(fd);
		return e;
	}
	return fd;
}

/* Whether a file has a line containing @text. */
static inline int file_has(const char *path, const char *text)
{
	char line[512];
	FILE *f = fopen(path, "re");
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, text) != NULL;
	fclose(f);
	return found;
}

#endif /* VS_TEST_NET_H */
