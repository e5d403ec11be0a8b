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
 *    device nodes on a filesystem the guest brings in do not work.  New
 *    filesystems are of the types in vx_mount_types only: those whose
 *    every instance is private to its mounter or shows only what the
 *    guest may see anyway.  Types that act on the whole machine
 *    (binfmt_misc, debugfs, tracefs, configfs, securityfs, bpf, cgroup,
 *    pstore, efivarfs) and network filesystems (whose kernel sockets
 *    would leave the network context) are refused.  A filesystem that
 *    needs a block device is allowed with VXC_DEV_MOUNT as well (the
 *    guest must be able to open the device), and if its mount data is
 *    binary, with VXC_BINARY_MOUNT too.
 *  - VXC_SECURE_REMOUNT: remounts of a mount (MS_BIND | MS_REMOUNT) that
 *    only add restrictions: a mount that is read-only, nosuid, noexec or
 *    nodev stays so.  Remounting a filesystem itself (MS_REMOUNT alone)
 *    changes it for every mount of it, the host's too, and is refused.
 *
 * The new mount API (fsopen() and friends) stays refused; a guest in the
 * host's mount namespace may not mount at all.
 */

#include <linux/array_size.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/nsproxy.h>
#include <linux/path.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <uapi/linux/mount.h>

#include <linux/vserver.h>

#include "context.h"
#include "isolation.h"
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
	if (!vx_cred_has_cap(CAP_SYS_ADMIN))
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
		int mnt_flags = READ_ONCE(path->mnt->mnt_flags);

		if (!vx_mount_allowed(VXC_SECURE_REMOUNT) ||
		    !(*flags & MS_BIND))
			return false;
		if (((mnt_flags & MNT_READONLY) && !(*flags & MS_RDONLY)) ||
		    ((mnt_flags & MNT_NOSUID) && !(*flags & MS_NOSUID)) ||
		    ((mnt_flags & MNT_NOEXEC) && !(*flags & MS_NOEXEC)))
			return false;
		if (mnt_flags & MNT_NODEV)
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

/*
 * Filesystems without a device a guest may mount with VXC_SECURE_MOUNT.
 * tmpfs, ramfs and devpts make a new instance for each mount; mqueue is
 * the guest's own ipc namespace's; proc and sysfs show what the guest
 * sees through the mounts it has (the module filters it).  sysfs needs
 * CAP_SYS_ADMIN over the network namespace, which a guest lacks; the host
 * may mount it for a guest in its fstab (writes to it are refused to
 * contexts).
 */
static const char *const vx_mount_types[] = {
	"tmpfs", "ramfs", "devpts", "mqueue", "proc",
};

/**
 * vc_mount_capable - the mount_capable call-out
 * @type: the filesystem type of a new mount
 *
 * Return: true if current may create a superblock of @type.
 */
bool vc_mount_capable(struct file_system_type *type)
{
	u64 need = VXC_SECURE_MOUNT;
	unsigned int i;

	if (type->fs_flags & FS_REQUIRES_DEV) {
		need |= VXC_DEV_MOUNT;
		if (type->fs_flags & FS_BINARY_MOUNTDATA)
			need |= VXC_BINARY_MOUNT;
		return vx_mount_allowed(need);
	}
	for (i = 0; i < ARRAY_SIZE(vx_mount_types); i++)
		if (!strcmp(type->name, vx_mount_types[i]))
			return vx_mount_allowed(need);
	return false;
}
