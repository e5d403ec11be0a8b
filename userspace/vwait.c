// SPDX-License-Identifier: GPL-2.0
/*
 * vwait - wait until a context has ended
 *
 * Command-line compatible with util-vserver's vwait; see vwait(8).
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VW_KILLED	1
#define EXIT_VW_TIMEOUT	2
#define EXIT_VW_ERROR	127

enum {
	OPT_TIMEOUT = CHAR_MAX + 1,
	OPT_TERMINATE,
	OPT_STATUS_FD,
};

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out, " %s [--timeout <seconds>] [--terminate] [--status-fd <fd>] [--] <xid>\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Wait until a security context has ended.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --timeout <seconds>  give up after this long\n", out);
	fputs("     --terminate          on timeout, kill the context's init, then\n"
	      "                            every process of the context\n", out);
	fputs("     --status-fd <fd>     write FINISHED, KILLED, TIMEOUT or ERROR\n"
	      "                            there\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vwait(8)"), out);
	exit(EXIT_SUCCESS);
}

static int status_fd = -1;

static void __attribute__((__noreturn__)) finish(int code, const char *fmt, long arg)
{
	if (status_fd >= 0) {
		dprintf(status_fd, fmt, arg);
		dprintf(status_fd, "\n");
	}
	exit(code);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "terminate", no_argument, NULL, OPT_TERMINATE },
		{ "status-fd", required_argument, NULL, OPT_STATUS_FD },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct vcmd_wait_exit res;
	struct sigaction sa;
	bool terminate = false;
	uint64_t timeout = 0, v;
	uint32_t xid;
	int c, ret;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_TIMEOUT:
			if (vs_parse_u64(optarg, UINT_MAX, &timeout))
				errx(EXIT_VW_ERROR, "invalid timeout '%s'", optarg);
			break;
		case OPT_TERMINATE:
			terminate = true;
			break;
		case OPT_STATUS_FD:
			if (vs_parse_u64(optarg, INT_MAX, &v))
				errx(EXIT_VW_ERROR, "invalid fd '%s'", optarg);
			status_fd = (int)v;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VW_ERROR);
		}
	}
	if (optind + 1 != argc) {
		warnx("exactly one xid is needed");
		errtryhelp(EXIT_VW_ERROR);
	}
	xid = vs_xid_arg(argv[optind], EXIT_VW_ERROR);

	if (timeout) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_alarm;
		/* No SA_RESTART: the alarm must interrupt wait_exit. */
		sigaction(SIGALRM, &sa, NULL);
		alarm((unsigned int)timeout);
	}

	if (vc_wait_exit(xid, &res) == 0)
		finish(EXIT_SUCCESS, "FINISHED %ld", res.exit_code);
	if (errno != EINTR || !timed_out) {
		ret = errno;
		warn("cannot wait for context %u", xid);
		finish(EXIT_VW_ERROR, "ERROR %ld", ret);
	}
	if (terminate) {
		vc_ctx_kill(xid, 1, SIGKILL);
		vc_ctx_kill(xid, 0, SIGKILL);
		finish(EXIT_VW_KILLED, "KILLED", 0);
	}
	finish(EXIT_VW_TIMEOUT, "TIMEOUT", 0);
}
