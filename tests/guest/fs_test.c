// SPDX-License-Identifier: GPL-2.0
/*
 * fs_test - inode attributes, copy-on-write links and the chroot barrier
 *
 * Every test runs on a tmpfs and on ext4 (the disk /dev/vda the harness
 * attaches, formatted on the host).  Shared files are hard links marked
 * IXUNLINK|IMMUTABLE|COW, as vhashify leaves them.
 */

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/xattr.h>

#include "common.h"
#include "kselftest_harness.h"

#define SHARED		(IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW)
#define ALLATTR		(SHARED | IATTR_BARRIER)

static int get_iattr(const char *name, uint32_t *flags, uint32_t *mask)
{
	struct vcmd_ctx_iattr a = { .name = (uintptr_t)name };
	long r = vs_call(VCMD_get_iattr, 0, &a);

	if (flags)
		*flags = a.flags;
	if (mask)
		*mask = a.mask;
	return r;
}

static int set_iattr(const char *name, uint32_t flags, uint32_t mask)
{
	struct vcmd_ctx_iattr a = {
		.name = (uintptr_t)name, .flags = flags, .mask = mask,
	};

	return vs_call(VCMD_set_iattr, 0, &a);
}

static uint32_t iattr_of(const char *name)
{
	uint32_t flags = 0;

	return get_iattr(name, &flags, NULL) ? ~0U : flags;
}

static int write_file(const char *path, const char *data, off_t at)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = pwrite(fd, data, strlen(data), at);
	close(fd);
	return n == (ssize_t)strlen(data) ? 0 : -EIO;
}

/* The first @size bytes of @path, NUL-terminated, in @buf. */
static char *read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, size - 1);

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static ino_t ino_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? 0 : st.st_ino;
}

FIXTURE(fs) {
	char dir[64];
	char a[96], b[96];	/* two links to one shared file */
};

FIXTURE_VARIANT(fs) {
	const char *fstype;
};

FIXTURE_VARIANT_ADD(fs, tmpfs) {
	.fstype = "tmpfs",
};

FIXTURE_VARIANT_ADD(fs, ext4) {
	.fstype = "ext4",
};

FIXTURE_SETUP(fs)
{
	char cmd[160];

	snprintf(self->dir, sizeof(self->dir), "/tmp/fs-%s", variant->fstype);
	mkdir(self->dir, 0755);
	if (!strcmp(variant->fstype, "ext4")) {
		/*
		 * The 6.1 harness runs the test after a skip in the setup:
		 * leave through the harness's own jump instead.
		 */
		if (access("/dev/vda", F_OK))
			SKIP(longjmp(_metadata->env, 1), "no disk attached");
		ASSERT_EQ(0, mount("/dev/vda", self->dir, "ext4", 0, NULL));
		snprintf(cmd, sizeof(cmd), "rm -rf %s/t", self->dir);
		ASSERT_EQ(0, system(cmd));
	} else {
		ASSERT_EQ(0, mount("t", self->dir, "tmpfs", 0, "size=8m"));
	}
	strcat(self->dir, "/t");
	ASSERT_EQ(0, mkdir(self->dir, 0755));
	snprintf(self->a, sizeof(self->a), "%s/a", self->dir);
	snprintf(self->b, sizeof(self->b), "%s/b", self->dir);
	ASSERT_EQ(0, write_file(self->a, "shared content\n", 0));
	ASSERT_EQ(0, link(self->a, self->b));
	ASSERT_EQ(0, chown(self->a, 1000, 1000));
	ASSERT_EQ(0, chmod(self->a, 0664));
	ASSERT_EQ(0, setxattr(self->a, "trusted.note", "kept", 4, 0));
	ASSERT_EQ(0, set_iattr(self->a, SHARED, SHARED));
}

FIXTURE_TEARDOWN(fs)
{
	char cmd[160], *top = strrchr(self->dir, '/');

	if (!top || access(self->a, F_OK) < 0) {
		*(top ? top : self->dir) = '\0';
		umount(self->dir);
		return;
	}
	/* The attributes would keep rm from removing the links. */
	snprintf(cmd, sizeof(cmd), "setattr -R --~immu --~cow %s >/dev/null 2>&1",
		 self->dir);
	system(cmd);
	*top = '\0';
	umount(self->dir);
}

TEST_F(fs, attributes_are_reported_with_what_the_file_supports)
{
	uint32_t flags, mask;

	ASSERT_EQ(0, get_iattr(self->a, &flags, &mask));
	EXPECT_EQ(SHARED, flags);
	EXPECT_EQ(SHARED, mask);
	ASSERT_EQ(0, get_iattr(self->dir, &flags, &mask));
	EXPECT_EQ(0, flags);
	EXPECT_EQ(IATTR_BARRIER | IATTR_IMMUTABLE | IATTR_IXUNLINK, mask);
	/* Bad input: unknown bits, attributes the inode lacks, no file. */
	EXPECT_EQ(-EINVAL, set_iattr(self->a, IATTR_TAG, IATTR_TAG));
	EXPECT_EQ(-EINVAL, set_iattr(self->a, IATTR_BARRIER, IATTR_BARRIER));
	EXPECT_EQ(-EINVAL, set_iattr(self->dir, IATTR_COW, IATTR_COW));
	EXPECT_EQ(-ENOENT, set_iattr("/nonexistent", 0, IATTR_COW));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_get_iattr, 0, (void *)1));
}

static int set_from_guest(void *arg)
{
	if (vs_create(560, VXF_INIT_SET) != 560)
		return 101;
	return set_iattr(arg, 0, SHARED) == -EPERM ? 0 : 1;
}

TEST_F(fs, only_the_host_sets_attributes)
{
	char c[96];

	EXPECT_EQ(0, in_child(set_from_guest, self->a));
	EXPECT_EQ(SHARED, iattr_of(self->a));
	/* Not even the host through the xattr calls: only set_iattr. */
	snprintf(c, sizeof(c), "%s/c", self->dir);
	ASSERT_EQ(0, write_file(c, "plain", 0));
	EXPECT_EQ(-1, setxattr(c, "trusted.vserver", "\x00\x00\x08\x00", 4, 0));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(0, iattr_of(c));
	ASSERT_EQ(0, set_iattr(self->dir, IATTR_BARRIER, IATTR_BARRIER));
	EXPECT_EQ(-1, removexattr(self->dir, "trusted.vserver"));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(4, getxattr(self->dir, "trusted.vserver", c, sizeof(c)));
	EXPECT_EQ(IATTR_BARRIER, iattr_of(self->dir));
	ASSERT_EQ(0, set_iattr(self->dir, 0, IATTR_BARRIER));
}

/*
 * A task of a context with the secure bounding set, past its setup,
 * writes @arg: a break there copies what the guest could not copy itself
 * (trusted extended attributes) and clears the attributes of a last link
 * (which needs CAP_LINUX_IMMUTABLE), as a break on the host does.
 */
static int write_in_secure_guest(void *arg)
{
	struct vcmd_bcaps b = { .bcaps = SECURE_BCAPS, .bmask = ~0ULL };
	int fd;

	if (vs_create(562, VXF_INIT_SET) != 562 ||
	    vs_call(VCMD_set_bcaps, VC_SAME_ID, &b) ||
	    vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 101;
	fd = open(arg, O_WRONLY | O_APPEND);
	if (fd < 0)
		return 100 + errno;
	if (write(fd, "guest\n", 6) != 6)
		return 1;
	return close(fd) ? 2 : 0;
}

TEST_F(fs, a_break_in_a_secure_guest_copies_everything)
{
	char buf[64];

	EXPECT_EQ(0, in_child(write_in_secure_guest, self->a));
	EXPECT_EQ(0, iattr_of(self->a));
	EXPECT_EQ(4, getxattr(self->a, "trusted.note", buf, sizeof(buf)));
	EXPECT_STREQ("shared content\nguest\n",
		     read_file(self->a, buf, sizeof(buf)));
	EXPECT_EQ(SHARED, iattr_of(self->b));
	/* Now b is the last link of the shared inode. */
	ASSERT_EQ(0, unlink(self->a));
	EXPECT_EQ(0, in_child(write_in_secure_guest, self->b));
	EXPECT_EQ(0, iattr_of(self->b));
	EXPECT_STREQ("shared content\nguest\n",
		     read_file(self->b, buf, sizeof(buf)));
	ASSERT_EQ(0, link(self->b, self->a));
}

/* In context @xid, wait for @go to close, then write @path once. */
static int write_when_told(const char *path, uint32_t xid, int go)
{
	char c;
	int fd;

	if (vs_create(xid, VXF_INIT_SET) != xid)
		return 101;
	if (read(go, &c, 1) < 0)
		return 102;
	fd = open(path, O_WRONLY | O_APPEND);
	if (fd < 0)
		return errno;
	return close(fd) ? 103 : 0;
}

/* Two guests break the same link at the same moment: both get a file. */
TEST_F(fs, concurrent_breaks_of_one_link_both_succeed)
{
	for (int i = 0; i < 30; i++) {
		int go[2], status;
		pid_t kid[2];

		ASSERT_EQ(0, pipe(go));
		for (int n = 0; n < 2; n++) {
			kid[n] = fork();
			ASSERT_LE(0, kid[n]);
			if (!kid[n]) {
				close(go[1]);
				_exit(write_when_told(self->a, 570 + n, go[0]));
			}
		}
		close(go[0]);
		close(go[1]);
		for (int n = 0; n < 2; n++) {
			ASSERT_EQ(kid[n], waitpid(kid[n], &status, 0));
			EXPECT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status)) {
				TH_LOG("round %d, guest %d: status 0x%x", i, n,
				       status);
			}
		}
		/* One private copy won the name; the other link is shared. */
		EXPECT_EQ(0, iattr_of(self->a));
		EXPECT_EQ(SHARED, iattr_of(self->b));
		ASSERT_EQ(0, unlink(self->a));
		ASSERT_EQ(0, link(self->b, self->a));
	}
}

TEST_F(fs, a_shared_file_is_immutable_but_links_may_go)
{
	char c[96], buf[64];
	int fd;

	snprintf(c, sizeof(c), "%s/c", self->dir);
	/* Through a descriptor the shared inode cannot change at all. */
	fd = open(self->a, O_RDONLY);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, fchmod(fd, 0600));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(-1, ftruncate(fd, 0));
	close(fd);
	/* Links may be added, renamed over and removed. */
	EXPECT_EQ(0, link(self->a, c));
	EXPECT_EQ(0, rename(c, self->b));
	EXPECT_EQ(0, unlink(self->b));
	EXPECT_STREQ("shared content\n", read_file(self->a, buf, sizeof(buf)));
	/* Immutable alone: links may not go. */
	ASSERT_EQ(0, set_iattr(self->a, IATTR_IMMUTABLE, SHARED));
	EXPECT_EQ(-1, unlink(self->a));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(-1, open(self->a, O_WRONLY));
	EXPECT_EQ(EPERM, errno);
	ASSERT_EQ(0, set_iattr(self->a, SHARED, SHARED));
}

/* Each way of changing a file by name; 0 if the change went through. */
static int change(const char *path, int how)
{
	struct open_how oh = { .flags = O_WRONLY };
	struct timespec ts[2] = { { 1, 0 }, { 2, 0 } };
	int fd;

	switch (how) {
	case 0:
		fd = open(path, O_WRONLY);
		if (fd < 0 || write(fd, "private", 7) != 7)
			return -errno;
		return close(fd);
	case 1:
		fd = open(path, O_RDWR | O_TRUNC);
		return fd < 0 ? -errno : close(fd);
	case 2:
		return truncate(path, 3) ? -errno : 0;
	case 3:
		return chmod(path, 0600) ? -errno : 0;
	case 4:
		return chown(path, 1001, 1001) ? -errno : 0;
	case 5:
		return utimensat(AT_FDCWD, path, ts, 0) ? -errno : 0;
	case 6:
		return setxattr(path, "trusted.new", "x", 1, 0) ? -errno : 0;
	case 7:
		return removexattr(path, "trusted.note") ? -errno : 0;
	case 8:
		fd = syscall(SYS_openat2, AT_FDCWD, path, &oh, sizeof(oh));
		return fd < 0 ? -errno : close(fd);
	case 9:
		fd = open(path, O_WRONLY | O_APPEND);
		if (fd < 0 || write(fd, "more", 4) != 4)
			return -errno;
		return close(fd);
	}
	return -EINVAL;
}

TEST_F(fs, every_change_by_name_breaks_the_link)
{
	char buf[64], other[96];
	struct stat st, sb;
	int how;

	for (how = 0; how < 10; how++) {
		ino_t shared = ino_of(self->a);

		ASSERT_EQ(0, stat(self->b, &sb));
		EXPECT_EQ(0, change(self->a, how)) TH_LOG("change %d", how);
		/* The name has a private copy; the other link is untouched. */
		ASSERT_EQ(0, stat(self->a, &st));
		EXPECT_NE(shared, st.st_ino) TH_LOG("change %d", how);
		EXPECT_EQ(1, st.st_nlink);
		EXPECT_EQ(0, iattr_of(self->a)) TH_LOG("change %d", how);
		EXPECT_EQ(shared, ino_of(self->b));
		EXPECT_STREQ("shared content\n",
			     read_file(self->b, buf, sizeof(buf)));
		EXPECT_EQ(SHARED, iattr_of(self->b));
		/* Share again for the next way. */
		ASSERT_EQ(0, set_iattr(self->a, 0, SHARED));
		ASSERT_EQ(0, unlink(self->a));
		ASSERT_EQ(0, link(self->b, self->a));
	}
	snprintf(other, sizeof(other), "%s/.vserver-cow", self->dir);
	EXPECT_EQ(NULL, strstr(read_file(self->dir, buf, sizeof(buf)), other));
}

TEST_F(fs, the_copy_keeps_content_owner_mode_times_and_xattrs)
{
	struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
	char buf[64], big[96], big2[96];
	struct stat before, after;
	int fd;

	/* A sparse file: 1 MiB of hole, then data. */
	snprintf(big, sizeof(big), "%s/sparse", self->dir);
	snprintf(big2, sizeof(big2), "%s/sparse2", self->dir);
	ASSERT_EQ(0, write_file(big, "tail", 1 << 20));
	ASSERT_EQ(0, set_iattr(self->a, 0, SHARED));
	ASSERT_EQ(0, utimensat(AT_FDCWD, self->a, ts, 0));
	ASSERT_EQ(0, set_iattr(self->a, SHARED, SHARED));
	ASSERT_EQ(0, stat(self->a, &before));
	fd = open(self->a, O_RDWR);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, fstat(fd, &after));
	close(fd);
	EXPECT_NE(before.st_ino, after.st_ino);
	EXPECT_EQ(before.st_mode, after.st_mode);
	EXPECT_EQ(1000, after.st_uid);
	EXPECT_EQ(1000, after.st_gid);
	EXPECT_EQ(2000, after.st_mtim.tv_sec);
	EXPECT_EQ(1000, after.st_atim.tv_sec);
	EXPECT_EQ(4, getxattr(self->a, "trusted.note", buf, sizeof(buf)));
	EXPECT_STREQ("shared content\n", read_file(self->a, buf, sizeof(buf)));

	/* Holes stay holes. */
	ASSERT_EQ(0, link(big, big2));
	ASSERT_EQ(0, set_iattr(big, SHARED, SHARED));
	ASSERT_EQ(0, stat(big, &before));
	fd = open(big, O_WRONLY);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, fstat(fd, &after));
	close(fd);
	EXPECT_NE(before.st_ino, after.st_ino);
	EXPECT_EQ((1 << 20) + 4, after.st_size);
	EXPECT_GT(64, after.st_blocks);
	fd = open(big, O_RDONLY);
	ASSERT_EQ(4, pread(fd, buf, 4, 1 << 20));
	EXPECT_EQ(0, memcmp(buf, "tail", 4));
	ASSERT_EQ(1, pread(fd, buf, 1, 4096));
	EXPECT_EQ(0, buf[0]);
	close(fd);
	ASSERT_EQ(0, set_iattr(big2, 0, SHARED));
}

TEST_F(fs, the_last_link_just_loses_the_attributes)
{
	ino_t ino;
	int fd;

	ASSERT_EQ(0, set_iattr(self->b, 0, SHARED));
	ASSERT_EQ(0, unlink(self->b));
	ASSERT_EQ(0, set_iattr(self->a, SHARED, SHARED));
	ino = ino_of(self->a);
	fd = open(self->a, O_WRONLY);
	ASSERT_LE(0, fd);
	close(fd);
	EXPECT_EQ(ino, ino_of(self->a));
	EXPECT_EQ(0, iattr_of(self->a));
}

/* A user who could not write the file gets no copy either. */
static int write_as_nobody(void *arg)
{
	if (setgid(65534) || setuid(65534))
		return 101;
	/* Refused as for any immutable file, and nothing copied. */
	return open(arg, O_WRONLY) == -1 && errno == EPERM ? 0 : 1;
}

TEST_F(fs, no_copy_for_a_change_that_is_not_allowed)
{
	ino_t ino = ino_of(self->a);

	EXPECT_EQ(0, in_child(write_as_nobody, self->a));
	EXPECT_EQ(ino, ino_of(self->a));
	EXPECT_EQ(SHARED, iattr_of(self->a));
}

struct writer {
	const char *path;
	int ok;
	int err;
};

static void *write_once(void *arg)
{
	struct writer *w = arg;
	int fd = open(w->path, O_WRONLY | O_APPEND);

	w->ok = fd >= 0 && write(fd, "x", 1) == 1;
	w->err = w->ok ? 0 : errno;
	if (fd >= 0)
		close(fd);
	return NULL;
}

TEST_F(fs, concurrent_writers_each_get_the_private_copy)
{
	struct writer w[8];
	pthread_t t[8];
	char buf[64];
	int i;

	for (i = 0; i < 8; i++) {
		w[i].path = self->a;
		ASSERT_EQ(0, pthread_create(&t[i], NULL, write_once, &w[i]));
	}
	for (i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		EXPECT_TRUE(w[i].ok) {
			TH_LOG("writer %d: %s", i, strerror(w[i].err));
		}
	}
	EXPECT_STREQ("shared content\nxxxxxxxx",
		     read_file(self->a, buf, sizeof(buf)));
	EXPECT_STREQ("shared content\n", read_file(self->b, buf, sizeof(buf)));
	EXPECT_EQ(SHARED, iattr_of(self->b));
}

/*
 * A writer whose lookup found the shared inode before another writer's
 * break renamed a copy over the name holds a stale name for an inode that
 * now has one link left: the other guest's.  It must look the name up
 * again, not take that inode for a last link and write into it.  The
 * window is narrow: many rounds, on every CPU.
 */
TEST_F(fs, racing_writers_never_write_the_other_link)
{
	char a[96], b[96], buf[64];
	struct writer w[8];
	pthread_t t[8];
	int round, i;

	for (round = 0; round < 40; round++) {
		snprintf(a, sizeof(a), "%s/ra%d", self->dir, round);
		snprintf(b, sizeof(b), "%s/rb%d", self->dir, round);
		ASSERT_EQ(0, write_file(a, "shared content\n", 0));
		ASSERT_EQ(0, link(a, b));
		ASSERT_EQ(0, set_iattr(a, SHARED, SHARED));
		for (i = 0; i < 8; i++) {
			w[i].path = a;
			ASSERT_EQ(0, pthread_create(&t[i], NULL, write_once,
						    &w[i]));
		}
		for (i = 0; i < 8; i++) {
			pthread_join(t[i], NULL);
			EXPECT_TRUE(w[i].ok) {
				TH_LOG("round %d: writer %d: %s", round, i,
				       strerror(w[i].err));
			}
		}
		EXPECT_STREQ("shared content\nxxxxxxxx",
			     read_file(a, buf, sizeof(buf)));
		ASSERT_STREQ("shared content\n", read_file(b, buf, sizeof(buf))) {
			TH_LOG("round %d: the other link was written", round);
		}
		ASSERT_EQ(SHARED, iattr_of(b)) {
			TH_LOG("round %d: the other link lost its attributes",
			       round);
		}
		ASSERT_EQ(0, set_iattr(b, 0, SHARED));
		ASSERT_EQ(0, unlink(a));
		ASSERT_EQ(0, unlink(b));
	}
}

TEST_F(fs, a_full_filesystem_loses_nothing)
{
	char big[96], other[96], buf[64];
	ino_t ino;
	int fd, i;
	struct dirent *d;
	DIR *dir;

	if (strcmp(variant->fstype, "tmpfs"))
		SKIP(return, "tmpfs only: its size is easy to fill");
	snprintf(big, sizeof(big), "%s/big", self->dir);
	snprintf(other, sizeof(other), "%s/big2", self->dir);
	fd = open(big, O_WRONLY | O_CREAT, 0644);
	ASSERT_LE(0, fd);
	memset(buf, 'b', sizeof(buf));
	for (i = 0; i < (5 << 20) / (int)sizeof(buf); i++)
		ASSERT_EQ(sizeof(buf), write(fd, buf, sizeof(buf)));
	close(fd);
	ASSERT_EQ(0, link(big, other));
	ASSERT_EQ(0, set_iattr(big, SHARED, SHARED));
	ino = ino_of(big);
	/* 5 MiB more do not fit in the 8 MiB tmpfs. */
	EXPECT_EQ(-1, open(big, O_WRONLY));
	EXPECT_EQ(ENOSPC, errno);
	EXPECT_EQ(ino, ino_of(big));
	EXPECT_EQ(SHARED, iattr_of(big));
	dir = opendir(self->dir);
	ASSERT_NE(NULL, dir);
	while ((d = readdir(dir)))
		EXPECT_EQ(NULL, strstr(d->d_name, "vserver-cow"));
	closedir(dir);
	ASSERT_EQ(0, set_iattr(big, 0, SHARED));
}

/* From inside a chroot and a mount namespace the break works alike. */
static int write_in_chroot(void *arg)
{
	const char *dir = arg;
	int fd;

	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	    chroot(dir) || chdir("/"))
		return 101;
	fd = open("/a", O_WRONLY | O_APPEND);
	if (fd < 0 || write(fd, "!", 1) != 1)
		return 1;
	return close(fd);
}

TEST_F(fs, the_break_works_in_a_chroot_and_a_mount_namespace)
{
	char buf[64];

	EXPECT_EQ(0, in_child(write_in_chroot, self->dir));
	EXPECT_STREQ("shared content\n!", read_file(self->a, buf, sizeof(buf)));
	EXPECT_STREQ("shared content\n", read_file(self->b, buf, sizeof(buf)));
}

TEST_F(fs, attributes_persist_across_a_remount)
{
	char top[64], *slash;

	if (strcmp(variant->fstype, "ext4"))
		SKIP(return, "a tmpfs does not outlive its mount");
	ASSERT_EQ(0, mkdir(strcat(strcpy(top, self->dir), "/bar"), 0755));
	ASSERT_EQ(0, set_iattr(top, IATTR_BARRIER, IATTR_BARRIER));
	strcpy(top, self->dir);
	slash = strrchr(top, '/');
	*slash = '\0';
	ASSERT_EQ(0, umount(top));
	ASSERT_EQ(0, mount("/dev/vda", top, "ext4", 0, NULL));
	EXPECT_EQ(SHARED, iattr_of(self->a));
	EXPECT_EQ(SHARED, iattr_of(self->b));
	EXPECT_EQ(IATTR_BARRIER, iattr_of(strcat(strcpy(top, self->dir), "/bar")));
}

/*
 * The barrier: <dir>/vs holds the guest roots g1 and g2.  A task of a
 * context in g1 tries the classic escapes towards g2/secret.
 */
static int barrier_escapes(void *arg)
{
	const char *dir = arg;
	char path[160];
	int keep, fd, ret = 0;

	keep = open(dir, O_RDONLY | O_DIRECTORY);
	snprintf(path, sizeof(path), "%s/vs/g1", dir);
	/* Into the guest root first: from the context the barrier holds. */
	if (keep < 0 || chdir(path) || vs_create(561, VXF_INIT_SET) != 561 ||
	    unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	    chroot(".") || mkdir("/sub", 0755) || mkdir("/mnt", 0755))
		return 101;
	/* A bind mount of the kept directory: the barrier goes with it. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", keep);
	if (mount(path, "/mnt", NULL, MS_BIND, NULL) == 0 &&
	    (access("/mnt/vs/g2/secret", F_OK) == 0 || errno != EACCES))
		ret |= 1;
	/* A second chroot leaves the working directory (g1) outside it. */
	if (chroot("/sub"))
		return 102;
	if (chdir("..") == 0 || errno != EACCES)
		ret |= 2;
	if (access("../g2/secret", F_OK) == 0 || errno != EACCES)
		ret |= 4;
	if (symlink("../g2/secret", "link") == 0 &&
	    (access("link", F_OK) == 0 || errno != EACCES))
		ret |= 8;
	/* A directory descriptor kept from the host. */
	if (openat(keep, "vs/g2/secret", O_RDONLY) >= 0 || errno != EACCES)
		ret |= 16;
	fd = openat(keep, "vs", O_RDONLY | O_DIRECTORY);
	if (fd >= 0 || errno != EACCES)
		ret |= 32;
	if (fchdir(keep) || access("vs/g2/secret", F_OK) == 0 ||
	    errno != EACCES)
		ret |= 64;
	if (fchdir(keep) == 0 && chdir("vs") == 0)
		ret |= 128;
	return ret;
}

static int spectator_passes(void *arg)
{
	char path[160];

	snprintf(path, sizeof(path), "%s/vs/g2/secret", (char *)arg);
	if (vs_migrate(1, 0))
		return 101;
	return access(path, R_OK);
}

TEST_F(fs, no_escape_through_the_barrier)
{
	char path[160];

	snprintf(path, sizeof(path), "%s/vs", self->dir);
	ASSERT_EQ(0, mkdir(path, 0755));
	strcat(path, "/g1");
	ASSERT_EQ(0, mkdir(path, 0755));
	snprintf(path, sizeof(path), "%s/vs/g2", self->dir);
	ASSERT_EQ(0, mkdir(path, 0755));
	strcat(path, "/secret");
	ASSERT_EQ(0, write_file(path, "secret\n", 0));
	snprintf(path, sizeof(path), "%s/vs", self->dir);
	ASSERT_EQ(0, set_iattr(path, IATTR_BARRIER, IATTR_BARRIER));
	EXPECT_EQ(IATTR_BARRIER, iattr_of(path));

	EXPECT_EQ(0, in_child(barrier_escapes, self->dir));
	/* The host and the spectator pass. */
	strcat(path, "/g2/secret");
	EXPECT_EQ(0, access(path, R_OK));
	EXPECT_EQ(0, in_child(spectator_passes, self->dir));
	snprintf(path, sizeof(path), "%s/vs", self->dir);
	ASSERT_EQ(0, set_iattr(path, 0, IATTR_BARRIER));
}

TEST_HARNESS_MAIN
