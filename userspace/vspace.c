// SPDX-License-Identifier: GPL-2.0
/*
 * vspace, vnamespace - create, keep and enter the namespaces of a context
 *
 * Command-line compatible with util-vserver's vspace; vnamespace is vspace
 * with the mount namespace and root directory selected (--mount --fs).
 * See vspace(8).
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VS_FAILURE	255

enum {
	OPT_MASK = CHAR_MAX + 1,
	OPT_DEFAULT,
	OPT_XID,
};

static struct options {
	enum { OP_NONE, OP_NEW, OP_ENTER, OP_SET } op;
	uint32_t xid;
	uint32_t index;
	uint64_t mask;
	bool have_mask;
} opts = { .xid = VC_SAME_ID };

static const struct {
	const char *name;
	uint64_t bit;
} spaces[] = {
	{ "mount", VC_SPACE_NEWNS },
	{ "fs", VC_SPACE_FS },
	{ "ipc", VC_SPACE_NEWIPC },
	{ "uts", VC_SPACE_NEWUTS },
	{ "net", VC_SPACE_NEWNET },
	{ "cgroup", VC_SPACE_NEWCGROUP },
};

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s --new [<spaces>] -- <program> [<arg>...]\n"
		" %1$s --enter <xid> [--index <n>] [<spaces>] -- <program> [<arg>...]\n"
		" %1$s --set [--xid <xid>] [--index <n>] [<spaces>] -- <program> [<arg>...]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Create new namespaces, keep the current ones as a space of a context,\n"
	      "or enter a context's space, then run a program.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs(" -n, --new            unshare new namespaces\n", out);
	fputs(" -e, --enter <xid>    enter the space of context <xid>\n", out);
	fputs(" -s, --set            keep the current namespaces as the space of the\n"
	      "                        current context (or of --xid)\n", out);
	fputs(" -i, --index <n>      which space: 0 (default) or 1\n", out);
	fputs("     --xid <xid>      the context for --set\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(" Spaces (default: what the kernel suggests; vnamespace: --mount --fs):\n", out);
	fputs("     --mask <mask>    CLONE_* bits as a number\n", out);
	fputs("     --default        the kernel's default set\n", out);
	fputs("     --mount, --fs, --ipc, --uts, --net, --cgroup\n"
	      "                      add one; --~mount etc. remove one\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vspace(8)"), out);
	exit(EXIT_SUCCESS);
}

static uint64_t default_mask(void)
{
	struct vcmd_space_mask_v1 m;

	if (vc_syscall(VCMD_get_space_default, 0, &m) < 0)
		err(EXIT_VS_FAILURE, "cannot get the default space mask");
	return m.mask;
}

/* --mount, --~mount, --!mount and the others, by hand. */
static bool space_option(const char *arg)
{
	bool remove = false;
	size_t i;

	if (strncmp(arg, "--", 2))
		return false;
	arg += 2;
	if (*arg == '~' || *arg == '!') {
		remove = true;
		arg++;
	}
	for (i = 0; i < sizeof(spaces) / sizeof(spaces[0]); i++) {
		if (strcmp(arg, spaces[i].name))
			continue;
		if (remove)
			opts.mask &= ~spaces[i].bit;
		else
			opts.mask |= spaces[i].bit;
		opts.have_mask = true;
		return true;
	}
	return false;
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "new", no_argument, NULL, 'n' },
		{ "enter", required_argument, NULL, 'e' },
		{ "set", no_argument, NULL, 's' },
		{ "index", required_argument, NULL, 'i' },
		{ "xid", required_argument, NULL, OPT_XID },
		{ "mask", required_argument, NULL, OPT_MASK },
		{ "default", no_argument, NULL, OPT_DEFAULT },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t v;
	int c;

	if (!strcmp(program_invocation_short_name, "vnamespace")) {
		opts.mask = VC_SPACE_NEWNS | VC_SPACE_FS;
		opts.have_mask = true;
	}
	for (;;) {
		/* The per-space options are not in longopts: take them first. */
		if (optind < argc && space_option(argv[optind])) {
			optind++;
			continue;
		}
		c = getopt_long(argc, argv, "+ne:si:hV", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'n':
			opts.op = OP_NEW;
			break;
		case 'e':
			opts.op = OP_ENTER;
			opts.xid = vs_xid_arg(optarg, EXIT_VS_FAILURE);
			break;
		case 's':
			opts.op = OP_SET;
			break;
		case 'i':
			if (vs_parse_u64(optarg, VC_SPACES - 1, &v))
				errx(EXIT_VS_FAILURE, "invalid index '%s'", optarg);
			opts.index = v;
			break;
		case OPT_XID:
			opts.xid = vs_xid_arg(optarg, EXIT_VS_FAILURE);
			break;
		case OPT_MASK:
			if (vs_parse_u64(optarg, UINT64_MAX, &opts.mask))
				errx(EXIT_VS_FAILURE, "invalid mask '%s'", optarg);
			opts.have_mask = true;
			break;
		case OPT_DEFAULT:
			opts.mask = default_mask();
			opts.have_mask = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VS_FAILURE);
		}
	}
	if (opts.op == OP_NONE) {
		warnx("one of --new, --enter and --set is needed");
		errtryhelp(EXIT_VS_FAILURE);
	}
	if (optind >= argc) {
		warnx("no program given");
		errtryhelp(EXIT_VS_FAILURE);
	}
	if (!opts.have_mask)
		opts.mask = default_mask();
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);

	switch (opts.op) {
	case OP_NEW:
		/* CLONE_FS only matters when sharing: a new process has its own. */
		if (unshare((int)(opts.mask & ~VC_SPACE_FS)) < 0)
			err(EXIT_VS_FAILURE, "cannot create new namespaces");
		break;
	case OP_ENTER:
		if (vc_enter_space(opts.xid, opts.mask, opts.index) < 0)
			err(EXIT_VS_FAILURE, "cannot enter space %u of context %u",
			    opts.index, opts.xid);
		break;
	case OP_SET:
		if (vc_set_space(opts.xid, opts.mask, opts.index) < 0)
			err(EXIT_VS_FAILURE, "cannot set space %u of the context",
			    opts.index);
		break;
	case OP_NONE:
		break;
	}
	execvp(argv[optind], argv + optind);
	errexec(argv[optind]);
}
