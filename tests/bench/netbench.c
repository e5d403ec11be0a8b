// SPDX-License-Identifier: GPL-2.0
/*
 * netbench.c - TCP between two processes: host, network contexts, veth
 *
 * Runs in the guest (make bench, on the fast kernel).  Measures TCP
 * request/response latency (1-byte ping-pong on one connection) and TCP
 * stream throughput between two processes of this machine:
 *
 *   host      both ends on the host, via 192.0.2.1 on a dummy interface;
 *   contexts  the server in a network context with 192.0.2.1 bound to the
 *             wildcard address, the client in another one with 192.0.2.2;
 *   veth      the LXC way: the client in a network namespace behind a veth
 *             pair (203.0.113.2), the server on the host (203.0.113.1).
 *
 * The three run alternately for several rounds and the best of each is
 * kept; the report gives contexts/host and veth/host.
 *
 * Usage: netbench [-r rounds] [-j file.json]
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/vserver.h>

#define RR_N		20000
#define STREAM_BYTES	(128L << 20)
#define CHUNK		65536

enum { HOST, CONTEXTS, VETH, SIDES };
static const char *const side_name[SIDES] = { "host", "contexts", "veth" };
static const char *const server_addr[SIDES] = {
	"192.0.2.1", "192.0.2.1", "203.0.113.1",
};
static const int port[SIDES] = { 7001, 7002, 7003 };

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* Run a shell command; with @must, a failure ends the benchmark. */
static void run(const char *cmd, int must)
{
	if (!system(cmd))
		return;
	fprintf(stderr, "netbench: '%s' failed\n", cmd);
	if (must)
		exit(1);
}

/* Create network context @nid with one IPv4 address and enter it. */
static void enter_nx(uint32_t nid, const char *addr)
{
	struct vcmd_net_addr_ipv4 a = {
		.type = NXA_TYPE_ADDR, .mask = htonl(0xffffff00),
	};

	inet_pton(AF_INET, addr, &a.ip);
	if (syscall(VSERVER_SYSCALL_NR, VCMD_net_create, nid, NULL) < 0 ||
	    syscall(VSERVER_SYSCALL_NR, VCMD_net_add_ipv4, nid, &a) < 0)
		die("network context");
}

static int tcp_socket(void)
{
	struct timeval tv = { .tv_sec = 10 };
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	/* A broken setup fails in seconds, not after the SYN retries. */
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n <= 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

/*
 * The server: accepts connections; the first byte says what to do: 'R'
 * echo bytes back until EOF, 'S' read until EOF and answer one byte.
 */
static pid_t server_start(int side)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	int p[2];
	char c;
	pid_t pid;

	if (pipe(p))
		die("pipe");
	pid = fork();
	if (pid)
		goto wait_ready;
	if (side == CONTEXTS)
		enter_nx(801, "192.0.2.1");
	else
		inet_pton(AF_INET, server_addr[side], &sin.sin_addr);
	sin.sin_port = htons(port[side]);
	{
		int fd = tcp_socket();
		static char buf[CHUNK];

		if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) ||
		    listen(fd, 4))
			die("server");
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		for (;;) {
			int cfd = accept(fd, NULL, NULL);
			if (cfd < 0 || read(cfd, &c, 1) != 1)
				_exit(1);
			if (c == 'R') {
				while (read(cfd, &c, 1) == 1 &&
				       write(cfd, &c, 1) == 1)
					;
			} else {
				while (read(cfd, buf, sizeof(buf)) > 0)
					;
				if (write(cfd, "k", 1) != 1)
					_exit(1);
			}
			close(cfd);
		}
	}
wait_ready:
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		die("server start");
	close(p[0]);
	return pid;
}

static int client_connect(int side, char what)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(port[side]),
	};
	int fd = tcp_socket();

	inet_pton(AF_INET, server_addr[side], &sin.sin_addr);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) ||
	    write(fd, &what, 1) != 1)
		die("connect");
	return fd;
}

/* Seconds for RR_N one-byte round trips. */
static double client_rr(int side)
{
	int fd = client_connect(side, 'R');
	double t = now();
	char c = 0;

	for (long i = 0; i < RR_N; i++)
		if (write(fd, &c, 1) != 1 || read(fd, &c, 1) != 1)
			die("rr");
	t = now() - t;
	close(fd);
	return t;
}

/* Seconds to send STREAM_BYTES and get them acknowledged. */
static double client_stream(int side)
{
	static char buf[CHUNK];
	int fd = client_connect(side, 'S');
	double t = now();
	char c;

	for (long sent = 0; sent < STREAM_BYTES; sent += sizeof(buf))
		if (write_all(fd, buf, sizeof(buf)))
			die("stream");
	shutdown(fd, SHUT_WR);
	if (read(fd, &c, 1) != 1)
		die("stream ack");
	t = now() - t;
	close(fd);
	return t;
}

/*
 * The veth client lives in its own network namespace for the whole run
 * and measures on request: a byte 'R' or 'S' on @req, the seconds back on
 * @res.
 */
static int veth_req = -1, veth_res = -1;

static void veth_start(void)
{
	int req[2], res[2], ready[2];
	char cmd[128], c;
	pid_t pid;

	if (pipe(req) || pipe(res) || pipe(ready))
		die("pipe");
	pid = fork();
	if (!pid) {
		double t;

		if (unshare(CLONE_NEWNET))
			die("unshare");
		if (write(ready[1], "x", 1) != 1 || read(req[0], &c, 1) != 1)
			_exit(1);
		run("ip link set lo up", 1);
		run("ip addr add 203.0.113.2/24 dev veth0", 1);
		run("ip link set veth0 up", 1);
		sleep(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		while (read(req[0], &c, 1) == 1) {
			t = c == 'R' ? client_rr(VETH) : client_stream(VETH);
			if (write(res[1], &t, sizeof(t)) != sizeof(t))
				_exit(1);
		}
		_exit(0);
	}
	if (read(ready[0], &c, 1) != 1)
		die("veth client");
	snprintf(cmd, sizeof(cmd), "ip link set veth0 netns %d", pid);
	run(cmd, 1);
	if (write(req[1], "x", 1) != 1 || read(ready[0], &c, 1) != 1)
		die("veth client");
	veth_req = req[1];
	veth_res = res[0];
}

/* One measurement ('R' or 'S') for @side, in a fresh client process. */
static double measure(int side, char what)
{
	double t = -1;
	int p[2];
	pid_t pid;

	if (side == VETH) {
		if (write(veth_req, &what, 1) != 1 ||
		    read(veth_res, &t, sizeof(t)) != sizeof(t))
			return -1;
		return t;
	}
	if (pipe(p))
		return -1;
	pid = fork();
	if (!pid) {
		if (side == CONTEXTS)
			enter_nx(802, "192.0.2.2");
		t = what == 'R' ? client_rr(side) : client_stream(side);
		if (write(p[1], &t, sizeof(t)) != sizeof(t))
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &t, sizeof(t)) != sizeof(t))
		t = -1;
	close(p[0]);
	waitpid(pid, NULL, 0);
	return t;
}

int main(int argc, char **argv)
{
	double rr[SIDES] = { 0 }, st[SIDES] = { 0 };
	pid_t servers[SIDES];
	const char *json = NULL;
	int rounds = 5, c, s;
	FILE *j;

	while ((c = getopt(argc, argv, "r:j:")) != -1) {
		switch (c) {
		case 'r':
			rounds = atoi(optarg);
			break;
		case 'j':
			json = optarg;
			break;
		default:
			fprintf(stderr, "usage: netbench [-r rounds] [-j file.json]\n");
			return 2;
		}
	}

	/* The dummy device may exist already (other tests); the veth must not. */
	run("ip link set lo up", 1);
	if (access("/proc/sys/net/ipv4/conf/vs0", F_OK)) {
		run("ip link add vs0 type dummy", 1);
		run("ip link set vs0 up", 1);
	}
	run("ip addr add 192.0.2.1/24 dev vs0 2>/dev/null", 0);
	run("ip addr add 192.0.2.2/24 dev vs0 2>/dev/null", 0);
	run("ip link add vt0 type veth", 1);
	run("ip addr add 203.0.113.1/24 dev vt0", 1);
	run("ip link set vt0 up", 1);
	veth_start();
	for (s = 0; s < SIDES; s++)
		servers[s] = server_start(s);

	for (int r = 0; r < rounds; r++) {
		for (s = 0; s < SIDES; s++) {
			double t = measure(s, 'R');

			if (t > 0 && (!rr[s] || t < rr[s]))
				rr[s] = t;
			t = measure(s, 'S');
			if (t > 0 && (!st[s] || t < st[s]))
				st[s] = t;
		}
	}
	for (s = 0; s < SIDES; s++)
		kill(servers[s], SIGKILL);
	close(veth_req);

	printf("## TCP between two processes of one machine (best of %d)\n\n", rounds);
	printf("| setup | RR latency us | vs. host | stream MiB/s | vs. host |\n");
	printf("|---|---:|---:|---:|---:|\n");
	for (s = 0; s < SIDES; s++)
		printf("| %s | %.1f | %.3f | %.0f | %.3f |\n", side_name[s],
		       rr[s] / RR_N * 1e6, rr[s] / rr[HOST],
		       STREAM_BYTES / st[s] / (1 << 20), st[HOST] / st[s]);
	printf("\nhost: both ends on the host; contexts: each end in its own network\n"
	       "context (the server bound to 0.0.0.0); veth: the client in a network\n"
	       "namespace behind a veth pair.  Latency ratios above 1 and throughput\n"
	       "ratios below 1 are slower than the host.\n");
	if (json) {
		j = fopen(json, "w");
		if (!j)
			die(json);
		fprintf(j, "{\"rounds\": %d, \"tcp\": [", rounds);
		for (s = 0; s < SIDES; s++)
			fprintf(j, "%s{\"setup\": \"%s\", \"rr_us\": %.2f, \"rr_ratio\": %.4f, \"stream_mib_s\": %.1f, \"stream_ratio\": %.4f}",
				s ? ", " : "", side_name[s], rr[s] / RR_N * 1e6,
				rr[s] / rr[HOST], STREAM_BYTES / st[s] / (1 << 20),
				st[HOST] / st[s]);
		fprintf(j, "]}\n");
		fclose(j);
	}
	return 0;
}
