// SPDX-License-Identifier: GPL-2.0
/*
 * module_test.c - loading and unloading vserver.ko
 *
 * Runs after the other tests: it unloads the module and loads it again
 * from VS_MODULE (default /lib/modules/vserver.ko).
 */

#include <arpa/inet.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>

#include "common.h"
#include "kselftest_harness.h"

/*
 * The harness gives each test 30 s, which a merely slow machine (two other
 * guests on the same CPUs) exceeds.  Each test here ends by itself; the
 * bound is for one that hangs.
 */
#undef TEST_TIMEOUT_DEFAULT
#define TEST_TIMEOUT_DEFAULT 600

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

/* A context with a network context and an address, ended at once. */
static int context_and_network(void *arg)
{
	struct vcmd_net_create nc = { .flagword = 0 };
	struct vcmd_net_addr_ipv4 a = {
		.type = NXA_TYPE_ADDR,
		.ip = htonl(0xc0000201), .mask = htonl(0xffffffff),
	};

	if (vs_call(VCMD_net_create, 204, &nc) != 204 ||
	    vs_call(VCMD_net_add_ipv4, 204, &a) ||
	    vs_create(204, VXF_INIT_SET) != 204)
		return 1;
	return 0;
}

/* 100 cycles, every other one with contexts made and ended before. */
TEST(load_unload_cycles)
{
	for (int i = 0; i < 100; i++) {
		if (i % 2)
			ASSERT_EQ(0, in_child(context_and_network, NULL));
		ASSERT_EQ(0, unload_retrying()) {
			TH_LOG("cycle %d", i);
		}
		ASSERT_EQ(0, load());
	}
}

#define SHARED	(IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW)
#define STRESS_DIR "/tmp/module-stress"

static void set_shared(const char *name)
{
	struct vcmd_ctx_iattr a = {
		.name = (uintptr_t)name, .flags = SHARED, .mask = SHARED,
	};

	vs_call(VCMD_set_iattr, 0, &a);
}

/*
 * A host task (in no context) that keeps the filesystem call-outs busy:
 * copy-on-write breaks of a 256 KiB shared file, unlinks of shared files,
 * permission checks of new directories, writes of extended attributes.
 * Errors are expected while the module is away; only a crash counts.
 */
static void fs_worker(int n)
{
	static char data[256 << 10];
	char a[96], b[96], d[96], x[112];

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	for (unsigned long i = 0;; i++) {
		int fd;

		snprintf(a, sizeof(a), STRESS_DIR "/a%d.%lu", n, i);
		snprintf(b, sizeof(b), STRESS_DIR "/b%d.%lu", n, i);
		snprintf(d, sizeof(d), STRESS_DIR "/d%d.%lu", n, i);
		snprintf(x, sizeof(x), "%s/x", d);
		fd = open(a, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd >= 0) {
			if (write(fd, data, sizeof(data)) < 0)
				_exit(3);
			close(fd);
		}
		link(a, b);
		set_shared(a);
		fd = open(b, O_WRONLY | O_CLOEXEC);
		if (fd >= 0)
			close(fd);
		setxattr(b, "trusted.note", "x", 1, 0);
		unlink(a);
		unlink(b);
		mkdir(d, 0755);
		access(x, F_OK);
		rmdir(d);
	}
}

/*
 * Unloading the module while host tasks are inside the filesystem
 * call-outs: they hold no context reference, so the module must be pinned
 * by the call-outs themselves, or the tasks run freed module text.
 */
TEST(unload_while_host_tasks_use_filesystem_callouts)
{
	pid_t w[2];
	int status;

	mkdir(STRESS_DIR, 0755);
	ASSERT_EQ(0, mount("stress", STRESS_DIR, "tmpfs", 0, "size=64m"));
	for (int n = 0; n < 2; n++) {
		w[n] = fork();
		ASSERT_LE(0, w[n]);
		if (!w[n])
			fs_worker(n);
	}
	for (int i = 0; i < 30; i++) {
		usleep(20000);
		ASSERT_EQ(0, unload_retrying()) {
			TH_LOG("cycle %d", i);
		}
		usleep(20000);
		ASSERT_EQ(0, load());
	}
	for (int n = 0; n < 2; n++) {
		EXPECT_EQ(0, kill(w[n], SIGKILL));
		ASSERT_EQ(w[n], waitpid(w[n], &status, 0));
		EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
			TH_LOG("worker %d ended with status 0x%x", n, status);
		}
	}
	EXPECT_EQ(0, umount2(STRESS_DIR, MNT_DETACH));
	EXPECT_LT(0, vs_call(VCMD_get_version, 0, NULL));
}

TEST(second_load_is_refused)
{
	EXPECT_EQ(-EEXIST, load());
}

TEST_HARNESS_MAIN
