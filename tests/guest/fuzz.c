// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz - a seeded fuzzer of vserver(2) for the debug kernel
 *
 * Several worker processes, some in contexts and network contexts of
 * their own, each with a few threads, call vserver(2) with random and
 * edge-case commands, ids and data: NULL, unmapped and read-only
 * pointers, structures that straddle into an unmapped page, random bytes,
 * unterminated strings, names pointing at garbage.  Meanwhile a churn
 * process creates, enters, kills and ends contexts and network contexts,
 * and a writer keeps breaking copy-on-write links of a shared file.  The
 * workers run chrooted in a scratch tmpfs, so that random path names
 * cannot reach the system's files.  Whatever the kernel says is fine; a
 * splat in the kernel log is the failure, which the caller checks.
 *
 * Usage: fuzz [-t seconds] [-s seed] [-w workers]
 * Prints the seed; the same seed replays the same choices per process.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/vserver.h>

#define ROOT		"/tmp/fuzzroot"
#define XID_BASE	3000	/* the static xids and nids the fuzzer uses */
#define XID_SPAN	16

static const uint32_t cmds[] = {
	VCMD_get_version, VCMD_get_vci, VCMD_ctx_create_v0, VCMD_ctx_create,
	VCMD_ctx_migrate_v0, VCMD_ctx_migrate, VCMD_task_xid, VCMD_vx_info,
	VCMD_ctx_stat, VCMD_virt_stat, VCMD_get_cflags, VCMD_set_cflags,
	VCMD_get_ccaps, VCMD_set_ccaps, VCMD_get_bcaps, VCMD_set_bcaps,
	VCMD_get_umask, VCMD_set_umask, VCMD_ctx_kill, VCMD_wait_exit,
	VCMD_enter_space_v0, VCMD_enter_space_v1, VCMD_enter_space,
	VCMD_set_space_v0, VCMD_set_space_v1, VCMD_set_space,
	VCMD_get_space_mask, VCMD_get_space_default, VCMD_set_vhi_name,
	VCMD_get_vhi_name, VCMD_net_create_v0, VCMD_net_create,
	VCMD_net_migrate, VCMD_task_nid, VCMD_nx_info, VCMD_net_add,
	VCMD_net_remove, VCMD_net_add_ipv4, VCMD_net_remove_ipv4,
	VCMD_net_add_ipv6, VCMD_net_remove_ipv6, VCMD_get_nflags,
	VCMD_set_nflags, VCMD_get_ncaps, VCMD_set_ncaps, VCMD_get_iattr,
	VCMD_set_iattr, VCMD_fget_iattr, VCMD_fset_iattr,
};
#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static char *page_rw, *page_ro, *edge;	/* edge: last bytes before a hole */
static long pagesz;
static time_t deadline;

static uint64_t rnd(uint64_t *s)
{
	/* xorshift64* */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static uint32_t pick_id(uint64_t *s)
{
	static const uint32_t special[] = {
		0, 1, 2, 49151, 49152, 65535, 65536, 0xfffffffe, 0xffffffff,
	};

	switch (rnd(s) % 4) {
	case 0:
		return special[rnd(s) % (sizeof(special) / sizeof(special[0]))];
	case 1:
		return (uint32_t)rnd(s);
	default:
		return XID_BASE + rnd(s) % XID_SPAN;
	}
}

/* Fill the read-write page with something a command might half accept. */
static void fill(uint64_t *s, char *p, size_t len)
{
	size_t i;

	switch (rnd(s) % 4) {
	case 0:
		memset(p, 0, len);
		break;
	case 1:
		memset(p, 0xff, len);
		break;
	case 2:
		for (i = 0; i < len; i++)
			p[i] = (char)rnd(s);
		break;
	default:
		/* Small words, pointers into our pages, unterminated names. */
		for (i = 0; i + 8 <= len; i += 8) {
			uint64_t v = rnd(s) % 3 ? rnd(s) % 64 :
				     (uint64_t)(uintptr_t)(edge - rnd(s) % 16);
			memcpy(p + i, &v, 8);
		}
		memset(p + 64, 'a', len - 64);
		break;
	}
}

static void *pick_data(uint64_t *s)
{
	switch (rnd(s) % 8) {
	case 0:
		return NULL;
	case 1:
		return (void *)(uintptr_t)(rnd(s) % 4096);	/* unmapped */
	case 2:
		return page_ro + rnd(s) % 64;
	case 3:
		return edge - rnd(s) % 24;	/* straddles the hole */
	case 4:
		return (void *)(uintptr_t)(0xffff800000000000ULL + rnd(s) % 4096);
	default:
		fill(s, page_rw, pagesz);
		return page_rw + rnd(s) % 16;
	}
}

static void one_call(uint64_t *s)
{
	uint32_t cmd = rnd(s) % 16 ? cmds[rnd(s) % NCMDS] : (uint32_t)rnd(s);
	uint32_t id = pick_id(s);

	/* Never wait for a context to end: that may be forever. */
	if (cmd == VCMD_wait_exit)
		id = 0xfffffff0;
	syscall(VSERVER_SYSCALL_NR, cmd, id, pick_data(s));
}

static void *thread_loop(void *arg)
{
	uint64_t s = (uintptr_t)arg | 1;

	while (time(NULL) < deadline)
		one_call(&s);
	return NULL;
}

static void worker(uint64_t seed, int n)
{
	pthread_t t[3];
	uint64_t s = seed + n;
	int i;

	alarm((unsigned int)(deadline - time(NULL)) + 5);
	if (chroot(ROOT) || chdir("/"))
		_exit(2);
	/* Some workers start in a context or network context of their own. */
	if (n % 3 == 1) {
		struct vcmd_ctx_create c = { .flagword = VXF_INIT_SET };

		syscall(VSERVER_SYSCALL_NR, VCMD_ctx_create,
			XID_BASE + n % XID_SPAN, &c);
	} else if (n % 3 == 2) {
		struct vcmd_net_create nc = { 0 };

		syscall(VSERVER_SYSCALL_NR, VCMD_net_create,
			XID_BASE + n % XID_SPAN, &nc);
	}
	for (i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, thread_loop,
			       (void *)(uintptr_t)rnd(&s));
	for (i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	_exit(0);
}

/* Contexts come and go under the workers' feet. */
static void churn(uint64_t seed)
{
	uint64_t s = seed ^ 0x5eed;

	alarm((unsigned int)(deadline - time(NULL)) + 5);
	while (time(NULL) < deadline) {
		uint32_t xid = XID_BASE + rnd(&s) % XID_SPAN;
		pid_t pid = fork();

		if (!pid) {
			struct vcmd_ctx_create c = { .flagword = VXF_INIT_SET };
			struct vcmd_net_create nc = { 0 };
			struct vcmd_ctx_kill k = { .pid = 0, .sig = SIGKILL };

			if (rnd(&s) % 2)
				syscall(VSERVER_SYSCALL_NR, VCMD_net_create,
					xid, &nc);
			if (syscall(VSERVER_SYSCALL_NR, VCMD_ctx_create, xid,
				    &c) < 0)
				syscall(VSERVER_SYSCALL_NR, VCMD_ctx_migrate,
					xid, NULL);
			if (rnd(&s) % 4 == 0)
				syscall(VSERVER_SYSCALL_NR, VCMD_ctx_kill,
					xid, &k);
			usleep(rnd(&s) % 20000);
			_exit(0);
		}
		if (pid > 0)
			waitpid(pid, NULL, 0);
	}
	_exit(0);
}

/* A shared file whose link keeps being broken and shared again. */
static void cow_writer(uint64_t seed)
{
	struct vcmd_ctx_iattr a = { .name = (uintptr_t)ROOT "/shared" };
	uint64_t s = seed ^ 0xc0c0;
	int fd;

	alarm((unsigned int)(deadline - time(NULL)) + 5);
	while (time(NULL) < deadline) {
		unlink(ROOT "/shared");
		unlink(ROOT "/shared2");
		fd = open(ROOT "/shared", O_WRONLY | O_CREAT, 0644);
		if (fd < 0)
			break;
		if (write(fd, "content", 7) != 7)
			break;
		close(fd);
		if (link(ROOT "/shared", ROOT "/shared2"))
			break;
		a.flags = a.mask = IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW;
		syscall(VSERVER_SYSCALL_NR, VCMD_set_iattr, 0, &a);
		fd = open(rnd(&s) % 2 ? ROOT "/shared" : ROOT "/shared2",
			  O_WRONLY | O_APPEND);
		if (fd >= 0)
			close(fd);
		a.name = (uintptr_t)ROOT "/shared2";
		a.flags = 0;
		syscall(VSERVER_SYSCALL_NR, VCMD_set_iattr, 0, &a);
		a.name = (uintptr_t)ROOT "/shared";
		syscall(VSERVER_SYSCALL_NR, VCMD_set_iattr, 0, &a);
	}
	_exit(0);
}

int main(int argc, char **argv)
{
	uint64_t seed = (uint64_t)time(NULL);
	int secs = 30, workers = 6, c, i, status, bad = 0;
	pid_t pid;

	while ((c = getopt(argc, argv, "t:s:w:")) != -1) {
		switch (c) {
		case 't':
			secs = atoi(optarg);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'w':
			workers = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: fuzz [-t seconds] [-s seed] [-w workers]\n");
			return 2;
		}
	}
	printf("fuzz: seed %llu, %d s, %d workers\n",
	       (unsigned long long)seed, secs, workers);
	fflush(stdout);
	pagesz = sysconf(_SC_PAGESIZE);
	page_rw = mmap(NULL, 3 * pagesz, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page_rw == MAP_FAILED)
		return 1;
	page_ro = page_rw + pagesz;
	memset(page_ro, 'r', pagesz);
	mprotect(page_ro, pagesz, PROT_READ);
	munmap(page_rw + 2 * pagesz, pagesz);	/* the hole after page_ro */
	edge = page_ro + pagesz;
	mkdir(ROOT, 0755);
	if (mount("fuzz", ROOT, "tmpfs", 0, "size=16m"))
		return perror("fuzz: mount"), 1;
	deadline = time(NULL) + secs;

	for (i = 0; i < workers + 2; i++) {
		pid = fork();
		if (pid < 0)
			return perror("fuzz: fork"), 1;
		if (!pid) {
			if (i == workers)
				churn(seed);
			if (i == workers + 1)
				cow_writer(seed);
			worker(seed, i);
		}
	}
	while ((pid = wait(&status)) > 0)
		if (!WIFEXITED(status) && WTERMSIG(status) != SIGALRM &&
		    WTERMSIG(status) != SIGKILL)
			bad++;

	/* Leave nothing behind: persistent contexts the workers made. */
	for (i = 0; i < XID_SPAN; i++) {
		struct vcmd_ctx_flags f = { 0, VXF_PERSISTENT };
		struct vcmd_net_flags nf = { 0, NXF_PERSISTENT };

		syscall(VSERVER_SYSCALL_NR, VCMD_set_cflags, XID_BASE + i, &f);
		syscall(VSERVER_SYSCALL_NR, VCMD_set_nflags, XID_BASE + i, &nf);
	}
	system("setattr -R --~iunlink --~cow " ROOT " >/dev/null 2>&1");
	umount2(ROOT, MNT_DETACH);
	printf("fuzz: done, %d processes died of a signal other than ours\n", bad);
	return bad ? 1 : 0;
}
