// SPDX-License-Identifier: GPL-2.0
/*
 * nattribute - show or change the flags and capabilities of a network context
 *
 * Command-line compatible with util-vserver's nattribute; see
 * nattribute(8).
 */

#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_NA_FAILURE	1
#define EXIT_NA_USAGE	255

enum {
	OPT_NID = CHAR_MAX + 1,
	OPT_SET,
	OPT_GET,
	OPT_NCAP,
	OPT_FLAG,
	OPT_SECURE,
};

static struct options {
	bool get, have_nid;
	uint32_t nid;
	struct vs_change ncaps, flags;
} opts;

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s [--nid <nid>] --get [-- <program> [<arg>...]]\n"
		" %1$s [--nid <nid>] --set [--ncap [~!]<cap>] [--flag [~!]<flag>]\n"
		"            [--secure] [-- <program> [<arg>...]]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Show or change the capabilities and flags of a network context.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --nid <nid>      the network context (default: the current one)\n", out);
	fputs("     --get            print the network capabilities and flags\n", out);
	fputs("     --set            change them (the default)\n", out);
	fputs("     --ncap <list>    network capabilities to set, or clear with ~\n", out);
	fputs("     --flag <list>    network flags to set, or clear with ~\n", out);
	fputs("     --secure         set the raw_icmp capability and hide_netif\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("nattribute(8)"), out);
	exit(EXIT_SUCCESS);
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "nid", required_argument, NULL, OPT_NID },
		{ "set", no_argument, NULL, OPT_SET },
		{ "get", no_argument, NULL, OPT_GET },
		{ "ncap", required_argument, NULL, OPT_NCAP },
		{ "flag", required_argument, NULL, OPT_FLAG },
		{ "secure", no_argument, NULL, OPT_SECURE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_NID:
			opts.nid = vs_nid_arg(optarg, EXIT_NA_FAILURE);
			opts.have_nid = true;
			break;
		case OPT_SET:
			opts.get = false;
			break;
		case OPT_GET:
			opts.get = true;
			break;
		case OPT_NCAP:
			vs_change_arg(optarg, vs_ncap_names, "NXC_", "ncap",
				      &opts.ncaps, EXIT_NA_FAILURE);
			break;
		case OPT_FLAG:
			vs_change_arg(optarg, vs_nflag_names, "NXF_", "flag",
				      &opts.flags, EXIT_NA_FAILURE);
			break;
		case OPT_SECURE:
			opts.ncaps.value |= NXC_RAW_ICMP;
			opts.ncaps.mask |= NXC_RAW_ICMP;
			opts.flags.value |= NXF_HIDE_NETIF;
			opts.flags.mask |= NXF_HIDE_NETIF;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_NA_USAGE);
		}
	}
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);

	if (!opts.have_nid) {
		long nid = vc_task_nid(0);

		if (nid < 0)
			err(EXIT_NA_FAILURE, "cannot get the current network context");
		opts.nid = nid;
	}

	if (opts.get) {
		struct vcmd_net_flags flags;
		struct vcmd_net_caps caps;

		if (vc_get_ncaps(opts.nid, &caps) < 0)
			err(EXIT_NA_FAILURE,
			    "cannot get the capabilities of network context %u",
			    opts.nid);
		if (vc_get_nflags(opts.nid, &flags) < 0)
			err(EXIT_NA_FAILURE,
			    "cannot get the flags of network context %u", opts.nid);
		vs_print_list("ncapabilities", caps.ncaps, vs_ncap_names,
			      EXIT_NA_FAILURE);
		vs_print_list("nflags", flags.flagword, vs_nflag_names,
			      EXIT_NA_FAILURE);
		if (fflush(stdout) == EOF)
			err(EXIT_NA_FAILURE, "write error");
	} else {
		if (opts.ncaps.mask &&
		    vc_set_ncaps(opts.nid, opts.ncaps.value, opts.ncaps.mask) < 0)
			err(EXIT_NA_FAILURE,
			    "cannot set the capabilities of network context %u",
			    opts.nid);
		if (opts.flags.mask &&
		    vc_set_nflags(opts.nid, opts.flags.value, opts.flags.mask) < 0)
			err(EXIT_NA_FAILURE,
			    "cannot set the flags of network context %u", opts.nid);
	}

	if (optind < argc) {
		execvp(argv[optind], argv + optind);
		errexec(argv[optind]);
	}
	return EXIT_SUCCESS;
}
