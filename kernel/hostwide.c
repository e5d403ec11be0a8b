// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - interfaces that act on the whole machine
 *
 * Guests share one kernel, and some of its interfaces act on the whole
 * machine whatever namespaces the caller has: the host's sysctls, the
 * writable files of /proc that belong to no task, sysfs, the kernel log,
 * file handles, keyrings and loading code into the kernel.  Only file
 * modes, or a capability that the secure bounding set keeps, stood
 * between them and a guest's root.
 *
 * The rule is an allowlist: a task in a context gets none of them, except
 *
 *  - sysctls of namespaces that are its own: those of its ipc and mqueue
 *    namespace, of a network or user namespace that is not the host's;
 *    kernel.hostname and kernel.domainname of a uts namespace of its own
 *    where sethostname() would be allowed (VXC_SET_UTSNAME, or
 *    CAP_SYS_ADMIN in the bounding set);
 *  - the kernel log with VXC_SYSLOG (it is the host's log: the context
 *    capability is the administrator's choice to show it);
 *  - firmware that a driver loads while a guest's task happens to run.
 *
 * Reading sysctls and /proc stays allowed.  The spectator (xid 1) gets
 * none of the exceptions: it reads, it changes nothing.  Refusals are
 * -EPERM, as for a missing capability; keyrings answer -EACCES, as for a
 * key the caller may not use.
 */

#include <linux/bits.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/ipc_namespace.h>
#include <linux/kernel_read_file.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sysctl.h>
#include <linux/user_namespace.h>
#include <linux/utsname.h>
#include <linux/vserver_hooks.h>
#include <net/net_namespace.h>

#include <linux/vserver.h>

#include "context.h"
#include "hostwide.h"
#include "isolation.h"

/* Whether the sysctl set @set belongs to a namespace of current's own. */
static bool vx_own_sysctl_set(struct ctl_table_set *set)
{
	struct nsproxy *nsp = current->nsproxy;
	struct user_namespace *userns = current_user_ns();

	if (nsp->ipc_ns != init_task.nsproxy->ipc_ns &&
	    (set == &nsp->ipc_ns->ipc_set || set == &nsp->ipc_ns->mq_set))
		return true;
	if (nsp->net_ns != &init_net && set == &nsp->net_ns->sysctls)
		return true;
	return userns != &init_user_ns && set == &userns->set;
}

/*
 * kernel.hostname and kernel.domainname: their data points into
 * init_uts_ns, and the handler writes the caller's uts namespace instead.
 */
static bool vx_uts_sysctl(const struct ctl_table *table)
{
	return table->data == init_uts_ns.name.nodename ||
	       table->data == init_uts_ns.name.domainname;
}

/**
 * vc_sysctl_write - the sysctl_write call-out
 * @head: the header the sysctl was registered with
 * @table: the sysctl current, which is in a context, wants to write
 *
 * Return: 0 for a sysctl of current's own namespaces, -EPERM otherwise.
 */
int vc_sysctl_write(struct ctl_table_header *head, struct ctl_table *table)
{
	struct vx_info *cur = vx_current();

	if (!cur || vx_is_spectator(cur))
		return cur ? -EPERM : 0;
	if (vx_uts_sysctl(table)) {
		if (current->nsproxy->uts_ns == &init_uts_ns)
			return -EPERM;
		if (READ_ONCE(cur->bcaps) & BIT_ULL(CAP_SYS_ADMIN))
			return 0;
		return vc_ccapable(CAP_SYS_ADMIN, VXC_SET_UTSNAME) ? 0 : -EPERM;
	}
	return vx_own_sysctl_set(head->set) ? 0 : -EPERM;
}

/**
 * vc_iface_access - the iface_access call-out
 * @iface: the VS_IFACE_* interface current, which is in a context, asks for
 * @arg: the SYSLOG_ACTION_* for VS_IFACE_SYSLOG, the kernel_read_file_id
 *       (or the kernel_load_data_id of the same value) for
 *       VS_IFACE_KERNEL_LOAD
 *
 * Return: 0 if allowed, -EACCES for keyrings, -EPERM otherwise.
 */
int vc_iface_access(unsigned int iface, int arg)
{
	struct vx_info *cur = vx_current();

	if (!cur)
		return 0;
	switch (iface) {
	case VS_IFACE_SYSLOG:
		if (!vx_is_spectator(cur) &&
		    (READ_ONCE(cur->ccaps) & VXC_SYSLOG))
			return 0;
		return -EPERM;
	case VS_IFACE_KERNEL_LOAD:
		return arg == READING_FIRMWARE ? 0 : -EPERM;
	case VS_IFACE_KEYS:
		return -EACCES;
	case VS_IFACE_PROC_WRITE:
	case VS_IFACE_KERNFS_WRITE:
	case VS_IFACE_FHANDLE:
	default:
		return -EPERM;
	}
}
