// SPDX-License-Identifier: GPL-2.0
/*
 * isolation_test.c - processes of one context cannot see or touch others
 *
 * Every test sets up a "victim": a holder process in another context
 * (xid 400 + n), then enters a context of its own and tries to reach the
 * victim, the host, or both, through every pid-taking system call.  Each
 * attempt must fail as if the pid did not exist (ESRCH), and the victim
 * must be unharmed.
 */

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "common.h"
#include "kselftest_harness.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_WHO_PGRP 2
#define IOPRIO_WHO_USER 3
#define IOPRIO_PRIO_VALUE(class, data) (((class) << 13) | (data))

static int errno_of(long ret)
{
	return ret < 0 ? -errno : (int)ret;
}

static int proc_has_pid(pid_t pid)
{
	struct dirent *d;
	int found = 0;
	DIR *dir = opendir("/proc");

	if (!dir)
		return -1;
	while ((d = readdir(dir)))
		if (atoi(d->d_name) == pid)
			found = 1;
	closedir(dir);
	return found;
}

FIXTURE(other)
{
	struct holder victim;
	pid_t host_parent;
};

FIXTURE_SETUP(other)
{
	static uint32_t next = 400;

	self->host_parent = getpid();
	ASSERT_EQ(next, holder_start(&self->victim, next, VXF_INIT_SET, 0));
	next++;
}

FIXTURE_TEARDOWN(other)
{
	/* The victim must have survived everything the test tried. */
	EXPECT_EQ(0, holder_stop(&self->victim));
}

typedef void (*inside_fn)(struct __test_metadata *_metadata,
			  FIXTURE_DATA(other) *self);

/*
 * Run @fn in a child that first creates and enters context @xid.  The test
 * process stays on the host, so that it can still reap the victim; the
 * child's failures fail the test.
 */
static void in_context(struct __test_metadata *_metadata, uint32_t xid,
		       inside_fn fn, FIXTURE_DATA(other) *self)
{
	int status;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (!pid) {
		if (vs_create(xid, VXF_INIT_SET) != xid)
			_exit(2);
		fn(_metadata, self);
		_exit(_metadata->passed ? 0 : 1);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

static void proc_shows_only_own_context_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	char path[64];
	struct stat st;
	pid_t v = self->victim.pid;

	EXPECT_EQ(0, proc_has_pid(v));
	EXPECT_EQ(0, proc_has_pid(1));
	EXPECT_EQ(0, proc_has_pid(self->host_parent));
	EXPECT_EQ(1, proc_has_pid(getpid()));

	snprintf(path, sizeof(path), "/proc/%d", v);
	EXPECT_EQ(-ENOENT, errno_of(stat(path, &st)));
	snprintf(path, sizeof(path), "/proc/%d/status", v);
	EXPECT_EQ(-ENOENT, errno_of(open(path, O_RDONLY)));
	EXPECT_EQ(-ENOENT, errno_of(stat("/proc/1/cmdline", &st)));
	EXPECT_EQ(0, stat("/proc/self/status", &st));
}

TEST_F(other, proc_shows_only_own_context)
{
	/* The host sees everybody. */
	ASSERT_EQ(1, proc_has_pid(self->victim.pid));
	ASSERT_EQ(1, proc_has_pid(1));
	in_context(_metadata, 450, proc_shows_only_own_context_inside, self);
}

static void signals_do_not_cross_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	pid_t v = self->victim.pid;

	EXPECT_EQ(-ESRCH, errno_of(kill(v, 0)));
	EXPECT_EQ(-ESRCH, errno_of(kill(v, SIGKILL)));
	EXPECT_EQ(-ESRCH, errno_of(kill(1, 0)));
	EXPECT_EQ(-ESRCH, errno_of(kill(self->host_parent, SIGKILL)));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_tgkill, v, v, SIGKILL)));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_tkill, v, SIGKILL)));
	EXPECT_EQ(-ESRCH, errno_of(kill(-v, SIGKILL)));
	EXPECT_EQ(0, kill(getpid(), 0));
}

TEST_F(other, signals_do_not_cross)
{
	in_context(_metadata, 451, signals_do_not_cross_inside, self);
}

static void kill_minus_one_reaches_only_own_context_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	/*
	 * Alone in its context, kill(-1) finds nobody to signal.  If it did,
	 * the victim (and the harness on the host) would die of SIGUSR1.
	 */
	EXPECT_EQ(-ESRCH, errno_of(kill(-1, 0)));
	EXPECT_EQ(-ESRCH, errno_of(kill(-1, SIGUSR1)));
}

TEST_F(other, kill_minus_one_reaches_only_own_context)
{
	in_context(_metadata, 452, kill_minus_one_reaches_only_own_context_inside, self);
}

static void own_process_group_spares_other_contexts_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	sigset_t set;

	/*
	 * The test shares its process group with the harness on the host;
	 * signalling the group from a context must reach only the context.
	 */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	ASSERT_EQ(0, sigprocmask(SIG_BLOCK, &set, NULL));
	EXPECT_EQ(0, kill(0, SIGUSR1));
	EXPECT_EQ(-ESRCH, errno_of(kill(-getpgid(0), SIGUSR1)));
}

TEST_F(other, own_process_group_spares_other_contexts)
{
	in_context(_metadata, 453, own_process_group_spares_other_contexts_inside, self);
}

static void ptrace_and_memory_access_fail_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	char buf[16];
	struct iovec local = { buf, sizeof(buf) }, remote = { buf, sizeof(buf) };
	pid_t v = self->victim.pid;

	EXPECT_EQ(-ESRCH, errno_of(ptrace(PTRACE_ATTACH, v, 0, 0)));
	EXPECT_EQ(-ESRCH, errno_of(ptrace(PTRACE_SEIZE, v, 0, 0)));
	EXPECT_EQ(-ESRCH, errno_of(ptrace(PTRACE_ATTACH, 1, 0, 0)));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_process_vm_readv, v, &local, 1,
					   &remote, 1, 0)));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_process_vm_writev, v, &local, 1,
					   &remote, 1, 0)));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_pidfd_open, v, 0)));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_pidfd_open, 1, 0)));
}

TEST_F(other, ptrace_and_memory_access_fail)
{
	in_context(_metadata, 454, ptrace_and_memory_access_fail_inside, self);
}

static void scheduling_calls_fail_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	struct sched_param sp = { 0 };
	cpu_set_t cpus;
	pid_t v = self->victim.pid;

	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	EXPECT_EQ(-ESRCH, errno_of(sched_setaffinity(v, sizeof(cpus), &cpus)));
	EXPECT_EQ(-ESRCH, errno_of(sched_getaffinity(v, sizeof(cpus), &cpus)));
	EXPECT_EQ(-ESRCH, errno_of(sched_setscheduler(v, SCHED_OTHER, &sp)));
	EXPECT_EQ(-ESRCH, errno_of(sched_getscheduler(v)));
	EXPECT_EQ(-ESRCH, errno_of(sched_getparam(v, &sp)));
	EXPECT_EQ(-ESRCH, errno_of(setpriority(PRIO_PROCESS, v, 5)));
	errno = 0;
	EXPECT_EQ(-1, getpriority(PRIO_PROCESS, v));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS,
					   v, IOPRIO_PRIO_VALUE(2, 7))));
	EXPECT_EQ(-ESRCH, errno_of(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, v)));
}

TEST_F(other, scheduling_calls_fail)
{
	in_context(_metadata, 455, scheduling_calls_fail_inside, self);
}

TEST_F(other, user_wide_priority_spares_other_contexts)
{
	pid_t v = self->victim.pid;
	int status;
	pid_t child;

	ASSERT_EQ(0, getpriority(PRIO_PROCESS, v));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		/* Every process of root, as far as this context can see. */
		if (vs_create(456, VXF_INIT_SET) != 456)
			_exit(1);
		if (setpriority(PRIO_USER, 0, 10))
			_exit(2);
		if (syscall(SYS_ioprio_set, IOPRIO_WHO_USER, 0,
			    IOPRIO_PRIO_VALUE(3, 0)))
			_exit(3);
		if (setpriority(PRIO_PGRP, 0, 10))
			_exit(4);
		_exit(0);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
	/* The victim and the host kept their priorities. */
	EXPECT_EQ(0, getpriority(PRIO_PROCESS, v));
	EXPECT_EQ(0, getpriority(PRIO_PROCESS, getpid()));
	EXPECT_NE(IOPRIO_PRIO_VALUE(3, 0),
		  syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, v));
}

static void session_and_group_lookups_fail_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	pid_t v = self->victim.pid;

	EXPECT_EQ(-ESRCH, errno_of(getpgid(v)));
	EXPECT_EQ(-ESRCH, errno_of(getsid(v)));
	EXPECT_EQ(-ESRCH, errno_of(getpgid(1)));
	EXPECT_EQ(-ESRCH, errno_of(setpgid(v, v)));
	EXPECT_EQ(-ECHILD, errno_of(waitpid(v, NULL, WNOHANG)));
}

TEST_F(other, session_and_group_lookups_fail)
{
	in_context(_metadata, 457, session_and_group_lookups_fail_inside, self);
}

TEST_F(other, host_sees_and_reaches_every_context)
{
	char path[64];
	struct stat st;
	pid_t v = self->victim.pid;

	snprintf(path, sizeof(path), "/proc/%d", v);
	EXPECT_EQ(0, stat(path, &st));
	EXPECT_EQ(0, kill(v, 0));
	EXPECT_EQ(self->victim.result, vs_call(VCMD_task_xid, v, NULL));
	EXPECT_LE(0, getpgid(v));
}

TEST_F(other, spectator_sees_all_and_changes_nothing)
{
	struct stat st;
	char path[64];
	pid_t v = self->victim.pid;

	ASSERT_EQ(0, vs_migrate(VC_XID_SPECTATOR, 0));
	EXPECT_EQ(1, vs_call(VCMD_task_xid, 0, NULL));
	/* Sees: */
	EXPECT_EQ(1, proc_has_pid(v));
	EXPECT_EQ(1, proc_has_pid(1));
	snprintf(path, sizeof(path), "/proc/%d/status", v);
	EXPECT_EQ(0, stat(path, &st));
	EXPECT_EQ(self->victim.result, vs_call(VCMD_task_xid, v, NULL));
	EXPECT_LE(0, getpgid(v));
	EXPECT_EQ(0, getpriority(PRIO_PROCESS, v));
	/* Changes nothing: */
	EXPECT_EQ(-EPERM, errno_of(kill(v, SIGKILL)));
	EXPECT_EQ(-EPERM, errno_of(kill(1, 0)));
	EXPECT_EQ(-EPERM, errno_of(setpriority(PRIO_PROCESS, v, 5)));
	EXPECT_EQ(-EPERM, errno_of(ptrace(PTRACE_ATTACH, v, 0, 0)));
	EXPECT_EQ(-EPERM, errno_of(mknod("/tmp/spectator-null",
					 S_IFCHR | 0600, makedev(1, 3))));
	EXPECT_EQ(-EPERM, errno_of(sethostname("spectator", 9)));
	/* And cannot make contexts. */
	EXPECT_EQ(-EPERM, vs_create(458, VXF_INIT_SET));
}

static void vserver_calls_see_only_own_context_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	struct vcmd_vx_info info;
	pid_t v = self->victim.pid;

	EXPECT_EQ(-ESRCH, vs_call(VCMD_task_xid, v, NULL));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, self->victim.result, &info));
	EXPECT_EQ(-EPERM, vs_migrate(self->victim.result, 0));
}

TEST_F(other, vserver_calls_see_only_own_context)
{
	in_context(_metadata, 459, vserver_calls_see_only_own_context_inside, self);
}

static int count_dirs(const char *path)
{
	struct dirent *d;
	int n = 0;
	DIR *dir = opendir(path);

	if (!dir)
		return -1;
	while ((d = readdir(dir)))
		if (d->d_name[0] >= '0' && d->d_name[0] <= '9')
			n++;
	closedir(dir);
	return n;
}

static void proc_virtual_inside(
	struct __test_metadata *_metadata, FIXTURE_DATA(other) *self)
{
	char path[64];
	struct stat st;

	/* Only its own directory, even though the host looked at the other. */
	EXPECT_EQ(1, count_dirs("/proc/virtual"));
	EXPECT_EQ(0, stat("/proc/virtual/460/status", &st));
	snprintf(path, sizeof(path), "/proc/virtual/%ld", self->victim.result);
	EXPECT_EQ(-ENOENT, errno_of(stat(path, &st)));
	snprintf(path, sizeof(path), "/proc/virtual/%ld/status",
		 self->victim.result);
	EXPECT_EQ(-ENOENT, errno_of(open(path, O_RDONLY)));
	EXPECT_EQ(0, stat("/proc/virtual/info", &st));
}

TEST_F(other, proc_virtual_shows_only_own_context)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/virtual/%ld/status",
		 self->victim.result);
	/* The host sees the victim's directory, with its numbers. */
	ASSERT_EQ(1, proc_value(path, "Tasks", 10));
	EXPECT_EQ((long)(VXF_INIT_SET >> 32), proc_value(path, "Flags", 16) >> 32);
	snprintf(path, sizeof(path), "/proc/virtual/%ld/info",
		 self->victim.result);
	EXPECT_EQ(self->victim.result, proc_value(path, "ID", 10));
	in_context(_metadata, 460, proc_virtual_inside, self);
	/* Gone with the context. */
	EXPECT_EQ(-1, proc_value("/proc/virtual/460/info", "ID", 10));
}

TEST_HARNESS_MAIN
