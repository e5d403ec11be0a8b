// SPDX-License-Identifier: GPL-2.0
/*
 * net_stress_test.c - network contexts and their sockets, concurrently
 *
 * Workers churn through network contexts: each round a context with a
 * private loopback and an address, a TCP connection to itself (accept
 * takes the context over to a copied socket), UDP datagrams, address
 * lists replaced while its sockets receive, and the end of the context
 * with sockets still open.  Readers meanwhile walk /proc/virtnet and the
 * /proc/net lists, one of them from inside a network context so that
 * every hiding call-out runs.  The test checks that every context is
 * gone at the end; KASAN, lockdep and kmemleak on the debug kernel do the
 * rest.
 */

#include <dirent.h>
#include <ifaddrs.h>
#include <sys/mman.h>

#include "net.h"

#define WORKERS 3
#define ROUNDS 12

/* Remove the single address @addr (no prefix) from network context @nid. */
static long nx_remove(uint32_t nid, const char *addr)
{
	struct vcmd_net_addr_ipv4 a4 = {
		.type = NXA_TYPE_ADDR, .mask = htonl(0xffffff00),
	};
	struct vcmd_net_addr_ipv6 a6 = { .type = NXA_TYPE_ADDR, .prefix = 64 };

	if (strchr(addr, ':')) {
		inet_pton(AF_INET6, addr, a6.ip);
		return vs_call(VCMD_net_remove_ipv6, nid, &a6);
	}
	inet_pton(AF_INET, addr, &a4.ip);
	return vs_call(VCMD_net_remove_ipv4, nid, &a4);
}

/* One round in a fresh child: returns 0 or the step that failed. */
static int net_churn_once(int w, int r)
{
	static const char *const addrs[] = { A1 "/24", V6_1 "/64", NULL };
	uint32_t nid = 900 + w * 20 + r % 20;
	int port = 9200 + w, lfd, ufd, cfd, afd, i;
	struct sockaddr_storage ss;
	socklen_t len;
	char c = 'x';

	if (nx_enter(nid, addrs, NXF_LBACK_REMAP | NXF_HIDE_LBACK))
		return 1;
	lfd = bound_socket(SOCK_STREAM, "0.0.0.0", port);
	if (lfd < 0 || listen(lfd, 4))
		return 2;
	ufd = bound_socket(SOCK_DGRAM, "0.0.0.0", port);
	if (ufd < 0)
		return 3;
	for (i = 0; i < 4; i++) {
		/* Replace the address lists under the sockets' feet. */
		if (i < 2 ? nx_add(nid, i ? V6_2 "/64" : A2 "/24") :
			    nx_remove(nid, i == 3 ? V6_2 : A2))
			return 4;
		cfd = socket(AF_INET, SOCK_STREAM, 0);
		len = mkaddr(&ss, "127.0.0.1", port);
		if (cfd < 0 || connect(cfd, (struct sockaddr *)&ss, len))
			return 5;
		afd = accept(lfd, NULL, NULL);
		if (afd < 0 || write(cfd, &c, 1) != 1 || read(afd, &c, 1) != 1)
			return 6;
		if (sendto(ufd, &c, 1, 0, (struct sockaddr *)&ss, len) != 1 ||
		    recv(ufd, &c, 1, 0) != 1)
			return 7;
		/* The open connection shows, on the loopback it asked for. */
		if (!file_has("/proc/net/tcp", "0100007F"))
			return 8;
		/*
		 * Closed from either end, the connection lingers in FIN_WAIT
		 * and TIME_WAIT after the context has ended.
		 */
		if (i & 1) {
			close(afd);
			close(cfd);
		} else {
			close(cfd);
			close(afd);
		}
	}
	return 0;
}

static int net_worker(int w)
{
	for (int r = 0; r < ROUNDS; r++) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			return 10;
		if (!pid)
			_exit(net_churn_once(w, r));
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
			return 11;
		if (WEXITSTATUS(status))
			return WEXITSTATUS(status);
	}
	return 0;
}

static void read_all(const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return;
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
}

/* Walk /proc/virtnet and the /proc/net lists until told to stop. */
static int net_reader(volatile int *stop, uint32_t nid)
{
	static const char *const lists[] = {
		"/proc/net/tcp", "/proc/net/udp", "/proc/net/tcp6",
		"/proc/net/udp6", "/proc/net/raw", "/proc/net/dev",
		"/proc/net/if_inet6",
	};
	char path[300];

	if (nid && nx_enter(nid, NULL, 0))
		return 20;
	while (!*stop) {
		struct ifaddrs *ifa;
		struct dirent *d;
		DIR *dir = opendir("/proc/virtnet");

		if (!dir)
			return 21;
		while ((d = readdir(dir))) {
			if (d->d_name[0] < '0' || d->d_name[0] > '9')
				continue;
			snprintf(path, sizeof(path), "/proc/virtnet/%s/info",
				 d->d_name);
			read_all(path);
		}
		closedir(dir);
		for (unsigned int i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
			read_all(lists[i]);
		if (!getifaddrs(&ifa))
			freeifaddrs(ifa);
	}
	return 0;
}

TEST(net_churn_leaves_nothing_behind)
{
	long active = proc_value("/proc/virtnet/status", "#NActive", 10);
	pid_t workers[WORKERS], readers[2];
	volatile int *stop;
	int i, status;

	ASSERT_LE(0, active);
	stop = mmap(NULL, sizeof(*stop), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, stop);
	*stop = 0;
	for (i = 0; i < 2; i++) {
		readers[i] = fork();
		ASSERT_LE(0, readers[i]);
		if (!readers[i]) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			/* One reader on the host, one in a hiding context. */
			_exit(net_reader(stop, i ? 990 : 0));
		}
	}
	for (i = 0; i < WORKERS; i++) {
		workers[i] = fork();
		ASSERT_LE(0, workers[i]);
		if (!workers[i]) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			_exit(net_worker(i));
		}
	}
	for (i = 0; i < WORKERS; i++) {
		ASSERT_EQ(workers[i], waitpid(workers[i], &status, 0));
		EXPECT_TRUE(WIFEXITED(status));
		EXPECT_EQ(0, WEXITSTATUS(status));
	}
	*stop = 1;
	for (i = 0; i < 2; i++) {
		ASSERT_EQ(readers[i], waitpid(readers[i], &status, 0));
		EXPECT_EQ(0, WEXITSTATUS(status));
	}
	/* Every network context the workers and readers made has ended. */
	EXPECT_EQ(active, proc_value("/proc/virtnet/status", "#NActive", 10));
}

TEST_HARNESS_MAIN
