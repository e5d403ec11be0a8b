// SPDX-License-Identifier: GPL-2.0
/*
 * vlogin.c - --vlogin: run a program on a terminal of its own
 *
 * A guest shell started on the administrator's terminal could push input
 * into it (TIOCSTI) or change its settings for the next program the host
 * runs there.  With --vlogin the program gets a new pseudo terminal,
 * opened from the /dev/ptmx it sees (the guest's), and this process
 * copies data between it and the caller's terminal until the program
 * exits; the caller's terminal is put into raw mode meanwhile and
 * restored afterwards, and window size changes are passed on.
 *
 * vs_vlogin_ttys() replaces only the standard descriptors that are
 * terminals; pipes and files stay as the caller gave them, so that
 * `vserver NAME exec cmd >file` still writes the file and not a copy of
 * the terminal's output.  Either way the program never holds a
 * descriptor of the caller's terminal: it cannot read the
 * administrator's later keystrokes, make itself the terminal's
 * foreground or change its settings.
 */

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "c.h"
#include "vlogin.h"

static volatile sig_atomic_t winch;

static void on_winch(int sig)
{
	(void)sig;
	winch = 1;
}

static void copy_winsize(int from, int to)
{
	struct winsize ws;

	if (ioctl(from, TIOCGWINSZ, &ws) == 0)
		ioctl(to, TIOCSWINSZ, &ws);
}

/* Write all of @buf to @fd; false once @fd is gone. */
static bool write_all(int fd, const char *buf, ssize_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= n;
	}
	return true;
}

/*
 * Copy between the caller's terminal and @master until the program ends:
 * input from standard input if it is the terminal, output to @out.
 */
static void proxy(int master, bool in, int out)
{
	struct pollfd fds[2] = {
		{ .fd = in ? STDIN_FILENO : -1, .events = POLLIN },
		{ .fd = master, .events = POLLIN },
	};
	char buf[4096];
	ssize_t n;

	for (;;) {
		if (winch) {
			winch = 0;
			copy_winsize(STDIN_FILENO, master);
		}
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(master, buf, sizeof(buf));
			/* EIO: the program closed its last slave descriptor. */
			if (n == 0 || (n < 0 && errno != EINTR))
				return;
			if (n > 0 && !write_all(out, buf, n))
				return;
		}
		if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(STDIN_FILENO, buf, sizeof(buf));
			if (n > 0) {
				if (!write_all(master, buf, n))
					return;
			} else if (n == 0 || errno != EINTR) {
				/* The input ended: stop reading it. */
				fds[0].fd = -1;
			}
		}
	}
}

static void __attribute__((__noreturn__))
run_on_pty(char **argv, int status, bool all);

/**
 * vs_vlogin() - run a program on a new pseudo terminal and proxy it
 * @argv: the program and its arguments
 * @status: the exit status for failures of our own
 *
 * The program's standard input, output and error are the new terminal.
 * Exits with the program's exit status, or 128 + the signal that ended it.
 */
void vs_vlogin(char **argv, int status)
{
	run_on_pty(argv, status, true);
}

/**
 * vs_vlogin_ttys() - like vs_vlogin(), for the standard descriptors that
 *                    are terminals only
 * @argv: the program and its arguments
 * @status: the exit status for failures of our own
 *
 * Exits with the program's exit status, or 128 + the signal that ended it.
 */
void vs_vlogin_ttys(char **argv, int status)
{
	run_on_pty(argv, status, false);
}

static void run_on_pty(char **argv, int status, bool all)
{
	struct termios saved, raw;
	bool tty = isatty(STDIN_FILENO);
	struct sigaction sa = { .sa_handler = on_winch };
	int master, slave, wstatus, fd, out = -1;
	bool ttys[3];
	pid_t pid;

	/* The program's output goes to the first terminal among 1, 2, 0. */
	for (fd = 0; fd < 3; fd++)
		ttys[fd] = all || isatty(fd);
	for (fd = 1; fd < 4 && out < 0; fd++)
		if (ttys[fd % 3])
			out = fd % 3;
	if (out < 0)
		out = STDOUT_FILENO;

	master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		err(status, "cannot open a pseudo terminal");
	if (grantpt(master) < 0 || unlockpt(master) < 0 || !ptsname(master))
		err(status, "cannot set up the pseudo terminal");
	if (tty)
		copy_winsize(STDIN_FILENO, master);

	/*
	 * The slave is opened before the fork and the child inherits it:
	 * were no slave open for a moment, the master would read as hung up
	 * and the relay would end before the program started.
	 */
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	if (slave < 0)
		err(status, "cannot open %s", ptsname(master));
	pid = fork();
	if (pid < 0)
		err(status, "cannot fork");
	if (!pid) {
		if (setsid() < 0)
			err(status, "cannot start a new session");
		if (ioctl(slave, TIOCSCTTY, 0) < 0)
			err(status, "cannot make %s the controlling terminal",
			    ptsname(master));
		for (fd = 0; fd < 3; fd++)
			if (ttys[fd] && dup2(slave, fd) < 0)
				err(status, "cannot redirect to %s",
				    ptsname(master));
		if (slave > 2)
			close(slave);
		execvp(argv[0], argv);
		errexec(argv[0]);
	}
	close(slave);

	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	if (tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
		raw = saved;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	} else {
		tty = false;
	}
	proxy(master, ttys[0], out);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);

	/*
	 * The program may have closed the terminal and still run (dd puts
	 * its output file on descriptor 1): closing the master now would
	 * hang the terminal up and kill it with SIGHUP.
	 */
	while (waitpid(pid, &wstatus, 0) < 0)
		if (errno != EINTR)
			err(status, "cannot wait for %s", argv[0]);
	close(master);
	if (WIFSIGNALED(wstatus))
		exit(128 + WTERMSIG(wstatus));
	exit(WEXITSTATUS(wstatus));
}
