// SPDX-License-Identifier: GPL-2.0
/*
 * vcontext_sync_test - vcontext --syncsock/--syncmsg, as util-vserver's
 * vserver start uses them: vcontext connects, sends the message once the
 * context is ready, and runs the program only after the peer closed the
 * connection; anything else from the peer is an error (exit 255).
 */

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "common.h"
#include "kselftest_harness.h"

#define SOCK	"/tmp/vcsync.sock"
#define OUT	"/tmp/vcsync.out"

static int listen_on(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	unlink(path);
	strcpy(addr.sun_path, path);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(fd, 1))
		return -1;
	return fd;
}

/* Start vcontext with @msg (NULL: no --syncmsg) for a new context @xid. */
static pid_t start_vcontext(uint32_t xid, const char *msg)
{
	char xidbuf[16];
	pid_t pid;

	snprintf(xidbuf, sizeof(xidbuf), "%u", xid);
	unlink(OUT);
	pid = fork();
	if (!pid) {
		if (msg)
			execlp("vcontext", "vcontext", "--create", "--silent",
			       "--xid", xidbuf, "--syncsock", SOCK,
			       "--syncmsg", msg, "--", "sh", "-c",
			       "echo ran >" OUT, (char *)NULL);
		else
			execlp("vcontext", "vcontext", "--create", "--silent",
			       "--xid", xidbuf, "--syncsock", SOCK, "--", "sh",
			       "-c", "echo ran >" OUT, (char *)NULL);
		_exit(99);
	}
	return pid;
}

/* Read what the peer sent until it shut down its side. */
static void read_message(int fd, char *buf, size_t size)
{
	size_t off = 0;
	ssize_t n;

	while (off < size - 1 && (n = read(fd, buf + off, size - 1 - off)) > 0)
		off += n;
	buf[off] = '\0';
}

static int exit_code(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

TEST(the_program_waits_for_the_peer)
{
	int lfd = listen_on(SOCK), cfd;
	char msg[64];
	pid_t pid;

	ASSERT_LE(0, lfd);
	pid = start_vcontext(320, "hello");
	cfd = accept(lfd, NULL, NULL);
	ASSERT_LE(0, cfd);
	read_message(cfd, msg, sizeof(msg));
	EXPECT_STREQ("hello", msg);
	/* It must not have run yet: we have not closed. */
	usleep(300000);
	EXPECT_NE(0, access(OUT, F_OK));
	close(cfd);
	EXPECT_EQ(0, exit_code(pid));
	EXPECT_EQ(0, access(OUT, F_OK));
	close(lfd);
}

TEST(the_default_message_is_ok)
{
	int lfd = listen_on(SOCK), cfd;
	char msg[64];
	pid_t pid;

	ASSERT_LE(0, lfd);
	pid = start_vcontext(321, NULL);
	cfd = accept(lfd, NULL, NULL);
	ASSERT_LE(0, cfd);
	read_message(cfd, msg, sizeof(msg));
	EXPECT_STREQ("ok", msg);
	close(cfd);
	EXPECT_EQ(0, exit_code(pid));
	close(lfd);
}

TEST(an_answer_from_the_peer_is_an_error)
{
	int lfd = listen_on(SOCK), cfd;
	char msg[64];
	pid_t pid;

	ASSERT_LE(0, lfd);
	pid = start_vcontext(322, "hello");
	cfd = accept(lfd, NULL, NULL);
	ASSERT_LE(0, cfd);
	read_message(cfd, msg, sizeof(msg));
	ASSERT_EQ(1, write(cfd, "x", 1));
	EXPECT_EQ(255, exit_code(pid));
	EXPECT_NE(0, access(OUT, F_OK));
	close(cfd);
	close(lfd);
}

TEST(a_missing_socket_is_an_error)
{
	pid_t pid;

	unlink(SOCK);
	pid = start_vcontext(323, "hello");
	EXPECT_EQ(255, exit_code(pid));
	EXPECT_NE(0, access(OUT, F_OK));
}

TEST_HARNESS_MAIN
