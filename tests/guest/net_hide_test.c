// SPDX-License-Identifier: GPL-2.0
/*
 * net_hide_test.c - what a network context sees of the host's network
 *
 * A guest with 192.0.2.1 and 2001:db8::1 (on vs0) must see in every
 * interface list only lo, vs0 and those addresses, never vs1 and the
 * other addresses; and in /proc/net/{tcp,udp}{,6} only its own sockets.
 * The host sees everything.  Each test runs the same check as a guest
 * without hide_netif or on the host, where the hidden things must show,
 * so that a check that finds nothing cannot pass.
 */

#include <ifaddrs.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>

#include "net.h"

static const char *const GUEST[] = { A1 "/24", V6_1 "/64", NULL };

static void __attribute__((constructor)) hide_setup(void)
{
	static const char *const cmds[] = {
		"ip link add vs1 type dummy",
		"echo 0 > /proc/sys/net/ipv6/conf/vs1/accept_dad",
		"ip link set vs1 up",
		"ip addr add " C1 "/24 dev vs1",
		"ip -6 addr add " V6_C1 "/64 dev vs1",
	};
	unsigned int i;

	if (!access("/proc/sys/net/ipv4/conf/vs1", F_OK))
		return;
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (system(cmds[i]))
			fprintf(stderr, "# setup failed: %s\n", cmds[i]);
}

/*
 * What a process sees: run @fn in a child that is a guest (network
 * context @nid with GUEST, @flags; nid 0: stay on the host) and return
 * the bit mask it reports, or 255 on failure.
 */
static int seen_as(uint32_t nid, uint64_t flags, int (*fn)(void))
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return 255;
	if (!pid) {
		if (nid && nx_enter(nid, GUEST, 0))
			_exit(255);
		if (nid && nx_set_flags(nid, flags, NXF_HIDE_NETIF))
			_exit(255);
		_exit(fn());
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return 255;
	return WEXITSTATUS(status);
}

enum {
	SEE_VS0 = 1, SEE_VS1 = 2, SEE_LO = 4, SEE_A1 = 8, SEE_A2 = 16,
	SEE_C1 = 32, SEE_V6_1 = 64, SEE_V6_2 = 128,
};

static int proc_net_dev(void)
{
	return (file_has("/proc/net/dev", "vs0:") ? SEE_VS0 : 0) |
	       (file_has("/proc/net/dev", "vs1:") ? SEE_VS1 : 0) |
	       (file_has("/proc/net/dev", "lo:") ? SEE_LO : 0);
}

TEST(proc_net_dev_shows_only_own_devices)
{
	EXPECT_EQ(SEE_VS0 | SEE_LO, seen_as(660, NXF_HIDE_NETIF, proc_net_dev));
	EXPECT_EQ(SEE_VS0 | SEE_VS1 | SEE_LO, seen_as(661, 0, proc_net_dev));
	EXPECT_EQ(SEE_VS0 | SEE_VS1 | SEE_LO, seen_as(0, 0, proc_net_dev));
}

/* getifaddrs() dumps links (RTM_GETLINK) and addresses (RTM_GETADDR). */
static int netlink_dumps(void)
{
	struct ifaddrs *ifa, *i;
	int seen = 0;

	if (getifaddrs(&ifa))
		return 255;
	for (i = ifa; i; i = i->ifa_next) {
		char buf[INET6_ADDRSTRLEN] = "";

		if (!strcmp(i->ifa_name, "vs0"))
			seen |= SEE_VS0;
		if (!strcmp(i->ifa_name, "vs1"))
			seen |= SEE_VS1;
		if (!strcmp(i->ifa_name, "lo"))
			seen |= SEE_LO;
		if (!i->ifa_addr)
			continue;
		if (i->ifa_addr->sa_family == AF_INET)
			inet_ntop(AF_INET,
				  &((struct sockaddr_in *)i->ifa_addr)->sin_addr,
				  buf, sizeof(buf));
		else if (i->ifa_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
				  &((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr,
				  buf, sizeof(buf));
		seen |= !strcmp(buf, A1) ? SEE_A1 : !strcmp(buf, A2) ? SEE_A2 :
			!strcmp(buf, C1) ? SEE_C1 : !strcmp(buf, V6_1) ? SEE_V6_1 :
			!strcmp(buf, V6_2) ? SEE_V6_2 : 0;
	}
	freeifaddrs(ifa);
	return seen;
}

TEST(netlink_dumps_show_only_own_links_and_addresses)
{
	int all = SEE_VS0 | SEE_VS1 | SEE_LO | SEE_A1 | SEE_A2 | SEE_C1 |
		  SEE_V6_1 | SEE_V6_2;

	EXPECT_EQ(SEE_VS0 | SEE_LO | SEE_A1 | SEE_V6_1,
		  seen_as(662, NXF_HIDE_NETIF, netlink_dumps));
	EXPECT_EQ(all, seen_as(663, 0, netlink_dumps));
	EXPECT_EQ(all, seen_as(0, 0, netlink_dumps));
}

static int ifconf(void)
{
	struct ifreq req[32];
	struct ifconf ic = { .ifc_len = sizeof(req), .ifc_req = req };
	int fd = socket(AF_INET, SOCK_DGRAM, 0), seen = 0;

	if (fd < 0 || ioctl(fd, SIOCGIFCONF, &ic) < 0)
		return 255;
	for (size_t i = 0; i < ic.ifc_len / sizeof(req[0]); i++) {
		char buf[INET_ADDRSTRLEN];

		inet_ntop(AF_INET,
			  &((struct sockaddr_in *)&req[i].ifr_addr)->sin_addr,
			  buf, sizeof(buf));
		seen |= !strcmp(buf, A1) ? SEE_A1 : !strcmp(buf, A2) ? SEE_A2 :
			!strcmp(buf, C1) ? SEE_C1 :
			!strcmp(buf, "127.0.0.1") ? SEE_LO : 0;
	}
	close(fd);
	return seen;
}

TEST(siocgifconf_shows_only_own_addresses)
{
	EXPECT_EQ(SEE_A1 | SEE_LO, seen_as(664, NXF_HIDE_NETIF, ifconf));
	EXPECT_EQ(SEE_A1 | SEE_A2 | SEE_C1 | SEE_LO, seen_as(665, 0, ifconf));
}

static int if_inet6(void)
{
	/* /proc/net/if_inet6 prints addresses without colons. */
	return (file_has("/proc/net/if_inet6", "20010db8000000000000000000000001") ?
		SEE_V6_1 : 0) |
	       (file_has("/proc/net/if_inet6", "20010db8000000000000000000000002") ?
		SEE_V6_2 : 0) |
	       (file_has("/proc/net/if_inet6", "00000000000000000000000000000001") ?
		SEE_LO : 0);
}

TEST(proc_net_if_inet6_shows_only_own_addresses)
{
	EXPECT_EQ(SEE_V6_1 | SEE_LO, seen_as(666, NXF_HIDE_NETIF, if_inet6));
	EXPECT_EQ(SEE_V6_1 | SEE_V6_2 | SEE_LO, seen_as(667, 0, if_inet6));
}

/*
 * Sockets of the host and of a guest on known ports: IPv4 on 8095 (host)
 * and 8096 (guest), IPv6 on 8093 and 8097 (an IPv6 wildcard socket
 * would take the IPv4 port too).
 */
static const char *const sock_files[4] = {
	"/proc/net/tcp", "/proc/net/udp", "/proc/net/tcp6", "/proc/net/udp6",
};
static const int host_port[4] = { 8095, 8095, 8093, 8093 };
static const int guest_port[4] = { 8096, 8096, 8097, 8097 };

static int sock_type(int i)
{
	return i % 2 ? SOCK_DGRAM : SOCK_STREAM;
}

static const char *sock_wild(int i)
{
	return i < 2 ? "0.0.0.0" : "::";
}

/* Which sockets the reader sees: bit 2i host's, bit 2i+1 guest's, file i. */
static int proc_net_socks(void)
{
	int seen = 0;

	for (int i = 0; i < 4; i++) {
		char port[8];

		/* The local address ends in ":PORT " (hex). */
		snprintf(port, sizeof(port), ":%04X ", host_port[i]);
		if (file_has(sock_files[i], port))
			seen |= 1 << (2 * i);
		snprintf(port, sizeof(port), ":%04X ", guest_port[i]);
		if (file_has(sock_files[i], port))
			seen |= 2 << (2 * i);
	}
	return seen;
}

static int open_sockets(const int *ports)
{
	for (int i = 0; i < 4; i++) {
		int fd = bound_socket(sock_type(i), sock_wild(i), ports[i]);

		if (fd < 0 || (sock_type(i) == SOCK_STREAM && listen(fd, 1)))
			return -1;
	}
	return 0;
}

/* A guest opens its four sockets and reports what it sees. */
static int guest_sockets(void)
{
	return open_sockets(guest_port) ? 255 : proc_net_socks();
}

TEST(proc_net_sockets_show_only_own)
{
	pid_t host = fork();
	int status;

	ASSERT_LE(0, host);
	if (!host) {
		/* The host's sockets, in a child that lives as long as the test. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (open_sockets(host_port))
			_exit(1);
		pause();
		_exit(0);
	}
	usleep(300000);
	/* The guest sees only its own sockets, in each of the four files. */
	EXPECT_EQ(0xaa, seen_as(668, NXF_HIDE_NETIF, guest_sockets));
	/* So does a guest that does not hide interfaces. */
	EXPECT_EQ(0xaa, seen_as(669, 0, guest_sockets));
	/* The host sees its own (the guests' are closed by now). */
	EXPECT_EQ(0x55, proc_net_socks());
	kill(host, SIGKILL);
	waitpid(host, &status, 0);
}

TEST_HARNESS_MAIN
