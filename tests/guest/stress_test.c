// SPDX-License-Identifier: GPL-2.0
/*
 * stress_test.c - contexts created, entered, changed and ended concurrently
 *
 * Several workers churn through contexts while readers walk /proc and
 * /proc/virtual and ask for the xid of every pid.  Then migrators move
 * short-lived processes into a pool of contexts and network contexts,
 * fork and exit there, while a killer signals the pool.  The test itself checks
 * that everything the workers made is gone at the end; the debug kernel's
 * KASAN, lockdep and kmemleak, checked by the harness, do the rest.
 */

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "common.h"
#include "kselftest_harness.h"

/*
 * The harness gives each test 30 s, which a merely slow machine (two other
 * guests on the same CPUs) exceeds.  Each test here ends by itself; the
 * bound is for one that hangs.
 */
#undef TEST_TIMEOUT_DEFAULT
#define TEST_TIMEOUT_DEFAULT 600

#define WORKERS 4
#define ROUNDS 15

/* One round: a context with a few tasks, flags, a space, then the end. */
static int churn_once(int w, int r)
{
	uint32_t xid = 800 + w * 10 + r % 10;
	struct vcmd_space_mask sp = { .mask = VC_SPACE_NEWUTS, .index = r & 1 };
	struct vcmd_ctx_stat st;
	long got;
	pid_t kids[3];
	int i;

	got = (r & 1) ? vs_create(VC_DYNAMIC_ID, VXF_INIT_SET) :
			vs_create(xid, VXF_INIT_SET | VXF_PERSISTENT);
	if (got < 0)
		return -(int)got == EBUSY || -(int)got == EEXIST ? 0 : 1;
	xid = got;
	if (vs_call(VCMD_set_space, VC_SAME_ID, &sp))
		return 2;
	for (i = 0; i < 3; i++) {
		kids[i] = fork();
		if (kids[i] < 0)
			return 3;
		if (!kids[i]) {
			/* Grandchildren inherit the context, and leave quickly. */
			if (fork() == 0)
				_exit(0);
			wait(NULL);
			_exit(vs_call(VCMD_task_xid, 0, NULL) == xid ? 0 : 1);
		}
	}
	vs_call(VCMD_ctx_stat, VC_SAME_ID, &st);
	vs_set_cflags(VC_SAME_ID, VXF_INFO_LOCK, VXF_INFO_LOCK);
	for (i = 0; i < 3; i++) {
		int status;

		if (waitpid(kids[i], &status, 0) != kids[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status))
			return 4;
	}
	return 0;
}

static int worker(int w)
{
	for (int r = 0; r < ROUNDS; r++) {
		int status, ret;
		pid_t pid = fork();

		if (pid < 0)
			return 10;
		if (!pid)
			_exit(churn_once(w, r));
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
			return 11;
		ret = WEXITSTATUS(status);
		if (ret)
			return ret;
		/* The persistent ones end when the host clears the flag. */
		if (!(r & 1))
			vs_set_cflags(800 + w * 10 + r % 10, 0, VXF_PERSISTENT);
	}
	return 0;
}

/* Walk /proc and /proc/virtual and ask for xids until told to stop. */
static int reader(volatile int *stop)
{
	char path[300], buf[512];

	while (!*stop) {
		struct dirent *d;
		DIR *dir = opendir("/proc");

		if (!dir)
			return 20;
		while ((d = readdir(dir)))
			if (d->d_name[0] >= '0' && d->d_name[0] <= '9')
				vs_call(VCMD_task_xid, atoi(d->d_name), NULL);
		closedir(dir);
		dir = opendir("/proc/virtual");
		if (!dir)
			return 21;
		while ((d = readdir(dir))) {
			int fd;

			if (d->d_name[0] < '0' || d->d_name[0] > '9')
				continue;
			snprintf(path, sizeof(path), "/proc/virtual/%s/status",
				 d->d_name);
			fd = open(path, O_RDONLY);
			if (fd >= 0) {
				if (read(fd, buf, sizeof(buf)) < 0)
					buf[0] = 0;
				close(fd);
			}
		}
		closedir(dir);
	}
	return 0;
}

TEST(churn_leaves_nothing_behind)
{
	long active = proc_value("/proc/virtual/status", "#CActive", 10);
	pid_t workers[WORKERS], readers[2];
	volatile int *stop;
	int i, status;

	stop = mmap(NULL, sizeof(*stop), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, stop);
	*stop = 0;
	for (i = 0; i < 2; i++) {
		readers[i] = fork();
		ASSERT_LE(0, readers[i]);
		if (!readers[i]) {
			/* Never outlive the test, even if it is killed. */
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			_exit(reader(stop));
		}
	}
	for (i = 0; i < WORKERS; i++) {
		workers[i] = fork();
		ASSERT_LE(0, workers[i]);
		if (!workers[i]) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			_exit(worker(i));
		}
	}
	for (i = 0; i < WORKERS; i++) {
		ASSERT_EQ(workers[i], waitpid(workers[i], &status, 0));
		EXPECT_TRUE(WIFEXITED(status));
		EXPECT_EQ(0, WEXITSTATUS(status)) {
			TH_LOG("worker %d", i);
		}
	}
	*stop = 1;
	for (i = 0; i < 2; i++) {
		ASSERT_EQ(readers[i], waitpid(readers[i], &status, 0));
		EXPECT_EQ(0, WEXITSTATUS(status));
	}
	/* Every context the workers made has ended. */
	EXPECT_EQ(active, proc_value("/proc/virtual/status", "#CActive", 10));
}

#define POOL 8
#define MIGRATORS 4
#define MIGRATIONS 150

/* Fork, migrate the child into a context and network context of the
 * pool, let it fork once and exit; @n times. */
static int migrator(int m, int n)
{
	struct vcmd_ctx_migrate arg = { 0 };
	unsigned int seed = m * 7919 + 1;

	for (int i = 0; i < n; i++) {
		uint32_t id = 850 + rand_r(&seed) % POOL;
		int status;
		pid_t pid = fork();

		if (pid < 0)
			return 30;
		if (!pid) {
			if (vs_call(VCMD_net_migrate, id, NULL) ||
			    vs_call(VCMD_ctx_migrate, id, &arg))
				_exit(31);
			if (fork() == 0)
				_exit(vs_call(VCMD_task_xid, 0, NULL) == id ? 0 : 1);
			wait(&status);
			_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 32);
		}
		/* The killer may end it: only a wrong xid is an error. */
		if (waitpid(pid, &status, 0) != pid)
			return 33;
		if (WIFEXITED(status) && WEXITSTATUS(status))
			return WEXITSTATUS(status);
	}
	return 0;
}

static int killer(volatile int *stop)
{
	struct vcmd_ctx_kill k = { .pid = 0 };
	unsigned int seed = 42;

	while (!*stop) {
		k.sig = rand_r(&seed) % 4 ? 0 : SIGKILL;
		vs_call(VCMD_ctx_kill, 850 + rand_r(&seed) % POOL, &k);
		usleep(2000);
	}
	return 0;
}

TEST(migrate_churn_across_contexts)
{
	long active = proc_value("/proc/virtual/status", "#CActive", 10);
	struct vcmd_ctx_stat st;
	pid_t kids[MIGRATORS], kill_pid;
	volatile int *stop;
	int i, status;

	stop = mmap(NULL, sizeof(*stop), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, stop);
	*stop = 0;
	/* The pool: persistent, empty contexts and network contexts. */
	for (i = 0; i < POOL; i++) {
		struct vcmd_net_flags nf = { NXF_PERSISTENT, NXF_PERSISTENT };
		pid_t pid = fork();

		ASSERT_LE(0, pid);
		if (!pid)
			_exit(vs_call(VCMD_net_create, 850 + i, NULL) < 0 ||
			      vs_call(VCMD_set_nflags, 850 + i, &nf) ||
			      vs_create(850 + i, VXF_INIT_SET | VXF_PERSISTENT) < 0 ||
			      vs_set_cflags(850 + i, 0, VXF_STATE_SETUP));
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_EQ(0, WEXITSTATUS(status));
	}
	kill_pid = fork();
	ASSERT_LE(0, kill_pid);
	if (!kill_pid) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		_exit(killer(stop));
	}
	for (i = 0; i < MIGRATORS; i++) {
		kids[i] = fork();
		ASSERT_LE(0, kids[i]);
		if (!kids[i]) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			_exit(migrator(i, MIGRATIONS));
		}
	}
	for (i = 0; i < MIGRATORS; i++) {
		ASSERT_EQ(kids[i], waitpid(kids[i], &status, 0));
		EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			TH_LOG("migrator %d: status %#x", i, status);
		}
	}
	*stop = 1;
	ASSERT_EQ(kill_pid, waitpid(kill_pid, &status, 0));
	/* Every process has left; the pool is empty, then gone. */
	for (i = 0; i < POOL; i++) {
		struct vcmd_net_flags nf = { 0, NXF_PERSISTENT };

		for (int t = 0; t < 100; t++) {
			ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 850 + i, &st));
			if (!st.tasks)
				break;
			usleep(20000);
		}
		EXPECT_EQ(0, st.tasks);
		EXPECT_EQ(0, vs_set_cflags(850 + i, 0, VXF_PERSISTENT));
		EXPECT_EQ(0, vs_call(VCMD_set_nflags, 850 + i, &nf));
	}
	for (int t = 0; t < 100; t++) {
		if (proc_value("/proc/virtual/status", "#CActive", 10) == active)
			break;
		usleep(20000);
	}
	EXPECT_EQ(active, proc_value("/proc/virtual/status", "#CActive", 10));
	for (i = 0; i < POOL; i++)
		EXPECT_EQ(-ESRCH, vs_call(VCMD_nx_info, 850 + i,
					    &(struct vcmd_nx_info){ 0 }));
}

TEST_HARNESS_MAIN
