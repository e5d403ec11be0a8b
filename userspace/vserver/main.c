// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - build, start, stop and enter guests
 *
 * vserver [options] <name> <verb> [arguments]; see vserver(8).  The verbs,
 * their exit statuses and the configuration files are util-vserver's,
 * for what this project supports.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/close_range.h>

#include "lib/c.h"
#include "lib/cgroup.h"
#include "lib/vlogin.h"
#include "guest.h"

static bool silent;

static void __attribute__((noreturn)) usage(void)
{
	fputs(USAGE_HEADER, stdout);
	printf(" %s [options] <name> <verb> [arguments]\n",
	       program_invocation_short_name);
	fputs(USAGE_SEPARATOR, stdout);
	fputs("Build, start, stop and enter vservers (guests).\n", stdout);
	fputs("\nVerbs:\n", stdout);
	fputs(" build -m <method> ...  create the guest (see 'vserver x build --help')\n"
	      " start [--rescue]       start it\n"
	      " stop                   stop it: stop command, kill sequence, clean up\n"
	      " restart                stop, then start\n"
	      " condrestart            restart if it runs\n"
	      " enter                  a root shell in the guest\n"
	      " exec <cmd> [<arg>...]  run a command in the guest as root\n"
	      " suexec <user> <cmd>... run a command in the guest as <user>\n"
	      " status                 whether it runs (exit status 3 if not)\n"
	      " running                exit status 0 if it runs, 1 if not\n"
	      " delete [--force]       stop it and remove its root and configuration\n"
	      " hashify [<options>]    share its files with other guests (vhashify)\n",
	      stdout);
	fputs(USAGE_OPTIONS, stdout);
	fputs(" -s, --sync           accepted for util-vserver's scripts (stops are\n"
	      "                        always synchronous)\n"
	      " -v, --verbose        accepted for util-vserver's scripts\n"
	      "     --silent         print no progress messages\n", stdout);
	fputs(USAGE_HELP, stdout);
	fputs(USAGE_VERSION, stdout);
	fputs("\nExit status: 0 success, 1 failure, 2 usage, 3 stopped (status),\n"
	      "5 no such vserver.\n", stdout);
	fputs(USAGE_MAN_TAIL("vserver(8)"), stdout);
	exit(EXIT_SUCCESS);
}

static void say(const char *fmt, const char *name)
{
	if (!silent) {
		printf(fmt, name);
		fflush(stdout);
	}
}

static int do_status(const struct guest *g)
{
	struct vcmd_ctx_stat st;
	char path[PATH_MAX];
	struct stat rs;
	uint32_t xid;
	long up;

	if (!guest_running(g, &xid)) {
		printf("Vserver '%s' is stopped\n", g->name);
		return EXIT_VS_STOPPED;
	}
	printf("Vserver '%s' is running at context '%u'\n", g->name, xid);
	if (vc_ctx_stat(xid, &st) == 0)
		printf("Number of processes: %u\n", st.tasks);
	snprintf(path, sizeof(path), "%s/%s", VS_RUNDIR, g->name);
	if (!stat(path, &rs)) {
		up = time(NULL) - rs.st_mtime;
		if (up < 0)
			up = 0;
		printf("Uptime: %ld:%02ld:%02ld\n", up / 3600, up / 60 % 60,
		       up % 60);
	}
	return EXIT_SUCCESS;
}

struct exec_arg {
	const struct guest *g;
	uint32_t xid;
	const char *user;
	char **cmd;
	bool login;
	int cgroup;
};

/* Inside the guest: its login shell, bash if it has one. */
static char **exec_cmd(const struct exec_arg *a)
{
	static char *shell[] = { "/bin/sh", "-l", NULL };
	static char *bash[] = { "/bin/bash", "-login", NULL };

	if (!a->login)
		return a->cmd;
	return access("/bin/bash", X_OK) ? shell : bash;
}

/* The child of the relay: it enters the guest's contexts and runs. */
static char **exec_setup(void *arg)
{
	const struct exec_arg *a = arg;

	guest_enter_ctx(a->g, a->xid, a->user, a->cgroup, EXIT_VS_FAILURE);
	return exec_cmd(a);
}

/* exec, suexec and enter: become a process of the guest. */
static int __attribute__((noreturn))
do_exec(const struct guest *g, const char *user, char **cmd, bool login)
{
	struct exec_arg a = { .g = g, .user = user, .cmd = cmd, .login = login };

	if (!guest_running(g, &a.xid))
		errx(EXIT_VS_FAILURE, "%s: not running", g->name);
	a.cgroup = guest_cgroup_procs(g, EXIT_VS_FAILURE);
	guest_enter_ns(g, a.xid, EXIT_VS_FAILURE);
	/*
	 * Guest code never gets the administrator's terminal: this process
	 * stays outside the guest's contexts and cgroup (the guest cannot
	 * see it) and relays between the terminal and one of the guest's
	 * own, which the command gets in its place.
	 */
	if (isatty(STDIN_FILENO) || isatty(STDOUT_FILENO) ||
	    isatty(STDERR_FILENO))
		vs_vlogin_guest(exec_setup, &a, EXIT_VS_FAILURE);
	cmd = exec_setup(&a);
	execvp(cmd[0], cmd);
	errexec(cmd[0]);
}

static int do_delete(const struct guest *g, bool force)
{
	char answer[16] = "";
	int status = EXIT_SUCCESS;

	if (!force) {
		printf("Are you sure you want to delete the vserver %s (y/N)? ",
		       g->name);
		fflush(stdout);
		if (!fgets(answer, sizeof(answer), stdin) ||
		    (strcmp(answer, "y\n") && strcmp(answer, "yes\n")))
			return EXIT_VS_USAGE;
	}
	if (guest_running(g, NULL))
		say("Stopping vserver %s\n", g->name);
	if (guest_stop(g))
		return EXIT_VS_FAILURE;
	if (guest_remove_tree(g->vdir) || guest_remove_tree(g->cfgdir))
		status = EXIT_VS_FAILURE;
	return status;
}

static int __attribute__((noreturn))
do_hashify(const struct guest *g, int argc, char **argv)
{
	char **args = calloc(argc + 4, sizeof(*args));
	int n = 0, i;

	if (!args)
		err(EXIT_VS_FAILURE, "cannot allocate memory");
	args[n++] = "vhashify";
	if (g->exclude[0]) {
		args[n++] = "--exclude";
		args[n++] = (char *)g->exclude;
	}
	for (i = 1; i < argc; i++)
		args[n++] = argv[i];
	args[n++] = (char *)g->name;
	execvp(args[0], args);
	errexec(args[0]);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "sync", no_argument, NULL, 's' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "silent", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	char name[NAME_MAX + 1];
	const char *verb;
	struct guest g;
	int c, ret;

	/*
	 * Descriptors our caller left open must not reach the programs we
	 * run in a guest (a directory descriptor would lead out of its
	 * root): every one from 3 up is closed on exec.
	 */
	if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) < 0)
		err(EXIT_VS_FAILURE, "cannot mark inherited descriptors close-on-exec");

	while ((c = getopt_long(argc, argv, "+svhV", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
		case 'v':
			break;
		case 'q':
			silent = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VS_USAGE);
		}
	}
	if (argc - optind < 2) {
		warnx("need a vserver name and a verb");
		errtryhelp(EXIT_VS_USAGE);
	}
	verb = argv[optind + 1];
	argc -= optind + 1;
	argv += optind + 1;

	if (!strcmp(verb, "build"))
		return guest_build(argv[-1], argc, argv);

	if (guest_resolve(argv[-1], name, sizeof(name)))
		errx(EXIT_VS_NOCONF, "%s: no such vserver (no %s/%s)", argv[-1],
		     VS_CONFDIR, argv[-1]);
	ret = guest_load(&g, name);
	if (ret == -ENOENT)
		errx(EXIT_VS_NOCONF, "%s: no such vserver", name);
	if (ret)
		errx(EXIT_VS_FAILURE, "%s: the configuration has errors; nothing was done",
		     name);

	if (!strcmp(verb, "start")) {
		bool rescue = argc > 1 && !strcmp(argv[1], "--rescue");

		if (argc > 1 + rescue)
			errx(EXIT_VS_USAGE, "start: unexpected argument '%s'",
			     argv[1 + rescue]);
		say("Starting vserver %s\n", name);
		return guest_start(&g, rescue) ? EXIT_VS_FAILURE : EXIT_SUCCESS;
	}
	if (argc > 1 && (!strcmp(verb, "stop") || !strcmp(verb, "restart") ||
			 !strcmp(verb, "condrestart") || !strcmp(verb, "status") ||
			 !strcmp(verb, "running") || !strcmp(verb, "enter")))
		errx(EXIT_VS_USAGE, "%s: unexpected argument '%s'", verb, argv[1]);
	if (!strcmp(verb, "stop")) {
		say("Stopping vserver %s\n", name);
		return guest_stop(&g) ? EXIT_VS_FAILURE : EXIT_SUCCESS;
	}
	if (!strcmp(verb, "restart") || !strcmp(verb, "condrestart")) {
		if (!guest_running(&g, NULL) && verb[0] == 'c')
			return EXIT_SUCCESS;
		say("Restarting vserver %s\n", name);
		if (guest_running(&g, NULL) && guest_stop(&g))
			return EXIT_VS_FAILURE;
		return guest_start(&g, false) ? EXIT_VS_FAILURE : EXIT_SUCCESS;
	}
	if (!strcmp(verb, "status"))
		return do_status(&g);
	if (!strcmp(verb, "running"))
		return guest_running(&g, NULL) ? EXIT_SUCCESS : EXIT_FAILURE;
	if (!strcmp(verb, "enter"))
		do_exec(&g, "0", NULL, true);
	if (!strcmp(verb, "exec")) {
		if (argc < 2)
			errx(EXIT_VS_USAGE, "exec needs a command");
		do_exec(&g, "0", argv + 1, false);
	}
	if (!strcmp(verb, "suexec")) {
		if (argc < 3)
			errx(EXIT_VS_USAGE, "suexec needs a user and a command");
		do_exec(&g, argv[1], argv + 2, false);
	}
	if (!strcmp(verb, "delete")) {
		bool force = argc > 1 && !strcmp(argv[1], "--force");

		if (argc > 1 + force)
			errx(EXIT_VS_USAGE, "delete: unexpected argument '%s'",
			     argv[1 + force]);
		return do_delete(&g, force);
	}
	if (!strcmp(verb, "hashify"))
		do_hashify(&g, argc, argv);
	warnx("unknown verb '%s'", verb);
	errtryhelp(EXIT_VS_USAGE);
}
