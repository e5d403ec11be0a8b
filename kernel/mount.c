// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - mounts a guest may make
 *
 * A secure guest lacks CAP_SYS_ADMIN.  Its context capabilities give
 * back what cannot reach beyond the guest, to a task that has
 * CAP_SYS_ADMIN in its effective set and works in a mount namespace
 * other than the host's (a guest with a mount space of its own):
 *
 *  - VXC_SECURE_MOUNT: mount(2) for new mounts, bind mounts, moves and
 *    propagation changes, and umount(2).  New mounts always get MS_NODEV:
 *    device nodes on a filesystem the guest brings in do not work.  A
 *    filesystem that needs a block device also needs VXC_DEV_MOUNT, one
 *    with binary mount data (nfs and the like) VXC_BINARY_MOUNT.
 *  - VXC_SECURE_REMOUNT: remounts, of a mount (MS_BIND) or of its
 *    filesystem.  A mount that ignores device nodes keeps doing so.
 *
 * The new mount API (fsopen() and friends) stays refused; a guest in the
 * host's mount namespace may not mount at all.
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/nsproxy.h>
#include <linux/path.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <uapi/linux/mount.h>

#include <linux/vserver.h>

#include "context.h"
#include "mount.h"

/**
 * vx_mount_allowed - whether current's context allows it to mount
 * @ccaps: the context capabilities needed, all of them
 *
 * Return: true if current is in a context (not the spectator) with
 * @ccaps, has CAP_SYS_ADMIN effective and a mount namespace other than the
 * host's.
 */
bool vx_mount_allowed(u64 ccaps)
{
	struct vx_info *cur = vx_current();

	if (!cur || vx_is_spectator(cur) || !in_task())
		return false;
	if ((READ_ONCE(cur->ccaps) & ccaps) != ccaps)
		return false;
	if (!cap_raised(current_cred()->cap_effective, CAP_SYS_ADMIN))
		return false;
	return current->nsproxy->mnt_ns != init_task.nsproxy->mnt_ns;
}

/**
 * vc_may_mount - the may_mount call-out
 * @path: the mount point, or the mount to change
 * @flags: the mount(2) flags; MS_NODEV is added where the mount must
 *         ignore device nodes
 *
 * Return: true if current may go ahead.
 */
bool vc_may_mount(const struct path *path, unsigned long *flags)
{
	if (*flags & MS_REMOUNT) {
		if (!vx_mount_allowed(VXC_SECURE_REMOUNT))
			return false;
		if (path->mnt->mnt_flags & MNT_NODEV)
			*flags |= MS_NODEV;
		return true;
	}
	if (!vx_mount_allowed(VXC_SECURE_MOUNT))
		return false;
	if (!(*flags & (MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE |
			MS_SLAVE | MS_UNBINDABLE)))
		*flags |= MS_NODEV;
	return true;
}

/**
 * vc_mount_capable - the mount_capable call-out
 * @type: the filesystem type of a new mount
 *
 * Return: true if current may create a superblock of @type.
 */
bool vc_mount_capable(struct file_system_type *type)
{
	u64 need = VXC_SECURE_MOUNT;

	if (type->fs_flags & FS_REQUIRES_DEV)
		need |= VXC_DEV_MOUNT;
	if (type->fs_flags & FS_BINARY_MOUNTDATA)
		need |= VXC_BINARY_MOUNT;
	return vx_mount_allowed(need);
}
