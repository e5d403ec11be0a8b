// SPDX-License-Identifier: GPL-2.0
/*
 * scalebench.c - kernel memory per context, against namespaces
 *
 * Runs in the guest (make bench, on the fast kernel).  Keeps many
 * objects alive at once and reports the growth of the kernel's own
 * memory (Slab, Percpu, KernelStack, PageTables of /proc/meminfo, after
 * dropping caches) divided by their number:
 *
 *  - security contexts: persistent, without tasks, 10,000 of them;
 *  - network contexts: persistent, with one address each;
 *  - network namespaces, kept by bind mounts of their /proc files;
 *  - pid+uts+ipc+mount namespace sets, kept the same way.
 *
 * Usage: scalebench [-n contexts] [-m namespaces] [-j file.json]
 */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/vserver.h>

#define XID0	10000
#define NSDIR	"/tmp/scale-ns"

static long vs(uint32_t cmd, uint32_t id, void *data)
{
	return syscall(VSERVER_SYSCALL_NR, cmd, id, data);
}

/* Kernel memory in KiB: slab, per-cpu, stacks and page tables. */
static long long kernel_kib(void)
{
	static const char *const keys[] = {
		"Slab:", "Percpu:", "KernelStack:", "PageTables:",
	};
	char line[128];
	long long sum = 0, v;
	size_t i;
	FILE *f;
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	sync();
	if (fd >= 0) {
		if (write(fd, "3", 1) != 1)
			perror("scalebench: drop_caches");
		close(fd);
	}
	f = fopen("/proc/meminfo", "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (!strncmp(line, keys[i], strlen(keys[i])) &&
			    sscanf(line + strlen(keys[i]), "%lld", &v) == 1)
				sum += v;
	fclose(f);
	return sum;
}

static int in_child(int (*fn)(int), int arg)
{
	pid_t pid = fork();
	int status;

	if (!pid)
		_exit(fn(arg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int make_context(int i)
{
	struct vcmd_ctx_create c = {
		.flagword = VXF_STATE_SETUP | VXF_STATE_INIT |
			    VXF_STATE_ADMIN | VXF_PERSISTENT,
	};

	return vs(VCMD_ctx_create, XID0 + i, &c) == XID0 + i ? 0 : 1;
}

static int make_network(int i)
{
	struct vcmd_net_create nc = { .flagword = NXF_PERSISTENT };
	struct vcmd_net_addr_ipv4 a = {
		.type = NXA_TYPE_ADDR,
		.ip = htonl(0xc6336400 + (i & 0xff)),	/* 198.51.100.x */
		.mask = htonl(0xffffffff),
	};

	if (vs(VCMD_net_create, XID0 + i, &nc) != XID0 + i)
		return 1;
	return vs(VCMD_net_add_ipv4, XID0 + i, &a) ? 1 : 0;
}

/* A child makes new namespaces; the parent pins them with bind mounts. */
static int pin_namespaces(int i, int flags, const char *const *names)
{
	char src[64], dst[64];
	int up[2], down[2], ret = 0, j;
	pid_t pid;
	char c;

	if (pipe(up) || pipe(down))
		return 1;
	pid = fork();
	if (!pid) {
		pid_t init = 0;

		close(up[0]);
		close(down[1]);
		if (unshare(flags))
			_exit(1);
		/* A pid namespace exists for /proc once its init does. */
		if ((flags & CLONE_NEWPID) && !(init = fork())) {
			if (read(down[0], &c, 1) < 0)
				_exit(1);
			_exit(0);
		}
		if (init < 0 || write(up[1], "x", 1) != 1)
			_exit(1);
		if (read(down[0], &c, 1) < 0)
			_exit(1);
		if (init)
			waitpid(init, NULL, 0);
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	if (read(up[0], &c, 1) != 1)
		ret = 1;
	for (j = 0; !ret && names[j]; j++) {
		snprintf(src, sizeof(src), "/proc/%d/ns/%s", pid, names[j]);
		snprintf(dst, sizeof(dst), NSDIR "/%s%d", names[j], i);
		close(open(dst, O_WRONLY | O_CREAT, 0600));
		if (mount(src, dst, NULL, MS_BIND, NULL)) {
			fprintf(stderr, "scalebench: bind %s: %s\n", src,
				strerror(errno));
			ret = 1;
		}
	}
	close(down[1]);
	close(up[0]);
	waitpid(pid, NULL, 0);
	return ret;
}

struct result {
	const char *what;
	int count;
	long long kib;
};

static void report(FILE *out, const struct result *r, int n, int json)
{
	int i;

	if (!json) {
		fprintf(out, "## Kernel memory per isolated environment\n\n");
		fprintf(out, "| object | alive at once | kernel KiB | bytes each |\n|---|---:|---:|---:|\n");
		for (i = 0; i < n; i++)
			fprintf(out, "| %s | %d | %lld | %lld |\n", r[i].what,
				r[i].count, r[i].kib,
				r[i].count ? r[i].kib * 1024 / r[i].count : 0);
		fprintf(out, "\nKernel memory: Slab + Percpu + KernelStack + PageTables of\n"
			"/proc/meminfo after dropping caches, before and with the objects.\n");
		return;
	}
	fprintf(out, "[");
	for (i = 0; i < n; i++)
		fprintf(out, "%s{\"object\": \"%s\", \"count\": %d, \"kib\": %lld}",
			i ? ", " : "", r[i].what, r[i].count, r[i].kib);
	fprintf(out, "]\n");
}

int main(int argc, char **argv)
{
	static const char *const net[] = { "net", NULL };
	static const char *const set[] = {
		"uts", "ipc", "mnt", "pid_for_children", NULL,
	};
	struct result r[4];
	int n = 10000, m = 1000, c, i;
	const char *json = NULL;
	long long base;

	while ((c = getopt(argc, argv, "n:m:j:")) != -1) {
		switch (c) {
		case 'n':
			n = atoi(optarg);
			break;
		case 'm':
			m = atoi(optarg);
			break;
		case 'j':
			json = optarg;
			break;
		default:
			fprintf(stderr, "usage: scalebench [-n contexts] [-m namespaces] [-j file]\n");
			return 2;
		}
	}
	mkdir(NSDIR, 0755);
	if (mount("scale", NSDIR, "tmpfs", 0, NULL))
		return perror("scalebench: mount"), 1;

	base = kernel_kib();
	for (i = 0; i < n; i++)
		if (in_child(make_context, i))
			return fprintf(stderr, "scalebench: context %d\n", i), 1;
	r[0] = (struct result){ "security context", n, kernel_kib() - base };
	for (i = 0; i < n; i++) {
		struct vcmd_ctx_flags f = { 0, VXF_PERSISTENT };

		vs(VCMD_set_cflags, XID0 + i, &f);
	}

	base = kernel_kib();
	for (i = 0; i < n; i++)
		if (in_child(make_network, i))
			return fprintf(stderr, "scalebench: network context %d\n", i), 1;
	r[1] = (struct result){ "network context (one address)", n,
				kernel_kib() - base };
	for (i = 0; i < n; i++) {
		struct vcmd_net_flags f = { 0, NXF_PERSISTENT };

		vs(VCMD_set_nflags, XID0 + i, &f);
	}

	base = kernel_kib();
	for (i = 0; i < m; i++)
		if (pin_namespaces(i, CLONE_NEWNET, net))
			return fprintf(stderr, "scalebench: netns %d\n", i), 1;
	r[2] = (struct result){ "network namespace", m, kernel_kib() - base };

	base = kernel_kib();
	for (i = 0; i < m; i++)
		if (pin_namespaces(i, CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNS |
				   CLONE_NEWPID, set))
			return fprintf(stderr, "scalebench: namespaces %d\n", i), 1;
	r[3] = (struct result){ "pid+uts+ipc+mount namespaces", m,
				kernel_kib() - base };

	report(stdout, r, 4, 0);
	if (json) {
		FILE *f = fopen(json, "w");

		if (!f)
			return perror(json), 1;
		report(f, r, 4, 1);
		fclose(f);
	}
	umount2(NSDIR, MNT_DETACH);
	return 0;
}
