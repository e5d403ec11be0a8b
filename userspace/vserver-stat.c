// SPDX-License-Identifier: GPL-2.0
/*
 * vserver-stat - list the running contexts and what they use
 *
 * Output compatible with util-vserver's vserver-stat; see vserver-stat(8).
 * The contexts are found from the processes in /proc, and from
 * /proc/virtual for persistent contexts without processes (their uptime
 * is the context's).
 */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

/**
 * struct ctx_stat - what the processes of one context use
 * @xid: the context
 * @procs: number of processes
 * @vsz: virtual memory, bytes
 * @rss: resident memory, bytes
 * @utime: user time, clock ticks
 * @stime: system time, clock ticks
 * @start: start of the oldest process, clock ticks after boot
 */
struct ctx_stat {
	uint32_t xid;
	unsigned long procs;
	unsigned long long vsz, rss, utime, stime, start;
};

static struct ctx_stat *stats;
static size_t nstats;

/* The totals of a context, or NULL if none of its processes was seen. */
static struct ctx_stat *find_stat(uint32_t xid)
{
	size_t i;

	for (i = 0; i < nstats; i++)
		if (stats[i].xid == xid)
			return &stats[i];
	return NULL;
}

static struct ctx_stat *stat_of(uint32_t xid)
{
	struct ctx_stat *s = find_stat(xid);

	if (s)
		return s;
	s = realloc(stats, (nstats + 1) * sizeof(*stats));
	if (!s)
		err(EXIT_FAILURE, "cannot allocate memory");
	stats = s;
	s = &stats[nstats++];
	memset(s, 0, sizeof(*s));
	s->xid = xid;
	s->start = ~0ULL;
	return s;
}

/* Add one process from /proc/<pid>/stat to its context's totals. */
static void add_process(const char *pid, long page)
{
	unsigned long long utime, stime, start, vsz;
	long long rss;
	char path[300], buf[1024], *p;
	long xid;
	FILE *f;

	xid = vc_task_xid(atoi(pid));
	if (xid < 0)
		return;		/* gone meanwhile, or not visible */
	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	f = fopen(path, "re");
	if (!f)
		return;
	p = fgets(buf, sizeof(buf), f);
	fclose(f);
	/* The command name may hold anything: parse after its last ')'. */
	if (!p || !(p = strrchr(buf, ')')))
		return;
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu "
		   "%*d %*d %*d %*d %*d %*d %llu %llu %lld",
		   &utime, &stime, &start, &vsz, &rss) != 5)
		return;

	struct ctx_stat *s = stat_of((uint32_t)xid);

	s->procs++;
	s->utime += utime;
	s->stime += stime;
	s->vsz += vsz;
	s->rss += (unsigned long long)(rss > 0 ? rss : 0) * page;
	if (start < s->start)
		s->start = start;
}

/* 1024-based sizes with K, M, G or T, like util-vserver. */
static void fmt_size(char *buf, size_t n, unsigned long long bytes)
{
	static const char units[] = "KMGT";
	double v = bytes / 1024.0;
	int u = 0;

	while (v >= 1000 && u < 3) {
		v /= 1024;
		u++;
	}
	if (v < 10 && u)
		snprintf(buf, n, "%.1f%c", v, units[u]);
	else
		snprintf(buf, n, "%.0f%c", v, units[u]);
}

/* MmSSsCC, HhMMmSS or DdHHhMM, like util-vserver. */
static void fmt_time(char *buf, size_t n, unsigned long long ticks, long hz)
{
	unsigned long long cs = ticks * 100 / hz, s = cs / 100;

	if (s < 3600)
		snprintf(buf, n, "%llum%02llus%02llu", s / 60, s % 60, cs % 100);
	else if (s < 86400)
		snprintf(buf, n, "%lluh%02llum%02llu", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, n, "%llud%02lluh%02llu", s / 86400, s / 3600 % 24,
			 s / 60 % 60);
}

static void name_of(uint32_t xid, char *buf, size_t n)
{
	if (xid == VC_XID_HOST)
		snprintf(buf, n, "root server");
	else if (xid == VC_XID_SPECTATOR)
		snprintf(buf, n, "monitoring server");
	else
		vc_context_name(xid, buf, n);
}

/* Seconds with hundredths from clock ticks, a JSON number. */
static void json_seconds(unsigned long long ticks, long hz)
{
	unsigned long long cs = ticks * 100 / hz;

	printf("%llu.%02llu", cs / 100, cs % 100);
}

/*
 * Length of the UTF-8 sequence at @p, or 0 if it is not one: no overlong
 * forms, no surrogates, nothing above U+10FFFF.
 */
static size_t utf8_len(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (*p < 0x80)
		return 1;
	if (*p >= 0xc2 && *p <= 0xdf)
		len = 2;
	else if (*p >= 0xe0 && *p <= 0xef)
		len = 3;
	else if (*p >= 0xf0 && *p <= 0xf4)
		len = 4;
	else
		return 0;
	if (*p == 0xe0)
		lo = 0xa0;
	else if (*p == 0xed)
		hi = 0x9f;
	else if (*p == 0xf0)
		lo = 0x90;
	else if (*p == 0xf4)
		hi = 0x8f;
	for (i = 1; i < len; i++, lo = 0x80, hi = 0xbf)
		if (p[i] < lo || p[i] > hi)
			return 0;
	return len;
}

/*
 * Persistent contexts without processes (a guest started with --rescue)
 * appear only in /proc/virtual; their uptime is the context's.
 */
static void add_empty_contexts(long hz)
{
	char path[64], line[128];
	struct ctx_stat *s;
	struct dirent *d;
	double bias;
	DIR *dir = opendir("/proc/virtual");
	FILE *f;

	if (!dir)
		return;
	while ((d = readdir(dir))) {
		unsigned long xid;
		char *end;

		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		xid = strtoul(d->d_name, &end, 10);
		if (*end || xid > UINT32_MAX)
			continue;
		if (find_stat(xid))
			continue;
		s = stat_of(xid);
		snprintf(path, sizeof(path), "/proc/virtual/%lu/cvirt", xid);
		f = fopen(path, "re");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "BiasUptime: %lf", &bias) == 1)
				s->start = (unsigned long long)(bias * hz);
		fclose(f);
	}
	closedir(dir);
}

/*
 * A JSON string: quote and backslash escaped, control characters as
 * \u00XX, and bytes that are not UTF-8 as U+FFFD (the kernel keeps the
 * name as it was set), so that the output stays valid JSON.
 */
static void json_string(const char *str)
{
	const unsigned char *p = (const unsigned char *)str;
	size_t len;

	putchar('"');
	for (; *p; p += len ? len : 1) {
		len = utf8_len(p);
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else if (!len)
			fputs("\\ufffd", stdout);
		else
			fwrite(p, 1, len, stdout);
	}
	putchar('"');
}

/* The same contexts and numbers as the table, as one JSON object. */
static void print_json(long hz, unsigned long long now)
{
	size_t i;

	fputs("{\"contexts\": [", stdout);
	for (i = 0; i < nstats; i++) {
		struct ctx_stat *s = &stats[i];
		char name[80];

		name_of(s->xid, name, sizeof(name));
		printf("%s\n {\"xid\": %u, \"name\": ", i ? "," : "", s->xid);
		json_string(name);
		printf(", \"processes\": %lu, \"vsz\": %llu, \"rss\": %llu, \"utime\": ",
		       s->procs, s->vsz, s->rss);
		json_seconds(s->utime, hz);
		fputs(", \"stime\": ", stdout);
		json_seconds(s->stime, hz);
		fputs(", \"uptime\": ", stdout);
		json_seconds(now > s->start ? now - s->start : 0, hz);
		putchar('}');
	}
	fputs("\n]}\n", stdout);
}

static int by_xid(const void *a, const void *b)
{
	const struct ctx_stat *x = a, *y = b;

	return x->xid < y->xid ? -1 : x->xid > y->xid;
}

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out, " %s\n", program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("List the running security contexts with their processes, memory,\n"
	      "CPU time and uptime.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs(" -j, --json           print JSON instead of the table\n", out);
	fputs(" -O, --sort <key>     accepted and ignored, as in util-vserver\n", out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vserver-stat(8)"), out);
	exit(EXIT_SUCCESS);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "sort", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	long hz = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	unsigned long long now;
	double uptime = 0;
	bool json = false;
	struct dirent *d;
	size_t i;
	DIR *dir;
	FILE *f;
	int c;

	while ((c = getopt_long(argc, argv, "jO:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'O':
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}
	if (vc_get_version() < 0)
		err(EXIT_FAILURE, "cannot talk to the kernel (is vserver.ko loaded?)");

	f = fopen("/proc/uptime", "re");
	if (!f || fscanf(f, "%lf", &uptime) != 1)
		err(EXIT_FAILURE, "cannot read /proc/uptime");
	fclose(f);
	now = (unsigned long long)(uptime * hz);

	dir = opendir("/proc");
	if (!dir)
		err(EXIT_FAILURE, "cannot open /proc");
	while ((d = readdir(dir)))
		if (isdigit((unsigned char)d->d_name[0]))
			add_process(d->d_name, page);
	closedir(dir);
	add_empty_contexts(hz);
	qsort(stats, nstats, sizeof(*stats), by_xid);

	if (json) {
		print_json(hz, now);
		goto out;
	}
	printf("CTX   PROC    VSZ    RSS  userTIME   sysTIME    UPTIME NAME\n");
	for (i = 0; i < nstats; i++) {
		struct ctx_stat *s = &stats[i];
		char vsz[32], rss[32], ut[32], st[32], up[32], name[80];

		fmt_size(vsz, sizeof(vsz), s->vsz);
		fmt_size(rss, sizeof(rss), s->rss);
		fmt_time(ut, sizeof(ut), s->utime, hz);
		fmt_time(st, sizeof(st), s->stime, hz);
		fmt_time(up, sizeof(up), now > s->start ? now - s->start : 0, hz);
		name_of(s->xid, name, sizeof(name));
		printf("%-5u %4lu %6s %6s %9s %9s %9s %s\n", s->xid, s->procs,
		       vsz, rss, ut, st, up, name);
	}
out:
	free(stats);
	if (fflush(stdout) == EOF)
		err(EXIT_FAILURE, "write error");
	return EXIT_SUCCESS;
}
