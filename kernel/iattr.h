/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - inode attributes: barrier, unlinkable immutable files, cow
 */

#ifndef _VS_IATTR_H
#define _VS_IATTR_H

#include <linux/types.h>

struct inode;
struct dentry;
struct path;

int vx_iattr_load(struct inode *inode, struct dentry *dentry);
int __vx_iattr_change(const struct path *path, u32 flags, u32 mask);
int vx_iattr_change(const struct path *path, u32 flags, u32 mask);
int vc_inode_permission(struct inode *inode, int mask);
bool vc_inode_unlinkable(struct inode *inode);
bool vc_xattr_reserved(const char *name);
long vc_get_iattr(u32 id, void __user *data);
long vc_set_iattr(u32 id, void __user *data);
long vc_fget_iattr(u32 id, void __user *data);
long vc_fset_iattr(u32 id, void __user *data);

#endif /* _VS_IATTR_H */
