// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - copy-on-write link breaking
 *
 * vhashify makes the identical files of many guests hard links to one
 * immutable inode marked IXUNLINK (or COW).  When a task changes such a
 * file by name (open for writing, truncate, chmod, chown, utimes,
 * setxattr), the core kernel asks cow_break first, and this file replaces
 * that one link with a private copy:
 *
 *  1. the copy is made in an unnamed temporary file (O_TMPFILE) in the
 *     same directory: content with its holes, owner, mode, access and
 *     modification times and every extended attribute but our own;
 *  2. under the directory's lock, if the name still leads to the shared
 *     inode, the copy gets a temporary name and is renamed over the link.
 *
 * Until the rename nothing visible changes: on ENOSPC, EIO or a signal
 * the temporary file just goes away with its last reference.  The shared
 * inode itself is never written.  The caller then looks the name up
 * again (-ESTALE) and changes the copy.  Two tasks breaking the same link
 * at once both copy; the second finds the name moved on and drops its
 * copy.  The last link of such a file simply loses the attributes, once
 * the directory's lock shows that it still is the last link.
 *
 * The copy is made with the module's own credentials (the caller may be
 * allowed to write the file without being allowed to read it), but only
 * for a caller that could make its change if the file were not shared.
 * They are the kernel's, without CAP_SYS_RESOURCE (a copy must not eat
 * the blocks a filesystem reserves for root), and a context's bounding
 * set does not apply to them (vx_cow_creds()): a break in a guest copies
 * every extended attribute and clears the attributes of a last link as a
 * break on the host does.
 */

#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/random.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/splice.h>
#include <linux/vserver_hooks.h>
#include <linux/xattr.h>

#include <linux/vserver.h>

#include "cow.h"
#include "iattr.h"

/* The credentials of every break; set at load, read-only afterwards. */
static const struct cred *vx_cow_cred;

/* Copy in pieces of this size, checking for signals in between. */
#define VX_COW_CHUNK		(4UL << 20)

static int vx_cow_copy_data(struct file *src, struct file *dst, loff_t size)
{
	loff_t pos = 0, data, hole, in, out;
	long n;

	while (pos < size) {
		data = vfs_llseek(src, pos, SEEK_DATA);
		if (data == -ENXIO)
			break;		/* only a hole is left */
		if (data < 0)
			return data;
		hole = vfs_llseek(src, data, SEEK_HOLE);
		if (hole < 0)
			return hole;
		if (hole > size)
			hole = size;
		for (in = data; in < hole; in += n) {
			if (signal_pending(current))
				return -EINTR;
			out = in;
			n = do_splice_direct(src, &in, dst, &out,
					     min_t(loff_t, hole - in,
						   VX_COW_CHUNK), 0);
			if (n < 0)
				return n;
			if (!n)
				return -EIO;	/* the file shrank under us */
			in -= n;
		}
		pos = hole;
	}
	return 0;
}

static int vx_cow_copy_xattrs(struct user_namespace *userns,
			      struct dentry *src, struct dentry *dst)
{
	ssize_t len, vlen;
	char *names, *name;
	void *value = NULL;
	int err = 0;

	len = vfs_listxattr(src, NULL, 0);
	if (len <= 0)
		return len == -EOPNOTSUPP ? 0 : len;
	names = kvmalloc(len, GFP_KERNEL);
	if (!names)
		return -ENOMEM;
	len = vfs_listxattr(src, names, len);
	if (len < 0) {
		err = len;
		goto out;
	}
	value = kvmalloc(XATTR_SIZE_MAX, GFP_KERNEL);
	if (!value) {
		err = -ENOMEM;
		goto out;
	}
	for (name = names; name < names + len; name += strlen(name) + 1) {
		if (!strcmp(name, XATTR_TRUSTED_PREFIX "vserver"))
			continue;
		vlen = vfs_getxattr(userns, src, name, value, XATTR_SIZE_MAX);
		if (vlen == -ENODATA)
			continue;
		if (vlen < 0) {
			err = vlen;
			break;
		}
		err = vfs_setxattr(userns, dst, name, value, vlen, 0);
		if (err)
			break;
	}
out:
	kvfree(value);
	kvfree(names);
	return err;
}

static int vx_cow_copy_attrs(struct user_namespace *userns,
			     struct inode *from, struct dentry *dst)
{
	struct iattr ia = {
		.ia_valid = ATTR_SIZE,
		.ia_size = i_size_read(from),
	};
	struct inode *inode = d_inode(dst);
	int err;

	inode_lock(inode);
	/* A hole at the end was not copied. */
	err = notify_change(userns, dst, &ia, NULL);
	if (!err) {
		ia.ia_valid = ATTR_UID | ATTR_GID;
		ia.ia_uid = from->i_uid;
		ia.ia_gid = from->i_gid;
		err = notify_change(userns, dst, &ia, NULL);
	}
	if (!err) {
		/* After the owner: a change of owner drops set-id bits. */
		ia.ia_valid = ATTR_MODE | ATTR_ATIME | ATTR_MTIME |
			      ATTR_ATIME_SET | ATTR_MTIME_SET;
		ia.ia_mode = from->i_mode;
		ia.ia_atime = from->i_atime;
		ia.ia_mtime = from->i_mtime;
		err = notify_change(userns, dst, &ia, NULL);
	}
	inode_unlock(inode);
	return err;
}

/* Give @copy a temporary name in @dir and rename it over @path. */
static int vx_cow_replace(const struct path *path, struct inode *shared,
			  struct file *copy)
{
	struct user_namespace *userns = mnt_user_ns(path->mnt);
	struct dentry *dentry = path->dentry, *dir = dget_parent(dentry);
	struct renamedata rd = { };
	struct dentry *tmp = NULL;
	char name[32];
	int err, i;

	lock_rename(dir, dir);
	/* Somebody else broke or replaced the link: look it up again. */
	err = -ESTALE;
	if (dentry->d_parent != dir || d_unhashed(dentry) ||
	    d_inode(dentry) != shared)
		goto out;
	for (i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), ".vserver-cow.%08x",
			 get_random_u32());
		tmp = lookup_one_len(name, dir, strlen(name));
		if (IS_ERR(tmp)) {
			err = PTR_ERR(tmp);
			tmp = NULL;
			goto out;
		}
		if (d_is_negative(tmp))
			break;
		dput(tmp);
		tmp = NULL;
	}
	err = -EEXIST;
	if (!tmp)
		goto out;
	err = vfs_link(copy->f_path.dentry, userns, d_inode(dir), tmp, NULL);
	if (err)
		goto out;
	rd.old_mnt_userns = userns;
	rd.old_dir = d_inode(dir);
	rd.old_dentry = tmp;
	rd.new_mnt_userns = userns;
	rd.new_dir = d_inode(dir);
	rd.new_dentry = dentry;
	err = vfs_rename(&rd);
	if (err)
		vfs_unlink(userns, d_inode(dir), tmp, NULL);
out:
	dput(tmp);
	unlock_rename(dir, dir);
	dput(dir);
	return err;
}

static int vx_cow_copy(const struct path *path)
{
	struct user_namespace *userns = mnt_user_ns(path->mnt);
	struct inode *shared = d_inode(path->dentry);
	struct path dir = { .mnt = path->mnt };
	struct file *src, *copy;
	int err;

	/* O_NOATIME: the other links must not see the copy as a read. */
	src = dentry_open(path, O_RDONLY | O_LARGEFILE | O_NOATIME,
			  current_cred());
	if (IS_ERR(src))
		return PTR_ERR(src);
	dir.dentry = dget_parent(path->dentry);
	copy = vfs_tmpfile_open(userns, &dir, S_IFREG | 0600,
				O_RDWR | O_LARGEFILE, current_cred());
	dput(dir.dentry);
	if (IS_ERR(copy)) {
		fput(src);
		return PTR_ERR(copy);
	}
	err = vx_cow_copy_data(src, copy, i_size_read(shared));
	if (!err)
		err = vx_cow_copy_xattrs(userns, path->dentry,
					 copy->f_path.dentry);
	if (!err)
		err = vx_cow_copy_attrs(userns, shared, copy->f_path.dentry);
	if (!err)
		err = vx_cow_replace(path, shared, copy);
	fput(copy);
	fput(src);
	return err;
}

/* Whether the caller could make its change if the file were its own. */
static bool vx_cow_allowed(const struct path *path, unsigned int how)
{
	struct user_namespace *userns = mnt_user_ns(path->mnt);
	struct inode *inode = d_inode(path->dentry);

	if (how & VS_COW_WRITE)
		return !generic_permission(userns, inode, MAY_WRITE);
	return inode_owner_or_capable(userns, inode) ||
	       !generic_permission(userns, inode, MAY_WRITE);
}

/*
 * The last link of a shared file just loses the attributes and is then
 * changed in place, but only while it really is the last link.  The
 * caller looked the name up before taking any lock: a concurrent break
 * may have renamed a private copy over that name since, leaving the
 * shared inode with one link (another guest's file) and the caller with
 * a stale dentry for it.  Clearing the attributes through that dentry
 * would let the caller write the other guest's file.  Check under the
 * directory's lock, which a break's rename holds too; an immutable inode
 * gets no new links meanwhile (vfs_link() refuses it).
 */
static int vx_cow_last_link(const struct path *path)
{
	struct dentry *dentry = path->dentry, *dir = dget_parent(dentry);
	struct inode *inode = d_inode(dentry);
	int err;

	err = mnt_want_write(path->mnt);
	if (err)
		goto out;
	inode_lock_nested(d_inode(dir), I_MUTEX_PARENT);
	err = -ESTALE;
	if (dentry->d_parent == dir && !d_unhashed(dentry) &&
	    d_inode(dentry) == inode && inode->i_nlink <= 1)
		err = __vx_iattr_change(path, 0, IATTR_IMMUTABLE |
					IATTR_IXUNLINK | IATTR_COW);
	inode_unlock(d_inode(dir));
	mnt_drop_write(path->mnt);
out:
	dput(dir);
	return err;
}

/**
 * vc_cow_break - the cow_break call-out
 * @path: an immutable file about to be changed by name
 * @how: VS_COW_WRITE or VS_COW_ATTR
 *
 * Return: 0 to go on (not a copy-on-write link, or its last link, which
 * just lost the attributes, or a change the caller may not make anyway);
 * -ESTALE once the link has a private copy, or when the name no longer
 * leads to the inode (look it up again); or the error that kept it from
 * getting one, with the link unchanged.
 */
int vc_cow_break(const struct path *path, unsigned int how)
{
	struct inode *inode = d_inode(path->dentry);
	const struct cred *old;
	int err;

	err = vx_iattr_load(inode, path->dentry);
	if (err)
		return err;
	if (!S_ISREG(inode->i_mode) ||
	    !(inode->i_flags & (S_VS_IXUNLINK | S_VS_COW)) ||
	    !vx_cow_allowed(path, how))
		return 0;

	old = override_creds(vx_cow_cred);
	if (inode->i_nlink <= 1) {
		err = vx_cow_last_link(path);
	} else {
		err = mnt_want_write(path->mnt);
		if (!err) {
			err = vx_cow_copy(path) ?: -ESTALE;
			mnt_drop_write(path->mnt);
		}
	}
	revert_creds(old);
	return err;
}

/**
 * vx_cow_creds - whether credentials are those of a copy-on-write break
 * @cred: the credentials of a capability check
 *
 * Return: true for the module's own credentials, which only a break in
 * progress has.
 */
bool vx_cow_creds(const struct cred *cred)
{
	return cred == vx_cow_cred;
}

/**
 * vx_cow_init - make the credentials of copy-on-write breaks
 *
 * Return: 0 or -ENOMEM.
 */
int vx_cow_init(void)
{
	struct cred *cred = prepare_kernel_cred(NULL);

	if (!cred)
		return -ENOMEM;
	cap_lower(cred->cap_effective, CAP_SYS_RESOURCE);
	cap_lower(cred->cap_permitted, CAP_SYS_RESOURCE);
	vx_cow_cred = cred;
	return 0;
}

/**
 * vx_cow_exit - drop the credentials of copy-on-write breaks
 *
 * Called once no call-out can run any more.
 */
void vx_cow_exit(void)
{
	put_cred(vx_cow_cred);
}
