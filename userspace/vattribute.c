// SPDX-License-Identifier: GPL-2.0
/*
 * vattribute - show or change the capabilities and flags of a context
 *
 * Command-line compatible with util-vserver's vattribute; see
 * vattribute(8).
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VA_FAILURE	1
#define EXIT_VA_USAGE	255

enum {
	OPT_XID = CHAR_MAX + 1,
	OPT_SET,
	OPT_GET,
	OPT_BCAP,
	OPT_CCAP,
	OPT_FLAG,
	OPT_SECURE,
	OPT_UMASK,
};

static struct options {
	bool get;
	bool have_xid;
	uint32_t xid;
	struct vs_change bcaps, ccaps, flags, umask;
} opts;

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s [--xid <xid>] --get [-- <program> [<arg>...]]\n"
		" %1$s [--xid <xid>] --set [--bcap [~!]<cap>] [--ccap [~!]<cap>]\n"
		"            [--flag [~!]<flag>] [--umask [~!]<ns>] [--secure]\n"
		"            [-- <program> [<arg>...]]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Show or change the capabilities and flags of a security context.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --xid <xid>      the context (default: the current one)\n", out);
	fputs("     --get            print the bounding set, context capabilities, flags\n"
	      "                        and unshare mask\n", out);
	fputs("     --set            change them (the default)\n", out);
	fputs("     --bcap <list>    capabilities to remove from the bounding set (~CAP)\n", out);
	fputs("     --ccap <list>    context capabilities to set, or clear with ~\n", out);
	fputs("     --flag <list>    context flags to set, or clear with ~\n", out);
	fputs("     --umask <list>   kinds of namespace the context may create, or ~ not\n", out);
	fputs("     --secure         the secure bounding set, no context capabilities,\n"
	      "                        and hide_netif\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vattribute(8)"), out);
	exit(EXIT_SUCCESS);
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "xid", required_argument, NULL, OPT_XID },
		{ "set", no_argument, NULL, OPT_SET },
		{ "get", no_argument, NULL, OPT_GET },
		{ "bcap", required_argument, NULL, OPT_BCAP },
		{ "ccap", required_argument, NULL, OPT_CCAP },
		{ "flag", required_argument, NULL, OPT_FLAG },
		{ "secure", no_argument, NULL, OPT_SECURE },
		{ "umask", required_argument, NULL, OPT_UMASK },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_XID:
			opts.xid = vs_xid_arg(optarg, EXIT_VA_FAILURE);
			opts.have_xid = true;
			break;
		case OPT_SET:
			opts.get = false;
			break;
		case OPT_GET:
			opts.get = true;
			break;
		case OPT_BCAP:
			vs_change_arg(optarg, vs_bcap_names, "CAP_", "bcap",
				      &opts.bcaps, EXIT_VA_FAILURE);
			break;
		case OPT_CCAP:
			vs_change_arg(optarg, vs_ccap_names, "VXC_", "ccap",
				      &opts.ccaps, EXIT_VA_FAILURE);
			break;
		case OPT_FLAG:
			vs_change_arg(optarg, vs_cflag_names, NULL, "flag",
				      &opts.flags, EXIT_VA_FAILURE);
			break;
		case OPT_UMASK:
			vs_change_arg(optarg, vs_umask_names, NULL, "umask",
				      &opts.umask, EXIT_VA_FAILURE);
			break;
		case OPT_SECURE:
			opts.bcaps.value = vs_secure_bcaps;
			opts.bcaps.mask = ~0ULL;
			opts.ccaps.value = 0;
			opts.ccaps.mask = VXC_ALL;
			opts.flags.value |= VXF_HIDE_NETIF;
			opts.flags.mask |= VXF_HIDE_NETIF;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VA_USAGE);
		}
	}
}

static void do_get(void)
{
	struct vcmd_ctx_flags flags;
	struct vcmd_ctx_caps ccaps;
	struct vcmd_bcaps bcaps;
	struct vcmd_umask umask;

	if (vc_get_bcaps(opts.xid, &bcaps) < 0)
		err(EXIT_VA_FAILURE, "cannot get the bounding set of context %u",
		    opts.xid);
	if (vc_get_ccaps(opts.xid, &ccaps) < 0)
		err(EXIT_VA_FAILURE, "cannot get the capabilities of context %u",
		    opts.xid);
	if (vc_get_cflags(opts.xid, &flags) < 0)
		err(EXIT_VA_FAILURE, "cannot get the flags of context %u",
		    opts.xid);
	if (vc_get_umask(opts.xid, &umask) < 0)
		err(EXIT_VA_FAILURE, "cannot get the unshare mask of context %u",
		    opts.xid);
	vs_print_list("bcapabilities", bcaps.bcaps, vs_bcap_names,
		      EXIT_VA_FAILURE);
	vs_print_list("ccapabilities", ccaps.ccaps, vs_ccap_names,
		      EXIT_VA_FAILURE);
	vs_print_list("flags", flags.flagword, vs_cflag_names,
		      EXIT_VA_FAILURE);
	vs_print_list("umask", umask.umask, vs_umask_names, EXIT_VA_FAILURE);
	if (fflush(stdout) == EOF)
		err(EXIT_VA_FAILURE, "write error");
}

static void do_set(void)
{
	if (opts.bcaps.mask &&
	    vc_set_bcaps(opts.xid, opts.bcaps.value, opts.bcaps.mask) < 0)
		err(EXIT_VA_FAILURE, "cannot set the bounding set of context %u",
		    opts.xid);
	if (opts.ccaps.mask &&
	    vc_set_ccaps(opts.xid, opts.ccaps.value, opts.ccaps.mask) < 0)
		err(EXIT_VA_FAILURE, "cannot set the capabilities of context %u",
		    opts.xid);
	if (opts.flags.mask &&
	    vc_set_cflags(opts.xid, opts.flags.value, opts.flags.mask) < 0)
		err(EXIT_VA_FAILURE, "cannot set the flags of context %u",
		    opts.xid);
	if (opts.umask.mask &&
	    vc_set_umask(opts.xid, opts.umask.value, opts.umask.mask) < 0)
		err(EXIT_VA_FAILURE, "cannot set the unshare mask of context %u",
		    opts.xid);
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);

	if (!opts.have_xid) {
		long xid = vc_task_xid(0);

		if (xid < 0)
			err(EXIT_VA_FAILURE, "cannot get the current context");
		opts.xid = xid;
	}

	if (opts.get)
		do_get();
	else
		do_set();

	if (optind < argc) {
		execvp(argv[optind], argv + optind);
		errexec(argv[optind]);
	}
	return EXIT_SUCCESS;
}
