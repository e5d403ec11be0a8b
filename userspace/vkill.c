// SPDX-License-Identifier: GPL-2.0
/*
 * vkill - send a signal to the processes of a context
 *
 * Command-line compatible with util-vserver's vkill; see vkill(8).
 */

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out, " %s [--xid|-c <xid>] [-s <signal>] [--] [<pid>...]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Send a signal to processes of a security context.  Without a pid,\n"
	      "every process of the context given by --xid gets it; pid 1 is the\n"
	      "context's init.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs(" -c, --xid <xid>      the context\n", out);
	fputs(" -s <signal>          signal number or name, such as HUP or SIGHUP\n"
	      "                        (default TERM)\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vkill(8)"), out);
	exit(EXIT_SUCCESS);
}

static int parse_signal(const char *s)
{
	uint64_t v;
	int i;

	if (!vs_parse_u64(s, _NSIG - 1, &v))
		return v;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (i = 1; i < _NSIG; i++) {
		const char *abbrev = sigabbrev_np(i);

		if (abbrev && !strcasecmp(abbrev, s))
			return i;
	}
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "xid", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	bool have_xid = false;
	int c, ret, sig = SIGTERM, status = EXIT_SUCCESS;
	uint32_t xid = 0;

	while ((c = getopt_long(argc, argv, "+c:s:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			xid = vs_xid_arg(optarg, EXIT_FAILURE);
			have_xid = true;
			break;
		case 's':
			sig = parse_signal(optarg);
			if (sig < 0)
				errx(EXIT_FAILURE, "invalid signal '%s'", optarg);
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}

	if (optind == argc) {
		if (!have_xid) {
			warnx("no pid and no --xid given");
			errtryhelp(EXIT_FAILURE);
		}
		if (vc_ctx_kill(xid, 0, sig) < 0)
			err(EXIT_FAILURE, "cannot signal context %u", xid);
		return EXIT_SUCCESS;
	}

	for (; optind < argc; optind++) {
		uint64_t pid;

		if (vs_parse_u64(argv[optind], INT32_MAX, &pid)) {
			warnx("invalid pid '%s'", argv[optind]);
			status = EXIT_FAILURE;
			continue;
		}
		if (have_xid)
			ret = vc_ctx_kill(xid, (int)pid, sig);
		else
			ret = kill((pid_t)pid, sig);
		if (ret < 0) {
			warn("cannot signal %s", argv[optind]);
			status = EXIT_FAILURE;
		}
	}
	return status;
}
