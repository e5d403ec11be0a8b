// SPDX-License-Identifier: GPL-2.0
/*
 * breakout - one attempt at a host-wide interface, for containment_test.sh
 *
 * Usage: breakout ATTEMPT [ARG...]
 *
 * Some attempts serve the host side of a test instead (hold, getlk,
 * connect): they show what the host sees, or that a check can fail.
 *
 * Runs one attempt and exits 0 if it worked, 1 if the kernel refused it
 * (the error is printed as "breakout: ATTEMPT: EXXX"), 2 on bad usage.
 * The shell test runs it inside guests, as root and as other users, and
 * checks the host afterwards.  Nothing here does harm when it works: the
 * sysrq file is opened and closed without a write, kexec_load() is asked
 * to unload (there is nothing loaded), keys are added to a fresh key.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kexec.h>
#include <linux/keyctl.h>
#include <netinet/in.h>
#include <linux/netlink.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif
#ifndef AF_ALG
#define AF_ALG 38
#endif
#ifndef NETLINK_SOCK_DIAG
#define NETLINK_SOCK_DIAG 4
#endif

static const char *attempt;

static int fail(void)
{
	fprintf(stderr, "breakout: %s: %s\n", attempt, strerror(errno));
	return 1;
}

static int check(long ret)
{
	return ret < 0 ? fail() : 0;
}

/* Writes @val to @path; 0 if it was written. */
static int write_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return fail();
	n = write(fd, val, strlen(val));
	close(fd);
	return check(n);
}

static int open_only(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		return fail();
	close(fd);
	return 0;
}

static int do_socket(int family, int type, int protocol)
{
	int fd = socket(family, type, protocol);

	if (fd < 0)
		return fail();
	close(fd);
	return 0;
}

static socklen_t abstract_addr(struct sockaddr_un *sun, const char *name)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	strncpy(sun->sun_path + 1, name, sizeof(sun->sun_path) - 2);
	return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name);
}

/* Binds the abstract name @name, reports readiness on stdout, serves. */
static int abstract_listen(const char *name)
{
	struct sockaddr_un sun;
	socklen_t len = abstract_addr(&sun, name);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0), c;

	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, len) < 0 ||
	    listen(fd, 8) < 0)
		return fail();
	printf("listening\n");
	fflush(stdout);
	for (;;) {
		c = accept(fd, NULL, NULL);
		if (c >= 0) {
			if (write(c, "host-secret\n", 12) < 0)
				perror("breakout: write");
			close(c);
		}
	}
}

/* Connects to the abstract name @name and prints what it says. */
static int abstract_connect(const char *name)
{
	struct sockaddr_un sun;
	socklen_t len = abstract_addr(&sun, name);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	char buf[64];
	ssize_t n;

	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, len) < 0)
		return fail();
	n = read(fd, buf, sizeof(buf) - 1);
	if (n > 0)
		fwrite(buf, 1, n, stdout);
	close(fd);
	return 0;
}

static int abstract_bind(const char *name)
{
	struct sockaddr_un sun;
	socklen_t len = abstract_addr(&sun, name);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, len) < 0)
		return fail();
	close(fd);
	return 0;
}

/* open_by_handle_at() of the handle of "/" itself. */
static int fhandle(void)
{
	struct {
		struct file_handle fh;
		unsigned char bytes[MAX_HANDLE_SZ];
	} h;
	int mount_id, mfd, fd;

	h.fh.handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, "/", &h.fh, &mount_id, 0) < 0)
		return fail();
	mfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0)
		return fail();
	fd = open_by_handle_at(mfd, &h.fh, O_RDONLY | O_DIRECTORY);
	close(mfd);
	if (fd < 0)
		return fail();
	close(fd);
	return 0;
}

/* Joins context @xid with the raw system call and waits, never exec'ing. */
static int enter_and_wait(const char *xid)
{
	unsigned long long flags = 0;

	/* ctx_migrate v1: category PROCMIG (11), number 1, version 1 */
	if (syscall(236, 0x0b010001, strtoul(xid, NULL, 0), &flags) < 0)
		return fail();
	printf("%d\n", getpid());
	fflush(stdout);
	pause();
	return 0;
}

/* Adds a key to the caller's user keyring and prints its serial. */
static int add_key(void)
{
	long id = syscall(SYS_add_key, "user", "breakout", "secret", 6,
			  KEY_SPEC_USER_KEYRING);

	if (id < 0)
		return fail();
	printf("%ld\n", id);
	return 0;
}

static int prlimit_pid(const char *pid)
{
	struct rlimit rl = { 1000, 1000 };

	return check(prlimit(strtol(pid, NULL, 0), RLIMIT_NOFILE, &rl, NULL));
}

/*
 * For the host side: holds a packet, a ping and a netlink socket and a
 * write lock on @path, reports readiness on stdout and waits.  The ping
 * socket is bound: only bound ones are listed.
 */
static int hold(const char *path)
{
	struct sockaddr_in lo = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	int ping = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);

	if (fd < 0 || fcntl(fd, F_SETLK, &fl) < 0 || ping < 0 ||
	    bind(ping, (struct sockaddr *)&lo, sizeof(lo)) < 0 ||
	    socket(AF_PACKET, SOCK_DGRAM, 0) < 0 ||
	    socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) < 0)
		return fail();
	printf("%d\n", getpid());
	fflush(stdout);
	pause();
	return 0;
}

/* Prints the process F_GETLK names as holding a lock on @path. */
static int getlk(const char *path)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0 || fcntl(fd, F_GETLK, &fl) < 0)
		return fail();
	close(fd);
	if (fl.l_type == F_UNLCK) {
		errno = ENOLCK;
		return fail();
	}
	printf("%d\n", (int)fl.l_pid);
	return 0;
}

/*
 * A TCP connection to the IPv4 @addr, port @port, given up after 2 s (a
 * local listener answers at once; an address nobody has does not).
 */
static int tcp_connect(const char *addr, const char *port)
{
	struct timeval tv = { .tv_sec = 2 };
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_port = htons(atoi(port)),
	};
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0 || inet_pton(AF_INET, addr, &sin.sin_addr) != 1 ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) < 0 ||
	    connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		return fail();
	close(fd);
	return 0;
}

static int read_link(const char *path)
{
	char buf[4096];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);

	if (n < 0)
		return fail();
	buf[n] = '\0';
	printf("%s\n", buf);
	return 0;
}

int main(int argc, char **argv)
{
	char buf[4096];
	const char *arg = argc > 2 ? argv[2] : NULL;

	if (argc < 2)
		return 2;
	attempt = argv[1];
	if (!strcmp(attempt, "write") && argc == 4)
		return write_file(argv[2], argv[3]);
	if (!strcmp(attempt, "open-write") && arg)
		return open_only(arg, O_WRONLY);
	if (!strcmp(attempt, "open-read") && arg)
		return open_only(arg, O_RDONLY);
	if (!strcmp(attempt, "readlink") && arg)
		return read_link(arg);
	if (!strcmp(attempt, "syslog"))
		return check(klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf,
				     sizeof(buf)));
	if (!strcmp(attempt, "fhandle"))
		return fhandle();
	if (!strcmp(attempt, "add-key"))
		return add_key();
	if (!strcmp(attempt, "read-key") && arg)
		return check(syscall(SYS_keyctl, KEYCTL_READ,
				     strtol(arg, NULL, 0), buf, sizeof(buf)));
	if (!strcmp(attempt, "kexec"))
		return check(syscall(SYS_kexec_load, 0, 0, NULL,
				     KEXEC_ARCH_DEFAULT));
	if (!strcmp(attempt, "mptcp"))
		return do_socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
	if (!strcmp(attempt, "sctp"))
		return do_socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (!strcmp(attempt, "udplite"))
		return do_socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDPLITE);
	if (!strcmp(attempt, "sock-diag"))
		return do_socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	if (!strcmp(attempt, "alg"))
		return do_socket(AF_ALG, SOCK_SEQPACKET, 0);
	if (!strcmp(attempt, "tcp"))
		return do_socket(AF_INET6, SOCK_STREAM, 0);
	if (!strcmp(attempt, "ping"))
		return do_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	if (!strcmp(attempt, "rtnetlink"))
		return do_socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (!strcmp(attempt, "abstract-listen") && arg)
		return abstract_listen(arg);
	if (!strcmp(attempt, "abstract-connect") && arg)
		return abstract_connect(arg);
	if (!strcmp(attempt, "abstract-bind") && arg)
		return abstract_bind(arg);
	if (!strcmp(attempt, "enter-and-wait") && arg)
		return enter_and_wait(arg);
	if (!strcmp(attempt, "prlimit") && arg)
		return prlimit_pid(arg);
	if (!strcmp(attempt, "hold") && arg)
		return hold(arg);
	if (!strcmp(attempt, "getlk") && arg)
		return getlk(arg);
	if (!strcmp(attempt, "connect") && argc == 4)
		return tcp_connect(argv[2], argv[3]);
	fprintf(stderr, "breakout: unknown attempt %s\n", attempt);
	return 2;
}
