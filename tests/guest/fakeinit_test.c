// SPDX-License-Identifier: GPL-2.0
/*
 * fakeinit_test - a context with VXF_INFO_INIT shows its init as process 1
 *
 * The context's members see the init as 1 in getpid(), getppid(), kill()
 * and /proc; its real number does not resolve for them; the host keeps
 * seeing its own init as 1, also through /proc dentries the guest looked
 * up first.
 */

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <limits.h>
#include <stdbool.h>

#include "common.h"
#include "kselftest_harness.h"

/* The pid field of /proc/<name>/stat (the real number), or -errno. */
static long stat_pid(const char *name)
{
	char path[64];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%s/stat", name);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	if (fscanf(f, "%ld", &v) != 1)
		v = -EIO;
	fclose(f);
	return v;
}

/* Whether a directory listing of /proc has the entry @nr. */
static bool proc_lists(long nr)
{
	char name[16];
	struct dirent *d;
	bool found = false;
	DIR *dir = opendir("/proc");

	snprintf(name, sizeof(name), "%ld", nr);
	while (dir && (d = readdir(dir)))
		if (!strcmp(d->d_name, name))
			found = true;
	if (dir)
		closedir(dir);
	return found;
}

/* Whether /proc/self points at @nr. */
static bool self_is(long nr)
{
	char buf[32], want[16];
	ssize_t n = readlink("/proc/self", buf, sizeof(buf) - 1);

	if (n < 0)
		return false;
	buf[n] = '\0';
	snprintf(want, sizeof(want), "%ld", nr);
	return !strcmp(buf, want);
}

/* A member of a fake-init context: its checks, as an exit code. */
static int member(pid_t init)
{
	char real[16];

	snprintf(real, sizeof(real), "%d", init);
	if (getppid() != 1)
		return 20;
	if (kill(1, 0))
		return 21;
	if (stat_pid("1") != init)
		return 22;
	if (stat_pid(real) != -ENOENT)
		return 23;
	if (!proc_lists(1) || proc_lists(init))
		return 24;
	if (kill(1, SIGUSR1))
		return 25;
	return 0;
}

struct init_arg {
	uint32_t xid;
	uint64_t flags;
	int report;		/* pipe: the real pid, then the result */
	int go;			/* pipe: closed when the init may exit */
};

/* The init of context @a->xid: 0 if everything it and a member saw fits. */
static int init_checks(struct init_arg *a, pid_t real)
{
	int status, fake = !!(a->flags & VXF_INFO_INIT);
	sigset_t usr1, pending;
	pid_t m;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	if (vs_migrate(a->xid, VXM_SET_INIT))
		return 11;
	if (getpid() != (fake ? 1 : real))
		return 12;
	if (!self_is(fake ? 1 : real))
		return 13;
	m = fork();
	if (m < 0)
		return 14;
	if (!m) {
		if (fake)
			_exit(member(real));
		/* Without the flag 1 is the host's init, which is hidden. */
		_exit(getppid() == real && kill(1, 0) == -1 &&
		      errno == ESRCH && stat_pid("1") == -ENOENT ? 0 : 30);
	}
	if (waitpid(m, &status, 0) != m || !WIFEXITED(status))
		return 15;
	if (WEXITSTATUS(status))
		return WEXITSTATUS(status);
	sigpending(&pending);
	if (fake && !sigismember(&pending, SIGUSR1))
		return 16;
	return 0;
}

static int init_main(struct init_arg *a)
{
	pid_t real = getpid();
	int ret;
	char c;

	if (write(a->report, &real, sizeof(real)) != sizeof(real))
		return 10;
	ret = init_checks(a, real);
	if (write(a->report, &ret, sizeof(ret)) != sizeof(ret))
		return 10;
	/* Stay alive while the host looks at /proc. */
	while (read(a->go, &c, 1) > 0)
		;
	return ret;
}

/* A child that becomes the init of @xid and exits; 0 or -1. */
static int in_child_init(uint32_t xid)
{
	pid_t pid = fork();
	int status;

	if (!pid)
		_exit(vs_migrate(xid, VXM_SET_INIT) ? 1 : 0);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       !WEXITSTATUS(status) ? 0 : -1;
}

/* Create persistent context @xid with @flags from a child; 0 or -1. */
static int create_persistent(uint32_t xid, uint64_t flags)
{
	pid_t pid = fork();
	int status;

	if (!pid)
		_exit(vs_create(xid, VXF_INIT_SET | VXF_PERSISTENT | flags) !=
		      (long)xid);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       !WEXITSTATUS(status) ? 0 : -1;
}

/*
 * Run an init in a new persistent context @xid with @flags; while it is
 * alive, check the host's view of /proc.  Returns the init's result.
 */
static int run_init(struct __test_metadata *_metadata, uint32_t xid,
		    uint64_t flags)
{
	struct init_arg a = { .xid = xid, .flags = flags };
	int report[2], go[2], status, ret = 100;
	char real[16];
	pid_t pid, init = -1;

	if (create_persistent(xid, flags) || pipe(report) || pipe(go))
		return 101;
	a.report = report[1];
	a.go = go[0];
	pid = fork();
	if (!pid) {
		close(report[0]);
		close(go[1]);
		_exit(init_main(&a));
	}
	close(report[1]);
	close(go[0]);
	if (read(report[0], &init, sizeof(init)) != sizeof(init) ||
	    read(report[0], &ret, sizeof(ret)) != sizeof(ret))
		ret = 102;
	/* The guest looked up "1" first: the host still gets its own init. */
	snprintf(real, sizeof(real), "%d", init);
	EXPECT_EQ(1, stat_pid("1"));
	EXPECT_EQ(init, stat_pid(real));
	EXPECT_TRUE(proc_lists(init));
	close(go[1]);
	close(report[0]);
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, vs_set_cflags(xid, 0, VXF_PERSISTENT));
	return ret;
}

TEST(fake_init_is_process_1_to_its_context)
{
	EXPECT_EQ(0, run_init(_metadata, 140, VXF_INFO_INIT));
}

TEST(without_the_flag_the_init_keeps_its_number)
{
	EXPECT_EQ(0, run_init(_metadata, 141, 0));
}

/* After the init is gone, 1 names nobody in the context. */
static int after_init(void *arg)
{
	if (create_persistent(142, VXF_INFO_INIT))
		return 101;
	if (in_child_init(142))
		return 102;
	if (vs_migrate(142, 0))
		return 103;
	return kill(1, 0) == -1 && errno == ESRCH &&
	       stat_pid("1") == -ENOENT ? 0 : 1;
}

TEST(a_dead_init_leaves_1_empty)
{
	EXPECT_EQ(0, in_child(after_init, NULL));
	EXPECT_EQ(0, vs_set_cflags(142, 0, VXF_PERSISTENT));
}

/* vcontext --migrate-self --initpid: clearing STATE_INIT from inside. */
static int clear_state_init(void *arg)
{
	struct vcmd_vx_info info = { 0 };
	pid_t real = getpid();

	if (create_persistent(143, VXF_INFO_INIT) || vs_migrate(143, 0))
		return 101;
	if (getpid() != real)
		return 1;
	if (vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_INIT))
		return 2;
	if (getpid() != 1)
		return 3;
	if (vs_call(VCMD_vx_info, VC_SAME_ID, &info) || info.initpid != 1)
		return 4;
	/* A one-time flag: clearing it again changes nothing. */
	if (vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_INIT))
		return 5;
	return 0;
}

TEST(clearing_state_init_from_inside_makes_the_caller_init)
{
	EXPECT_EQ(0, in_child(clear_state_init, NULL));
	EXPECT_EQ(0, vs_set_cflags(143, 0, VXF_PERSISTENT));
}

/*
 * A member of a fake-init context, in the init's process group: SIGIO to
 * that group from softirq (tasklist_lock read there), setpgid() to "1"
 * (the fake init's number looked up under tasklist_lock, interrupts off)
 * and getpid() (a number mapped with interrupts on), over and over.  The
 * context's init is read under RCU alone in all three; with the context's
 * spinlock there, two CPUs could deadlock (a writer of tasklist_lock
 * waiting for it, its holder's softirq waiting for tasklist_lock).  This
 * runs the three paths together on the test machine's two CPUs; lockdep
 * did not report the old order here, so the test guards the paths, not
 * the proof of the fix.
 */
static int lock_order_member(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int fd, i;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) ||
	    getsockname(fd, (struct sockaddr *)&a, &len))
		return 2;
	if (fcntl(fd, F_SETOWN, -getpgrp()) ||
	    fcntl(fd, F_SETFL, O_ASYNC | O_NONBLOCK))
		return 3;
	for (i = 0; i < 200; i++) {
		char c = 'x';

		if (sendto(fd, &c, 1, 0, (struct sockaddr *)&a, sizeof(a)) != 1)
			return 4;
		if (getppid() != 1)
			return 5;
		if (setpgid(0, 1))
			return 6;
		while (recv(fd, &c, 1, 0) == 1)
			;
	}
	return 0;
}

/* The init: a session of its own, then the member above. */
static int lock_order_init(void)
{
	int status;
	pid_t m;

	if (vs_migrate(620, VXM_SET_INIT) || setsid() < 0)
		return 1;
	/* SIGIO goes to the whole process group, this process too. */
	signal(SIGIO, SIG_IGN);
	m = fork();
	if (m < 0)
		return 7;
	if (!m)
		_exit(lock_order_member());
	if (waitpid(m, &status, 0) != m || !WIFEXITED(status))
		return 8;
	return WEXITSTATUS(status);
}

TEST(fake_init_lookups_take_no_context_lock)
{
	pid_t pid;
	int status;

	ASSERT_EQ(0, create_persistent(620, VXF_INFO_INIT));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(lock_order_init());
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_EQ(0, vs_set_cflags(620, 0, VXF_PERSISTENT));
}

TEST_HARNESS_MAIN
