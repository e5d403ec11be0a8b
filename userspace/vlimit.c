// SPDX-License-Identifier: GPL-2.0
/*
 * vlimit - show and change the resource limits of a running vserver
 *
 * The limits are the cgroup v2 interface files of the guest's group
 * (/sys/fs/cgroup/vserver/NAME); see vlimit(8).  The kernel enforces them:
 * there is no accounting of our own.
 */

#include <dirent.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/c.h"
#include "lib/cgroup.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VL_FAILURE	255
#define EXIT_VL_USAGE	255

enum { OPT_DIR = 256, OPT_MISSINGOK, OPT_NPROC, OPT_RSS, OPT_AS,
       OPT_FILE = 1024 };

/**
 * struct change - one limit to set
 * @file: the cgroup file
 * @value: the value as given
 * @origin: where it came from, for messages
 */
struct change {
	const char *file;
	char *value;
	char *origin;
};

static struct change *changes;
static size_t nchanges;

static void __attribute__((noreturn)) usage(void)
{
	const char *const *f;

	fputs(USAGE_HEADER, stdout);
	printf(" %s [-c] <vserver> [-a]\n", program_invocation_short_name);
	printf(" %s [-c] <vserver> --<file> <value>... [--dir <dir> [--missingok]]\n",
	       program_invocation_short_name);
	fputs(USAGE_SEPARATOR, stdout);
	fputs("Show or change the cgroup limits of a running vserver.\n", stdout);
	fputs(USAGE_OPTIONS, stdout);
	fputs(" -c, --xid <vserver>  the vserver: a name or its context number\n"
	      " -a, --all            show the limits and what is used (the default)\n"
	      "     --dir <dir>      set the limits of the files in <dir> (like the\n"
	      "                        configuration's cgroup/ directory)\n"
	      "     --missingok      no error if <dir> does not exist\n"
	      "     --nproc <n>      the same as --pids.max\n"
	      "     --rss <bytes>, --as <bytes>\n"
	      "                      the same as --memory.max\n", stdout);
	fputs(" --<file> <value>     set a cgroup file; the files:\n   ", stdout);
	for (f = vs_cgroup_files; *f; f++)
		printf(" %s", *f);
	fputs("\n\nValues: bytes with k, K, m, M, g or G; \"inf\" or \"max\" for no limit;\n"
	      "cpu.max also as a percentage of one CPU (\"50%\").\n", stdout);
	fputs(USAGE_HELP, stdout);
	fputs(USAGE_VERSION, stdout);
	fputs(USAGE_MAN_TAIL("vlimit(8)"), stdout);
	exit(EXIT_SUCCESS);
}

static void add_change(const char *file, const char *value, const char *origin)
{
	struct change *c = realloc(changes, (nchanges + 1) * sizeof(*c));

	if (!c)
		err(EXIT_VL_FAILURE, "cannot allocate memory");
	changes = c;
	c[nchanges].file = file;
	c[nchanges].value = strdup(value);
	c[nchanges].origin = strdup(origin);
	if (!c[nchanges].value || !c[nchanges].origin)
		err(EXIT_VL_FAILURE, "cannot allocate memory");
	nchanges++;
}

/* --dir: every file must be a known cgroup file. */
static void read_dir(const char *dir, bool missingok)
{
	char path[PATH_MAX * 2], value[256];
	const char *const *f;
	struct dirent *de;
	DIR *d = opendir(dir);
	FILE *fp;

	if (!d) {
		if (missingok && errno == ENOENT)
			return;
		err(EXIT_VL_FAILURE, "cannot read %s", dir);
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		for (f = vs_cgroup_files; *f; f++)
			if (!strcmp(*f, de->d_name))
				break;
		if (!*f)
			errx(EXIT_VL_FAILURE, "%s/%s: unknown cgroup file", dir,
			     de->d_name);
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		fp = fopen(path, "re");
		if (!fp)
			err(EXIT_VL_FAILURE, "cannot read %s", path);
		do {
			if (!fgets(value, sizeof(value), fp))
				errx(EXIT_VL_FAILURE, "%s: empty", path);
			value[strcspn(value, "\n")] = '\0';
		} while (value[0] == '#' || !value[0]);
		fclose(fp);
		add_change(*f, value, path);
	}
	closedir(d);
}

static void show(const char *name)
{
	static const char *const usage_files[] = {
		"memory.current", "memory.peak", "pids.current", NULL
	};
	const char *const *f;
	char buf[512];

	for (f = vs_cgroup_files; *f; f++)
		if (!vs_cgroup_read(name, *f, buf, sizeof(buf)))
			printf("%-18s %s\n", *f, buf);
	for (f = usage_files; *f; f++)
		if (!vs_cgroup_read(name, *f, buf, sizeof(buf)))
			printf("%-18s %s\n", *f, buf);
	if (!vs_cgroup_read(name, "cpu.stat", buf, sizeof(buf)))
		printf("%-18s %.*s\n", "cpu.stat", (int)strcspn(buf, ";"), buf);
}

int main(int argc, char **argv)
{
	size_t nfiles = 0, i;
	struct option *longopts;
	const char *target = NULL, *dir = NULL;
	bool missingok = false, all = false;
	char name[256], value[256];
	int c, ret, status = EXIT_SUCCESS;
	uint64_t xid;

	while (vs_cgroup_files[nfiles])
		nfiles++;
	longopts = calloc(nfiles + 16, sizeof(*longopts));
	if (!longopts)
		err(EXIT_VL_FAILURE, "cannot allocate memory");
	for (i = 0; i < nfiles; i++)
		longopts[i] = (struct option){ vs_cgroup_files[i],
					       required_argument, NULL,
					       OPT_FILE + (int)i };
	longopts[i++] = (struct option){ "xid", required_argument, NULL, 'c' };
	longopts[i++] = (struct option){ "all", no_argument, NULL, 'a' };
	longopts[i++] = (struct option){ "dir", required_argument, NULL, OPT_DIR };
	longopts[i++] = (struct option){ "missingok", no_argument, NULL,
					 OPT_MISSINGOK };
	longopts[i++] = (struct option){ "nproc", required_argument, NULL,
					 OPT_NPROC };
	longopts[i++] = (struct option){ "rss", required_argument, NULL, OPT_RSS };
	longopts[i++] = (struct option){ "as", required_argument, NULL, OPT_AS };
	longopts[i++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[i++] = (struct option){ "version", no_argument, NULL, 'V' };

	while ((c = getopt_long(argc, argv, "c:ahV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			target = optarg;
			break;
		case 'a':
			all = true;
			break;
		case OPT_DIR:
			dir = optarg;
			break;
		case OPT_MISSINGOK:
			missingok = true;
			break;
		case OPT_NPROC:
			add_change("pids.max", optarg, "--nproc");
			break;
		case OPT_RSS:
		case OPT_AS:
			add_change("memory.max", optarg,
				   c == OPT_RSS ? "--rss" : "--as");
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			if (c >= OPT_FILE && c < OPT_FILE + (int)nfiles) {
				const char *file = vs_cgroup_files[c - OPT_FILE];

				snprintf(value, sizeof(value), "--%s", file);
				add_change(file, optarg, value);
				break;
			}
			errtryhelp(EXIT_VL_USAGE);
		}
	}
	if (!target && optind < argc)
		target = argv[optind++];
	if (optind < argc) {
		warnx("unexpected argument '%s'", argv[optind]);
		errtryhelp(EXIT_VL_USAGE);
	}
	if (!target) {
		warnx("which vserver?");
		errtryhelp(EXIT_VL_USAGE);
	}
	if (missingok && !dir)
		errx(EXIT_VL_USAGE, "--missingok needs --dir");

	/* A context number means the vserver running in it. */
	if (!vs_parse_u64(target, 65535, &xid)) {
		if (vc_context_name(xid, name, sizeof(name)) < 0 || !name[0])
			errx(EXIT_VL_FAILURE, "context %s: no vserver runs in it",
			     target);
	} else {
		snprintf(name, sizeof(name), "%s", target);
	}
	if (strchr(name, '/') || name[0] == '.' || !vs_cgroup_exists(name))
		errx(EXIT_VL_FAILURE, "%s: not running (no cgroup %s/%s/%s)",
		     name, VS_CGROUP_MOUNT, VS_CGROUP_PARENT, name);

	/* The directory's values first: the command line wins. */
	if (dir) {
		struct change *cli = changes;
		size_t ncli = nchanges;

		changes = NULL;
		nchanges = 0;
		read_dir(dir, missingok);
		for (i = 0; i < ncli; i++)
			add_change(cli[i].file, cli[i].value, cli[i].origin);
	}
	/* Check every value before changing anything. */
	for (i = 0; i < nchanges; i++) {
		if (vs_cgroup_value(changes[i].file, changes[i].value, value,
				    sizeof(value)))
			errx(EXIT_VL_FAILURE, "%s: '%s' is not a value of %s",
			     changes[i].origin, changes[i].value,
			     changes[i].file);
		free(changes[i].value);
		changes[i].value = strdup(value);
		if (!changes[i].value)
			err(EXIT_VL_FAILURE, "cannot allocate memory");
	}
	for (i = 0; i < nchanges; i++) {
		ret = vs_cgroup_write(name, changes[i].file, changes[i].value);
		if (ret) {
			warnc(-ret, "%s: cannot set %s to '%s'", name,
			      changes[i].file, changes[i].value);
			status = EXIT_VL_FAILURE;
		}
	}
	if (all || !nchanges)
		show(name);
	return status;
}
