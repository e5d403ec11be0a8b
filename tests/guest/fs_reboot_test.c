// SPDX-License-Identifier: GPL-2.0
/*
 * fs_reboot_test - inode attributes survive a reboot
 *
 * The harness boots the guest twice with the same ext4 disk.  The first
 * boot leaves a shared file (two links, IXUNLINK|IMMUTABLE|COW) and a
 * barrier directory on it; the second finds them as they were and
 * breaks the link.
 */

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "common.h"
#include "kselftest_harness.h"

#define SHARED	(IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW)
#define TOP	"/tmp/reboot-disk"
#define DIR	TOP "/persist"

static uint32_t iattr_of(const char *name)
{
	struct vcmd_ctx_iattr a = { .name = (uintptr_t)name };

	return vs_call(VCMD_get_iattr, 0, &a) ? ~0U : a.flags;
}

static int set_iattr(const char *name, uint32_t flags, uint32_t mask)
{
	struct vcmd_ctx_iattr a = {
		.name = (uintptr_t)name, .flags = flags, .mask = mask,
	};

	return vs_call(VCMD_set_iattr, 0, &a);
}

TEST(attributes_survive_a_reboot)
{
	struct stat a, b;
	int fd;

	if (access("/dev/vda", F_OK))
		SKIP(return, "no disk attached");
	mkdir(TOP, 0755);
	ASSERT_EQ(0, mount("/dev/vda", TOP, "ext4", 0, NULL));
	if (access(DIR "/marker", F_OK)) {
		ASSERT_EQ(0, mkdir(DIR, 0755));
		fd = open(DIR "/a", O_WRONLY | O_CREAT, 0644);
		ASSERT_LE(0, fd);
		ASSERT_EQ(6, write(fd, "shared", 6));
		close(fd);
		ASSERT_EQ(0, link(DIR "/a", DIR "/b"));
		ASSERT_EQ(0, set_iattr(DIR "/a", SHARED, SHARED));
		ASSERT_EQ(0, mkdir(DIR "/bar", 0755));
		ASSERT_EQ(0, set_iattr(DIR "/bar", IATTR_BARRIER,
				       IATTR_BARRIER));
		fd = open(DIR "/marker", O_WRONLY | O_CREAT, 0644);
		ASSERT_LE(0, fd);
		close(fd);
		ASSERT_EQ(0, umount(TOP));
		SKIP(return, "prepared the disk; the next boot checks it");
	}
	EXPECT_EQ(SHARED, iattr_of(DIR "/a"));
	EXPECT_EQ(SHARED, iattr_of(DIR "/b"));
	EXPECT_EQ(IATTR_BARRIER, iattr_of(DIR "/bar"));
	/* The copy on write still works on what the last boot left. */
	fd = open(DIR "/a", O_WRONLY | O_APPEND);
	ASSERT_LE(0, fd);
	ASSERT_EQ(1, write(fd, "!", 1));
	close(fd);
	ASSERT_EQ(0, stat(DIR "/a", &a));
	ASSERT_EQ(0, stat(DIR "/b", &b));
	EXPECT_NE(a.st_ino, b.st_ino);
	EXPECT_EQ(7, a.st_size);
	EXPECT_EQ(6, b.st_size);
	ASSERT_EQ(0, set_iattr(DIR "/b", 0, SHARED));
	ASSERT_EQ(0, set_iattr(DIR "/bar", 0, IATTR_BARRIER));
	ASSERT_EQ(0, system("rm -rf " DIR));
	ASSERT_EQ(0, umount(TOP));
}

TEST_HARNESS_MAIN
