/* SPDX-License-Identifier: GPL-2.0 */
/*
 * common.h - helpers for the guest tests of vserver(2)
 */

#ifndef VS_TEST_COMMON_H
#define VS_TEST_COMMON_H

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/capability.h>
#include <linux/vserver.h>

/* util-vserver's secure bounding set (lib/getinsecurebcaps.c). */
#define SECURE_BCAPS ((1ULL << CAP_CHOWN) | (1ULL << CAP_DAC_OVERRIDE) | \
	(1ULL << CAP_DAC_READ_SEARCH) | (1ULL << CAP_FOWNER) | \
	(1ULL << CAP_FSETID) | (1ULL << CAP_KILL) | (1ULL << CAP_SETGID) | \
	(1ULL << CAP_SETUID) | (1ULL << CAP_NET_BIND_SERVICE) | \
	(1ULL << CAP_SYS_CHROOT) | (1ULL << CAP_SYS_PTRACE) | \
	(1ULL << CAP_SYS_TTY_CONFIG) | (1ULL << CAP_LEASE) | \
	(1ULL << CAP_SETFCAP) | (1ULL << CAP_AUDIT_WRITE))

/* Raw vserver(2): returns the result or -errno, never touches errno. */
static inline long vs_call(uint32_t cmd, uint32_t id, void *data)
{
	long ret = syscall(VSERVER_SYSCALL_NR, cmd, id, data);

	return ret < 0 ? -errno : ret;
}

static inline long vs_create(uint32_t xid, uint64_t flags)
{
	struct vcmd_ctx_create arg = { .flagword = flags };

	return vs_call(VCMD_ctx_create, xid, &arg);
}

static inline long vs_migrate(uint32_t xid, uint64_t flags)
{
	struct vcmd_ctx_migrate arg = { .flagword = flags };

	return vs_call(VCMD_ctx_migrate, xid, &arg);
}

static inline long vs_set_cflags(uint32_t xid, uint64_t flags, uint64_t mask)
{
	struct vcmd_ctx_flags arg = { .flagword = flags, .mask = mask };

	return vs_call(VCMD_set_cflags, xid, &arg);
}

static inline long vs_get_cflags(uint32_t xid, uint64_t *flags)
{
	struct vcmd_ctx_flags arg = { 0 };
	long ret = vs_call(VCMD_get_cflags, xid, &arg);

	*flags = arg.flagword;
	return ret;
}

/**
 * struct holder - a child process that sits in a context until released
 * @pid: the child
 * @release: write end; closing it lets the child exit
 * @result: what the child's ctx_create returned (xid or -errno)
 */
struct holder {
	pid_t pid;
	int release;
	long result;
};

/*
 * Fork a child that creates context @xid with @flags (or, with
 * @migrate, enters it), reports the result and waits for holder_stop().
 */
static inline long holder_start(struct holder *h, uint32_t xid,
				uint64_t flags, int migrate)
{
	int up[2], down[2];
	char c;

	if (pipe(up) || pipe(down))
		return -errno;
	h->pid = fork();
	if (h->pid < 0)
		return -errno;
	if (!h->pid) {
		long r = migrate ? vs_migrate(xid, flags) : vs_create(xid, flags);

		/* Drop other holders' pipes, or they would never see EOF. */
		for (int fd = 3; fd < 1024; fd++)
			if (fd != up[1] && fd != down[0])
				close(fd);
		if (write(up[1], &r, sizeof(r)) != sizeof(r))
			_exit(2);
		while (read(down[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	h->release = down[1];
	if (read(up[0], &h->result, sizeof(h->result)) != sizeof(h->result))
		h->result = -EIO;
	close(up[0]);
	return h->result;
}

/* Let the holder exit and reap it; returns its wait status. */
static inline int holder_stop(struct holder *h)
{
	int status = -1;

	close(h->release);
	waitpid(h->pid, &status, 0);
	return status;
}

/* Run @fn in a child; returns its exit code, or 128 + signal. */
static inline int in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (!pid)
		_exit(fn(arg));
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) :
				   128 + WTERMSIG(status);
}

/* The value of "Key:\t..." in a /proc/virtual file, or -1. */
static inline long proc_value(const char *path, const char *key, int base)
{
	char line[256];
	size_t klen = strlen(key);
	long v = -1;
	FILE *f = fopen(path, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			v = strtol(line + klen + 1, NULL, base);
			break;
		}
	fclose(f);
	return v;
}

#endif /* VS_TEST_COMMON_H */
