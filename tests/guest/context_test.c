// SPDX-License-Identifier: GPL-2.0
/*
 * context_test.c - security context life cycle through vserver(2)
 *
 * Each TEST runs in its own child process (kselftest harness), so a test
 * that creates a context and enters it leaves the next test on the host.
 * Static xids are unique per test.
 */

#include <pthread.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>

#include "common.h"
#include "kselftest_harness.h"

TEST(version_matches_proc)
{
	long ver = vs_call(VCMD_get_version, 0, NULL);
	char line[128] = "", want[64];
	FILE *f;

	ASSERT_LT(0, ver);
	f = fopen("/proc/virtual/info", "re");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	fclose(f);
	snprintf(want, sizeof(want), "VCIVersion:\t%04lx:%04lx\n",
		 ver >> 16, ver & 0xffff);
	EXPECT_STREQ(want, line);
	EXPECT_EQ(236, proc_value("/proc/virtual/info", "VCISyscall", 10));
}

TEST(version_is_what_util_vserver_needs)
{
	/*
	 * util-vserver takes its newest paths, with spaces and the pivot-root
	 * space, from 0x00020304; the context commands they use all exist.
	 */
	EXPECT_EQ(0x00020304, vs_call(VCMD_get_version, 0, NULL));
}

TEST(vci_reports_only_working_features)
{
	long vci = vs_call(VCMD_get_vci, 0, NULL);

	ASSERT_LE(0, vci);
	/* Dynamic ids, cow links, spaces and network contexts; no more yet. */
	EXPECT_EQ(VCI_COWBL | VCI_SPACES | VCI_NETV2, vci);
	EXPECT_EQ(vci, proc_value("/proc/virtual/info", "VCIKernel", 16));
}

/*
 * util-vserver's binaries carry the numbers, not our header: they ask
 * get_version at 0x00000000 and get_vci at 0x00010000 (category VERSION,
 * number 1).  0x01000000 (category VSETUP, number 0) is no command.
 */
_Static_assert(VCMD_get_version == 0x00000000, "get_version number");
_Static_assert(VCMD_get_vci == 0x00010000, "get_vci number");

TEST(version_and_vci_answer_at_their_literal_numbers)
{
	EXPECT_EQ(0x00020304, vs_call(0x00000000, 63, NULL));
	EXPECT_EQ(VCI_COWBL | VCI_SPACES | VCI_NETV2,
		  vs_call(0x00010000, 0, NULL));
	EXPECT_EQ(-ENOSYS, vs_call(0x01000000, 0, NULL));
}

TEST(unknown_commands_are_enosys)
{
	EXPECT_EQ(-ENOSYS, vs_call(VC_CMD(63, 99, 0), 0, NULL));
	EXPECT_EQ(-ENOSYS, vs_call(VCMD_ctx_create_v0, 300, NULL));
	EXPECT_EQ(-ENOSYS, vs_call(VC_CMD(VC_CAT_VPROC, 1, 2), 300, NULL));
	EXPECT_EQ(-ENOSYS, vs_call(0xffffffff, 0, NULL));
}

TEST(host_is_xid_0)
{
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, getpid(), NULL));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 1, NULL));
	EXPECT_EQ(0, proc_value("/proc/virtual/info", "XID", 10));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_task_xid, 0x7ffffff0, NULL));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_task_xid, 0x80000000, NULL));
}

TEST(create_static_enters_it)
{
	struct vcmd_vx_info info = { 0 };

	ASSERT_EQ(100, vs_create(100, VXF_INIT_SET));
	EXPECT_EQ(100, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_EQ(100, vs_call(VCMD_task_xid, getpid(), NULL));
	EXPECT_EQ(100, proc_value("/proc/virtual/info", "XID", 10));
	ASSERT_EQ(0, vs_call(VCMD_vx_info, VC_SAME_ID, &info));
	EXPECT_EQ(100, info.xid);
	EXPECT_EQ(0, info.initpid);
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 100, &info));
	EXPECT_EQ(100, info.xid);
}

TEST(create_dynamic_picks_from_dynamic_range)
{
	struct holder a, b;

	ASSERT_LE(VC_XID_DYNAMIC_MIN, holder_start(&a, VC_DYNAMIC_ID,
						   VXF_INIT_SET, 0));
	EXPECT_GE(VC_XID_DYNAMIC_MAX, a.result);
	ASSERT_LE(VC_XID_DYNAMIC_MIN, holder_start(&b, VC_DYNAMIC_ID,
						   VXF_INIT_SET, 0));
	EXPECT_GE(VC_XID_DYNAMIC_MAX, b.result);
	EXPECT_NE(a.result, b.result);
	EXPECT_EQ(a.result, vs_call(VCMD_task_xid, a.pid, NULL));
	EXPECT_EQ(b.result, vs_call(VCMD_task_xid, b.pid, NULL));
	holder_stop(&a);
	holder_stop(&b);
}

TEST(create_rejects_ids_out_of_range)
{
	static const uint32_t ids[] = { 0, 1, VC_XID_DYNAMIC_MIN, 65535,
					65536, VC_SAME_ID };
	unsigned int i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		EXPECT_EQ(-EINVAL, vs_create(ids[i], VXF_INIT_SET)) {
			TH_LOG("xid %u", ids[i]);
		}
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
}

TEST(create_rejects_bad_arguments)
{
	struct vcmd_ctx_create arg = { .flagword = 1ULL << 63 };

	EXPECT_EQ(-EINVAL, vs_call(VCMD_ctx_create, 101, &arg));
	arg.flagword = 1ULL << 35;
	EXPECT_EQ(-EINVAL, vs_call(VCMD_ctx_create, 101, &arg));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_ctx_create, 101, (void *)1));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_ctx_create, 101,
				   (void *)0xffff800000000000ULL));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
}

TEST(create_existing_in_setup_is_ebusy)
{
	struct holder h;

	ASSERT_EQ(102, holder_start(&h, 102, VXF_INIT_SET, 0));
	EXPECT_EQ(-EBUSY, vs_create(102, VXF_INIT_SET));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	holder_stop(&h);
}

TEST(create_existing_out_of_setup_is_eexist)
{
	struct holder h;

	ASSERT_EQ(103, holder_start(&h, 103, VXF_STATE_ADMIN, 0));
	EXPECT_EQ(-EEXIST, vs_create(103, VXF_INIT_SET));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	holder_stop(&h);
	/* Gone with its last task: the xid is free again. */
	ASSERT_EQ(103, holder_start(&h, 103, VXF_INIT_SET, 0));
	holder_stop(&h);
}

TEST(context_dies_with_its_last_task)
{
	struct vcmd_vx_info info;
	struct holder h;

	ASSERT_EQ(104, holder_start(&h, 104, VXF_INIT_SET, 0));
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 104, &info));
	EXPECT_EQ(0, holder_stop(&h));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 104, &info));
	EXPECT_EQ(-ESRCH, vs_migrate(104, 0));
}

static int fork_then_exit(void *arg)
{
	int *fds = arg;
	pid_t pid;
	char c;

	if (vs_create(105, VXF_INIT_SET) != 105)
		return 1;
	pid = fork();
	if (pid < 0)
		return 2;
	if (!pid) {
		/* Outlive the creator until the test closes the pipe. */
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		_exit(0);
	}
	return 0;
}

TEST(context_lives_while_any_task_does)
{
	struct vcmd_ctx_stat stat;
	int fds[2];

	ASSERT_EQ(0, pipe(fds));
	ASSERT_EQ(0, in_child(fork_then_exit, fds));
	close(fds[0]);
	/* The creator is gone, its child keeps the context. */
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 105, &stat));
	EXPECT_EQ(1, stat.tasks);
	close(fds[1]);
	/* The grandchild is reparented to init; wait for it to go. */
	for (int i = 0; i < 100 && vs_call(VCMD_ctx_stat, 105, &stat) == 0; i++)
		usleep(20000);
	EXPECT_EQ(-ESRCH, vs_call(VCMD_ctx_stat, 105, &stat));
}

static int create_persistent(void *arg)
{
	return vs_create(106, VXF_INIT_SET | VXF_PERSISTENT) == 106 ? 0 : 1;
}

TEST(persistent_context_outlives_its_tasks)
{
	struct vcmd_ctx_stat stat;
	struct vcmd_vx_info info;
	uint64_t flags;

	ASSERT_EQ(0, in_child(create_persistent, NULL));
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 106, &info));
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 106, &stat));
	EXPECT_EQ(0, stat.tasks);
	ASSERT_EQ(0, vs_get_cflags(106, &flags));
	EXPECT_EQ(VXF_INIT_SET | VXF_PERSISTENT, flags);
	/* Clearing PERSISTENT shuts down a context without tasks. */
	ASSERT_EQ(0, vs_set_cflags(106, 0, VXF_PERSISTENT));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 106, &info));
}

TEST(persistent_can_be_set_later)
{
	struct vcmd_vx_info info;
	struct holder h;

	ASSERT_EQ(107, holder_start(&h, 107, VXF_INIT_SET, 0));
	ASSERT_EQ(0, vs_set_cflags(107, VXF_PERSISTENT, VXF_PERSISTENT));
	holder_stop(&h);
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 107, &info));
	ASSERT_EQ(0, vs_set_cflags(107, 0, VXF_PERSISTENT));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 107, &info));
}

TEST(migrate_enters_existing_context)
{
	struct vcmd_vx_info info;
	struct vcmd_ctx_stat stat;
	struct holder a, b;

	ASSERT_EQ(108, holder_start(&a, 108, VXF_INIT_SET, 0));
	ASSERT_EQ(0, holder_start(&b, 108, VXM_SET_INIT, 1));
	EXPECT_EQ(108, vs_call(VCMD_task_xid, b.pid, NULL));
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 108, &stat));
	EXPECT_EQ(2, stat.tasks);
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 108, &info));
	EXPECT_EQ(b.pid, info.initpid);
	holder_stop(&a);
	/* The migrated task alone keeps the context. */
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 108, &info));
	holder_stop(&b);
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 108, &info));
}

TEST(migrate_rejects_bad_arguments)
{
	struct holder h;

	EXPECT_EQ(-ESRCH, vs_migrate(109, 0));
	EXPECT_EQ(-EINVAL, vs_migrate(0, 0));
	EXPECT_EQ(-EINVAL, vs_migrate(65536, 0));
	ASSERT_EQ(110, holder_start(&h, 110, VXF_INIT_SET, 0));
	EXPECT_EQ(-EINVAL, vs_migrate(110, 4));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_ctx_migrate, 110, (void *)1));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	holder_stop(&h);
}

TEST(migrate_into_private_context_after_setup_is_refused)
{
	struct holder h;

	ASSERT_EQ(111, holder_start(&h, 111, VXF_INFO_PRIVATE | VXF_STATE_ADMIN, 0));
	EXPECT_EQ(-EPERM, vs_migrate(111, 0));
	holder_stop(&h);
}

struct inside_args {
	struct __test_metadata *meta;
	pid_t other;
};

static int sees_only_own(void *p)
{
	struct inside_args *a = p;
	struct __test_metadata *_metadata = a->meta;
	struct vcmd_ctx_stat stat;
	struct vcmd_vx_info info;
	uint64_t flags;

	if (vs_create(113, VXF_INIT_SET) != 113)
		return 2;
	EXPECT_EQ(-ESRCH, vs_call(VCMD_task_xid, a->other, NULL));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_task_xid, getppid(), NULL));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_task_xid, 1, NULL));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 112, &info));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 0, &info));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_ctx_stat, 112, &stat));
	EXPECT_EQ(-ESRCH, vs_get_cflags(112, &flags));
	EXPECT_EQ(-ESRCH, vs_set_cflags(112, 0, VXF_STATE_SETUP));
	EXPECT_EQ(0, vs_get_cflags(113, &flags));

	/* No way out, no way into another context. */
	EXPECT_EQ(-EPERM, vs_create(114, VXF_INIT_SET));
	EXPECT_EQ(-EPERM, vs_create(VC_DYNAMIC_ID, VXF_INIT_SET));
	EXPECT_EQ(-EPERM, vs_migrate(112, 0));
	EXPECT_EQ(-EPERM, vs_migrate(VC_XID_SPECTATOR, 0));
	EXPECT_EQ(113, vs_call(VCMD_task_xid, 0, NULL));
	return _metadata->passed ? 0 : 1;
}

TEST(task_in_context_sees_only_its_context)
{
	struct holder other;
	struct inside_args a = { _metadata, 0 };

	ASSERT_EQ(112, holder_start(&other, 112, VXF_INIT_SET, 0));
	a.other = other.pid;
	EXPECT_EQ(0, in_child(sees_only_own, &a));
	/* The other context's task is untouched. */
	EXPECT_EQ(0, holder_stop(&other));
}

TEST(host_sees_every_context)
{
	struct holder h;

	ASSERT_EQ(115, holder_start(&h, 115, VXF_INIT_SET, 0));
	EXPECT_EQ(115, vs_call(VCMD_task_xid, h.pid, NULL));
	holder_stop(&h);
}

static int unprivileged(void *arg)
{
	struct vcmd_vx_info info;
	int fails = 0;

	if (setgid(65534) || setuid(65534))
		return 100;
	fails += vs_create(116, VXF_INIT_SET) != -EPERM;
	fails += vs_create(VC_DYNAMIC_ID, VXF_INIT_SET) != -EPERM;
	fails += vs_migrate(117, 0) != -EPERM;
	fails += vs_set_cflags(117, 0, VXF_PERSISTENT) != -EPERM;
	/* Queries stay open. */
	fails += vs_call(VCMD_get_version, 0, NULL) <= 0;
	fails += vs_call(VCMD_vx_info, 117, &info) != 0;
	fails += vs_call(VCMD_task_xid, 0, NULL) != 0;
	return fails;
}

TEST(unprivileged_caller_changes_nothing)
{
	struct vcmd_vx_info info;
	struct holder h;

	ASSERT_EQ(117, holder_start(&h, 117, VXF_INIT_SET | VXF_PERSISTENT, 0));
	EXPECT_EQ(0, in_child(unprivileged, NULL));
	holder_stop(&h);
	/* Still persistent: the unprivileged clear did not happen. */
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 117, &info));
	ASSERT_EQ(0, vs_set_cflags(117, 0, VXF_PERSISTENT));
}

TEST(one_time_flags_only_clear)
{
	uint64_t flags;

	ASSERT_EQ(118, vs_create(118, VXF_INIT_SET));
	ASSERT_EQ(0, vs_get_cflags(VC_SAME_ID, &flags));
	EXPECT_EQ(VXF_INIT_SET, flags);
	/* Inside, while in setup, the context may change its own flags. */
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, VXF_INFO_LOCK,
				   VXF_INFO_LOCK | VXF_STATE_INIT));
	ASSERT_EQ(0, vs_get_cflags(VC_SAME_ID, &flags));
	EXPECT_EQ(VXF_STATE_SETUP | VXF_STATE_ADMIN | VXF_INFO_LOCK, flags);
	/* Setting a cleared one-time flag leaves it clear. */
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, VXF_STATE_INIT, VXF_STATE_INIT));
	ASSERT_EQ(0, vs_get_cflags(VC_SAME_ID, &flags));
	EXPECT_EQ(0, flags & VXF_STATE_INIT);
	/* Ending setup ends the right to change anything from inside. */
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP));
	EXPECT_EQ(-EPERM, vs_set_cflags(VC_SAME_ID, 0, VXF_INFO_LOCK));
	EXPECT_EQ(-EPERM, vs_set_cflags(VC_SAME_ID, VXF_STATE_SETUP,
					VXF_STATE_SETUP));
	ASSERT_EQ(0, vs_get_cflags(VC_SAME_ID, &flags));
	EXPECT_EQ(VXF_STATE_ADMIN | VXF_INFO_LOCK, flags);
}

TEST(set_cflags_rejects_bad_arguments)
{
	struct vcmd_ctx_flags arg = { .flagword = 0, .mask = 1ULL << 63 };
	struct holder h;

	ASSERT_EQ(119, holder_start(&h, 119, VXF_INIT_SET, 0));
	EXPECT_EQ(-EINVAL, vs_call(VCMD_set_cflags, 119, &arg));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_set_cflags, 119, NULL));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_cflags, 119, (void *)1));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_vx_info, 119, NULL));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_ctx_stat, 119, (void *)1));
	arg.mask = VXF_INFO_LOCK;
	EXPECT_EQ(-ESRCH, vs_call(VCMD_set_cflags, 120, &arg));
	holder_stop(&h);
}

TEST(children_inherit_the_context)
{
	struct vcmd_ctx_stat stat;
	pid_t pids[3];
	int i, status;

	ASSERT_EQ(121, vs_create(121, VXF_INIT_SET));
	for (i = 0; i < 3; i++) {
		pids[i] = fork();
		ASSERT_LE(0, pids[i]);
		if (!pids[i]) {
			pause();
			_exit(0);
		}
	}
	for (i = 0; i < 3; i++)
		EXPECT_EQ(121, vs_call(VCMD_task_xid, pids[i], NULL));
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 121, &stat));
	EXPECT_EQ(4, stat.tasks);
	for (i = 0; i < 3; i++) {
		kill(pids[i], SIGKILL);
		waitpid(pids[i], &status, 0);
	}
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 121, &stat));
	EXPECT_EQ(1, stat.tasks);
}

TEST(proc_status_counts_contexts)
{
	long active = proc_value("/proc/virtual/status", "#CActive", 10);
	long total = proc_value("/proc/virtual/status", "#CTotal", 10);
	struct holder h;

	ASSERT_LE(0, active);
	ASSERT_EQ(122, holder_start(&h, 122, VXF_INIT_SET, 0));
	EXPECT_EQ(active + 1, proc_value("/proc/virtual/status", "#CActive", 10));
	EXPECT_EQ(total + 1, proc_value("/proc/virtual/status", "#CTotal", 10));
	holder_stop(&h);
	EXPECT_EQ(active, proc_value("/proc/virtual/status", "#CActive", 10));
}

static long ctx_kill(uint32_t xid, int pid, int sig)
{
	struct vcmd_ctx_kill arg = { .pid = pid, .sig = sig };

	return vs_call(VCMD_ctx_kill, xid, &arg);
}

TEST(ctx_kill_signals_the_whole_context)
{
	struct vcmd_vx_info info;
	struct holder a, b, other;
	int status;

	ASSERT_EQ(123, holder_start(&a, 123, VXF_INIT_SET, 0));
	ASSERT_EQ(0, holder_start(&b, 123, VXM_SET_INIT, 1));
	ASSERT_EQ(124, holder_start(&other, 124, VXF_INIT_SET, 0));
	EXPECT_EQ(0, ctx_kill(123, 0, 0));
	/* pid 1 is the context's init. */
	EXPECT_EQ(0, ctx_kill(123, 1, SIGKILL));
	ASSERT_EQ(b.pid, waitpid(b.pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(0, kill(a.pid, 0));
	EXPECT_EQ(-ESRCH, ctx_kill(123, 1, 0));
	/* pid 0: everybody. */
	EXPECT_EQ(0, ctx_kill(123, 0, SIGKILL));
	ASSERT_EQ(a.pid, waitpid(a.pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_vx_info, 123, &info));
	close(a.release);
	close(b.release);
	/* The other context was not touched. */
	EXPECT_EQ(0, holder_stop(&other));
}

static int kill_from_inside(void *p)
{
	struct vcmd_ctx_kill arg = { 0, SIGKILL };

	if (vs_create(127, VXF_INIT_SET) != 127)
		return 2;
	if (vs_call(VCMD_ctx_kill, 125, &arg) != -EPERM)
		return 3;
	arg.sig = 0;
	if (vs_call(VCMD_ctx_kill, 127, &arg) != -EPERM)
		return 4;
	return 0;
}

TEST(ctx_kill_rejects_bad_arguments)
{
	struct holder h;

	ASSERT_EQ(125, holder_start(&h, 125, VXF_INIT_SET, 0));
	EXPECT_EQ(-EINVAL, ctx_kill(125, 0, 65));
	EXPECT_EQ(-EINVAL, ctx_kill(125, 0, -1));
	EXPECT_EQ(-ESRCH, ctx_kill(126, 0, 0));
	EXPECT_EQ(-ESRCH, ctx_kill(125, getpid(), 0));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_ctx_kill, 125, (void *)1));
	EXPECT_EQ(0, in_child(kill_from_inside, NULL));
	EXPECT_EQ(0, holder_stop(&h));
}

static void *thread_enters(void *fd)
{
	char c = vs_create(141, VXF_INIT_SET) == 141 ? 'y' : 'n';

	if (write(*(int *)fd, &c, 1) != 1)
		return NULL;
	pause();
	return NULL;
}

/* A process whose second thread entered context 141; its leader did not. */
static int one_thread_inside(void *fd)
{
	pthread_t t;

	if (pthread_create(&t, NULL, thread_enters, fd))
		return 1;
	pause();
	return 0;
}

TEST(ctx_kill_reaches_a_process_with_one_thread_in_the_context)
{
	int up[2], status;
	long ret;
	pid_t pid;
	char c = 0;

	ASSERT_EQ(0, pipe(up));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(one_thread_inside(&up[1]));
	if (read(up[0], &c, 1) != 1 || c != 'y')
		kill(pid, SIGKILL);
	ASSERT_EQ('y', c);
	EXPECT_EQ(0, ctx_kill(141, 0, 0));
	ret = ctx_kill(141, 0, SIGKILL);
	EXPECT_EQ(0, ret);
	if (ret)
		kill(pid, SIGKILL);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	close(up[0]);
	close(up[1]);
}

static int wait_for(uint32_t xid)
{
	struct vcmd_wait_exit res = { -1, -1 };

	if (vs_call(VCMD_wait_exit, xid, &res))
		return 1;
	return res.reboot_cmd == 0 && res.exit_code == 0 ? 0 : 2;
}

TEST(wait_exit_returns_when_the_context_ends)
{
	struct vcmd_wait_exit res;
	struct holder h;
	int status;
	pid_t waiter;

	ASSERT_EQ(128, holder_start(&h, 128, VXF_INIT_SET, 0));
	waiter = fork();
	ASSERT_LE(0, waiter);
	if (!waiter) {
		close(h.release);
		_exit(wait_for(128));
	}
	usleep(200000);
	/* Still waiting while the context lives. */
	EXPECT_EQ(0, waitpid(waiter, &status, WNOHANG));
	holder_stop(&h);
	ASSERT_EQ(waiter, waitpid(waiter, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_wait_exit, 128, &res));
}

TEST(wait_exit_is_interruptible)
{
	struct holder h;
	int status;
	pid_t waiter;

	ASSERT_EQ(129, holder_start(&h, 129, VXF_INIT_SET, 0));
	waiter = fork();
	ASSERT_LE(0, waiter);
	if (!waiter) {
		close(h.release);
		_exit(wait_for(129));
	}
	usleep(100000);
	kill(waiter, SIGKILL);
	ASSERT_EQ(waiter, waitpid(waiter, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	holder_stop(&h);
}

static double uptime_now(void)
{
	double up = -1;
	FILE *f = fopen("/proc/uptime", "re");

	if (f) {
		if (fscanf(f, "%lf", &up) != 1)
			up = -1;
		fclose(f);
	}
	return up;
}

TEST(virt_uptime_starts_with_the_context)
{
	double host = uptime_now(), guest;
	struct sysinfo si;

	ASSERT_LT(3.0, host);
	ASSERT_EQ(130, vs_create(130, VXF_INIT_SET | VXF_VIRT_UPTIME));
	usleep(300000);
	guest = uptime_now();
	EXPECT_LE(0.2, guest);
	EXPECT_GT(2.0, guest);
	ASSERT_EQ(0, sysinfo(&si));
	EXPECT_GT(3, si.uptime);
	/* Without the flag, the host's uptime again. */
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_VIRT_UPTIME));
	EXPECT_LE(host, uptime_now());
}

TEST(virt_stat_counts_tasks_and_forks)
{
	struct vcmd_virt_stat vs;
	pid_t pid;
	int i;

	ASSERT_EQ(131, vs_create(131, VXF_INIT_SET));
	for (i = 0; i < 3; i++) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (!pid)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		pause();
		_exit(0);
	}
	ASSERT_EQ(0, vs_call(VCMD_virt_stat, VC_SAME_ID, &vs));
	EXPECT_EQ(2, vs.nr_threads);
	EXPECT_EQ(4, vs.nr_forks);
	EXPECT_LE(1, vs.nr_running);
	EXPECT_LT(0, vs.offset);
	EXPECT_LT(0, vs.uptime);
	EXPECT_GT(5000000000ULL, vs.uptime);
	EXPECT_EQ(-EFAULT, vs_call(VCMD_virt_stat, VC_SAME_ID, (void *)1));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_virt_stat, 132, &vs));
	/* /proc/virtual/<xid>/cvirt says the same. */
	EXPECT_EQ(2, proc_value("/proc/virtual/131/cvirt", "nr_threads", 10));
	EXPECT_EQ(4, proc_value("/proc/virtual/131/cvirt", "total_forks", 10));
	EXPECT_LE(1, proc_value("/proc/virtual/131/cvirt", "nr_running", 10));
	EXPECT_EQ((long)(vs.offset / 1000000000ULL),
		  proc_value("/proc/virtual/131/cvirt", "BiasUptime", 10));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* The first number of the loadavg line of a context's cvirt, x100. */
static long cvirt_load1(uint32_t xid)
{
	char path[64], line[128];
	unsigned int i = 0, f = 0;
	long v = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/virtual/%u/cvirt", xid);
	fp = fopen(path, "re");
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "loadavg:\t%u.%u", &i, &f) == 2)
			v = i * 100 + f;
	fclose(fp);
	return v;
}

/* A child that creates context @xid and spins (@busy) or sleeps. */
static pid_t load_child(uint32_t xid, int busy)
{
	pid_t pid = fork();

	if (!pid) {
		if (vs_create(xid, VXF_INIT_SET) != (long)xid)
			_exit(1);
		for (;;)
			if (!busy)
				pause();
	}
	return pid;
}

TEST(load_average_counts_the_contexts_own_tasks)
{
	struct vcmd_virt_stat vs;
	pid_t busy = load_child(133, 1), idle = load_child(134, 0);
	long updates;

	ASSERT_LT(0, busy);
	ASSERT_LT(0, idle);
	/* The sampler runs every 5 s: this spans at least two samples. */
	sleep(11);
	updates = proc_value("/proc/virtual/133/cvirt", "load_updates", 10);
	EXPECT_LE(2, updates);
	/* One busy task for two samples: 1 - exp(-10/60) is about 0.15. */
	EXPECT_LE(10, cvirt_load1(133));
	EXPECT_GE(100, cvirt_load1(133));
	EXPECT_EQ(0, cvirt_load1(134));
	ASSERT_EQ(0, vs_call(VCMD_virt_stat, 133, &vs));
	EXPECT_LT(0, vs.load[0]);
	EXPECT_GE(1 << 11, vs.load[0]);
	ASSERT_EQ(0, vs_call(VCMD_virt_stat, 134, &vs));
	EXPECT_EQ(0, vs.load[0]);
	kill(busy, SIGKILL);
	kill(idle, SIGKILL);
	waitpid(busy, NULL, 0);
	waitpid(idle, NULL, 0);
}

TEST_HARNESS_MAIN
