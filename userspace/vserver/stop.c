// SPDX-License-Identifier: GPL-2.0
/*
 * stop.c - vserver NAME stop
 *
 * The stop command runs inside the guest (for the sysv style its rc
 * script with runlevel 6), then the guest stops being persistent and the
 * kill sequence (apps/init/killseq, default "15 5 9": SIGTERM, five
 * seconds, SIGKILL) ends what is left.  Then everything start made goes.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/cgroup.h"
#include "guest.h"

/* How long the stop command may take before it is killed. */
#define STOP_TIMEOUT	60

/* Copy what the stop command wrote so far to our standard output. */
static void drain(int fd)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(STDOUT_FILENO, buf, n) != n)
			break;
}

static void run_stop_command(const struct guest *g, uint32_t xid)
{
	const struct timespec pause = { .tv_nsec = 50 * 1000 * 1000 };
	int status, i, fd, out[2];
	pid_t pid;

	/*
	 * A guest at its pids.max could not fork its stop command's
	 * children; it is going away, so its process limit goes first.
	 */
	if (vs_cgroup_exists(g->name))
		vs_cgroup_write(g->name, "pids.max", "max");
	/*
	 * The stop command writes into a pipe that we copy out: nothing of
	 * the guest gets the administrator's terminal.
	 */
	if (pipe2(out, O_CLOEXEC) < 0) {
		warn("%s: cannot create a pipe", g->name);
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		warn("%s: cannot fork", g->name);
		close(out[0]);
		close(out[1]);
		return;
	}
	if (pid == 0) {
		guest_unblock_signals();
		if (dup2(out[1], STDOUT_FILENO) < 0 ||
		    dup2(out[1], STDERR_FILENO) < 0)
			_exit(EXIT_VS_FAILURE);
		guest_enter(g, xid, "0", EXIT_VS_FAILURE);
		fd = open("/dev/null", O_RDONLY);
		if (fd >= 0 && fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
		execv(g->cmd_stop[0], g->cmd_stop);
		err(EXIT_VS_FAILURE, "%s: cannot execute %s in the guest",
		    g->name, g->cmd_stop[0]);
	}
	close(out[1]);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	for (i = 0; i < STOP_TIMEOUT * 20; i++) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		drain(out[0]);
		if (r == pid) {
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				warnx("%s: the stop command %s failed; killing the guest",
				      g->name, g->cmd_stop[0]);
			close(out[0]);
			return;
		}
		if (r < 0 && errno != EINTR)
			break;
		nanosleep(&pause, NULL);
	}
	if (i == STOP_TIMEOUT * 20)
		warnx("%s: the stop command %s took more than %d seconds; killing the guest",
		      g->name, g->cmd_stop[0], STOP_TIMEOUT);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(out[0]);
}

/**
 * guest_stop() - stop a vserver
 * @g: the vserver
 *
 * Stopping a stopped guest only removes what a crashed one left (its run
 * file, addresses and cgroup).
 *
 * Return: 0, or -1 (reported) if the context did not end.
 */
int guest_stop(const struct guest *g)
{
	struct vs_ifaddr added[GUEST_MAX_IFACES];
	size_t nadded = 0, i;
	uint32_t xid = g->xid;
	bool rescued = false;

	guest_block_signals();
	guest_lock(g);
	if (guest_read_run(g, &xid, added, &nadded, &rescued) == -EINVAL)
		warnx("%s: the run file is damaged; removing what it names",
		      g->name);
	if (!guest_running(g, &xid)) {
		warnx("%s: not running", g->name);
		if (!guest_ctx_alive(xid))
			guest_teardown(g, xid, added, nadded);
		return 0;
	}

	/* A guest started with --rescue ran no start command. */
	if (g->cmd_stop && g->style != INIT_RESCUE && !rescued)
		run_stop_command(g, xid);
	vc_set_cflags(xid, 0, VXF_PERSISTENT);
	vc_set_nflags(g->nid, 0, NXF_PERSISTENT);
	for (i = 0; i < g->nkillseq; i += 2) {
		if (vc_ctx_kill(xid, 0, g->killseq[i]) < 0 && errno == ESRCH &&
		    !guest_ctx_alive(xid))
			break;
		if (!guest_wait_gone(xid, i + 1 < g->nkillseq ?
				     g->killseq[i + 1] : 10))
			break;
	}
	if (guest_ctx_alive(xid)) {
		warnx("%s: context %u did not end", g->name, xid);
		return -1;
	}
	guest_teardown(g, xid, added, nadded);
	return 0;
}
