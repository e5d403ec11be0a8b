// SPDX-License-Identifier: GPL-2.0
/*
 * vps - ps with a context column
 *
 * Output compatible with util-vserver's vps; see vps(8).  Runs ps with the
 * given arguments and inserts, after the PID column, the xid of each
 * process and the name of its context.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/vserver.h"

#define EXIT_VPS_PARSE	254

static void context_name(uint32_t xid, char *buf, size_t n)
{
	if (xid == VC_XID_HOST)
		snprintf(buf, n, "MAIN");
	else if (xid == VC_XID_SPECTATOR)
		snprintf(buf, n, "ALL_PROC");
	else
		vc_context_name(xid, buf, n);
}

int main(int argc, char **argv)
{
	char line[4096], name[128];
	int fds[2], status, pidcol = -1;
	bool header = true;
	pid_t child;
	FILE *in;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf(USAGE_HEADER " %s [<ps option>...]\n\n"
		       "Run ps and add the context of every process after its PID.\n"
		       USAGE_MAN_TAIL("vps(8)"), program_invocation_short_name);
		return EXIT_SUCCESS;
	}
	if (argc > 1 && !strcmp(argv[1], "--version"))
		print_version();
	if (pipe(fds) < 0)
		err(EXIT_FAILURE, "cannot create a pipe");
	child = fork();
	if (child < 0)
		err(EXIT_FAILURE, "cannot fork");
	if (!child) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		argv[0] = "ps";
		execvp("ps", argv);
		errexec("ps");
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	if (!in)
		err(EXIT_FAILURE, "cannot read from ps");

	while (fgets(line, sizeof(line), in)) {
		char *p = line, *end;
		int col = 0;
		long pid, xid;

		if (header) {
			/* Find the PID column and put CONTEXT after it. */
			char *hit = strstr(line, "PID");

			if (!hit)
				errx(EXIT_VPS_PARSE, "no PID column in the output of ps");
			for (p = line; p < hit; col++) {
				while (*p == ' ')
					p++;
				if (p >= hit)
					break;
				while (*p && *p != ' ')
					p++;
			}
			pidcol = col;
			p = hit + 3;
			printf("%.*s CONTEXT            %s", (int)(p - line), line, p);
			header = false;
			continue;
		}
		/* Skip to the PID column. */
		for (col = 0, p = line; col <= pidcol; col++) {
			while (*p == ' ')
				p++;
			if (col == pidcol)
				break;
			while (*p && *p != ' ')
				p++;
		}
		pid = strtol(p, &end, 10);
		if (end == p)
			errx(EXIT_VPS_PARSE, "cannot parse: %s", line);
		xid = vc_task_xid((pid_t)pid);
		if (xid < 0)
			snprintf(name, sizeof(name), "%5s %-14s", "?", "");
		else {
			char cname[80];

			context_name((uint32_t)xid, cname, sizeof(cname));
			snprintf(name, sizeof(name), "%5ld %-14s", xid, cname);
		}
		printf("%.*s %s%s", (int)(end - line), line, name, end);
	}
	fclose(in);
	if (waitpid(child, &status, 0) < 0)
		err(EXIT_FAILURE, "cannot wait for ps");
	return WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_FAILURE;
}
