// SPDX-License-Identifier: GPL-2.0
/*
 * vuname - show or change the uts names of a context
 *
 * Command-line compatible with util-vserver's vuname; see vuname(8).
 */

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VU_FAILURE	255

static const char *const tags[VHIN_MAX + 1] = {
	[VHIN_CONTEXT] = "context",
	[VHIN_SYSNAME] = "sysname",
	[VHIN_NODENAME] = "nodename",
	[VHIN_RELEASE] = "release",
	[VHIN_VERSION] = "version",
	[VHIN_MACHINE] = "machine",
	[VHIN_DOMAINNAME] = "domainname",
};

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s [-g] --xid <xid> [<tag>...]\n"
		" %1$s -s --xid <xid> -t <tag>=<value> [-t <tag>=<value>...] [-- <program> [<arg>...]]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Show or change the uts names of a security context.  Tags are\n"
	      "context, sysname, nodename, release, version, machine and\n"
	      "domainname, or any unambiguous prefix, in any case.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs(" -g, --get            print the values, space-separated (default)\n", out);
	fputs(" -s, --set            change the values given with -t\n", out);
	fputs(" -t, --tag <t>=<v>    a value to set\n", out);
	fputs("     --xid <xid>      the context\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vuname(8)"), out);
	exit(EXIT_SUCCESS);
}

/* The field named by @s (up to @len characters), or -1. */
static int parse_tag(const char *s, size_t len)
{
	int i, found = -1;

	if (!len)
		return -1;
	for (i = 0; i <= VHIN_MAX; i++) {
		if (strlen(tags[i]) < len || strncasecmp(tags[i], s, len))
			continue;
		if (found >= 0)
			return -1;	/* ambiguous */
		found = i;
	}
	return found;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "get", no_argument, NULL, 'g' },
		{ "set", no_argument, NULL, 's' },
		{ "tag", required_argument, NULL, 't' },
		{ "xid", required_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct vcmd_vhi_name arg;
	char **sets = calloc(argc, sizeof(char *));
	int *fields = calloc(argc + VHIN_MAX + 1, sizeof(int));
	int nfields = 0;
	bool set = false, have_xid = false;
	int c, i, nsets = 0, status = EXIT_SUCCESS;
	uint32_t xid = 0;

	if (!sets || !fields)
		err(EXIT_VU_FAILURE, "cannot allocate memory");
	while ((c = getopt_long(argc, argv, "+gst:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'g':
			set = false;
			break;
		case 's':
			set = true;
			break;
		case 't':
			sets[nsets++] = optarg;
			break;
		case 'x':
			xid = vs_xid_arg(optarg, EXIT_VU_FAILURE);
			have_xid = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VU_FAILURE);
		}
	}
	if (!have_xid) {
		warnx("no --xid given");
		errtryhelp(EXIT_VU_FAILURE);
	}

	if (set) {
		for (i = 0; i < nsets; i++) {
			const char *eq = strchr(sets[i], '=');
			int field = eq ? parse_tag(sets[i], eq - sets[i]) : -1;

			if (field < 0)
				errx(EXIT_VU_FAILURE, "invalid tag '%s'", sets[i]);
			if (strlen(eq + 1) >= sizeof(arg.name))
				errx(EXIT_VU_FAILURE, "value of '%s' is too long",
				     sets[i]);
			memset(&arg, 0, sizeof(arg));
			arg.field = field;
			strcpy(arg.name, eq + 1);
			if (vc_syscall(VCMD_set_vhi_name, xid, &arg) < 0)
				err(EXIT_VU_FAILURE, "cannot set %s of context %u",
				    tags[field], xid);
		}
		if (optind < argc) {
			execvp(argv[optind], argv + optind);
			errexec(argv[optind]);
		}
		return EXIT_SUCCESS;
	}

	/* Without tags, all of them in field order. */
	if (optind == argc)
		for (i = 0; i <= VHIN_MAX; i++)
			fields[nfields++] = i;
	for (; optind < argc; optind++) {
		fields[nfields] = parse_tag(argv[optind], strlen(argv[optind]));
		if (fields[nfields] < 0)
			errx(EXIT_VU_FAILURE, "invalid tag '%s'", argv[optind]);
		nfields++;
	}
	for (i = 0; i < nfields; i++) {
		memset(&arg, 0, sizeof(arg));
		arg.field = fields[i];
		if (vc_syscall(VCMD_get_vhi_name, xid, &arg) < 0) {
			strcpy(arg.name, "???");
			status = EXIT_VU_FAILURE;
		}
		printf("%s%s", i ? " " : "", arg.name);
	}
	printf("\n");
	free(fields);
	free(sets);
	return status;
}
