// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - inode attributes: barrier, unlinkable immutable files, cow
 *
 * The attributes of Linux-VServer and where they are kept:
 *
 *   IATTR_IMMUTABLE  the filesystem's own immutable flag (FS_IMMUTABLE_FL),
 *                    so that the VFS refuses every change as usual
 *   IATTR_IXUNLINK   links to the immutable file may be removed and added
 *   IATTR_COW        a change by name gives the link a private copy
 *                    (cow.c); so does IXUNLINK with IMMUTABLE
 *   IATTR_BARRIER    a directory only the host and the spectator may pass
 *
 * The last three live in the extended attribute "trusted.vserver" (a
 * little-endian 32-bit word of IATTR_* bits), a name no filesystem flag
 * can collide with, which persists wherever the filesystem keeps trusted
 * extended attributes (ext4, tmpfs, xfs, btrfs...).  The first time an
 * inode is seen in memory they are loaded into the S_VS_* bits of
 * inode::i_flags, which the hot paths test; S_VS_KNOWN says they are
 * there.  Setting any attribute needs CAP_LINUX_IMMUTABLE on the host;
 * the extended attribute itself cannot be changed with setxattr() or
 * removexattr() by anybody, so that the cache stays right.
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fileattr.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/xattr.h>

#include <linux/vserver.h>

#include "context.h"
#include "iattr.h"

#define VX_IATTR_XATTR		XATTR_TRUSTED_PREFIX "vserver"
/* The attributes kept in VX_IATTR_XATTR */
#define VX_IATTR_STORED		(IATTR_BARRIER | IATTR_IXUNLINK | IATTR_COW)
#define S_VS_ALL		(S_VS_KNOWN | S_VS_IXUNLINK | S_VS_COW | \
				 S_VS_BARRIER)

static unsigned int vx_iattr_to_iflags(u32 iattr)
{
	return (iattr & IATTR_BARRIER ? S_VS_BARRIER : 0) |
	       (iattr & IATTR_IXUNLINK ? S_VS_IXUNLINK : 0) |
	       (iattr & IATTR_COW ? S_VS_COW : 0);
}

/**
 * vx_iattr_load - load an inode's attributes into its S_VS_* bits
 * @inode: the inode
 * @dentry: a dentry of @inode, or NULL to find one
 *
 * Does nothing if they are loaded already.  May sleep.
 *
 * Return: 0, or the error of reading them (then nothing is loaded).
 */
int vx_iattr_load(struct inode *inode, struct dentry *dentry)
{
	struct dentry *alias;
	__le32 word;
	ssize_t n;

	if (inode->i_flags & S_VS_KNOWN)
		return 0;
	if (!(inode->i_opflags & IOP_XATTR)) {
		inode_set_flags(inode, S_VS_KNOWN, S_VS_ALL);
		return 0;
	}
	alias = dentry ? dget(dentry) : d_find_any_alias(inode);
	if (!alias)
		return 0;
	n = __vfs_getxattr(alias, inode, VX_IATTR_XATTR, &word, sizeof(word));
	dput(alias);
	if (n == sizeof(word))
		inode_set_flags(inode, S_VS_KNOWN |
				vx_iattr_to_iflags(le32_to_cpu(word)),
				S_VS_ALL);
	else if (n >= 0 || n == -ENODATA || n == -EOPNOTSUPP)
		inode_set_flags(inode, S_VS_KNOWN, S_VS_ALL);
	else
		return n;
	return 0;
}

/**
 * vc_inode_permission - the inode_permission call-out
 * @inode: a directory whose attributes are not loaded, or a barrier
 * @mask: the MAY_* mask
 *
 * Return: 0; -EACCES for a barrier and a task in a context other than the
 * spectator; -ECHILD if the attributes need loading and @mask forbids
 * blocking; the error of loading them.
 */
int vc_inode_permission(struct inode *inode, int mask)
{
	struct vx_info *cur;
	int err;

	if (!(inode->i_flags & S_VS_KNOWN)) {
		if (mask & MAY_NOT_BLOCK)
			return -ECHILD;
		err = vx_iattr_load(inode, NULL);
		if (err)
			return err;
	}
	if (!(inode->i_flags & S_VS_BARRIER))
		return 0;
	cur = vx_current();
	return cur && !vx_is_spectator(cur) ? -EACCES : 0;
}

/**
 * vc_xattr_reserved - the xattr_reserved call-out
 * @name: the full name of an extended attribute
 *
 * Return: true for our own attribute, which only set_iattr changes.
 */
bool vc_xattr_reserved(const char *name)
{
	return !strcmp(name, VX_IATTR_XATTR);
}

/**
 * vc_inode_unlinkable - the inode_unlinkable call-out
 * @inode: an immutable inode
 *
 * Return: true if it has IATTR_IXUNLINK or IATTR_COW.
 */
bool vc_inode_unlinkable(struct inode *inode)
{
	if (vx_iattr_load(inode, NULL))
		return false;
	return inode->i_flags & (S_VS_IXUNLINK | S_VS_COW);
}

/* The attributes @inode supports. */
static u32 vx_iattr_supported(struct inode *inode)
{
	u32 mask = 0;

	if (inode->i_op->fileattr_get && inode->i_op->fileattr_set &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)))
		mask |= IATTR_IMMUTABLE;
	if (xattr_supported_namespace(inode, XATTR_TRUSTED_PREFIX) == 0) {
		if (S_ISDIR(inode->i_mode))
			mask |= IATTR_BARRIER;
		if (mask & IATTR_IMMUTABLE)
			mask |= IATTR_IXUNLINK;
		if (S_ISREG(inode->i_mode) && (mask & IATTR_IMMUTABLE))
			mask |= IATTR_COW;
	}
	return mask;
}

static u32 vx_iattr_get(struct inode *inode)
{
	u32 flags = IS_IMMUTABLE(inode) ? IATTR_IMMUTABLE : 0;

	if (inode->i_flags & S_VS_BARRIER)
		flags |= IATTR_BARRIER;
	if (inode->i_flags & S_VS_IXUNLINK)
		flags |= IATTR_IXUNLINK;
	if (inode->i_flags & S_VS_COW)
		flags |= IATTR_COW;
	return flags;
}

static int vx_iattr_set_immutable(const struct path *path, bool on)
{
	struct dentry *dentry = path->dentry;
	struct fileattr fa;
	int err;

	err = vfs_fileattr_get(dentry, &fa);
	if (err)
		return err == -ENOIOCTLCMD ? -EINVAL : err;
	if (!!(fa.flags & FS_IMMUTABLE_FL) == on)
		return 0;
	fileattr_fill_flags(&fa, on ? fa.flags | FS_IMMUTABLE_FL :
				      fa.flags & ~FS_IMMUTABLE_FL);
	err = vfs_fileattr_set(mnt_user_ns(path->mnt), dentry, &fa);
	return err == -ENOIOCTLCMD ? -EINVAL : err;
}

static int vx_iattr_set_stored(const struct path *path, u32 flags, u32 mask)
{
	struct dentry *dentry = path->dentry;
	struct inode *inode = d_inode(dentry);
	u32 now;
	__le32 word;
	int err;

	inode_lock(inode);
	err = vx_iattr_load(inode, dentry);
	if (err)
		goto out;
	now = vx_iattr_get(inode) & VX_IATTR_STORED;
	now = (now & ~mask) | (flags & mask & VX_IATTR_STORED);
	if (now) {
		word = cpu_to_le32(now);
		err = __vfs_setxattr(mnt_user_ns(path->mnt), dentry, inode,
				     VX_IATTR_XATTR, &word, sizeof(word), 0);
	} else {
		err = __vfs_removexattr(mnt_user_ns(path->mnt), dentry,
					VX_IATTR_XATTR);
		if (err == -ENODATA)
			err = 0;
	}
	if (!err)
		inode_set_flags(inode, S_VS_KNOWN | vx_iattr_to_iflags(now),
				S_VS_ALL);
out:
	inode_unlock(inode);
	return err;
}

/**
 * __vx_iattr_change - change attributes of a file, write access held
 * @path: the file; the caller holds mnt_want_write() on @path->mnt
 * @flags: the new values of the IATTR_* bits in @mask
 * @mask: the attributes to change; each must be supported
 *
 * For callers that must take write access before a lock of their own
 * (freeze protection comes before inode locks).  Otherwise as
 * vx_iattr_change().
 *
 * Return: as vx_iattr_change().
 */
int __vx_iattr_change(const struct path *path, u32 flags, u32 mask)
{
	struct inode *inode = d_inode(path->dentry);
	bool immutable = flags & IATTR_IMMUTABLE;
	int err = 0;

	if (mask & ~vx_iattr_supported(inode))
		return -EINVAL;
	if ((mask & IATTR_IMMUTABLE) && !immutable)
		err = vx_iattr_set_immutable(path, false);
	if (!err && (mask & VX_IATTR_STORED))
		err = vx_iattr_set_stored(path, flags, mask);
	if (!err && (mask & IATTR_IMMUTABLE) && immutable)
		err = vx_iattr_set_immutable(path, true);
	return err;
}

/**
 * vx_iattr_change - change attributes of a file
 * @path: the file
 * @flags: the new values of the IATTR_* bits in @mask
 * @mask: the attributes to change; each must be supported
 *
 * The caller has checked its right to do so.  Kept attributes are
 * written before the file becomes immutable and cleared after it stopped
 * being so, so that an immutable file never lacks them.
 *
 * Return: 0, -EINVAL for an attribute the file does not support, or the
 * filesystem's error.
 */
int vx_iattr_change(const struct path *path, u32 flags, u32 mask)
{
	int err;

	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	err = __vx_iattr_change(path, flags, mask);
	mnt_drop_write(path->mnt);
	return err;
}

static int vx_iattr_read(const struct path *path, u32 *flags, u32 *mask)
{
	struct inode *inode = d_inode(path->dentry);
	int err = vx_iattr_load(inode, path->dentry);

	if (err)
		return err;
	*flags = vx_iattr_get(inode);
	*mask = vx_iattr_supported(inode);
	return 0;
}

static int vx_iattr_write(const struct path *path, u32 flags, u32 mask)
{
	if (mask & ~(IATTR_IMMUTABLE | VX_IATTR_STORED))
		return -EINVAL;
	return vx_iattr_change(path, flags, mask);
}

static int vc_iattr_path(struct vcmd_ctx_iattr *arg, void __user *data,
			 struct path *path)
{
	if (copy_from_user(arg, data, sizeof(*arg)))
		return -EFAULT;
	return user_path_at(AT_FDCWD, u64_to_user_ptr(arg->name), 0, path);
}

/**
 * vc_get_iattr - get_iattr: the attributes of a file, by name
 * @id: unused
 * @data: struct vcmd_ctx_iattr; the name is read, the rest written
 *
 * Return: 0; -EFAULT; the error of looking the name up (a symlink as the
 * last component is not followed) or of reading the attributes.
 */
long vc_get_iattr(u32 id, void __user *data)
{
	struct vcmd_ctx_iattr arg;
	struct path path;
	int err;

	err = vc_iattr_path(&arg, data, &path);
	if (err)
		return err;
	arg.tag = 0;
	err = vx_iattr_read(&path, &arg.flags, &arg.mask);
	path_put(&path);
	if (!err && copy_to_user(data, &arg, sizeof(arg)))
		err = -EFAULT;
	return err;
}

/**
 * vc_set_iattr - set_iattr: change the attributes of a file, by name
 * @id: unused
 * @data: struct vcmd_ctx_iattr: the bits in mask take the values in flags
 *
 * Return: 0; -EPERM unless the caller is on the host with
 * CAP_LINUX_IMMUTABLE; -EFAULT; -EINVAL for unknown attributes, the
 * context tag, or attributes the file does not support; the error of the
 * lookup or of the filesystem.
 */
long vc_set_iattr(u32 id, void __user *data)
{
	struct vcmd_ctx_iattr arg;
	struct path path;
	int err;

	if (vx_current() || !capable(CAP_LINUX_IMMUTABLE))
		return -EPERM;
	err = vc_iattr_path(&arg, data, &path);
	if (err)
		return err;
	err = vx_iattr_write(&path, arg.flags, arg.mask);
	path_put(&path);
	return err;
}

/**
 * vc_fget_iattr - fget_iattr: the attributes of an open file
 * @id: the file descriptor
 * @data: struct vcmd_ctx_fiattr to fill
 *
 * Return: 0; -EBADF; -EFAULT; the error of reading the attributes.
 */
long vc_fget_iattr(u32 id, void __user *data)
{
	struct vcmd_ctx_fiattr arg = { 0 };
	struct fd f = fdget(id);
	int err;

	if (!f.file)
		return -EBADF;
	err = vx_iattr_read(&f.file->f_path, &arg.flags, &arg.mask);
	fdput(f);
	if (!err && copy_to_user(data, &arg, sizeof(arg)))
		err = -EFAULT;
	return err;
}

/**
 * vc_fset_iattr - fset_iattr: change the attributes of an open file
 * @id: the file descriptor
 * @data: struct vcmd_ctx_fiattr
 *
 * Return: as for vc_set_iattr(), and -EBADF.
 */
long vc_fset_iattr(u32 id, void __user *data)
{
	struct vcmd_ctx_fiattr arg;
	struct fd f;
	int err;

	if (vx_current() || !capable(CAP_LINUX_IMMUTABLE))
		return -EPERM;
	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	f = fdget(id);
	if (!f.file)
		return -EBADF;
	err = vx_iattr_write(&f.file->f_path, arg.flags, arg.mask);
	fdput(f);
	return err;
}
