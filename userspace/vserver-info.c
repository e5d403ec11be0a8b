// SPDX-License-Identifier: GPL-2.0
/*
 * vserver-info - answer questions about the kernel, contexts and vservers
 *
 * Command-line compatible with util-vserver's vserver-info for the tags it
 * implements; see vserver-info(8).
 */

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

static bool quiet;

/* Features, and whether this kernel has them: the truth, not a version. */
static const struct {
	const char *name;
	uint32_t cmd;		/* a command that must exist */
	const char *what;
} features[] = {
	{ "migrate", VCMD_ctx_migrate, "enter existing contexts" },
	{ "vkill", VCMD_ctx_kill, "signal whole contexts" },
	{ "vwait", VCMD_wait_exit, "wait for a context to end" },
	{ "vinfo", VCMD_vx_info, "context information" },
	{ "vhi", VCMD_get_vhi_name, "uts names of contexts" },
	{ "namespace", VCMD_enter_space, "spaces" },
	{ "persistent", VCMD_set_cflags, "persistent contexts" },
	{ "dynamic", VCMD_ctx_create, "dynamic xids" },
	{ "iattr", 0x26010001, "inode attributes" },
	{ "vnet", 0x19010001, "network contexts" },
	{ "rlimit", 0x3c010000, "per-context resource limits" },
	{ "sched", 0x0e010005, "per-context scheduler" },
};

static const char *const tags[] = {
	"APIVER", "SYSINFO", "FEATURE", "XID", "NID", "RUNNING", "INITPID",
	"UTS", "XIDTYPE", "CONTEXT",
};

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out, " %s [-ql] <vserver>|<xid>|- <tag> [<arg>...]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Print information about the kernel (with '-') or a context.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs(" -q, --quiet          print nothing; only the exit status answers\n", out);
	fputs(" -l, --list           list the tags\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vserver-info(8)"), out);
	exit(EXIT_SUCCESS);
}

static int say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int say(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return 0;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	return 0;
}

/* Whether the kernel knows @cmd: ENOSYS means it does not. */
static bool have_cmd(uint32_t cmd)
{
	/* Harmless probes: bad ids or NULL data make known commands fail
	 * with ESRCH, EINVAL, EFAULT or EPERM, never with ENOSYS. */
	return vc_syscall(cmd, 0xfffffff0U, NULL) >= 0 || errno != ENOSYS;
}

static int sysinfo(void)
{
	struct utsname u;
	int ver = vc_get_version(), vci = vc_get_vci();
	size_t i;

	uname(&u);
	say("Versions:\n");
	say("                   Kernel: %s\n", u.release);
	if (ver < 0) {
		say("                   VS-API: none (vserver.ko not loaded)\n");
		return EXIT_FAILURE;
	}
	say("                   VS-API: 0x%08x\n", ver);
	say("                      VCI: 0x%08x\n", vci);
	say("Features:\n");
	for (i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		say("%25s: %s (%s)\n", features[i].name,
		    have_cmd(features[i].cmd) ? "yes" : "no", features[i].what);
	return EXIT_SUCCESS;
}

static int feature(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		if (!strcasecmp(name, features[i].name))
			return have_cmd(features[i].cmd) ? EXIT_SUCCESS :
							   EXIT_FAILURE;
	errx(EXIT_FAILURE, "unknown feature '%s'", name);
}

static const char *xidtype(uint32_t xid)
{
	if (xid == VC_XID_HOST)
		return "main";
	if (xid == VC_XID_SPECTATOR)
		return "watch";
	if (xid <= VC_XID_STATIC_MAX)
		return "static";
	if (xid <= VC_XID_DYNAMIC_MAX)
		return "dynamic";
	return "invalid";
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "list", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct vcmd_vhi_name vhi;
	struct vcmd_vx_info info;
	const char *who, *tag;
	uint32_t xid = 0;
	size_t i;
	int c;

	while ((c = getopt_long(argc, argv, "+qlhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = true;
			break;
		case 'l':
			for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
				printf("%s\n", tags[i]);
			return EXIT_SUCCESS;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}
	/* Too few arguments: the system information, as util-vserver does. */
	if (argc - optind < 2)
		return sysinfo();
	who = argv[optind];
	tag = argv[optind + 1];
	if (strcmp(who, "-") && vs_parse_xid(who, VS_CONFDIR, &xid))
		errx(EXIT_FAILURE, "unknown vserver or xid '%s'", who);

	if (!strcasecmp(tag, "APIVER")) {
		int ver = vc_get_version();

		if (ver < 0)
			err(EXIT_FAILURE, "cannot get the API version");
		return say("0x%08x\n", ver), EXIT_SUCCESS;
	}
	if (!strcasecmp(tag, "SYSINFO"))
		return sysinfo();
	if (!strcasecmp(tag, "FEATURE")) {
		if (argc - optind < 3)
			errx(EXIT_FAILURE, "FEATURE needs a feature name");
		return feature(argv[optind + 2]);
	}
	if (!strcasecmp(tag, "XID") || !strcasecmp(tag, "CONTEXT"))
		return say("%u\n", xid), EXIT_SUCCESS;
	if (!strcasecmp(tag, "NID")) {
		uint32_t nid;
		long own;

		/* A vserver's nid is configured (ncontext, else its xid). */
		if (strcmp(who, "-")) {
			if (vs_parse_nid(who, VS_CONFDIR, &nid))
				errx(EXIT_FAILURE, "unknown vserver or nid '%s'", who);
			return say("%u\n", nid), EXIT_SUCCESS;
		}
		own = vc_task_nid(0);
		if (own < 0)
			err(EXIT_FAILURE, "cannot get the network context");
		return say("%ld\n", own), EXIT_SUCCESS;
	}
	if (!strcasecmp(tag, "XIDTYPE")) {
		const char *type = xidtype(xid);

		/* With more arguments, answer whether the type is among them. */
		if (argc - optind > 2) {
			for (i = optind + 2; i < (size_t)argc; i++)
				if (!strcmp(argv[i], type))
					return say("%s\n", type), EXIT_SUCCESS;
			return EXIT_FAILURE;
		}
		return say("%s\n", type), EXIT_SUCCESS;
	}
	if (!strcasecmp(tag, "RUNNING")) {
		bool running = vc_vx_info(xid, &info) == 0;

		say("%s\n", running ? "running" : "stopped");
		return running ? EXIT_SUCCESS : EXIT_FAILURE;
	}
	if (!strcasecmp(tag, "INITPID")) {
		if (vc_vx_info(xid, &info) < 0)
			err(EXIT_FAILURE, "cannot get information on context %u", xid);
		return say("%u\n", info.initpid), EXIT_SUCCESS;
	}
	if (!strcasecmp(tag, "UTS")) {
		static const char *const fields[] = {
			"context", "sysname", "nodename", "release",
			"version", "machine", "domainname",
		};

		if (argc - optind < 3)
			errx(EXIT_FAILURE, "UTS needs a field name");
		for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (!strcasecmp(argv[optind + 2], fields[i]))
				break;
		if (i == sizeof(fields) / sizeof(fields[0]))
			errx(EXIT_FAILURE, "unknown uts field '%s'", argv[optind + 2]);
		memset(&vhi, 0, sizeof(vhi));
		vhi.field = i;
		if (vc_syscall(VCMD_get_vhi_name, xid, &vhi) < 0)
			err(EXIT_FAILURE, "cannot get %s of context %u", fields[i], xid);
		return say("%s\n", vhi.name), EXIT_SUCCESS;
	}
	errx(EXIT_FAILURE, "unknown tag '%s'", tag);
}
