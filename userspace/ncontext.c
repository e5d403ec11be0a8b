// SPDX-License-Identifier: GPL-2.0
/*
 * ncontext - create or enter a network context and run a program in it
 *
 * Command-line compatible with util-vserver's ncontext for the options it
 * implements; see ncontext(8).
 */

#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/disconnect.h"
#include "lib/parse.h"
#include "lib/vserver.h"

/* util-vserver's wrapper exit codes */
#define EXIT_NC_FAILURE	255
#define EXIT_NC_EXISTS	254

enum {
	OPT_CREATE = CHAR_MAX + 1,
	OPT_MIGRATE,
	OPT_MIGRATE_SELF,
	OPT_NID,
	OPT_SILENT,
	OPT_SILENTEXIST,
	OPT_DISCONNECT,
};

/**
 * struct options - what the command line asked for
 * @create: --create
 * @migrate: --migrate or --migrate-self
 * @migrate_self: --migrate-self
 * @have_nid: --nid was given
 * @silent: --silent
 * @silentexist: --silentexist
 * @disconnect: --disconnect
 * @nid: the --nid argument, VC_DYNAMIC_ID when not given
 */
static struct options {
	bool create, migrate, migrate_self, have_nid;
	bool silent, silentexist, disconnect;
	uint32_t nid;
} opts = {
	.nid = VC_DYNAMIC_ID,
};

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s --create [--nid <nid>] [<options>] -- <program> [<arg>...]\n"
		" %1$s --migrate --nid <nid> [<options>] -- <program> [<arg>...]\n"
		" %1$s --migrate-self [<options>] -- <program> [<arg>...]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Create a network context, or move into one, and run a program in it.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --create         create a new network context and enter it\n", out);
	fputs("     --migrate        enter the existing network context given by --nid\n", out);
	fputs("     --migrate-self   stay in the current network context\n", out);
	fputs("     --nid <nid>      network context number, 'self' or vserver name;\n"
	      "                        without it --create picks a dynamic nid\n", out);
	fputs("     --disconnect     run the program in the background, in a new session\n", out);
	fputs("     --silent         do not print the new network context's number\n", out);
	fputs("     --silentexist    be silent when the network context exists already\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("ncontext(8)"), out);
	exit(EXIT_SUCCESS);
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "create", no_argument, NULL, OPT_CREATE },
		{ "migrate", no_argument, NULL, OPT_MIGRATE },
		{ "migrate-self", no_argument, NULL, OPT_MIGRATE_SELF },
		{ "nid", required_argument, NULL, OPT_NID },
		{ "silent", no_argument, NULL, OPT_SILENT },
		{ "silentexist", no_argument, NULL, OPT_SILENTEXIST },
		{ "disconnect", no_argument, NULL, OPT_DISCONNECT },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CREATE:
			opts.create = true;
			break;
		case OPT_MIGRATE:
			opts.migrate = true;
			break;
		case OPT_MIGRATE_SELF:
			opts.migrate = opts.migrate_self = true;
			break;
		case OPT_NID:
			opts.nid = vs_nid_arg(optarg, EXIT_NC_FAILURE);
			opts.have_nid = true;
			break;
		case OPT_SILENT:
			opts.silent = true;
			break;
		case OPT_SILENTEXIST:
			opts.silentexist = true;
			break;
		case OPT_DISCONNECT:
			opts.disconnect = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_NC_FAILURE);
		}
	}

	if (opts.create == opts.migrate) {
		warnx("exactly one of --create and --migrate is needed");
		errtryhelp(EXIT_NC_FAILURE);
	}
	if (opts.migrate && !opts.migrate_self && !opts.have_nid) {
		warnx("--migrate needs --nid");
		errtryhelp(EXIT_NC_FAILURE);
	}
	if (optind >= argc) {
		warnx("no program given");
		errtryhelp(EXIT_NC_FAILURE);
	}
}

int main(int argc, char **argv)
{
	long nid;

	parse_args(argc, argv);

	if (opts.create) {
		nid = vc_net_create(opts.nid, 0);
		if (nid < 0) {
			if (errno == EEXIST) {
				if (opts.silentexist)
					exit(EXIT_NC_EXISTS);
				err(EXIT_NC_EXISTS,
				    "cannot create network context %u", opts.nid);
			}
			if (opts.nid == VC_DYNAMIC_ID)
				err(EXIT_NC_FAILURE,
				    "cannot create a dynamic network context");
			err(EXIT_NC_FAILURE, "cannot create network context %u",
			    opts.nid);
		}
		if (!opts.silent) {
			printf("New network context is %ld\n", nid);
			fflush(stdout);
		}
	} else if (!opts.migrate_self && vc_net_migrate(opts.nid) < 0) {
		err(EXIT_NC_FAILURE, "cannot enter network context %u", opts.nid);
	}

	if (opts.disconnect)
		vs_disconnect(EXIT_NC_FAILURE);

	execvp(argv[optind], argv + optind);
	errexec(argv[optind]);
}
