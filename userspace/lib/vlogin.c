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
 * vs_vlogin_guest() replaces only the standard descriptors that are
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
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <linux/openat2.h>

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

struct pty_run {
	char **argv;			/* the program, unless @setup gives it */
	char **(*setup)(void *arg);	/* in the child, before the program */
	void *arg;
	bool all;			/* all of 0, 1, 2 on the terminal */
	bool guest;			/* the guest's /dev/pts/ptmx, checked */
};

static void __attribute__((__noreturn__))
run_on_pty(const struct pty_run *r, int status);

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
	struct pty_run r = { .argv = argv, .all = true };

	run_on_pty(&r, status);
}

/**
 * vs_vlogin_guest() - run a guest's program on a terminal of the guest's
 *                     own, relayed from outside the guest
 * @setup: called in the child before the program runs: it enters the
 *         guest (exiting on failure) and returns the program to execute
 * @arg: its argument
 * @status: the exit status for failures of our own
 *
 * The caller is in the guest's mount namespace and in none of its
 * contexts; it stays there as the relay, which the guest cannot see.
 * The terminal is opened as /dev/pts/ptmx of the guest without following
 * any symbolic link, and must be a ptmx device.  Only the standard
 * descriptors that are terminals are replaced by the new one.  Exits with
 * the program's exit status, or 128 + the signal that ended it.
 */
void vs_vlogin_guest(char **(*setup)(void *arg), void *arg, int status)
{
	struct pty_run r = { .setup = setup, .arg = arg, .guest = true };

	run_on_pty(&r, status);
}

/* The guest's pty multiplexer: its own devpts instance's, nothing else. */
static int open_guest_ptmx(int status)
{
	struct open_how how = {
		.flags = O_RDWR | O_NOCTTY | O_CLOEXEC,
		.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
	};
	struct stat st;
	int fd;

	fd = syscall(SYS_openat2, AT_FDCWD, "/dev/pts/ptmx", &how, sizeof(how));
	if (fd < 0)
		err(status, "cannot open the guest's /dev/pts/ptmx");
	if (fstat(fd, &st) < 0 || !S_ISCHR(st.st_mode) ||
	    major(st.st_rdev) != 5 || minor(st.st_rdev) != 2)
		errx(status, "the guest's /dev/pts/ptmx is not a pty multiplexer");
	return fd;
}

static void run_on_pty(const struct pty_run *r, int status)
{
	struct termios saved, raw;
	bool tty = isatty(STDIN_FILENO);
	struct sigaction sa = { .sa_handler = on_winch };
	int master, slave, wstatus, fd, out = -1, unlock = 0;
	char **argv = r->argv;
	bool ttys[3];
	pid_t pid;

	/* The program's output goes to the first terminal among 1, 2, 0. */
	for (fd = 0; fd < 3; fd++)
		ttys[fd] = r->all || isatty(fd);
	for (fd = 1; fd < 4 && out < 0; fd++)
		if (ttys[fd % 3])
			out = fd % 3;
	if (out < 0)
		out = STDOUT_FILENO;

	master = r->guest ? open_guest_ptmx(status) :
			    posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		err(status, "cannot open a pseudo terminal");
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0)
		err(status, "cannot set up the pseudo terminal");
	if (tty)
		copy_winsize(STDIN_FILENO, master);

	/*
	 * The slave is opened before the fork and the child inherits it:
	 * were no slave open for a moment, the master would read as hung up
	 * and the relay would end before the program started.
	 */
	slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	if (slave < 0)
		err(status, "cannot open the terminal");
	pid = fork();
	if (pid < 0)
		err(status, "cannot fork");
	if (!pid) {
		close(master);
		if (setsid() < 0)
			err(status, "cannot start a new session");
		if (r->setup)
			argv = r->setup(r->arg);
		if (ioctl(slave, TIOCSCTTY, 0) < 0)
			err(status, "cannot make the terminal the controlling one");
		for (fd = 0; fd < 3; fd++)
			if (ttys[fd] && dup2(slave, fd) < 0)
				err(status, "cannot redirect to the terminal");
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
