// SPDX-License-Identifier: GPL-2.0
/*
 * disconnect.c - --disconnect: go on in the background, report failures
 */

#include <err.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "disconnect.h"

/* In the background child: where it reports a failure before its exec. */
static int report_fd = -1;

/* on_exit() handler of the background child: pass its exit status on. */
static void report_exit(int status, void *arg)
{
	(void)arg;
	if (report_fd >= 0 &&
	    write(report_fd, &status, sizeof(status)) != sizeof(status))
		report_fd = -1;
}

/**
 * vs_disconnect() - continue in a background child in a new session
 * @status: the exit status if that cannot be set up
 *
 * The parent waits until the child has executed its program (the
 * close-on-exec pipe closes: the parent exits 0) or has failed before
 * that (it sends its exit status, and the parent exits with it).  Returns
 * in the child only.
 */
void vs_disconnect(int status)
{
	int p[2], child_status;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		err(status, "cannot create a pipe");
	pid = fork();
	if (pid < 0)
		err(status, "cannot fork");
	if (pid > 0) {
		close(p[1]);
		if (read(p[0], &child_status, sizeof(child_status)) ==
		    sizeof(child_status))
			_exit(child_status);
		_exit(EXIT_SUCCESS);
	}
	close(p[0]);
	report_fd = p[1];
	if (on_exit(report_exit, NULL))
		errx(status, "cannot register the exit report");
	if (setsid() < 0)
		err(status, "cannot start a new session");
}

/**
 * vs_disconnect_fd() - the descriptor vs_disconnect() reports through
 *
 * Return: the descriptor, or -1; a tool that closes its descriptors must
 * keep this one open.
 */
int vs_disconnect_fd(void)
{
	return report_fd;
}
