// SPDX-License-Identifier: GPL-2.0
/*
 * bench.c - micro-benchmarks of processes inside a context against the host
 *
 * Runs in the guest (make bench, on the fast kernel).  Each benchmark runs
 * on the host and inside a context, alternately for several rounds; the
 * best time per side is kept and the ratio context/host reported, so that
 * both sides see the same machine in the same run.  A ratio of 1.00 means
 * no overhead.
 *
 * With -H only the host side runs (no vserver(2) needed): make bench runs
 * it on the unpatched kernel and on the patched one without the module,
 * the baselines of the zero-overhead comparison.  -t writes one line per
 * micro-benchmark, "name<TAB>host ns<TAB>context ns" ("-" without one),
 * for that comparison.
 *
 * Usage: bench [-H] [-r rounds] [-j file.json] [-t file.tsv]
 */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/vserver.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long vs(uint32_t cmd, uint32_t id, void *data)
{
	return syscall(VSERVER_SYSCALL_NR, cmd, id, data);
}

/* Each benchmark returns the seconds for n operations. */

static double b_getpid(long n)
{
	double t = now();

	for (long i = 0; i < n; i++)
		syscall(SYS_getpid);
	return now() - t;
}

static double b_open(long n)
{
	double t = now();

	for (long i = 0; i < n; i++)
		close(open("/tmp/bench.file", O_RDONLY));
	return now() - t;
}

static double b_stat(long n)
{
	struct stat st;
	double t = now();

	for (long i = 0; i < n; i++)
		stat("/tmp/bench.file", &st);
	return now() - t;
}

static double b_fork(long n)
{
	double t = now();

	for (long i = 0; i < n; i++) {
		pid_t p = fork();

		if (!p)
			_exit(0);
		waitpid(p, NULL, 0);
	}
	return now() - t;
}

static double b_kill(long n)
{
	pid_t p = fork();
	double t;

	if (!p) {
		pause();
		_exit(0);
	}
	t = now();
	for (long i = 0; i < n; i++)
		kill(p, 0);
	t = now() - t;
	kill(p, SIGKILL);
	waitpid(p, NULL, 0);
	return t;
}

static double b_pipe(long n)
{
	int a[2], b[2];
	char c = 0;
	double t;
	pid_t p;

	if (pipe(a) || pipe(b))
		return -1;
	p = fork();
	if (!p) {
		for (long i = 0; i < n; i++) {
			if (read(a[0], &c, 1) != 1 || write(b[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	t = now();
	for (long i = 0; i < n; i++) {
		if (write(a[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
			break;
	}
	t = now() - t;
	waitpid(p, NULL, 0);
	close(a[0]);
	close(a[1]);
	close(b[0]);
	close(b[1]);
	return t;
}

/* One context created, entered and destroyed per iteration. */
static double b_ctx_churn(long n)
{
	double t = now();

	for (long i = 0; i < n; i++) {
		pid_t p = fork();

		if (!p) {
			struct vcmd_ctx_create arg = { .flagword = VXF_INIT_SET };
			pid_t q;

			if (vs(VCMD_ctx_create, VC_DYNAMIC_ID, &arg) < 0)
				_exit(1);
			q = fork();
			if (!q)
				_exit(0);
			waitpid(q, NULL, 0);
			_exit(0);
		}
		waitpid(p, NULL, 0);
	}
	return now() - t;
}

/* The same job with `unshare --pid --uts --ipc --mount --fork`. */
static double b_unshare_churn(long n)
{
	double t = now();

	for (long i = 0; i < n; i++) {
		pid_t p = fork();

		if (!p) {
			pid_t q;

			if (unshare(CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC |
				    CLONE_NEWNS))
				_exit(1);
			q = fork();
			if (!q)
				_exit(0);
			waitpid(q, NULL, 0);
			_exit(0);
		}
		waitpid(p, NULL, 0);
	}
	return now() - t;
}

struct bench {
	const char *name;
	double (*fn)(long n);
	long n;
	double best[2];	/* seconds: [0] baseline, [1] subject */
};

/* Run fn in a child, in a fresh context if in_ctx, and return its time. */
static double run_side(struct bench *b, int in_ctx)
{
	int fd[2];
	double t = -1;
	pid_t p;

	if (pipe(fd))
		return -1;
	p = fork();
	if (!p) {
		close(fd[0]);
		if (in_ctx) {
			struct vcmd_ctx_create arg = { .flagword = VXF_INIT_SET };
			struct vcmd_ctx_flags fl = { 0, VXF_STATE_SETUP };

			if (vs(VCMD_ctx_create, VC_DYNAMIC_ID, &arg) < 0)
				_exit(1);
			/* Out of setup: the bounding set applies, as in a guest. */
			if (vs(VCMD_set_cflags, VC_SAME_ID, &fl) < 0)
				_exit(1);
		}
		t = b->fn(b->n);
		if (write(fd[1], &t, sizeof(t)) != sizeof(t))
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &t, sizeof(t)) != sizeof(t))
		t = -1;
	close(fd[0]);
	waitpid(p, NULL, 0);
	return t;
}

static void keep_best(double *best, double t)
{
	if (t > 0 && (*best <= 0 || t < *best))
		*best = t;
}

/* -H: the host side alone, for kernels without the module. */
static int host_side(struct bench *micro, size_t n, int rounds,
		     const char *json, const char *tsv)
{
	FILE *j = json ? fopen(json, "w") : NULL;
	FILE *t = tsv ? fopen(tsv, "w") : NULL;
	struct utsname u;
	size_t i;

	for (int r = 0; r < rounds; r++)
		for (i = 0; i < n; i++)
			keep_best(&micro[i].best[0], run_side(&micro[i], 0));
	uname(&u);
	printf("## Host processes (%s %s, best of %d)\n\n", u.sysname,
	       u.release, rounds);
	printf("| benchmark | ns/op |\n|---|---:|\n");
	if (j)
		fprintf(j, "{\"kernel\": \"%s\", \"rounds\": %d, \"micro\": [",
			u.release, rounds);
	for (i = 0; i < n; i++) {
		double h = micro[i].best[0] / micro[i].n * 1e9;

		printf("| %s | %.0f |\n", micro[i].name, h);
		if (j)
			fprintf(j, "%s{\"name\": \"%s\", \"host_ns\": %.1f}",
				i ? ", " : "", micro[i].name, h);
		if (t)
			fprintf(t, "%s\t%.1f\t-\n", micro[i].name, h);
	}
	if (j) {
		fprintf(j, "]}\n");
		fclose(j);
	}
	if (t)
		fclose(t);
	unlink("/tmp/bench.file");
	return 0;
}

int main(int argc, char **argv)
{
	struct bench micro[] = {
		{ "getpid", b_getpid, 200000, { 0, 0 } },
		{ "open+close", b_open, 50000, { 0, 0 } },
		{ "stat", b_stat, 100000, { 0, 0 } },
		{ "fork+exit", b_fork, 2000, { 0, 0 } },
		{ "kill(pid, 0)", b_kill, 200000, { 0, 0 } },
		{ "pipe ping-pong", b_pipe, 20000, { 0, 0 } },
	};
	struct bench churn = { "context churn", NULL, 500, { 0, 0 } };
	const char *json = NULL, *tsv = NULL;
	int rounds = 5, c, host_only = 0;
	struct utsname u;
	FILE *j = NULL, *t = NULL;
	size_t i;

	while ((c = getopt(argc, argv, "Hr:j:t:")) != -1) {
		switch (c) {
		case 'H':
			host_only = 1;
			break;
		case 't':
			tsv = optarg;
			break;
		case 'r':
			rounds = atoi(optarg);
			break;
		case 'j':
			json = optarg;
			break;
		default:
			fprintf(stderr, "usage: bench [-H] [-r rounds] [-j file.json] [-t file.tsv]\n");
			return 2;
		}
	}
	close(open("/tmp/bench.file", O_CREAT | O_WRONLY, 0644));
	if (host_only)
		return host_side(micro, sizeof(micro) / sizeof(micro[0]),
				 rounds, json, tsv);

	for (int r = 0; r < rounds; r++) {
		for (i = 0; i < sizeof(micro) / sizeof(micro[0]); i++) {
			keep_best(&micro[i].best[0], run_side(&micro[i], 0));
			keep_best(&micro[i].best[1], run_side(&micro[i], 1));
		}
		churn.fn = b_unshare_churn;
		keep_best(&churn.best[0], run_side(&churn, 0));
		churn.fn = b_ctx_churn;
		keep_best(&churn.best[1], run_side(&churn, 0));
	}

	uname(&u);
	printf("## Processes in a context vs. on the host (%s %s, %ld CPUs, best of %d)\n\n",
	       u.sysname, u.release, sysconf(_SC_NPROCESSORS_ONLN), rounds);
	printf("| benchmark | host ns/op | context ns/op | context/host |\n");
	printf("|---|---:|---:|---:|\n");
	if (json) {
		j = fopen(json, "w");
		if (j)
			fprintf(j, "{\"kernel\": \"%s\", \"rounds\": %d, \"micro\": [",
				u.release, rounds);
	}
	if (tsv)
		t = fopen(tsv, "w");
	for (i = 0; i < sizeof(micro) / sizeof(micro[0]); i++) {
		struct bench *b = &micro[i];
		double h = b->best[0] / b->n * 1e9, x = b->best[1] / b->n * 1e9;

		printf("| %s | %.0f | %.0f | %.3f |\n", b->name, h, x, x / h);
		if (t)
			fprintf(t, "%s\t%.1f\t%.1f\n", b->name, h, x);
		if (j)
			fprintf(j, "%s{\"name\": \"%s\", \"host_ns\": %.1f, \"context_ns\": %.1f, \"ratio\": %.4f}",
				i ? ", " : "", b->name, h, x, x / h);
	}
	printf("\n## Isolated environments created, entered and destroyed per second\n\n");
	printf("| method | per second | vs. unshare |\n|---|---:|---:|\n");
	printf("| unshare --pid --uts --ipc --mount --fork | %.0f | 1.000 |\n",
	       churn.n / churn.best[0]);
	printf("| vserver context (create, enter, last task exits) | %.0f | %.3f |\n",
	       churn.n / churn.best[1], churn.best[0] / churn.best[1]);
	if (j) {
		fprintf(j, "], \"churn\": {\"unshare_per_s\": %.1f, \"context_per_s\": %.1f, \"ratio\": %.4f}}\n",
			churn.n / churn.best[0], churn.n / churn.best[1],
			churn.best[0] / churn.best[1]);
		fclose(j);
	}
	if (t)
		fclose(t);
	unlink("/tmp/bench.file");
	return 0;
}
