// SPDX-License-Identifier: GPL-2.0
/*
 * hostpath.c - host paths that may lead into guest trees, and mounts by
 *              descriptor
 *
 * The host's tools open what an fstab line or a build names with
 * openat2(): inside a guest's tree a path is resolved in that guest's
 * root, anywhere else without following any symbolic link, so that no
 * symbolic link a guest made leads a host-root operation out of its tree.
 * Mounts are then made from those descriptors with the new mount API, so
 * that their flags land on exactly the new mount.
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lib/c.h"
#include "guest.h"

/**
 * guest_openat2() - openat2(2), with O_CLOEXEC
 * @dirfd: the directory @path is relative to, or AT_FDCWD
 * @path: the path
 * @flags: open(2) flags; O_CLOEXEC is added
 * @resolve: RESOLVE_* flags
 *
 * Return: a descriptor, or -1 with errno set.
 */
int guest_openat2(int dirfd, const char *path, int flags,
		  unsigned long long resolve)
{
	struct open_how how = {
		.flags = flags | O_CLOEXEC,
		.resolve = resolve,
	};

	return syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
}

/**
 * guest_open_in() - open a path of a guest's tree as the guest sees it
 * @root: a descriptor of the guest's root
 * @path: the path in the guest, absolute or relative to its root
 * @flags: open(2) flags; O_CLOEXEC is added
 *
 * Every symbolic link on the way, absolute or with "..", is resolved in
 * the guest's root (RESOLVE_IN_ROOT), as the guest's own processes
 * resolve it: a Debian root's /etc/init.d/rc -> /lib/init/rc names the
 * guest's /lib/init/rc, never the host's, and no link leads out of the
 * tree.  /proc magic links are not followed.
 *
 * Return: a descriptor, or -1 with errno set.
 */
int guest_open_in(int root, const char *path, int flags)
{
	return guest_openat2(root, path, flags,
			     RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
}

/**
 * guest_open_host() - open a host path as a host-root tool may
 * @path: a canonical absolute path (see guest_path_canonical())
 * @flags: open(2) flags, such as O_PATH or O_RDONLY; O_CLOEXEC is added
 *
 * At or below a guest's root (guest_tree_of()), @path is resolved in
 * that root (RESOLVE_IN_ROOT): the guest's symbolic links, absolute or
 * with "..", stay in its tree and name what the guest itself would see.
 * Anywhere else no symbolic link is followed (RESOLVE_NO_SYMLINKS): a
 * link of the host could lead into a guest's tree and one of the guest's
 * back out of it, or the tree could be another mount of a guest's root.
 * /proc magic links are never followed.
 *
 * Return: a descriptor, or -1 with errno set (EINVAL: @path is not
 * canonical; ELOOP: a symbolic link outside a guest's tree).
 */
int guest_open_host(const char *path, int flags)
{
	char root[PATH_MAX];
	const char *rest;
	int rfd, fd, e;

	if (!guest_path_canonical(path)) {
		errno = EINVAL;
		return -1;
	}
	if (!guest_tree_of(path, root, sizeof(root)))
		return guest_openat2(AT_FDCWD, path, flags,
				     RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
	/* The root itself is the host's: build made it, vdir names it. */
	rfd = guest_openat2(AT_FDCWD, root, O_PATH | O_DIRECTORY,
			    RESOLVE_NO_MAGICLINKS);
	if (rfd < 0)
		return -1;
	rest = path + strlen(root);
	fd = guest_open_in(rfd, *rest ? rest : ".", flags);
	e = errno;
	close(rfd);
	errno = e;
	return fd;
}

/**
 * guest_mount_attr() - the mount attributes of MS_* flags
 * @flags: MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, the atime flags,
 *         MS_NOSYMFOLLOW; others are ignored
 *
 * Return: what mount_setattr() sets for them; nothing is cleared but the
 * atime mode that a new one replaces.
 */
struct mount_attr guest_mount_attr(unsigned long flags)
{
	static const struct {
		unsigned long ms;
		uint64_t attr;
	} map[] = {
		{ MS_RDONLY, MOUNT_ATTR_RDONLY }, { MS_NOSUID, MOUNT_ATTR_NOSUID },
		{ MS_NODEV, MOUNT_ATTR_NODEV }, { MS_NOEXEC, MOUNT_ATTR_NOEXEC },
		{ MS_NODIRATIME, MOUNT_ATTR_NODIRATIME },
		{ MS_NOSYMFOLLOW, MOUNT_ATTR_NOSYMFOLLOW },
	};
	struct mount_attr a = { 0 };
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (flags & map[i].ms)
			a.attr_set |= map[i].attr;
	if (flags & (MS_NOATIME | MS_STRICTATIME | MS_RELATIME)) {
		a.attr_clr |= MOUNT_ATTR__ATIME;
		a.attr_set |= flags & MS_NOATIME ? MOUNT_ATTR_NOATIME :
			      flags & MS_STRICTATIME ? MOUNT_ATTR_STRICTATIME :
			      MOUNT_ATTR_RELATIME;
	}
	return a;
}

/**
 * guest_clone_tree() - a detached bind mount of an open file, restricted
 * @fd: the file: its mount and its place in it
 * @recursive: with the mounts below it (rbind)
 * @attr: the attributes to set on the new mount (with @recursive, on
 *        every mount of the new tree); they restrict only the new tree
 * @cloexec: close the new descriptor on exec
 *
 * The tree is attached with move_mount(), or used through its descriptor
 * (/proc/self/fd/N) without being attached at all.  It keeps the
 * restrictions of the mount it comes from.
 *
 * Return: the tree's descriptor, or -1 with errno set.
 */
int guest_clone_tree(int fd, bool recursive, const struct mount_attr *attr,
		     bool cloexec)
{
	struct mount_attr a = *attr;
	int tree, e;

	tree = open_tree(fd, "", OPEN_TREE_CLONE | AT_EMPTY_PATH |
			 (cloexec ? OPEN_TREE_CLOEXEC : 0) |
			 (recursive ? AT_RECURSIVE : 0));
	if (tree < 0)
		return -1;
	if ((a.attr_set || a.attr_clr) &&
	    mount_setattr(tree, "", AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0),
			  &a, sizeof(a)) < 0) {
		e = errno;
		close(tree);
		errno = e;
		return -1;
	}
	return tree;
}
