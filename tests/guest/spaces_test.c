// SPDX-License-Identifier: GPL-2.0
/*
 * spaces_test.c - namespaces and root kept per context, and uts names
 *
 * A "guest" child unshares mount and uts namespaces, makes them its own
 * (a tmpfs with a marker file, a host name), creates a context and keeps
 * its namespaces as the context's space.  Host processes then enter the
 * space and must see the guest's view; the host's own view stays as it
 * was.
 */

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "common.h"
#include "kselftest_harness.h"

#define GUEST_SPACE (VC_SPACE_NEWNS | VC_SPACE_NEWUTS | VC_SPACE_FS)

static long set_space(uint32_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask arg = { .mask = mask, .index = index };

	return vs_call(VCMD_set_space, xid, &arg);
}

static long enter_space(uint32_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask arg = { .mask = mask, .index = index };

	return vs_call(VCMD_enter_space, xid, &arg);
}

static long vhi(uint32_t cmd, uint32_t xid, uint32_t field, char *name)
{
	struct vcmd_vhi_name arg = { .field = field };
	long ret;

	strncpy(arg.name, name, sizeof(arg.name) - 1);
	ret = vs_call(cmd, xid, &arg);
	if (!ret && cmd == VCMD_get_vhi_name)
		memcpy(name, arg.name, sizeof(arg.name));
	return ret;
}

/*
 * The guest: private mounts and host name, a context whose space 0 holds
 * them, then wait.  Runs in a holder-like child.
 */
static pid_t start_guest(uint32_t xid, int *release)
{
	int up[2], down[2];
	pid_t pid;
	char c = 1;

	if (pipe(up) || pipe(down))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		close(up[0]);
		close(down[1]);
		c = 0;
		if (unshare(CLONE_NEWNS | CLONE_NEWUTS) ||
		    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
		    mount("guest", "/mnt", "tmpfs", 0, NULL) ||
		    close(open("/mnt/guest-marker", O_CREAT | O_WRONLY, 0644)) ||
		    sethostname("guest-host", 10) || chdir("/mnt") ||
		    vs_create(xid, VXF_INIT_SET) != xid ||
		    set_space(VC_SAME_ID, GUEST_SPACE, 0))
			c = 1;
		if (write(up[1], &c, 1) != 1)
			_exit(2);
		while (read(down[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	if (read(up[0], &c, 1) != 1 || c) {
		close(down[1]);
		waitpid(pid, NULL, 0);
		return -1;
	}
	close(up[0]);
	*release = down[1];
	return pid;
}

static void stop_guest(pid_t pid, int release)
{
	close(release);
	waitpid(pid, NULL, 0);
}

TEST(space_masks)
{
	struct vcmd_space_mask_v1 m = { 0 };

	ASSERT_EQ(0, vs_call(VCMD_get_space_mask, 0, &m));
	EXPECT_EQ(VC_SPACE_ALL, m.mask);
	ASSERT_EQ(0, vs_call(VCMD_get_space_default, 0, &m));
	/* util-vserver's vnamespace enters CLONE_NEWNS | CLONE_FS. */
	EXPECT_EQ(VC_SPACE_NEWNS | VC_SPACE_FS, m.mask & (VC_SPACE_NEWNS | VC_SPACE_FS));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_space_mask, 0, (void *)1));
}

static int enter_and_look(void *arg)
{
	uint32_t xid = *(uint32_t *)arg;
	struct utsname u;
	struct stat st;
	char cwd[64];

	if (enter_space(xid, GUEST_SPACE, 0))
		return 10;
	if (uname(&u) || strcmp(u.nodename, "guest-host"))
		return 11;
	if (stat("/mnt/guest-marker", &st))
		return 12;
	if (!getcwd(cwd, sizeof(cwd)) || strcmp(cwd, "/mnt"))
		return 13;
	/* Entering a space does not enter the context. */
	if (vs_call(VCMD_task_xid, 0, NULL) != 0)
		return 14;
	return 0;
}

TEST(enter_space_gives_the_guest_view)
{
	uint32_t xid = 700;
	struct utsname before, after;
	struct stat st;
	int release;
	pid_t guest;

	ASSERT_EQ(0, uname(&before));
	guest = start_guest(xid, &release);
	ASSERT_LT(0, guest);
	EXPECT_EQ(0, in_child(enter_and_look, &xid));
	/* The host's view did not change. */
	ASSERT_EQ(0, uname(&after));
	EXPECT_STREQ(before.nodename, after.nodename);
	EXPECT_EQ(-ENOENT, stat("/mnt/guest-marker", &st) ? -errno : 0);
	stop_guest(guest, release);
}

static int enter_after_guest_left(void *arg)
{
	struct stat st;

	if (enter_space(701, VC_SPACE_NEWNS, 0))
		return 10;
	return stat("/mnt/guest-marker", &st) ? 11 : 0;
}

TEST(space_outlives_the_task_that_set_it)
{
	struct vcmd_vx_info info;
	int release;
	pid_t guest;

	guest = start_guest(701, &release);
	ASSERT_LT(0, guest);
	ASSERT_EQ(0, vs_set_cflags(701, VXF_PERSISTENT, VXF_PERSISTENT));
	stop_guest(guest, release);
	/* No task of the guest is left, its mounts still are. */
	ASSERT_EQ(0, vs_call(VCMD_vx_info, 701, &info));
	EXPECT_EQ(0, in_child(enter_after_guest_left, NULL));
	ASSERT_EQ(0, vs_set_cflags(701, 0, VXF_PERSISTENT));
	EXPECT_EQ(-ESRCH, enter_space(701, VC_SPACE_NEWNS, 0));
}

static int uts_of_space(void *arg)
{
	struct utsname u;

	if (enter_space(702, VC_SPACE_NEWUTS, 0))
		return 10;
	if (uname(&u))
		return 11;
	return strcmp(u.nodename, (char *)arg) ? 12 : 0;
}

TEST(vhi_names)
{
	struct utsname host, now;
	char name[65] = "";
	int release;
	pid_t guest;

	ASSERT_EQ(0, uname(&host));
	guest = start_guest(702, &release);
	ASSERT_LT(0, guest);

	ASSERT_EQ(0, vhi(VCMD_get_vhi_name, 702, VHIN_NODENAME, name));
	EXPECT_STREQ("guest-host", name);
	ASSERT_EQ(0, vhi(VCMD_set_vhi_name, 702, VHIN_NODENAME, "renamed"));
	EXPECT_EQ(0, in_child(uts_of_space, "renamed"));
	ASSERT_EQ(0, vhi(VCMD_get_vhi_name, 702, VHIN_SYSNAME, name));
	EXPECT_STREQ(host.sysname, name);

	/* CONTEXT is a free-form name. */
	ASSERT_EQ(0, vhi(VCMD_set_vhi_name, 702, VHIN_CONTEXT, "/etc/vservers/web"));
	ASSERT_EQ(0, vhi(VCMD_get_vhi_name, 702, VHIN_CONTEXT, name));
	EXPECT_STREQ("/etc/vservers/web", name);

	/* The host's name is untouched. */
	ASSERT_EQ(0, uname(&now));
	EXPECT_STREQ(host.nodename, now.nodename);
	stop_guest(guest, release);
}

TEST(vhi_rejects_bad_arguments)
{
	struct vcmd_vhi_name arg = { .field = VHIN_NODENAME };
	char name[65] = "";
	struct holder h;

	ASSERT_EQ(703, holder_start(&h, 703, VXF_INIT_SET, 0));
	/* A context without its own uts namespace has no uts names. */
	EXPECT_EQ(-EINVAL, vhi(VCMD_get_vhi_name, 703, VHIN_NODENAME, name));
	EXPECT_EQ(-EINVAL, vhi(VCMD_set_vhi_name, 703, VHIN_NODENAME, "x"));
	EXPECT_EQ(-EINVAL, vhi(VCMD_get_vhi_name, 703, 7, name));
	EXPECT_EQ(-EINVAL, vhi(VCMD_set_vhi_name, 703, 7, "x"));
	/* 65 bytes without a NUL. */
	memset(arg.name, 'a', sizeof(arg.name));
	arg.field = VHIN_CONTEXT;
	EXPECT_EQ(-EINVAL, vs_call(VCMD_set_vhi_name, 703, &arg));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_vhi_name, 703, (void *)1));
	EXPECT_EQ(-ESRCH, vhi(VCMD_get_vhi_name, 704, VHIN_CONTEXT, name));
	EXPECT_EQ(0, holder_stop(&h));
}

TEST(space_rejects_bad_arguments)
{
	struct holder h;

	ASSERT_EQ(705, holder_start(&h, 705, VXF_INIT_SET, 0));
	EXPECT_EQ(-EINVAL, set_space(705, 0x00010000 /* CLONE_NEWUSER */, 0));
	EXPECT_EQ(-EINVAL, set_space(705, 0x20000000 /* CLONE_NEWPID */, 0));
	EXPECT_EQ(-EINVAL, set_space(705, 0, 0));
	EXPECT_EQ(-EINVAL, set_space(705, VC_SPACE_NEWNS, 2));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_set_space, 705, (void *)1));
	/* Nothing kept yet. */
	EXPECT_EQ(-EINVAL, enter_space(705, VC_SPACE_NEWNS, 0));
	EXPECT_EQ(-EINVAL, enter_space(705, 0, 1));
	/* Only what the space holds can be entered. */
	ASSERT_EQ(0, set_space(705, VC_SPACE_NEWUTS, 1));
	EXPECT_EQ(-EINVAL, enter_space(705, VC_SPACE_NEWNS, 1));
	EXPECT_EQ(-ESRCH, set_space(706, VC_SPACE_NEWNS, 0));
	EXPECT_EQ(0, holder_stop(&h));
}

/* A space the host kept holds the host's uts namespace: never renamed. */
TEST(host_uts_in_a_space_is_not_the_contexts)
{
	struct utsname before, after;
	char name[65] = "hijacked";
	struct holder h;

	ASSERT_EQ(0, uname(&before));
	ASSERT_EQ(707, holder_start(&h, 707, VXF_INIT_SET, 0));
	ASSERT_EQ(0, set_space(707, VC_SPACE_NEWUTS, 0));
	EXPECT_EQ(-EINVAL, vhi(VCMD_set_vhi_name, 707, VHIN_NODENAME, name));
	EXPECT_EQ(-EINVAL, vhi(VCMD_set_vhi_name, 707, VHIN_DOMAINNAME, name));
	ASSERT_EQ(0, uname(&after));
	EXPECT_STREQ(before.nodename, after.nodename);
	EXPECT_STREQ(before.domainname, after.domainname);
	EXPECT_EQ(0, holder_stop(&h));
}

static int guest_after_setup(void *arg)
{
	if (vs_create(707, VXF_INIT_SET) != 707)
		return 2;
	if (set_space(VC_SAME_ID, VC_SPACE_NEWUTS, 0))
		return 3;
	if (vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 4;
	/* Out of setup, the guest can neither change nor enter spaces. */
	if (set_space(VC_SAME_ID, VC_SPACE_NEWUTS, 0) != -EPERM)
		return 5;
	if (enter_space(VC_SAME_ID, VC_SPACE_NEWUTS, 0) != -EPERM)
		return 6;
	if (vhi(VCMD_set_vhi_name, VC_SAME_ID, VHIN_NODENAME, "x") != -EPERM)
		return 7;
	return 0;
}

TEST(guest_cannot_change_spaces_after_setup)
{
	EXPECT_EQ(0, in_child(guest_after_setup, NULL));
}

TEST_HARNESS_MAIN
