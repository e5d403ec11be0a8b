// SPDX-License-Identifier: GPL-2.0
/*
 * fsbench.c - shared files: vhashify against util-linux hardlink, and the
 * latency of a copy-on-write break against cp
 *
 * Runs in the guest (make bench, on the fast kernel), on a tmpfs of its
 * own.  A template guest tree is generated once and copied to N guests
 * for each tool, so that both start from the same bytes.  Each latency is
 * the best of several rounds; the report gives ratios within one run.
 *
 * Usage: fsbench [-g guests] [-r rounds] [-H hardlink-command] [-j file]
 */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/vserver.h>

#define TOP	"/tmp/fsbench"
#define SHARED	(IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW)

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int run(const char *cmd)
{
	int rc = system(cmd);

	if (rc)
		fprintf(stderr, "fsbench: '%s' failed (%d)\n", cmd, rc);
	return rc;
}

/* Output of a shell command, first line. */
static void capture(const char *cmd, char *buf, size_t size)
{
	FILE *p = popen(cmd, "r");

	buf[0] = '\0';
	if (p) {
		if (!fgets(buf, size, p))
			buf[0] = '\0';
		pclose(p);
	}
	buf[strcspn(buf, "\n")] = '\0';
}

static long long du_kib(const char *dir)
{
	char cmd[256], out[64];

	snprintf(cmd, sizeof(cmd), "du -sk %s | cut -f1", dir);
	capture(cmd, out, sizeof(out));
	return atoll(out);
}

/* A template: a few hundred files of 1 KiB to 256 KiB of random bytes. */
static void make_template(void)
{
	char cmd[256];
	int i;

	run("mkdir -p " TOP "/tmpl/usr/bin " TOP "/tmpl/usr/lib " TOP "/tmpl/usr/share");
	srand(42);
	for (i = 0; i < 240; i++) {
		int kib = 1 << (rand() % 9);

		snprintf(cmd, sizeof(cmd),
			 "head -c %d /dev/urandom >%s/tmpl/usr/%s/f%03d",
			 kib * 1024, TOP, i % 3 ? (i % 3 == 1 ? "lib" : "share") : "bin", i);
		run(cmd);
	}
}

static int set_iattr(const char *name, uint32_t flags, uint32_t mask)
{
	struct vcmd_ctx_iattr a = {
		.name = (uintptr_t)name, .flags = flags, .mask = mask,
	};

	return syscall(VSERVER_SYSCALL_NR, VCMD_set_iattr, 0, &a);
}

/* Seconds to break the copy-on-write link of a @size byte file. */
static double cow_break(long size)
{
	char cmd[160];
	double t;
	int fd;

	snprintf(cmd, sizeof(cmd), "rm -rf %s/cow && mkdir %s/cow && head -c %ld /dev/urandom >%s/cow/a && ln %s/cow/a %s/cow/b",
		 TOP, TOP, size, TOP, TOP, TOP);
	if (run(cmd) || set_iattr(TOP "/cow/a", SHARED, SHARED))
		return -1;
	sync();
	t = now();
	fd = open(TOP "/cow/a", O_WRONLY);
	t = now() - t;
	if (fd < 0)
		return -1;
	close(fd);
	set_iattr(TOP "/cow/b", 0, SHARED);
	return t;
}

static double cp_file(void)
{
	double t;

	run("rm -f " TOP "/cow/c");
	t = now();
	if (run("cp " TOP "/cow/b " TOP "/cow/c"))
		return -1;
	return now() - t;
}

int main(int argc, char **argv)
{
	const char *hardlink = "hardlink", *json = NULL;
	static const long sizes[] = { 4096, 1 << 20, 64 << 20 };
	static const char *const names[] = { "4 KiB", "1 MiB", "64 MiB" };
	char cmd[512], vh_out[256], hl_out[256];
	double vh_s, hl_s, cow[3], cp[3], t;
	long long before, vh_after, hl_after;
	int guests = 4, rounds = 3, c, i, r;
	FILE *j;

	while ((c = getopt(argc, argv, "g:r:H:j:")) != -1) {
		switch (c) {
		case 'g':
			guests = atoi(optarg);
			break;
		case 'r':
			rounds = atoi(optarg);
			break;
		case 'H':
			hardlink = optarg;
			break;
		case 'j':
			json = optarg;
			break;
		default:
			fprintf(stderr, "usage: fsbench [-g guests] [-r rounds] [-H hardlink] [-j file]\n");
			return 2;
		}
	}
	mkdir(TOP, 0755);
	if (mount("fsbench", TOP, "tmpfs", 0, "size=400m"))
		return perror("fsbench: mount"), 1;
	make_template();
	if (run("mkdir -p " TOP "/v " TOP "/h"))
		return 1;
	for (i = 1; i <= guests; i++) {
		snprintf(cmd, sizeof(cmd), "cp -a %s/tmpl %s/v/g%d && cp -a %s/tmpl %s/h/g%d",
			 TOP, TOP, i, TOP, TOP, i);
		if (run(cmd))
			return 1;
	}
	before = du_kib(TOP "/v");

	t = now();
	snprintf(cmd, sizeof(cmd), "vhashify -x /dev/null -d %s/v/.hash %s/v/g* | tail -1", TOP, TOP);
	capture(cmd, vh_out, sizeof(vh_out));
	vh_s = now() - t;
	vh_after = du_kib(TOP "/v");

	t = now();
	snprintf(cmd, sizeof(cmd), "%s %s/h 2>&1 | grep -i -E '^(linked|saved)' | tr '\\n' ' '", hardlink, TOP);
	capture(cmd, hl_out, sizeof(hl_out));
	hl_s = now() - t;
	hl_after = du_kib(TOP "/h");

	for (i = 0; i < 3; i++) {
		cow[i] = cp[i] = 1e9;
		for (r = 0; r < rounds; r++) {
			t = cow_break(sizes[i]);
			if (t >= 0 && t < cow[i])
				cow[i] = t;
			t = cp_file();
			if (t >= 0 && t < cp[i])
				cp[i] = t;
		}
	}

	printf("## Shared files (%d guests, one template of 240 files)\n\n", guests);
	printf("| tool | seconds | disk before | disk after | result |\n");
	printf("|---|---|---|---|---|\n");
	printf("| vhashify | %.2f | %lld KiB | %lld KiB | %s |\n", vh_s, before, vh_after, vh_out);
	printf("| hardlink | %.2f | %lld KiB | %lld KiB | %s |\n", hl_s, before, hl_after, hl_out);
	printf("\nvhashify/hardlink time ratio: %.2f\n\n", hl_s > 0 ? vh_s / hl_s : 0);
	printf("## Copy-on-write break (open for writing) against cp\n\n");
	printf("| file | cow break ms | cp ms | ratio |\n|---|---|---|---|\n");
	for (i = 0; i < 3; i++)
		printf("| %s | %.3f | %.3f | %.2f |\n", names[i], cow[i] * 1e3,
		       cp[i] * 1e3, cp[i] > 0 ? cow[i] / cp[i] : 0);

	if (json) {
		j = fopen(json, "w");
		if (!j)
			return perror(json), 1;
		fprintf(j, "{\"guests\": %d, \"vhashify\": {\"seconds\": %.3f, \"kib_before\": %lld, \"kib_after\": %lld, \"summary\": \"%s\"}, ",
			guests, vh_s, before, vh_after, vh_out);
		fprintf(j, "\"hardlink\": {\"seconds\": %.3f, \"kib_before\": %lld, \"kib_after\": %lld, \"summary\": \"%s\"}, \"cow\": [",
			hl_s, before, hl_after, hl_out);
		for (i = 0; i < 3; i++)
			fprintf(j, "%s{\"bytes\": %ld, \"cow_ms\": %.3f, \"cp_ms\": %.3f}",
				i ? ", " : "", sizes[i], cow[i] * 1e3, cp[i] * 1e3);
		fprintf(j, "]}\n");
		fclose(j);
	}
	run("setattr -R --~iunlink --~cow " TOP " >/dev/null 2>&1");
	umount2(TOP, MNT_DETACH);
	return 0;
}
