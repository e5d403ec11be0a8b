// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - uts names of a context (vhi names)
 *
 * Field CONTEXT is a free-form name kept in the context (util-vserver
 * stores the configuration directory there).  The other fields are the
 * names of the uts namespace of the context's space 0: a context has its
 * own node name once it has a space with a uts namespace of its own
 * (vnamespace --new, then --set).  Without one, reading gives EINVAL
 * rather than the host's names, and writing could only change the host.
 */

#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/nsproxy.h>
#include <linux/rwsem.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include <linux/vserver.h>

#include "context.h"
#include "context_cmd.h"
#include "space.h"
#include "uts.h"

/* The field of a uts namespace a vhi field names. */
static char *vc_uts_field(struct uts_namespace *uts, u32 field)
{
	switch (field) {
	case VHIN_SYSNAME:
		return uts->name.sysname;
	case VHIN_NODENAME:
		return uts->name.nodename;
	case VHIN_RELEASE:
		return uts->name.release;
	case VHIN_VERSION:
		return uts->name.version;
	case VHIN_MACHINE:
		return uts->name.machine;
	case VHIN_DOMAINNAME:
		return uts->name.domainname;
	}
	return NULL;
}

/**
 * vc_get_vhi_name - get_vhi_name: read a uts name of a context
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_vhi_name; the field in, the name out
 *
 * Return: 0; -EFAULT; -EINVAL for an unknown field, or a uts field of a
 * context without its own uts namespace; -ESRCH if there is no such
 * context visible to the caller.
 */
long vc_get_vhi_name(u32 id, void __user *data)
{
	struct vcmd_vhi_name arg;
	struct nsproxy *nsp = NULL;
	struct vx_info *vxi;
	long ret = 0;

	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (arg.field > VHIN_MAX)
		return -EINVAL;
	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;

	memset(arg.name, 0, sizeof(arg.name));
	if (arg.field == VHIN_CONTEXT) {
		mutex_lock(&vxi->space_lock);
		strscpy(arg.name, vxi->name, sizeof(arg.name));
		mutex_unlock(&vxi->space_lock);
	} else {
		nsp = vx_space_uts(vxi);
	}
	vx_put(vxi);

	if (arg.field != VHIN_CONTEXT) {
		if (!nsp)
			return -EINVAL;
		down_read(&uts_sem);
		strscpy(arg.name, vc_uts_field(nsp->uts_ns, arg.field),
			sizeof(arg.name));
		up_read(&uts_sem);
		put_nsproxy(nsp);
	}
	if (copy_to_user(data, &arg, sizeof(arg)))
		ret = -EFAULT;
	return ret;
}

/**
 * vc_set_vhi_name - set_vhi_name: change a uts name of a context
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_vhi_name: the field and its new value, which must be
 *        NUL-terminated within the 65 bytes
 *
 * Return: 0; -EPERM if the caller may not change the context; -EFAULT;
 * -EINVAL for an unknown field, an unterminated name, or a uts field of a
 * context without its own uts namespace; -ESRCH if there is no such
 * context.
 */
long vc_set_vhi_name(u32 id, void __user *data)
{
	struct vcmd_vhi_name arg;
	struct nsproxy *nsp = NULL;
	struct vx_info *vxi;
	long ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (arg.field > VHIN_MAX || !memchr(arg.name, 0, sizeof(arg.name)))
		return -EINVAL;
	ret = vc_lookup_writable(id, &vxi);
	if (ret)
		return ret;

	if (arg.field == VHIN_CONTEXT) {
		mutex_lock(&vxi->space_lock);
		strscpy(vxi->name, arg.name, sizeof(vxi->name));
		mutex_unlock(&vxi->space_lock);
	} else {
		nsp = vx_space_uts(vxi);
	}
	vx_put(vxi);

	if (arg.field == VHIN_CONTEXT)
		return 0;
	if (!nsp)
		return -EINVAL;
	down_write(&uts_sem);
	strscpy(vc_uts_field(nsp->uts_ns, arg.field), arg.name,
		__NEW_UTS_LEN + 1);
	up_write(&uts_sem);
	put_nsproxy(nsp);
	return 0;
}
