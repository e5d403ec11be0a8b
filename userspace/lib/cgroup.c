// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup.c - the cgroup v2 group of a vserver
 *
 * The group of guest NAME is VS_CGROUP_MOUNT/VS_CGROUP_PARENT/NAME.  The
 * parent is created on demand with the cpu, memory, pids and io
 * controllers enabled for its children, so that a guest's limits are
 * plain writes to its own interface files.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "parse.h"

const char *const vs_cgroup_files[] = {
	"cpu.max", "cpu.weight", "cpu.weight.nice",
	"memory.max", "memory.high", "memory.low", "memory.min",
	"memory.swap.max", "memory.oom.group",
	"pids.max",
	"io.max", "io.weight",
	NULL
};

static const char *const controllers[] = { "cpu", "memory", "pids", "io", NULL };

/**
 * vs_cgroup_file_known() - whether a configuration may set this file
 * @file: an interface file name such as "memory.max"
 *
 * Return: true for the files of vs_cgroup_files.
 */
bool vs_cgroup_file_known(const char *file)
{
	const char *const *f;

	for (f = vs_cgroup_files; *f; f++)
		if (!strcmp(*f, file))
			return true;
	return false;
}

/**
 * vs_cgroup_path() - the path of a guest's group or of one of its files
 * @name: the vserver name; NULL for the parent of all guests
 * @file: an interface file, or NULL for the directory
 * @buf: the result
 * @size: size of @buf
 *
 * Return: 0, or -ENAMETOOLONG.
 */
int vs_cgroup_path(const char *name, const char *file, char *buf, size_t size)
{
	int n;

	n = snprintf(buf, size, "%s/%s%s%s%s%s", VS_CGROUP_MOUNT,
		     VS_CGROUP_PARENT, name ? "/" : "", name ? name : "",
		     file ? "/" : "", file ? file : "");
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static int write_file(const char *path, const char *value)
{
	size_t len = strlen(value);
	ssize_t n;
	int fd, ret = 0;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, value, len);
	if (n < 0)
		ret = -errno;
	else if ((size_t)n != len)
		ret = -EIO;
	if (close(fd) < 0 && !ret)
		ret = -errno;
	return ret;
}

/* Enable below @dir those of our controllers that @dir offers. */
static int enable_controllers(const char *dir)
{
	char path[PATH_MAX], have[256], want[16], *tok, *save;
	const char *const *c;
	FILE *f;
	int ret;

	snprintf(path, sizeof(path), "%s/cgroup.controllers", dir);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	if (!fgets(have, sizeof(have), f))
		have[0] = '\0';
	fclose(f);
	snprintf(path, sizeof(path), "%s/cgroup.subtree_control", dir);
	for (tok = strtok_r(have, " \n", &save); tok;
	     tok = strtok_r(NULL, " \n", &save)) {
		for (c = controllers; *c && strcmp(*c, tok); c++)
			;
		if (!*c)
			continue;
		snprintf(want, sizeof(want), "+%s", tok);
		ret = write_file(path, want);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * vs_cgroup_create() - create the group of a guest
 * @name: the vserver name
 *
 * Creates the parent on the way and enables the cpu, memory, pids and io
 * controllers (those the kernel has) for the guests' groups.
 *
 * Return: 0, -EEXIST if the group exists, or another -errno.
 */
int vs_cgroup_create(const char *name)
{
	char path[PATH_MAX];
	int ret;

	ret = enable_controllers(VS_CGROUP_MOUNT);
	if (ret)
		return ret;
	ret = vs_cgroup_path(NULL, NULL, path, sizeof(path));
	if (ret)
		return ret;
	if (mkdir(path, 0755) < 0 && errno != EEXIST)
		return -errno;
	ret = enable_controllers(path);
	if (ret)
		return ret;
	ret = vs_cgroup_path(name, NULL, path, sizeof(path));
	if (ret)
		return ret;
	return mkdir(path, 0755) < 0 ? -errno : 0;
}

/**
 * vs_cgroup_exists() - whether a guest has a group
 * @name: the vserver name
 *
 * Return: true if the directory exists.
 */
bool vs_cgroup_exists(const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	return !vs_cgroup_path(name, NULL, path, sizeof(path)) &&
	       !stat(path, &st) && S_ISDIR(st.st_mode);
}

/**
 * vs_cgroup_write() - write one interface file of a guest's group
 * @name: the vserver name
 * @file: the file, such as "pids.max"
 * @value: what to write, as the kernel takes it
 *
 * Return: 0 or -errno (the kernel's EINVAL for a value it refuses).
 */
int vs_cgroup_write(const char *name, const char *file, const char *value)
{
	char path[PATH_MAX];
	int ret;

	ret = vs_cgroup_path(name, file, path, sizeof(path));
	return ret ? ret : write_file(path, value);
}

/**
 * vs_cgroup_read() - read one interface file of a guest's group
 * @name: the vserver name
 * @file: the file
 * @buf: the content, without the final newline; lines joined with "; "
 * @size: size of @buf
 *
 * Return: 0 or -errno.
 */
int vs_cgroup_read(const char *name, const char *file, char *buf, size_t size)
{
	char path[PATH_MAX], line[256];
	size_t len = 0;
	FILE *f;
	int ret;

	if (!size)
		return -EINVAL;
	buf[0] = '\0';
	ret = vs_cgroup_path(name, file, path, sizeof(path));
	if (ret)
		return ret;
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		len += snprintf(buf + len, size - len, "%s%s",
				len ? "; " : "", line);
		if (len >= size) {
			buf[size - 1] = '\0';
			break;
		}
	}
	ret = ferror(f) ? -EIO : 0;
	fclose(f);
	return ret;
}

/**
 * vs_cgroup_attach() - move a process into a guest's group
 * @name: the vserver name
 * @pid: the process, 0 for the caller
 *
 * Return: 0 or -errno.
 */
int vs_cgroup_attach(const char *name, pid_t pid)
{
	char value[16];

	snprintf(value, sizeof(value), "%d", (int)pid);
	return vs_cgroup_write(name, "cgroup.procs", value);
}

/**
 * vs_cgroup_remove() - remove the group of a stopped guest
 * @name: the vserver name
 *
 * The last processes leave a group shortly after they are reaped, so an
 * EBUSY is retried for up to two seconds.
 *
 * Return: 0 (also if there was no group), or -errno.
 */
int vs_cgroup_remove(const char *name)
{
	const struct timespec pause = { .tv_nsec = 20 * 1000 * 1000 };
	char path[PATH_MAX];
	int ret, tries;

	ret = vs_cgroup_path(name, NULL, path, sizeof(path));
	if (ret)
		return ret;
	for (tries = 0; tries < 100; tries++) {
		if (!rmdir(path) || errno == ENOENT)
			return 0;
		if (errno != EBUSY)
			return -errno;
		nanosleep(&pause, NULL);
	}
	return -EBUSY;
}

/* "max", "inf", or a byte count with a k/K/m/M/g/G suffix. */
static int bytes_value(const char *in, char *out, size_t size)
{
	uint64_t v;

	if (!strcmp(in, "max") || !strcasecmp(in, "inf")) {
		snprintf(out, size, "max");
		return 0;
	}
	if (vs_parse_limit(in, &v))
		return -EINVAL;
	snprintf(out, size, "%llu", (unsigned long long)v);
	return 0;
}

/**
 * vs_cgroup_value() - the kernel's form of a limit an admin wrote
 * @file: the interface file
 * @in: the value: for memory.* a byte count with an optional k/K/m/M/g/G
 *      suffix or "max"/"inf"; for pids.max a number or "max"/"inf"; for
 *      cpu.max "max", "QUOTA PERIOD" in microseconds, or "N%" of one CPU;
 *      other files as the kernel takes them
 * @out: the result
 * @size: size of @out
 *
 * Return: 0, or -EINVAL if @in cannot be a value of @file.
 */
int vs_cgroup_value(const char *file, const char *in, char *out, size_t size)
{
	uint64_t v;
	size_t len = strlen(in);

	if (!len || strchr(in, '\n') || len >= size)
		return -EINVAL;
	if (!strncmp(file, "memory.", 7) && strcmp(file, "memory.oom.group"))
		return bytes_value(in, out, size);
	if (!strcmp(file, "pids.max")) {
		if (!strcmp(in, "max") || !strcasecmp(in, "inf")) {
			snprintf(out, size, "max");
			return 0;
		}
		if (vs_parse_u64(in, INT32_MAX, &v))
			return -EINVAL;
		snprintf(out, size, "%llu", (unsigned long long)v);
		return 0;
	}
	if (!strcmp(file, "cpu.max") && in[len - 1] == '%') {
		char num[16];

		if (len > sizeof(num))
			return -EINVAL;
		memcpy(num, in, len - 1);
		num[len - 1] = '\0';
		if (vs_parse_u64(num, 100000, &v) || !v)
			return -EINVAL;
		/* A period of 100 ms; quota in the kernel's microseconds. */
		snprintf(out, size, "%llu 100000", (unsigned long long)v * 1000);
		return 0;
	}
	snprintf(out, size, "%s", in);
	return 0;
}
