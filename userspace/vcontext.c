// SPDX-License-Identifier: GPL-2.0
/*
 * vcontext - create or enter a security context and run a program in it
 *
 * Command-line compatible with util-vserver's vcontext for the options it
 * implements; see vcontext(8).
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
#include "lib/disconnect.h"
#include "lib/parse.h"
#include "lib/vserver.h"

/* util-vserver's wrapper exit codes */
#define EXIT_VC_FAILURE	255
#define EXIT_VC_EXISTS	254

enum {
	OPT_CREATE = CHAR_MAX + 1,
	OPT_MIGRATE,
	OPT_MIGRATE_SELF,
	OPT_XID,
	OPT_SILENT,
	OPT_SILENTEXIST,
	OPT_DISCONNECT,
	OPT_ENDSETUP,
	OPT_CHROOT,
	OPT_INITPID,
	OPT_UID,
	OPT_CLOSEFD,
};

/**
 * struct options - what the command line asked for
 * @create: --create
 * @migrate: --migrate or --migrate-self
 * @migrate_self: --migrate-self
 * @xid: the --xid argument, VC_DYNAMIC_ID when not given
 * @have_xid: --xid was given
 * @silent: --silent
 * @silentexist: --silentexist
 * @disconnect: --disconnect
 * @endsetup: --endsetup
 * @chroot: --chroot
 * @initpid: --initpid
 * @uid: the --uid argument, -1 when not given
 * @closefd: --closefd
 */
static struct options {
	bool create, migrate, migrate_self, have_xid;
	bool silent, silentexist, disconnect, endsetup, chroot, initpid;
	bool closefd;
	uint32_t xid;
	long long uid;
} opts = {
	.xid = VC_DYNAMIC_ID,
	.uid = -1,
};

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s --create [--xid <xid>] [<options>] -- <program> [<arg>...]\n"
		" %1$s --migrate --xid <xid> [<options>] -- <program> [<arg>...]\n"
		" %1$s --migrate-self [<options>] -- <program> [<arg>...]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Create a security context, or move into one, and run a program in it.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --create         create a new context and enter it\n", out);
	fputs("     --migrate        enter the existing context given by --xid\n", out);
	fputs("     --migrate-self   stay in the current context (apply the other options)\n", out);
	fputs("     --xid <xid>      context number, 'self' or vserver name;\n"
	      "                        without it --create picks a dynamic xid\n", out);
	fputs("     --endsetup       end the setup phase of the context\n", out);
	fputs("     --initpid        make this process the init of the context\n"
	      "                        (with --migrate)\n", out);
	fputs("     --chroot         chroot into the current directory\n", out);
	fputs("     --uid <uid>      change to the numeric user id before running\n", out);
	fputs("     --disconnect     run the program in the background, in a new session;\n"
	      "                        return once it runs, or with its failure\n", out);
	fputs("     --closefd        close every file descriptor above 2\n", out);
	fputs("     --silent         do not print the new context's number\n", out);
	fputs("     --silentexist    be silent when the context exists already\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vcontext(8)"), out);
	exit(EXIT_SUCCESS);
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "create", no_argument, NULL, OPT_CREATE },
		{ "migrate", no_argument, NULL, OPT_MIGRATE },
		{ "migrate-self", no_argument, NULL, OPT_MIGRATE_SELF },
		{ "xid", required_argument, NULL, OPT_XID },
		{ "silent", no_argument, NULL, OPT_SILENT },
		{ "silentexist", no_argument, NULL, OPT_SILENTEXIST },
		{ "disconnect", no_argument, NULL, OPT_DISCONNECT },
		{ "endsetup", no_argument, NULL, OPT_ENDSETUP },
		{ "chroot", no_argument, NULL, OPT_CHROOT },
		{ "initpid", no_argument, NULL, OPT_INITPID },
		{ "fakeinit", no_argument, NULL, OPT_INITPID },
		{ "uid", required_argument, NULL, OPT_UID },
		{ "closefd", no_argument, NULL, OPT_CLOSEFD },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t v;
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
		case OPT_XID:
			opts.xid = vs_xid_arg(optarg, EXIT_VC_FAILURE);
			opts.have_xid = true;
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
		case OPT_ENDSETUP:
			opts.endsetup = true;
			break;
		case OPT_CHROOT:
			opts.chroot = true;
			break;
		case OPT_INITPID:
			opts.initpid = true;
			break;
		case OPT_UID:
			if (vs_parse_u64(optarg, UINT32_MAX - 1, &v))
				errx(EXIT_VC_FAILURE, "invalid uid '%s'", optarg);
			opts.uid = v;
			break;
		case OPT_CLOSEFD:
			opts.closefd = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VC_FAILURE);
		}
	}

	if (opts.create == opts.migrate) {
		warnx("exactly one of --create and --migrate is needed");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (opts.migrate && !opts.migrate_self && !opts.have_xid) {
		warnx("--migrate needs --xid");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (opts.initpid && (!opts.migrate || opts.migrate_self)) {
		warnx("--initpid can only be used with --migrate");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (optind >= argc) {
		warnx("no program given");
		errtryhelp(EXIT_VC_FAILURE);
	}
}

static void do_create(void)
{
	long xid = vc_ctx_create(opts.xid, VXF_INIT_SET);

	if (xid < 0) {
		if (errno == EEXIST || errno == EBUSY) {
			if (opts.silentexist)
				exit(EXIT_VC_EXISTS);
			err(EXIT_VC_EXISTS, "cannot create context %u", opts.xid);
		}
		if (opts.xid == VC_DYNAMIC_ID)
			err(EXIT_VC_FAILURE, "cannot create a dynamic context");
		err(EXIT_VC_FAILURE, "cannot create context %u", opts.xid);
	}
	opts.xid = xid;
	if (!opts.silent) {
		printf("New security context is %ld\n", xid);
		fflush(stdout);
	}
}

static void do_migrate(void)
{
	uint64_t flags = opts.initpid ? VXM_SET_INIT : 0;

	if (opts.migrate_self) {
		long xid = vc_task_xid(0);

		if (xid < 0)
			err(EXIT_VC_FAILURE, "cannot get the current context");
		opts.xid = xid;
		return;
	}
	if (vc_ctx_migrate(opts.xid, flags) < 0)
		err(EXIT_VC_FAILURE, "cannot enter context %u", opts.xid);
}

static void close_fds(void)
{
	long max = sysconf(_SC_OPEN_MAX);
	int fd;

	if (max < 0 || max > 65536)
		max = 65536;
	for (fd = 3; fd < max; fd++)
		if (fd != vs_disconnect_fd())
			close(fd);
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);

	if (opts.create)
		do_create();
	else
		do_migrate();

	if (opts.endsetup &&
	    vc_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP) < 0)
		err(EXIT_VC_FAILURE, "cannot end the setup of context %u",
		    opts.xid);

	if (opts.chroot) {
		if (chroot(".") < 0)
			err(EXIT_VC_FAILURE, "cannot chroot into the current directory");
		if (chdir("/") < 0)
			err(EXIT_VC_FAILURE, "cannot chdir to /");
	}

	if (opts.disconnect)
		vs_disconnect(EXIT_VC_FAILURE);

	if (opts.uid >= 0 && setuid((uid_t)opts.uid) < 0)
		err(EXIT_VC_FAILURE, "cannot change to uid %lld", opts.uid);

	if (opts.closefd)
		close_fds();

	execvp(argv[optind], argv + optind);
	errexec(argv[optind]);
}
