// SPDX-License-Identifier: GPL-2.0
/*
 * module_test.c - loading and unloading vserver.ko
 *
 * Runs after the other tests: it unloads the module and loads it again
 * from VS_MODULE (default /lib/modules/vserver.ko).
 */

#include <fcntl.h>

#include "common.h"
#include "kselftest_harness.h"

static const char *module_path(void)
{
	const char *p = getenv("VS_MODULE");

	return p ? p : "/lib/modules/vserver.ko";
}

static long unload(void)
{
	long ret = syscall(SYS_delete_module, "vserver", O_NONBLOCK);

	return ret < 0 ? -errno : 0;
}

static long load(void)
{
	int fd = open(module_path(), O_RDONLY | O_CLOEXEC);
	long ret;

	if (fd < 0)
		return -errno;
	ret = syscall(SYS_finit_module, fd, "", 0);
	ret = ret < 0 ? -errno : 0;
	close(fd);
	return ret;
}

/* Unloading may have to wait for an RCU grace period after the last put. */
static long unload_retrying(void)
{
	long ret = -EBUSY;

	for (int i = 0; i < 250; i++) {
		ret = unload();
		if (ret != -EWOULDBLOCK && ret != -EBUSY)
			break;
		usleep(20000);
	}
	return ret;
}

static int create_persistent(void *arg)
{
	return vs_create(200, VXF_INIT_SET | VXF_PERSISTENT) == 200 ? 0 : 1;
}

TEST(unload_refused_while_a_context_exists)
{
	struct holder h;

	ASSERT_EQ(0, vs_call(VCMD_get_version, 0, NULL) > 0 ? 0 : -1);

	/* A context with a task in it. */
	ASSERT_EQ(201, holder_start(&h, 201, VXF_INIT_SET, 0));
	EXPECT_EQ(-EWOULDBLOCK, unload());
	holder_stop(&h);

	/* A persistent context without tasks. */
	ASSERT_EQ(0, in_child(create_persistent, NULL));
	EXPECT_EQ(-EWOULDBLOCK, unload());
	ASSERT_EQ(0, vs_set_cflags(200, 0, VXF_PERSISTENT));

	/* Nothing left: the module goes, and vserver(2) with it. */
	ASSERT_EQ(0, unload_retrying());
	EXPECT_EQ(-ENOSYS, vs_call(VCMD_get_version, 0, NULL));
	EXPECT_EQ(-ENOSYS, vs_create(202, VXF_INIT_SET));
	EXPECT_EQ(0, access("/proc/virtual", F_OK) ? 0 : -1);

	ASSERT_EQ(0, load());
	EXPECT_LT(0, vs_call(VCMD_get_version, 0, NULL));
}

TEST(load_unload_cycles)
{
	struct holder h;

	for (int i = 0; i < 20; i++) {
		ASSERT_EQ(203, holder_start(&h, 203, VXF_INIT_SET, 0));
		holder_stop(&h);
		ASSERT_EQ(0, unload_retrying()) {
			TH_LOG("cycle %d", i);
		}
		ASSERT_EQ(0, load());
	}
}

TEST(second_load_is_refused)
{
	EXPECT_EQ(-EEXIST, load());
}

TEST_HARNESS_MAIN
