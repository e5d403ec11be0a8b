// SPDX-License-Identifier: GPL-2.0
/*
 * limit_test.c - the rlimit commands: get_rlimit, set_rlimit,
 * get_rlimit_mask, rlimit_stat, reset_minmax, reset_hits
 *
 * NPROC is the context's task count and its hard limit stops forks; RSS
 * and AS are measured in pages; see Documentation/abi.rst.
 */

#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "common.h"
#include "kselftest_harness.h"

static long get_rlimit(uint32_t xid, uint32_t res, struct vcmd_ctx_rlimit *r)
{
	memset(r, 0xa5, sizeof(*r));
	r->id = res;
	return vs_call(VCMD_get_rlimit, xid, r);
}

static long set_rlimit(uint32_t xid, uint32_t res, uint64_t soft,
		       uint64_t hard)
{
	struct vcmd_ctx_rlimit r = {
		.id = res, .minimum = CRLIM_KEEP, .softlimit = soft,
		.maximum = hard,
	};

	return vs_call(VCMD_set_rlimit, xid, &r);
}

static long rlimit_stat(uint32_t xid, uint32_t res, struct vcmd_rlimit_stat *s)
{
	memset(s, 0xa5, sizeof(*s));
	s->id = res;
	return vs_call(VCMD_rlimit_stat, xid, s);
}

TEST(mask_names_nproc_rss_and_as)
{
	struct vcmd_ctx_rlimit_mask m;
	uint32_t want = 1U << RLIMIT_NPROC | 1U << RLIMIT_RSS | 1U << RLIMIT_AS;

	ASSERT_EQ(0, vs_call(VCMD_get_rlimit_mask, 0, &m));
	EXPECT_EQ(0, m.minimum);
	EXPECT_EQ(want, m.softlimit);
	EXPECT_EQ(want, m.maximum);
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_rlimit_mask, 0, NULL));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_rlimit_mask, 0, (void *)1));
}

TEST(a_new_context_has_no_limits)
{
	static const uint32_t res[] = { RLIMIT_NPROC, RLIMIT_RSS, RLIMIT_AS };
	struct vcmd_ctx_rlimit r;
	unsigned int i;

	ASSERT_EQ(700, vs_create(700, VXF_INIT_SET));
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(0, get_rlimit(VC_SAME_ID, res[i], &r));
		EXPECT_EQ(res[i], r.id);
		EXPECT_EQ(CRLIM_UNSET, r.minimum);
		EXPECT_EQ(CRLIM_INFINITY, r.softlimit);
		EXPECT_EQ(CRLIM_INFINITY, r.maximum);
	}
}

static int sleeper(void)
{
	pid_t pid = fork();

	if (!pid) {
		pause();
		_exit(0);
	}
	return pid;
}

TEST(nproc_hard_limit_stops_forks)
{
	struct vcmd_rlimit_stat s;
	pid_t kids[2], extra;
	int i;

	ASSERT_EQ(701, vs_create(701, VXF_INIT_SET));
	ASSERT_EQ(0, set_rlimit(701, RLIMIT_NPROC, CRLIM_KEEP, 3));
	for (i = 0; i < 2; i++) {
		kids[i] = sleeper();
		ASSERT_LT(0, kids[i]);
	}
	ASSERT_EQ(0, rlimit_stat(701, RLIMIT_NPROC, &s));
	EXPECT_EQ(3, s.value);
	EXPECT_EQ(0, s.hits);

	/* The fourth task is refused, and counted as a hit. */
	extra = fork();
	if (!extra)
		_exit(0);
	EXPECT_EQ(-1, extra);
	EXPECT_EQ(EAGAIN, errno);
	ASSERT_EQ(0, rlimit_stat(701, RLIMIT_NPROC, &s));
	EXPECT_EQ(RLIMIT_NPROC, s.id);
	EXPECT_EQ(1, s.hits);
	EXPECT_EQ(3, s.value);
	EXPECT_EQ(1, s.minimum);
	EXPECT_EQ(3, s.maximum);

	for (i = 0; i < 2; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	ASSERT_EQ(0, rlimit_stat(701, RLIMIT_NPROC, &s));
	EXPECT_EQ(1, s.value);
	EXPECT_EQ(3, s.maximum);

	/* reset_minmax: both become the current count; reset_hits. */
	ASSERT_EQ(0, vs_call(VCMD_reset_minmax, 701, NULL));
	ASSERT_EQ(0, rlimit_stat(701, RLIMIT_NPROC, &s));
	EXPECT_EQ(1, s.minimum);
	EXPECT_EQ(1, s.maximum);
	EXPECT_EQ(1, s.hits);
	ASSERT_EQ(0, vs_call(VCMD_reset_hits, 701, NULL));
	ASSERT_EQ(0, rlimit_stat(701, RLIMIT_NPROC, &s));
	EXPECT_EQ(0, s.hits);

	/* Raised again, forks work again. */
	ASSERT_EQ(0, set_rlimit(701, RLIMIT_NPROC, CRLIM_KEEP,
				CRLIM_INFINITY));
	extra = fork();
	if (!extra)
		_exit(0);
	ASSERT_LT(0, extra);
	waitpid(extra, NULL, 0);
}

static void *idle_thread(void *arg)
{
	pause();
	return arg;
}

TEST(nproc_counts_threads)
{
	struct vcmd_rlimit_stat s;
	pthread_t t;

	ASSERT_EQ(702, vs_create(702, VXF_INIT_SET));
	ASSERT_EQ(0, set_rlimit(702, RLIMIT_NPROC, CRLIM_KEEP, 2));
	ASSERT_EQ(0, pthread_create(&t, NULL, idle_thread, NULL));
	ASSERT_EQ(0, rlimit_stat(702, RLIMIT_NPROC, &s));
	EXPECT_EQ(2, s.value);
	EXPECT_EQ(EAGAIN, pthread_create(&t, NULL, idle_thread, NULL));
	EXPECT_EQ(-1, fork());
}

TEST(soft_limit_stays_below_hard_and_keep_keeps)
{
	struct vcmd_ctx_rlimit r;

	ASSERT_EQ(703, vs_create(703, VXF_INIT_SET));
	ASSERT_EQ(0, set_rlimit(703, RLIMIT_AS, 10000, 5000));
	ASSERT_EQ(0, get_rlimit(703, RLIMIT_AS, &r));
	EXPECT_EQ(5000, r.softlimit);
	EXPECT_EQ(5000, r.maximum);
	ASSERT_EQ(0, set_rlimit(703, RLIMIT_AS, 2000, CRLIM_KEEP));
	ASSERT_EQ(0, get_rlimit(703, RLIMIT_AS, &r));
	EXPECT_EQ(2000, r.softlimit);
	EXPECT_EQ(5000, r.maximum);
	ASSERT_EQ(0, set_rlimit(703, RLIMIT_AS, CRLIM_KEEP, CRLIM_INFINITY));
	ASSERT_EQ(0, get_rlimit(703, RLIMIT_AS, &r));
	EXPECT_EQ(2000, r.softlimit);
	EXPECT_EQ(CRLIM_INFINITY, r.maximum);
	/* The other resources are untouched. */
	ASSERT_EQ(0, get_rlimit(703, RLIMIT_RSS, &r));
	EXPECT_EQ(CRLIM_INFINITY, r.softlimit);
	EXPECT_EQ(CRLIM_INFINITY, r.maximum);
}

TEST(bad_input_is_refused)
{
	static const uint32_t bad[] = { 0, RLIMIT_NOFILE, RLIMIT_MEMLOCK, 16,
					31, 32, 0x80000006, 0xffffffff };
	struct vcmd_ctx_rlimit r = { .minimum = CRLIM_KEEP,
				     .softlimit = CRLIM_KEEP,
				     .maximum = CRLIM_KEEP };
	struct vcmd_rlimit_stat s;
	unsigned int i;

	ASSERT_EQ(704, vs_create(704, VXF_INIT_SET));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r.id = bad[i];
		EXPECT_EQ(-EINVAL, vs_call(VCMD_get_rlimit, 704, &r));
		EXPECT_EQ(-EINVAL, vs_call(VCMD_set_rlimit, 704, &r));
		EXPECT_EQ(-EINVAL, rlimit_stat(704, bad[i], &s));
	}
	/* There are no minimum guarantees. */
	r.id = RLIMIT_NPROC;
	r.minimum = 5;
	EXPECT_EQ(-EINVAL, vs_call(VCMD_set_rlimit, 704, &r));
	r.minimum = CRLIM_INFINITY;
	EXPECT_EQ(-EINVAL, vs_call(VCMD_set_rlimit, 704, &r));
	r.minimum = CRLIM_UNSET;
	EXPECT_EQ(0, vs_call(VCMD_set_rlimit, 704, &r));

	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_rlimit, 704, NULL));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_set_rlimit, 704, NULL));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_rlimit_stat, 704, NULL));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_rlimit, 704, (void *)1));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_rlimit_stat, 704,
				   (void *)0xffff800000000000ULL));
}

TEST(unknown_contexts_are_esrch)
{
	struct vcmd_rlimit_stat s;
	struct vcmd_ctx_rlimit r;

	EXPECT_EQ(-ESRCH, get_rlimit(705, RLIMIT_NPROC, &r));
	EXPECT_EQ(-ESRCH, set_rlimit(705, RLIMIT_NPROC, 1, 1));
	EXPECT_EQ(-ESRCH, rlimit_stat(705, RLIMIT_NPROC, &s));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_reset_minmax, 705, NULL));
	EXPECT_EQ(-ESRCH, vs_call(VCMD_reset_hits, 705, NULL));
	/* The host has no limits of its own here. */
	EXPECT_EQ(-ESRCH, rlimit_stat(0, RLIMIT_NPROC, &s));
}

static int as_nobody(void *arg)
{
	struct vcmd_rlimit_stat s;
	uint32_t xid = *(uint32_t *)arg;

	if (setgid(65534) || setuid(65534))
		return 10;
	if (set_rlimit(xid, RLIMIT_NPROC, 5, 5) != -EPERM)
		return 11;
	if (vs_call(VCMD_reset_minmax, xid, NULL) != -EPERM)
		return 12;
	if (vs_call(VCMD_reset_hits, xid, NULL) != -EPERM)
		return 13;
	/* Queries are open, as the other context queries. */
	if (rlimit_stat(xid, RLIMIT_NPROC, &s) || s.value != 1)
		return 14;
	return 0;
}

TEST(only_administrators_change_limits)
{
	struct holder h;
	uint32_t xid = 706;

	ASSERT_EQ(706, holder_start(&h, 706, VXF_INIT_SET, 0));
	EXPECT_EQ(0, in_child(as_nobody, &xid));
	holder_stop(&h);
}

TEST(guest_after_setup_needs_set_rlimit_and_may_only_lower)
{
	struct vcmd_ctx_caps caps = { .ccaps = VXC_SET_RLIMIT,
				      .cmask = VXC_SET_RLIMIT };
	struct vcmd_ctx_rlimit r;

	ASSERT_EQ(707, vs_create(707, VXF_INIT_SET));
	ASSERT_EQ(0, set_rlimit(VC_SAME_ID, RLIMIT_NPROC, 80, 100));
	ASSERT_EQ(0, vs_call(VCMD_set_ccaps, VC_SAME_ID, &caps));
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP));

	/* Lower: allowed; raise: not; another context does not exist. */
	EXPECT_EQ(0, set_rlimit(VC_SAME_ID, RLIMIT_NPROC, CRLIM_KEEP, 50));
	ASSERT_EQ(0, get_rlimit(707, RLIMIT_NPROC, &r));
	EXPECT_EQ(50, r.softlimit);
	EXPECT_EQ(50, r.maximum);
	EXPECT_EQ(-EPERM, set_rlimit(707, RLIMIT_NPROC, CRLIM_KEEP, 60));
	EXPECT_EQ(0, set_rlimit(707, RLIMIT_NPROC, 40, CRLIM_KEEP));
	EXPECT_EQ(-EPERM, set_rlimit(707, RLIMIT_NPROC, 45, CRLIM_KEEP));
	/* Lowering the hard limit alone is allowed, raising the soft not. */
	EXPECT_EQ(0, set_rlimit(707, RLIMIT_NPROC, 40, 45));
	EXPECT_EQ(-EPERM, set_rlimit(707, RLIMIT_NPROC, 45, 45));
	EXPECT_EQ(0, set_rlimit(707, RLIMIT_RSS, 100, 100));
	EXPECT_EQ(-EPERM, set_rlimit(707, RLIMIT_RSS, CRLIM_KEEP,
				     CRLIM_INFINITY));
	EXPECT_EQ(-ESRCH, set_rlimit(2, RLIMIT_NPROC, 1, 1));
	EXPECT_EQ(0, vs_call(VCMD_reset_minmax, VC_SAME_ID, NULL));

	/* Without the context capability, nothing. */
	caps.ccaps = 0;
	EXPECT_EQ(-EPERM, vs_call(VCMD_set_ccaps, VC_SAME_ID, &caps));
}

TEST(guest_without_set_rlimit_cannot_change_limits)
{
	ASSERT_EQ(708, vs_create(708, VXF_INIT_SET));
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP));
	EXPECT_EQ(-EPERM, set_rlimit(VC_SAME_ID, RLIMIT_NPROC, 1, 1));
	EXPECT_EQ(-EPERM, vs_call(VCMD_reset_minmax, VC_SAME_ID, NULL));
}

TEST(memory_is_measured_in_pages)
{
	struct vcmd_rlimit_stat rss0, rss1, as0, as1;
	long page = sysconf(_SC_PAGESIZE);
	size_t len = 8 << 20;
	char *mem;

	ASSERT_EQ(709, vs_create(709, VXF_INIT_SET));
	/* What util-vserver's vserver-stat asks for every context. */
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_NPROC, &rss0));
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_AS, &as0));
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_RSS, &rss0));
	EXPECT_LT(0, as0.value);
	EXPECT_LT(0, rss0.value);
	EXPECT_LE(rss0.minimum, rss0.value);
	EXPECT_GE(rss0.maximum, rss0.value);

	mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, mem);
	memset(mem, 1, len);
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_AS, &as1));
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_RSS, &rss1));
	EXPECT_LE(as0.value + len / page, as1.value);
	EXPECT_LE(rss0.value + len / page * 9 / 10, rss1.value);
	EXPECT_EQ(as1.value, as1.maximum);

	munmap(mem, len);
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_AS, &as1));
	EXPECT_GT(as0.value + len / page, as1.value);
	EXPECT_LE(as0.value + len / page, as1.maximum);
	ASSERT_EQ(0, vs_call(VCMD_reset_minmax, 709, NULL));
	ASSERT_EQ(0, rlimit_stat(709, RLIMIT_AS, &as1));
	EXPECT_GE(as0.value + len / page, as1.maximum);
}

static long read_long(const char *path)
{
	char buf[64] = "";
	long v = -1;
	FILE *f = fopen(path, "re");

	if (f) {
		if (fgets(buf, sizeof(buf), f))
			v = atol(buf);
		fclose(f);
	}
	return v;
}

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), ret = -1;

	if (fd >= 0) {
		ret = write(fd, s, strlen(s)) == (ssize_t)strlen(s) ? 0 : -1;
		close(fd);
	}
	return ret;
}

#define CG "/sys/fs/cgroup/limit_test"

static int rss_in_memcg(void *arg)
{
	struct vcmd_rlimit_stat s;
	long page = sysconf(_SC_PAGESIZE), before, after;
	char pid[16];

	snprintf(pid, sizeof(pid), "%d", getpid());
	if (write_str(CG "/cgroup.procs", pid))
		return 20;
	if (vs_create(710, VXF_INIT_SET) != 710)
		return 21;
	before = read_long(CG "/memory.current");
	if (rlimit_stat(710, RLIMIT_RSS, &s))
		return 22;
	after = read_long(CG "/memory.current");
	/* The group's usage, in pages, not the process's resident set. */
	if ((long)s.value * page < before - 64 * page ||
	    (long)s.value * page > after + 64 * page)
		return 23;
	return 0;
}

TEST(rss_is_the_memory_cgroup_usage)
{
	const char *ctl = "/sys/fs/cgroup/cgroup.subtree_control";
	char line[256] = "";
	bool enabled;
	FILE *f;
	int ret;

	f = fopen(ctl, "re");
	if (!f)
		SKIP(return, "no cgroup v2");
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	enabled = strstr(line, "memory");
	if (!enabled && write_str(ctl, "+memory"))
		SKIP(return, "no cgroup v2 memory controller");
	rmdir(CG);
	ASSERT_EQ(0, mkdir(CG, 0755));
	ret = in_child(rss_in_memcg, NULL);
	EXPECT_EQ(0, rmdir(CG));
	EXPECT_EQ(0, ret);
	/* Leave the root group as it was for the tests after this one. */
	if (!enabled)
		EXPECT_EQ(0, write_str(ctl, "-memory"));
}

TEST(proc_limit_file)
{
	char line[256];
	FILE *f;

	ASSERT_EQ(711, vs_create(711, VXF_INIT_SET));
	ASSERT_EQ(0, set_rlimit(711, RLIMIT_NPROC, 7, 9));
	f = fopen("/proc/virtual/711/limit", "re");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	EXPECT_STREQ("PROC:\t1\t1/1\t7/9\t0\n", line);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	EXPECT_EQ(0, strncmp(line, "VM:\t", 4));
	EXPECT_NE(NULL, strstr(line, "\tinf/inf\t0\n"));
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	EXPECT_EQ(0, strncmp(line, "RSS:\t", 5));
	fclose(f);
}

TEST_HARNESS_MAIN
