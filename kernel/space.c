// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - spaces: namespaces and root directory kept per context
 *
 * A context keeps two spaces (index 0 for the guest, 1 for vcontext
 * --pivot-root).  set_space takes a snapshot of the caller's namespaces
 * and, with VC_SPACE_FS, its root and working directory; enter_space
 * moves the caller into them, so that an administrator can work inside a
 * guest's mount namespace and root even when none of its tasks is left to
 * setns() to.  The namespaces of a space live as long as the context.
 */

#include <linux/errno.h>
#include <linux/fs_struct.h>
#include <linux/mutex.h>
#include <linux/nsproxy.h>
#include <linux/path.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/vserver_hooks.h>

#include <linux/vserver.h>

#include "context.h"
#include "context_cmd.h"
#include "space.h"

/* What get_space_default reports: what a guest gets unless told otherwise. */
#define VC_SPACE_DEFAULT	(VC_SPACE_FS | VC_SPACE_NEWNS | \
				 VC_SPACE_NEWUTS | VC_SPACE_NEWIPC)

static void vx_space_clear(struct vx_space *sp)
{
	if (sp->nsproxy)
		put_nsproxy(sp->nsproxy);
	if (sp->mask & VC_SPACE_FS) {
		path_put(&sp->root);
		path_put(&sp->pwd);
	}
	memset(sp, 0, sizeof(*sp));
}

/**
 * vx_spaces_release - drop the spaces of a context that shuts down
 * @vxi: the context, whose last member is gone
 */
void vx_spaces_release(struct vx_info *vxi)
{
	struct vx_space old[VC_SPACES];
	int i;

	mutex_lock(&vxi->space_lock);
	memcpy(old, vxi->space, sizeof(old));
	memset(vxi->space, 0, sizeof(vxi->space));
	mutex_unlock(&vxi->space_lock);
	for (i = 0; i < VC_SPACES; i++)
		vx_space_clear(&old[i]);
}

/**
 * vx_space_uts - the uts namespace a context has of its own
 * @vxi: the context
 *
 * A space kept by a host task may hold the host's own uts namespace,
 * which is never the context's to rename.
 *
 * Return: the nsproxy of space 0 with a reference the caller drops with
 * put_nsproxy(), if space 0 holds a uts namespace other than the host's;
 * NULL otherwise.
 */
struct nsproxy *vx_space_uts(struct vx_info *vxi)
{
	struct vx_space *sp = &vxi->space[0];
	struct nsproxy *nsp = NULL;

	mutex_lock(&vxi->space_lock);
	if ((sp->mask & VC_SPACE_NEWUTS) && sp->nsproxy &&
	    sp->nsproxy->uts_ns != &init_uts_ns) {
		nsp = sp->nsproxy;
		get_nsproxy(nsp);
	}
	mutex_unlock(&vxi->space_lock);
	return nsp;
}

/* Read the mask and index of the command's version. */
static long vc_space_arg(void __user *data, unsigned int version,
			 struct vcmd_space_mask *arg)
{
	struct vcmd_space_mask_v1 v1;

	memset(arg, 0, sizeof(*arg));
	switch (version) {
	case 0:
		arg->mask = VC_SPACE_DEFAULT;
		break;
	case 1:
		if (copy_from_user(&v1, data, sizeof(v1)))
			return -EFAULT;
		arg->mask = v1.mask;
		break;
	default:
		if (copy_from_user(arg, data, sizeof(*arg)))
			return -EFAULT;
		break;
	}
	if (arg->mask & ~VC_SPACE_ALL)
		return -EINVAL;
	if (arg->index >= VC_SPACES)
		return -EINVAL;
	return 0;
}

/**
 * vc_set_space - set_space: keep the caller's namespaces as a space
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_space_mask (v2), struct vcmd_space_mask_v1 (v1), or
 *        nothing (v0: the default mask, index 0)
 * @version: the command's version
 *
 * Return: 0; -EPERM if the caller may not change the context; -EFAULT;
 * -EINVAL for unknown bits, an empty mask or an index out of range;
 * -ESRCH if there is no such context.
 */
long vc_set_space(u32 id, void __user *data, unsigned int version)
{
	struct vcmd_space_mask arg;
	struct vx_space sp = { 0 };
	struct vx_info *vxi;
	long ret;

	ret = vc_space_arg(data, version, &arg);
	if (ret)
		return ret;
	if (!arg.mask)
		return -EINVAL;
	ret = vc_lookup_writable(id, &vxi);
	if (ret)
		return ret;

	sp.mask = arg.mask;
	task_lock(current);
	sp.nsproxy = current->nsproxy;
	get_nsproxy(sp.nsproxy);
	task_unlock(current);
	if (arg.mask & VC_SPACE_FS) {
		get_fs_root(current->fs, &sp.root);
		get_fs_pwd(current->fs, &sp.pwd);
	}

	mutex_lock(&vxi->space_lock);
	if (vx_alive(vxi)) {
		swap(sp, vxi->space[arg.index]);
	} else {
		/* Shut down meanwhile: nothing may be kept any more. */
		ret = -ESRCH;
	}
	mutex_unlock(&vxi->space_lock);
	vx_space_clear(&sp);
	vx_put(vxi);
	return ret;
}

/**
 * vc_enter_space - enter_space: move the caller into a context's space
 * @id: the xid, or VC_SAME_ID
 * @data: as for vc_set_space(); a mask of 0 enters all the space holds
 * @version: the command's version
 *
 * The caller's namespaces named in the mask are replaced by the space's
 * (each namespace checks the caller's right to enter it, as setns()
 * does); with VC_SPACE_FS its root and working directory too.  The caller
 * stays in its security context.
 *
 * Return: 0; -EPERM if the caller may not change the context or enter a
 * namespace; -EFAULT; -EINVAL for unknown bits, an index out of range, or
 * bits the space does not hold; -ESRCH if there is no such context;
 * -ENOMEM.
 */
long vc_enter_space(u32 id, void __user *data, unsigned int version)
{
	struct vcmd_space_mask arg;
	struct vx_space sp = { 0 };
	struct vx_info *vxi;
	long ret;

	ret = vc_space_arg(data, version, &arg);
	if (ret)
		return ret;
	ret = vc_lookup_writable(id, &vxi);
	if (ret)
		return ret;

	mutex_lock(&vxi->space_lock);
	sp = vxi->space[arg.index];
	if (!arg.mask)
		arg.mask = sp.mask;
	if (!sp.mask || (arg.mask & ~sp.mask)) {
		mutex_unlock(&vxi->space_lock);
		vx_put(vxi);
		return -EINVAL;
	}
	get_nsproxy(sp.nsproxy);
	if (sp.mask & VC_SPACE_FS) {
		path_get(&sp.root);
		path_get(&sp.pwd);
	}
	mutex_unlock(&vxi->space_lock);
	vx_put(vxi);

	if (arg.mask & ~VC_SPACE_FS)
		ret = vs_setns_nsproxy(sp.nsproxy, arg.mask & ~VC_SPACE_FS);
	if (!ret && (arg.mask & VC_SPACE_FS)) {
		/* Threads sharing our fs_struct keep their own view. */
		ret = unshare_fs_struct();
		if (!ret) {
			set_fs_root(current->fs, &sp.root);
			set_fs_pwd(current->fs, &sp.pwd);
		}
	}
	vx_space_clear(&sp);
	return ret;
}

static long vc_put_mask(void __user *data, u64 mask)
{
	struct vcmd_space_mask_v1 arg = { .mask = mask };

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_get_space_mask - get_space_mask: the bits a space can hold
 * @data: struct vcmd_space_mask_v1 to fill
 *
 * Return: 0 or -EFAULT.
 */
long vc_get_space_mask(void __user *data)
{
	return vc_put_mask(data, VC_SPACE_ALL);
}

/**
 * vc_get_space_default - get_space_default: the default space mask
 * @data: struct vcmd_space_mask_v1 to fill
 *
 * Return: 0 or -EFAULT.
 */
long vc_get_space_default(void __user *data)
{
	return vc_put_mask(data, VC_SPACE_DEFAULT);
}
