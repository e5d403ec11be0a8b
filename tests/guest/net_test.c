// SPDX-License-Identifier: GPL-2.0
/*
 * net_test.c - network contexts: addresses without virtual devices
 *
 * The guest kernel gets a dummy interface vs0 carrying documentation
 * addresses: 192.0.2.1-3/24, 198.51.100.1/24, 2001:db8::1-3/64.  Every
 * test runs its "guests" as child processes in network contexts (nid
 * 600 + n) holding some of those addresses, and real TCP and UDP traffic
 * between them and the host, all inside this kernel.
 */

#include "net.h"

/**
 * struct server - a guest (or host) server in a child process
 * @pid: the child
 * @result: 0 once it listens, or the -errno of its setup
 */
struct server {
	pid_t pid;
	long result;
};

/*
 * Serve TCP or UDP on @bind_addr:@port in network context @nid (0: the
 * host) with @addrs and @flags.  Every TCP connection gets the tag byte
 * and then the text of the address it was accepted on; every UDP datagram
 * is answered the same way.
 */
static long server_start(struct server *s, uint32_t nid,
			 const char *const *addrs, uint64_t flags, int type,
			 const char *bind_addr, int port, char tag)
{
	int p[2];

	if (pipe(p))
		return -errno;
	s->pid = fork();
	if (s->pid < 0)
		return -errno;
	if (!s->pid) {
		long r;

		/* A test that fails early must not leave servers behind. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		r = nid ? nx_enter(nid, addrs, flags) : 0;
		int fd = r < 0 ? (int)r : bound_socket(type, bind_addr, port);
		struct sockaddr_storage peer, local;
		char buf[128];

		if (fd >= 0 && type == SOCK_STREAM && listen(fd, 8) < 0)
			fd = -errno;
		r = fd < 0 ? fd : 0;
		if (write(p[1], &r, sizeof(r)) != sizeof(r) || r)
			_exit(1);
		close(p[1]);
		for (;;) {
			socklen_t plen = sizeof(peer), llen = sizeof(local);
			int c;

			if (type == SOCK_STREAM) {
				c = accept(fd, (struct sockaddr *)&peer, &plen);
				if (c < 0)
					continue;
				getsockname(c, (struct sockaddr *)&local, &llen);
				buf[0] = tag;
				snprintf(buf + 1, sizeof(buf) - 1, "%s",
					 addrstr(&local));
				if (write(c, buf, strlen(buf)) < 0)
					_exit(2);
				close(c);
			} else {
				if (recvfrom(fd, buf, sizeof(buf), 0,
					     (struct sockaddr *)&peer, &plen) < 0)
					continue;
				buf[0] = tag;
				snprintf(buf + 1, sizeof(buf) - 1, "%s",
					 addrstr(&peer));
				sendto(fd, buf, strlen(buf), 0,
				       (struct sockaddr *)&peer, plen);
			}
		}
	}
	close(p[1]);
	if (read(p[0], &s->result, sizeof(s->result)) != sizeof(s->result))
		s->result = -EIO;
	close(p[0]);
	return s->result;
}

static void server_stop(struct server *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGKILL);
		waitpid(s->pid, NULL, 0);
		s->pid = 0;
	}
}

/*
 * Talk to a server from the calling process: connect (TCP) or send a
 * datagram (UDP) to @addr:@port and read the answer into @reply.
 * Returns the tag byte, or -errno (-ETIMEDOUT if no UDP answer comes).
 */
static int ask(int type, const char *addr, int port, char *reply, size_t size)
{
	struct timeval tv = { .tv_sec = 1 };
	struct sockaddr_storage ss;
	socklen_t len = mkaddr(&ss, addr, port);
	char buf[128] = "";
	ssize_t n;
	int fd;

	fd = socket(ss.ss_family, type, 0);
	if (fd < 0)
		return -errno;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (type == SOCK_STREAM) {
		if (connect(fd, (struct sockaddr *)&ss, len) < 0)
			goto fail;
		n = read(fd, buf, sizeof(buf) - 1);
	} else {
		if (sendto(fd, "?", 1, 0, (struct sockaddr *)&ss, len) < 0)
			goto fail;
		n = recv(fd, buf, sizeof(buf) - 1, 0);
	}
	if (n <= 0) {
		if (!n)
			errno = ENODATA;
		else if (errno == EAGAIN)
			errno = ETIMEDOUT;
		goto fail;
	}
	buf[n] = 0;
	close(fd);
	if (reply)
		snprintf(reply, size, "%.63s", buf + 1);
	return buf[0];
fail:
	n = -errno;
	close(fd);
	return n;
}

/**
 * struct ask_args - what ask_child() does
 * @nid: the network context to create
 * @addrs: its addresses
 * @flags: its flags
 * @type: SOCK_STREAM or SOCK_DGRAM
 * @addr: the server's address
 * @port: the server's port
 * @expect: if set, the address the server must report (for TCP, the one
 *          it was reached on; for UDP, the sender it saw)
 */
struct ask_args {
	uint32_t nid;
	const char *const *addrs;
	uint64_t flags;
	int type;
	const char *addr;
	int port;
	const char *expect;
};

/*
 * ask() from a child in a network context: the reply's tag, 128 + errno,
 * or 127 if the server reported another address than expected.
 */
static int ask_child(void *arg)
{
	const struct ask_args *a = arg;
	char reply[64];
	long r = nx_enter(a->nid, a->addrs, a->flags);
	int t;

	if (r < 0)
		return 128 + (int)-r;
	t = ask(a->type, a->addr, a->port, reply, sizeof(reply));
	if (t < 0)
		return 128 + -t;
	if (a->expect && strcmp(a->expect, reply)) {
		printf("# %s answered, it saw %s, not %s\n", a->addr, reply,
		       a->expect);
		return 127;
	}
	return t;
}

static const char *const ADDRS_A[] = { A1 "/24", V6_1 "/64", NULL };
static const char *const ADDRS_B[] = { A2 "/24", V6_2 "/64", NULL };
static const char *const ADDRS_A1[] = { A1 "/24", NULL };

TEST(create_query_and_lifetime)
{
	struct vcmd_nx_info info = { 0 };
	char path[64];
	long nid;

	/* A child creates nid 601 and stays in it. */
	nid = fork();
	ASSERT_LE(0, nid);
	if (!nid) {
		long r;

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		r = nx_enter(601, ADDRS_A, 0);
		if (r < 0)
			_exit(1);
		if (vs_call(VCMD_task_nid, 0, NULL) != 601)
			_exit(2);
		if (vs_call(VCMD_net_create, 601, NULL) != -EEXIST)
			_exit(3);
		if (nx_add(601, A1 "/24") != -EEXIST)
			_exit(4);
		pause();
		_exit(0);
	}
	usleep(200000);
	EXPECT_EQ(0, vs_call(VCMD_nx_info, 601, &info));
	EXPECT_EQ(601, info.nid);
	EXPECT_EQ(601, vs_call(VCMD_task_nid, nid, NULL));
	snprintf(path, sizeof(path), "/proc/virtnet/601/info");
	EXPECT_EQ(0, access(path, R_OK));
	EXPECT_EQ(1, proc_value("/proc/virtnet/601/status", "Tasks", 10));

	kill(nid, SIGKILL);
	waitpid(nid, NULL, 0);
	/* The context is gone with its last task. */
	EXPECT_EQ(-ESRCH, vs_call(VCMD_nx_info, 601, &info));
	EXPECT_NE(0, access(path, F_OK));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_net_migrate, 601, NULL));
}

TEST(bad_commands_are_refused)
{
	struct vcmd_net_addr_ipv4 a4 = { .type = NXA_TYPE_ADDR };
	struct vcmd_net_addr_ipv6 a6 = { .type = NXA_TYPE_ADDR, .prefix = 64 };
	struct vcmd_net_addr_ipv4 good = {
		.type = NXA_TYPE_ADDR, .mask = htonl(0xffffff00),
	};
	struct vcmd_net_flags f = { .mask = 1ULL << 60 };
	pid_t pid;
	int status;

	EXPECT_EQ(-EINVAL, vs_call(VCMD_net_create, 1, NULL));
	EXPECT_EQ(-EINVAL, vs_call(VCMD_net_create, 70000, NULL));
	inet_pton(AF_INET, A1, &good.ip);
	EXPECT_EQ(-ESRCH, vs_call(VCMD_net_add_ipv4, 602, &good));

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int fails = 0;

		if (vs_call(VCMD_net_create, 602, NULL) != 602)
			_exit(100);
		/* 0.0.0.0, loopback and multicast are no guest addresses. */
		a4.mask = htonl(0xffffff00);
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != -EINVAL);
		inet_pton(AF_INET, "127.0.0.1", &a4.ip);
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != -EINVAL);
		inet_pton(AF_INET, "224.0.0.1", &a4.ip);
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != -EINVAL);
		/* A netmask with holes, unknown types and flags. */
		inet_pton(AF_INET, A1, &a4.ip);
		a4.mask = htonl(0xff00ff00);
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != -EINVAL);
		a4.mask = htonl(0xffffff00);
		a4.type = 0x80;
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != -EINVAL);
		a4.type = NXA_TYPE_ADDR;
		a4.flags = 1;
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != -EINVAL);
		a4.flags = 0;
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, NULL) != -EFAULT);
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, (void *)1) != -EFAULT);
		/* Removing what is not there. */
		fails += FAILIF(vs_call(VCMD_net_remove_ipv4, 602, &a4) != -ENOENT);
		fails += FAILIF(vs_call(VCMD_net_add_ipv4, 602, &a4) != 0);
		fails += FAILIF(vs_call(VCMD_net_remove_ipv4, 602, &a4) != 0);
		/* IPv6: prefix, loopback, any. */
		a6.prefix = 129;
		inet_pton(AF_INET6, V6_1, a6.ip);
		fails += FAILIF(vs_call(VCMD_net_add_ipv6, 602, &a6) != -EINVAL);
		a6.prefix = 64;
		inet_pton(AF_INET6, "::1", a6.ip);
		fails += FAILIF(vs_call(VCMD_net_add_ipv6, 602, &a6) != -EINVAL);
		memset(a6.ip, 0, sizeof(a6.ip));
		fails += FAILIF(vs_call(VCMD_net_add_ipv6, 602, &a6) != -EINVAL);
		/* Unknown flags. */
		fails += FAILIF(vs_call(VCMD_set_nflags, 602, &f) != -EINVAL);
		_exit(fails);
	}
	waitpid(pid, &status, 0);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(many_addresses_have_a_limit)
{
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (!pid) {
		struct vcmd_net_addr_ipv4 a4 = {
			.type = NXA_TYPE_ADDR, .mask = htonl(0xffffffff),
		};
		long r = 0;
		int i;

		if (vs_call(VCMD_net_create, 603, NULL) != 603)
			_exit(100);
		for (i = 1; i <= 65 && !r; i++) {
			a4.ip = htonl(0xc0000200 + i);
			r = vs_call(VCMD_net_add_ipv4, 603, &a4);
		}
		/* 64 fit, the 65th does not. */
		_exit(i == 66 && r == -ENOSPC ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(bind_only_to_own_addresses)
{
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (!pid) {
		int fails = 0, fd;

		if (nx_enter(604, ADDRS_A, 0))
			_exit(100);
		fd = bound_socket(SOCK_STREAM, A1, 0);
		fails += FAILIF(fd < 0);
		close(fd);
		fails += FAILIF(bound_socket(SOCK_STREAM, A2, 0) != -EADDRNOTAVAIL);
		fails += FAILIF(bound_socket(SOCK_DGRAM, B1, 0) != -EADDRNOTAVAIL);
		fails += FAILIF(bound_socket(SOCK_DGRAM, "127.0.0.1", 0) !=
			 -EADDRNOTAVAIL);
		fails += FAILIF(bound_socket(SOCK_STREAM, V6_2, 0) != -EADDRNOTAVAIL);
		fails += FAILIF(bound_socket(SOCK_STREAM, "::1", 0) != -EADDRNOTAVAIL);
		fails += FAILIF(bound_socket(SOCK_STREAM, "::ffff:" A2, 0) !=
			 -EADDRNOTAVAIL);
		fd = bound_socket(SOCK_STREAM, V6_1, 0);
		fails += FAILIF(fd < 0);
		close(fd);
		fd = bound_socket(SOCK_STREAM, "0.0.0.0", 0);
		fails += FAILIF(fd < 0);
		close(fd);
		_exit(fails);
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* Two guests listen on the wildcard port; each gets only its own traffic. */
static void two_guests(struct __test_metadata *_metadata, int type,
		       const char *wild, int port, uint32_t nid)
{
	struct server a, b;
	char reply[64];

	ASSERT_EQ(0, server_start(&a, nid, ADDRS_A, 0, type, wild, port, 'A'));
	EXPECT_EQ(0, server_start(&b, nid + 1, ADDRS_B, 0, type, wild, port,
				  'B'));
	if (type == SOCK_STREAM) {
		bool v6 = !strcmp(wild, "::");

		EXPECT_EQ('A', ask(type, A1, port, reply, sizeof(reply)));
		EXPECT_STREQ(v6 ? "::ffff:" A1 : A1, reply);
		EXPECT_EQ('B', ask(type, A2, port, reply, sizeof(reply)));
		EXPECT_STREQ(v6 ? "::ffff:" A2 : A2, reply);
		EXPECT_EQ(-ECONNREFUSED, ask(type, A3, port, NULL, 0));
		EXPECT_EQ(-ECONNREFUSED, ask(type, B1, port, NULL, 0));
	} else {
		EXPECT_EQ('A', ask(type, A1, port, NULL, 0));
		EXPECT_EQ('B', ask(type, A2, port, NULL, 0));
		EXPECT_EQ(-ETIMEDOUT, ask(type, A3, port, NULL, 0));
	}
	if (!strcmp(wild, "::")) {
		EXPECT_EQ('A', ask(type, V6_1, port, NULL, 0));
		EXPECT_EQ('B', ask(type, V6_2, port, NULL, 0));
		EXPECT_GT(0, ask(type, V6_3, port, NULL, 0));
	}
	server_stop(&a);
	server_stop(&b);
}

TEST(two_guests_share_the_tcp_wildcard_port)
{
	two_guests(_metadata, SOCK_STREAM, "0.0.0.0", 8080, 610);
}

TEST(two_guests_share_the_udp_wildcard_port)
{
	two_guests(_metadata, SOCK_DGRAM, "0.0.0.0", 9000, 612);
}

TEST(two_guests_share_the_tcp6_wildcard_port)
{
	two_guests(_metadata, SOCK_STREAM, "::", 8081, 614);
}

TEST(two_guests_share_the_udp6_wildcard_port)
{
	two_guests(_metadata, SOCK_DGRAM, "::", 9001, 616);
}

TEST(overlapping_guests_conflict)
{
	struct server a, c;

	ASSERT_EQ(0, server_start(&a, 620, ADDRS_A1, 0, SOCK_STREAM,
				  "0.0.0.0", 8082, 'A'));
	/* Another guest with the same address: wildcard and specific. */
	EXPECT_EQ(-EADDRINUSE, server_start(&c, 621, ADDRS_A1, 0, SOCK_STREAM,
					    "0.0.0.0", 8082, 'C'));
	waitpid(c.pid, NULL, 0);
	EXPECT_EQ(-EADDRINUSE, server_start(&c, 622, ADDRS_A1, 0, SOCK_STREAM,
					    A1, 8082, 'C'));
	waitpid(c.pid, NULL, 0);
	/* So does a host socket bound to the guest's address. */
	EXPECT_EQ(-EADDRINUSE, bound_socket(SOCK_STREAM, A1, 8082) < 0 ?
		  -EADDRINUSE : 0);
	server_stop(&a);
}

/*
 * A host and a guest server on one wildcard port, started in the order
 * @guest_first says (the lookup would otherwise pick whichever listener
 * it meets first).
 */
static void host_and_guest(struct __test_metadata *_metadata, int port,
			   uint32_t nid, bool guest_first)
{
	struct server host, a;
	char reply[64];

	if (guest_first)
		ASSERT_EQ(0, server_start(&a, nid, ADDRS_A1, 0, SOCK_STREAM,
					  "0.0.0.0", port, 'A'));
	ASSERT_EQ(0, server_start(&host, 0, NULL, 0, SOCK_STREAM, "0.0.0.0",
				  port, 'H'));
	if (!guest_first)
		ASSERT_EQ(0, server_start(&a, nid, ADDRS_A1, 0, SOCK_STREAM,
					  "0.0.0.0", port, 'A'));
	EXPECT_EQ('A', ask(SOCK_STREAM, A1, port, reply, sizeof(reply)));
	EXPECT_EQ('H', ask(SOCK_STREAM, A2, port, reply, sizeof(reply)));
	EXPECT_EQ('H', ask(SOCK_STREAM, B1, port, reply, sizeof(reply)));
	server_stop(&a);
	/* Without the guest, its address goes to the host again. */
	EXPECT_EQ('H', ask(SOCK_STREAM, A1, port, reply, sizeof(reply)));
	server_stop(&host);
}

TEST(host_wildcard_does_not_steal_guest_traffic)
{
	host_and_guest(_metadata, 8083, 623, false);
	host_and_guest(_metadata, 8098, 635, true);
}

/* A TCP server on the host answers with the peer address it saw. */
static int peer_server(struct server *s, int type, const char *wild, int port)
{
	int p[2];

	if (type == SOCK_DGRAM)
		return server_start(s, 0, NULL, 0, type, wild, port, 'H');
	if (pipe(p))
		return -errno;
	s->pid = fork();
	if (!s->pid) {
		int fd = bound_socket(type, wild, port);
		long r = fd < 0 ? fd : listen(fd, 8);

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (write(p[1], &r, sizeof(r)) != sizeof(r) || r)
			_exit(1);
		for (;;) {
			struct sockaddr_storage peer;
			socklen_t plen = sizeof(peer);
			char buf[64];
			int c = accept(fd, (struct sockaddr *)&peer, &plen);

			if (c < 0)
				continue;
			snprintf(buf, sizeof(buf), "H%s", addrstr(&peer));
			if (write(c, buf, strlen(buf)) < 0)
				_exit(2);
			close(c);
		}
	}
	close(p[1]);
	if (read(p[0], &s->result, sizeof(s->result)) != sizeof(s->result))
		s->result = -EIO;
	close(p[0]);
	return s->result;
}

TEST(guests_send_from_their_own_address)
{
	static const char *const only_a2[] = { A2 "/24", V6_2 "/64", NULL };
	static const struct { int type; const char *wild, *to, *from; } c[] = {
		{ SOCK_STREAM, "0.0.0.0", B1, A2 },
		{ SOCK_DGRAM, "0.0.0.0", B1, A2 },
		{ SOCK_STREAM, "::", V6_1, V6_2 },
		{ SOCK_DGRAM, "::", V6_1, V6_2 },
	};
	struct ask_args args = { .addrs = only_a2 };
	struct server host;
	unsigned int i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ASSERT_EQ(0, peer_server(&host, c[i].type, c[i].wild, 8084 + i));
		args.nid = 624 + i;
		args.type = c[i].type;
		args.addr = c[i].to;
		args.port = 8084 + i;
		args.expect = c[i].from;
		TH_LOG("%s to %s", c[i].type == SOCK_STREAM ? "tcp" : "udp",
		       c[i].to);
		EXPECT_EQ('H', in_child(ask_child, &args));
		server_stop(&host);
	}
}

TEST(explicit_foreign_source_is_refused)
{
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (!pid) {
		char cbuf[CMSG_SPACE(sizeof(struct in_pktinfo))] = { 0 };
		struct sockaddr_storage ss;
		socklen_t len = mkaddr(&ss, B1, 9100);
		struct iovec iov = { .iov_base = "x", .iov_len = 1 };
		struct msghdr msg = {
			.msg_name = &ss, .msg_namelen = len,
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
		};
		struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
		struct in_pktinfo *pi = (struct in_pktinfo *)CMSG_DATA(cm);
		int fd, fails = 0;

		if (nx_enter(630, ADDRS_A1, 0))
			_exit(100);
		cm->cmsg_level = IPPROTO_IP;
		cm->cmsg_type = IP_PKTINFO;
		cm->cmsg_len = CMSG_LEN(sizeof(*pi));
		inet_pton(AF_INET, A2, &pi->ipi_spec_dst);
		fd = socket(AF_INET, SOCK_DGRAM, 0);
		fails += FAILIF(sendmsg(fd, &msg, 0) >= 0 || errno != EPERM);
		inet_pton(AF_INET, A1, &pi->ipi_spec_dst);
		fails += FAILIF(sendmsg(fd, &msg, 0) != 1);
		close(fd);
		_exit(fails);
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(loopback_is_remapped_per_guest)
{
	struct server host, a;
	char reply[64];
	struct ask_args args = {
		.nid = 632, .addrs = ADDRS_A1, .flags = NXF_LBACK_REMAP,
		.type = SOCK_STREAM, .addr = "127.0.0.1", .port = 8090,
	};

	/* The host and a guest both serve 127.0.0.1:8090. */
	ASSERT_EQ(0, server_start(&host, 0, NULL, 0, SOCK_STREAM, "127.0.0.1",
				  8090, 'H'));
	ASSERT_EQ(0, server_start(&a, 631, ADDRS_A1, NXF_LBACK_REMAP,
				  SOCK_STREAM, "127.0.0.1", 8090, 'A'));
	/* The host reaches its own; the guest's is 127.2.119.1 (nid 631). */
	EXPECT_EQ('H', ask(SOCK_STREAM, "127.0.0.1", 8090, reply,
			   sizeof(reply)));
	EXPECT_EQ('A', ask(SOCK_STREAM, "127.2.119.1", 8090, reply,
			   sizeof(reply)));
	EXPECT_STREQ("127.2.119.1", reply);
	/* Another guest's 127.0.0.1 is its own loopback: nobody there. */
	EXPECT_EQ(128 + ECONNREFUSED, in_child(ask_child, &args));
	/* Without LBACK_REMAP or LBACK_ALLOW a guest has no loopback. */
	args.nid = 633;
	args.flags = 0;
	EXPECT_EQ(128 + EPERM, in_child(ask_child, &args));
	args.nid = 634;
	args.flags = NXF_LBACK_ALLOW;
	EXPECT_EQ('H', in_child(ask_child, &args));
	/* ... but never another guest's private loopback address. */
	args.addr = "127.2.119.1";
	EXPECT_EQ(128 + EPERM, in_child(ask_child, &args));
	server_stop(&a);
	server_stop(&host);
}

TEST(hide_lback_shows_the_guest_loopback_as_127_0_0_1)
{
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (!pid) {
		struct sockaddr_storage ss;
		socklen_t len = sizeof(ss);
		int fails = 0, fd, c;

		if (nx_enter(636, ADDRS_A1, NXF_LBACK_REMAP))
			_exit(100);
		fd = bound_socket(SOCK_STREAM, "127.0.0.1", 8099);
		if (fd < 0 || listen(fd, 1))
			_exit(101);
		getsockname(fd, (struct sockaddr *)&ss, &len);
		/* Without HIDE_LBACK the real address shows: 127.2.124.1. */
		fails += FAILIF(strcmp(addrstr(&ss), "127.2.124.1"));
		if (nx_set_flags(636, NXF_HIDE_LBACK, NXF_HIDE_LBACK))
			_exit(102);
		len = sizeof(ss);
		getsockname(fd, (struct sockaddr *)&ss, &len);
		fails += FAILIF(strcmp(addrstr(&ss), "127.0.0.1"));
		c = socket(AF_INET, SOCK_STREAM, 0);
		len = mkaddr(&ss, "127.0.0.1", 8099);
		fails += FAILIF(connect(c, (struct sockaddr *)&ss, len));
		len = sizeof(ss);
		getpeername(c, (struct sockaddr *)&ss, &len);
		fails += FAILIF(strcmp(addrstr(&ss), "127.0.0.1"));
		len = sizeof(ss);
		getsockname(c, (struct sockaddr *)&ss, &len);
		fails += FAILIF(strcmp(addrstr(&ss), "127.0.0.1"));
		/* /proc/net/tcp: 127.0.0.1:8099 (0100007F:1FA3) listens. */
		fails += FAILIF(!file_has("/proc/net/tcp",
					  "0100007F:1FA3 00000000:0000 0A"));
		/* A datagram from its own loopback comes from 127.0.0.1. */
		fd = bound_socket(SOCK_DGRAM, "127.0.0.1", 8099);
		len = mkaddr(&ss, "127.0.0.1", 8099);
		fails += FAILIF(sendto(fd, "x", 1, 0, (struct sockaddr *)&ss,
				       len) != 1);
		len = sizeof(ss);
		fails += FAILIF(recvfrom(fd, &c, 1, 0, (struct sockaddr *)&ss,
					 &len) != 1);
		fails += FAILIF(strcmp(addrstr(&ss), "127.0.0.1"));
		_exit(fails);
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(packet_and_raw_sockets_are_refused)
{
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (!pid) {
		struct vcmd_net_caps caps = {
			.ncaps = NXC_RAW_ICMP, .cmask = NXC_RAW_ICMP,
		};
		struct sockaddr_storage ss;
		socklen_t len = mkaddr(&ss, B1, 0);
		char pkt[64] = { 0 };
		int fails = 0, fd, one = 1;

		/* The host may. */
		fd = socket(AF_PACKET, SOCK_RAW, 0);
		fails += FAILIF(fd < 0);
		close(fd);
		if (nx_enter(640, ADDRS_A1, 0))
			_exit(100);
		fails += FAILIF(socket(AF_PACKET, SOCK_RAW, 0) >= 0 || errno != EPERM);
		fails += FAILIF(socket(AF_PACKET, SOCK_DGRAM, 0) >= 0 ||
			 errno != EPERM);
		fails += FAILIF(socket(AF_INET, SOCK_RAW, IPPROTO_UDP) >= 0 ||
			 errno != EPERM);
		fails += FAILIF(socket(AF_INET, SOCK_RAW, IPPROTO_RAW) >= 0 ||
			 errno != EPERM);
		fails += FAILIF(socket(AF_INET6, SOCK_RAW, IPPROTO_TCP) >= 0 ||
			 errno != EPERM);
		fails += FAILIF(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) >= 0 ||
			 errno != EPERM);
		/* With RAW_ICMP: ICMP raw sockets, but no IP header of its own. */
		if (vs_call(VCMD_set_ncaps, 640, &caps))
			_exit(101);
		fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
		fails += FAILIF(fd < 0);
		fails += FAILIF(setsockopt(fd, IPPROTO_IP, IP_HDRINCL, &one,
				    sizeof(one)) != 0);
		fails += FAILIF(sendto(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&ss,
				len) >= 0 || errno != EPERM);
		close(fd);
		_exit(fails);
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(sockets_keep_the_context_they_were_made_in)
{
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (!pid) {
		int host_fd = socket(AF_INET, SOCK_DGRAM, 0), fails = 0, fd;
		struct sockaddr_storage ss;
		socklen_t len = mkaddr(&ss, A2, 0);

		if (nx_enter(645, ADDRS_A1, 0))
			_exit(100);
		/* Made on the host: may still use the host's addresses. */
		fails += FAILIF(bind(host_fd, (struct sockaddr *)&ss, len) != 0);
		fd = socket(AF_INET, SOCK_DGRAM, 0);
		fails += FAILIF(bind(fd, (struct sockaddr *)&ss, len) == 0);
		_exit(fails);
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(guest_sees_only_its_own_network_context)
{
	struct vcmd_nx_info info;
	pid_t pid;
	int status;

	/* nid 650 held by another child; the guest is in xid 651 + nid 651. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (nx_enter(650, ADDRS_A1, 0))
			_exit(100);
		pause();
		_exit(0);
	}
	usleep(200000);
	ASSERT_EQ(0, vs_call(VCMD_nx_info, 650, &info));

	status = fork();
	if (!status) {
		int fails = 0;

		if (nx_enter(651, ADDRS_B, 0) || vs_create(651, 0) < 0)
			_exit(100);
		fails += FAILIF(vs_call(VCMD_nx_info, 650, &info) != -ESRCH);
		fails += FAILIF(!access("/proc/virtnet/650", F_OK));
		fails += FAILIF(access("/proc/virtnet/651", F_OK) != 0);
		fails += FAILIF(vs_call(VCMD_nx_info, 651, &info) != 0);
		/* And it cannot change its own once set up. */
		fails += FAILIF(nx_add(651, A3 "/24") != -EPERM);
		_exit(fails);
	}
	waitpid(status, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

TEST_HARNESS_MAIN
