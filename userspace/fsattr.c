// SPDX-License-Identifier: GPL-2.0
/*
 * setattr, showattr - change or show the vserver attributes of files
 *
 * Command-line compatible with util-vserver's setattr and showattr; see
 * setattr(8).  One program, two names.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_FS_FAILURE	1
#define EXIT_FS_USAGE	255

/* The attributes by name, in showattr's letter order "awhmbuicx". */
static const struct {
	const char *name;
	uint32_t bits;
	char letter;
} attrs[] = {
	{ "admin", IATTR_ADMIN, 'a' },
	{ "watch", IATTR_WATCH, 'w' },
	{ "hide", IATTR_HIDE, 'h' },
	{ "write", IATTR_WRITE, 'm' },
	{ "barrier", IATTR_BARRIER, 'b' },
	{ "iunlink-but-not-immutable", IATTR_IXUNLINK, 'u' },
	{ "immutable", IATTR_IMMUTABLE, 'i' },
	{ "cow", IATTR_COW, 'c' },
	{ "xid", IATTR_TAG, 'x' },
	/* Other spellings of util-vserver */
	{ "ixunlink", IATTR_IXUNLINK, 0 },
	{ "iunlink", IATTR_IXUNLINK | IATTR_IMMUTABLE, 0 },
	{ "immu", IATTR_IXUNLINK | IATTR_IMMUTABLE, 0 },
};

static struct options {
	bool set, recurse, one_fs, all, dir_itself;
	uint32_t flags, mask;
	dev_t dev;
} opts;

static int failed;

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	if (opts.set) {
		fprintf(out, " %s [-Rx] [--<attr>|--~<attr>|--!<attr>]... [--flags <n>] [--~flags <n>] <file>...\n",
			program_invocation_short_name);
		fputs(USAGE_SEPARATOR, out);
		fputs("Set or clear vserver attributes of files.\n", out);
		fputs(USAGE_OPTIONS, out);
		fputs(" --immu, --iunlink       immutable, but links may be removed (unified)\n", out);
		fputs(" --immutable             immutable only\n", out);
		fputs(" --ixunlink, --iunlink-but-not-immutable\n"
		      "                         links may be removed, content unchanged\n", out);
		fputs(" --cow                   a change gives the link a private copy\n", out);
		fputs(" --barrier               only the host may pass this directory\n", out);
		fputs(" --admin, --watch, --hide, --write\n"
		      "                         /proc entry visibility (not supported)\n", out);
		fputs(" --~<attr>, --!<attr>    clear the attribute\n", out);
		fputs(" --flags <n>, --~flags <n>\n"
		      "                         set or clear raw attribute bits\n", out);
		fputs(" -R                      recurse into directories\n", out);
		fputs(" -x                      do not cross filesystems\n", out);
		fputs(USAGE_SEPARATOR, out);
		fputs(USAGE_HELP, out);
		fputs(USAGE_VERSION, out);
		fputs(USAGE_MAN_TAIL("setattr(8)"), out);
	} else {
		fprintf(out, " %s [-Radx] [<file>...]\n",
			program_invocation_short_name);
		fputs(USAGE_SEPARATOR, out);
		fputs("Show the vserver attributes of files as the letters awhmbuicx\n"
		      "(admin, watch, hide, write, barrier, iunlink, immutable, cow, xid):\n"
		      "upper case set, lower case clear, '-' not supported.\n", out);
		fputs(USAGE_OPTIONS, out);
		fputs(" -R                      recurse into directories\n", out);
		fputs(" -a                      show dotfiles too\n", out);
		fputs(" -d                      show a directory itself, not its entries\n", out);
		fputs(" -x                      do not cross filesystems\n", out);
		fputs(USAGE_SEPARATOR, out);
		fputs(USAGE_HELP, out);
		fputs(USAGE_VERSION, out);
		fputs(USAGE_MAN_TAIL("showattr(8)"), out);
	}
	exit(EXIT_SUCCESS);
}

static void show(const char *path)
{
	uint32_t flags, mask;
	char letters[10];
	size_t i;

	if (vc_get_iattr(path, &flags, &mask) < 0) {
		warn("cannot get the attributes of %s", path);
		printf("ERR       %s\n", path);
		failed = 1;
		return;
	}
	for (i = 0; i < 9; i++) {
		char c = attrs[i].letter;

		if (!(mask & attrs[i].bits))
			letters[i] = '-';
		else
			letters[i] = flags & attrs[i].bits ? c - 'a' + 'A' : c;
	}
	letters[9] = '\0';
	printf("%s %s\n", letters, path);
}

static void set(const char *path, bool top)
{
	uint32_t flags, mask = opts.mask;

	/* With -R, each file gets only what it can have. */
	if (!top || opts.recurse) {
		if (vc_get_iattr(path, &flags, &mask) < 0) {
			warn("cannot get the attributes of %s", path);
			failed = 1;
			return;
		}
		mask &= opts.mask;
		if (!mask)
			return;
	}
	if (vc_set_iattr(path, opts.flags, mask) < 0) {
		warn("cannot set the attributes of %s", path);
		failed = 1;
	}
}

static void visit(const char *path, bool top);

static void walk_dir(const char *path)
{
	struct dirent **list;
	int n, i;

	n = scandir(path, &list, NULL, alphasort);
	if (n < 0) {
		warn("cannot read directory %s", path);
		failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		char *sub;

		if (!strcmp(name, ".") || !strcmp(name, "..") ||
		    (!opts.set && !opts.all && name[0] == '.')) {
			free(list[i]);
			continue;
		}
		if (asprintf(&sub, "%s/%s", strcmp(path, "/") ? path : "",
			     name) < 0)
			err(EXIT_FS_FAILURE, "out of memory");
		visit(sub, false);
		free(sub);
		free(list[i]);
	}
	free(list);
}

static void visit(const char *path, bool top)
{
	struct stat st;
	bool dir;

	if (lstat(path, &st) < 0) {
		warn("cannot stat %s", path);
		if (!opts.set)
			printf("ERR       %s\n", path);
		failed = 1;
		return;
	}
	dir = S_ISDIR(st.st_mode);
	if (top)
		opts.dev = st.st_dev;
	/* showattr lists a directory's entries unless -d, as ls does. */
	if (!(dir && top && !opts.set && !opts.dir_itself && !opts.recurse))
		opts.set ? set(path, top) : show(path);
	if (!dir || (opts.one_fs && st.st_dev != opts.dev))
		return;
	if (opts.recurse || (top && !opts.set && !opts.dir_itself))
		walk_dir(path);
}

/* --[~!]<attr> and --[~!]flags: one option each, as util-vserver has. */
static bool attr_option(const char *arg, const char *next, int *used)
{
	bool clear = arg[0] == '~' || arg[0] == '!';
	const char *name = arg + clear;
	uint64_t v;
	size_t i;

	*used = 0;
	if (!strcmp(name, "flags")) {
		if (!next || vs_parse_u64(next, UINT32_MAX, &v))
			errx(EXIT_FS_USAGE, "--%s needs a number", arg);
		*used = 1;
		opts.mask |= v;
		opts.flags = clear ? opts.flags & ~v : opts.flags | v;
		return true;
	}
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (!strcmp(name, attrs[i].name)) {
			opts.mask |= attrs[i].bits;
			opts.flags = clear ? opts.flags & ~attrs[i].bits :
					     opts.flags | attrs[i].bits;
			return true;
		}
	return false;
}

static int parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int i, used, c;

	/* The attribute options first: getopt_long cannot spell --~cow. */
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (opts.set && !strncmp(argv[i], "--", 2) &&
		    attr_option(argv[i] + 2, argv[i + 1], &used)) {
			memmove(&argv[i], &argv[i + 1 + used],
				(argc - i - used) * sizeof(*argv));
			argc -= 1 + used;
			i--;
		}
	}
	while ((c = getopt_long(argc, argv, "+RxadhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'R':
			opts.recurse = true;
			break;
		case 'x':
			opts.one_fs = true;
			break;
		case 'a':
			if (opts.set)
				errtryhelp(EXIT_FS_USAGE);
			opts.all = true;
			break;
		case 'd':
			if (opts.set)
				errtryhelp(EXIT_FS_USAGE);
			opts.dir_itself = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_FS_USAGE);
		}
	}
	if (opts.set && !opts.mask) {
		warnx("no attribute to change");
		errtryhelp(EXIT_FS_USAGE);
	}
	if (opts.set && optind >= argc) {
		warnx("no file given");
		errtryhelp(EXIT_FS_USAGE);
	}
	return argc;
}

int main(int argc, char **argv)
{
	opts.set = strcmp(program_invocation_short_name, "showattr") != 0;
	argc = parse_args(argc, argv);

	if (optind >= argc)
		visit(".", true);
	for (; optind < argc; optind++)
		visit(argv[optind], true);
	if (fflush(stdout) == EOF)
		err(EXIT_FS_FAILURE, "write error");
	return failed ? EXIT_FS_FAILURE : EXIT_SUCCESS;
}
