// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - the network context commands of vserver(2)
 *
 * The permission rule is the one of the context commands: changes need
 * CAP_SYS_ADMIN in the initial user namespace and a caller on the host
 * (xid 0), except that a network context still in NXF_STATE_SETUP may be
 * changed by a task of its own.  Queries are open, but a task in a
 * security context sees no network context other than its own.
 */

#include <linux/capability.h>
#include <linux/err.h>
#include <linux/in.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <net/ipv6.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "context_cmd.h"
#include "network.h"
#include "netcmd.h"

/*
 * Resolve the nid of a query: "negative" ids mean the caller's own; a task
 * in a security context other than the spectator sees only its own.
 */
static struct nx_info *nc_lookup_visible(u32 id)
{
	struct vx_info *vxi = vx_current();
	u32 own = nx_current_nid();

	if (id & 0x80000000U)
		id = own;
	if (vxi && !vx_is_spectator(vxi) && id != own)
		return NULL;
	return nx_lookup(id);
}

/* Resolve the nid of a command that changes a network context. */
static long nc_lookup_writable(u32 id, struct nx_info **nxip)
{
	struct nx_info *nxi;

	if (!capable(CAP_SYS_ADMIN) || vx_is_spectator(vx_current()))
		return -EPERM;
	nxi = nc_lookup_visible(id);
	if (!nxi)
		return -ESRCH;
	if (vx_current() &&
	    (nxi != nx_current() || !(nx_flags(nxi) & NXF_STATE_SETUP))) {
		nx_put(nxi);
		return -EPERM;
	}
	*nxip = nxi;
	return 0;
}

/**
 * vc_net_create - net_create: create a network context and enter it
 * @id: a static nid (2..49151) or VC_DYNAMIC_ID
 * @data: struct vcmd_net_create, or NULL
 *
 * The new context has the flags NXF_INIT_SET plus those asked for.
 *
 * Return: the nid; -EPERM if the caller is not a host administrator;
 * -EFAULT; -EINVAL for a nid out of range or unknown flags; -EEXIST if
 * the nid is taken; -EAGAIN if no dynamic nid is free; -ENOMEM.
 */
long vc_net_create(u32 id, void __user *data)
{
	struct vcmd_net_create arg = { 0 };
	struct nx_info *nxi;

	if (!vc_host_admin())
		return -EPERM;
	if (data && copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (arg.flagword & ~NXF_ALL)
		return -EINVAL;
	if (id != VC_DYNAMIC_ID &&
	    (id < VC_XID_STATIC_MIN || id > VC_XID_STATIC_MAX))
		return -EINVAL;

	nxi = nx_create(id, NXF_INIT_SET | arg.flagword);
	if (IS_ERR(nxi))
		return PTR_ERR(nxi);
	nx_enter_current(nxi);
	return nxi->obj.id;
}

/**
 * vc_net_migrate - net_migrate: move the caller into a network context
 * @id: the nid
 *
 * Return: 0; -EPERM if the caller is not a host administrator; -ESRCH if
 * there is no such network context.
 */
long vc_net_migrate(u32 id)
{
	struct nx_info *nxi;

	if (!vc_host_admin())
		return -EPERM;
	nxi = nx_lookup(id);
	if (!nxi)
		return -ESRCH;
	if (nxi == nx_current()) {
		nx_put(nxi);
		return 0;
	}
	if (!nx_member_get(nxi)) {
		nx_put(nxi);
		return -ESRCH;
	}
	nx_enter_current(nxi);
	return 0;
}

/**
 * vc_task_nid - task_nid: the nid of a task
 * @id: a pid in the caller's pid namespace, 0 for the caller
 *
 * Return: the nid (0 on the host); -ESRCH if there is no such task visible
 * to the caller.
 */
long vc_task_nid(u32 id)
{
	struct task_struct *task;
	struct nx_info *nxi;
	u32 nid = 0;

	if (!id)
		return nx_current_nid();
	if (id > INT_MAX)
		return -ESRCH;

	rcu_read_lock();
	task = pid_task(find_vpid(id), PIDTYPE_PID);
	if (task) {
		nxi = rcu_dereference(task->nx_info);
		nid = nxi ? nxi->obj.id : 0;
	}
	rcu_read_unlock();
	return task ? nid : -ESRCH;
}

/**
 * vc_nx_info - nx_info: the id of a network context
 * @id: the nid, or VC_SAME_ID
 * @data: struct vcmd_nx_info to fill
 *
 * Return: 0, -ESRCH or -EFAULT.
 */
long vc_nx_info(u32 id, void __user *data)
{
	struct vcmd_nx_info arg = { 0 };
	struct nx_info *nxi;

	nxi = nc_lookup_visible(id);
	if (!nxi)
		return -ESRCH;
	arg.nid = nxi->obj.id;
	nx_put(nxi);
	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/* Whether @mask is a netmask: ones followed by zeroes. */
static bool nc_netmask_ok(__be32 mask)
{
	u32 inv = ~ntohl(mask);

	return !(inv & (inv + 1));
}

/* An address a context can be given: unicast, not 0 and not loopback. */
static bool nc_v4_unicast(__be32 a)
{
	return a != htonl(INADDR_ANY) && !ipv4_is_loopback(a) &&
	       !ipv4_is_multicast(a) && !ipv4_is_lbcast(a);
}

/*
 * Turn an IPv4 entry of the ABI into ours.  Returns 0 or -EINVAL.
 */
static int nc_parse_v4(u16 type, __be32 ip, __be32 mask, struct nx_addr4 *a)
{
	a->type = type;
	a->mask = mask;
	switch (type) {
	case NXA_TYPE_ADDR:
		if (!nc_v4_unicast(ip) || !nc_netmask_ok(mask))
			return -EINVAL;
		a->first = ip;
		a->last = ip;
		return 0;
	case NXA_TYPE_MASK:
		if (!nc_v4_unicast(ip) || !nc_netmask_ok(mask))
			return -EINVAL;
		a->first = ip & mask;
		a->last = ip | ~mask;
		return 0;
	case NXA_TYPE_RANGE:
		if (!nc_v4_unicast(ip) || !nc_v4_unicast(mask) ||
		    ntohl(ip) > ntohl(mask))
			return -EINVAL;
		a->first = ip;
		a->last = mask;
		a->mask = htonl(0xffffffff);
		return 0;
	}
	return -EINVAL;
}

/**
 * vc_net_add_v0 - net_add and net_remove, version 0
 * @id: the nid
 * @data: struct vcmd_net_addr_v0
 * @add: add (true) or remove (false)
 *
 * Adds or removes up to four single addresses with their netmasks;
 * NXA_TYPE_ANY removes every IPv4 address.  Stops at the first entry that
 * fails; the ones before it stay changed.
 *
 * Return: 0; -EPERM, -ESRCH, -EFAULT; -EINVAL for a bad type, count or
 * address; the errors of nx_add_v4() and nx_remove_v4().
 */
long vc_net_add_v0(u32 id, void __user *data, bool add)
{
	struct vcmd_net_addr_v0 arg;
	struct nx_addr4 a;
	struct nx_info *nxi;
	long ret;
	int i;

	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (!(arg.type == NXA_TYPE_ANY && !add) &&
	    (arg.type != NXA_TYPE_IPV4 || !arg.count || arg.count > 4))
		return -EINVAL;
	ret = nc_lookup_writable(id, &nxi);
	if (ret)
		return ret;
	if (arg.type == NXA_TYPE_ANY)
		ret = nx_remove_v4(nxi, NULL, 0);
	for (i = 0; !ret && arg.type == NXA_TYPE_IPV4 && i < arg.count; i++) {
		ret = nc_parse_v4(NXA_TYPE_ADDR, arg.ip[i], arg.mask[i], &a);
		if (!ret)
			ret = add ? nx_add_v4(nxi, &a, 0) :
				    nx_remove_v4(nxi, &a, 0);
	}
	nx_put(nxi);
	return ret;
}

/**
 * vc_net_ipv4 - net_add_ipv4 and net_remove_ipv4
 * @id: the nid
 * @data: struct vcmd_net_addr_ipv4
 * @add: add (true) or remove (false)
 *
 * NXA_MOD_BCAST sets (or clears) the broadcast address; NXA_MOD_LBACK
 * sets the loopback address, which must be in 127.0.0.0/8.  Removing
 * NXA_TYPE_ANY removes every IPv4 address and the broadcast address.
 *
 * Return: 0; -EPERM, -ESRCH, -EFAULT; -EINVAL for an unknown type or
 * flags or a bad address; -EEXIST when adding an entry twice, -ENOENT when
 * removing one that is not there, -ENOSPC beyond NX_ADDR_MAX entries.
 */
long vc_net_ipv4(u32 id, void __user *data, bool add)
{
	struct vcmd_net_addr_ipv4 arg;
	struct nx_addr4 a = { 0 };
	struct nx_info *nxi;
	u16 type, mod;
	long ret;

	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	type = arg.type & 0xff;
	mod = arg.type & ~0xff;
	if (arg.flags || (mod && mod != NXA_MOD_BCAST && mod != NXA_MOD_LBACK))
		return -EINVAL;
	if (type == NXA_TYPE_ANY) {
		if (add || mod)
			return -EINVAL;
	} else if (mod == NXA_MOD_LBACK) {
		if (type != NXA_TYPE_ADDR || !add || !ipv4_is_loopback(arg.ip))
			return -EINVAL;
		a.first = arg.ip;
	} else if (mod == NXA_MOD_BCAST) {
		if (type != NXA_TYPE_ADDR || arg.ip == htonl(INADDR_ANY))
			return -EINVAL;
		a.first = arg.ip;
	} else {
		ret = nc_parse_v4(type, arg.ip, arg.mask, &a);
		if (ret)
			return ret;
	}

	ret = nc_lookup_writable(id, &nxi);
	if (ret)
		return ret;
	if (type == NXA_TYPE_ANY)
		ret = nx_remove_v4(nxi, NULL, 0);
	else if (add)
		ret = nx_add_v4(nxi, &a, mod);
	else
		ret = nx_remove_v4(nxi, &a, mod);
	nx_put(nxi);
	return ret;
}

/**
 * vc_net_ipv6 - net_add_ipv6 and net_remove_ipv6
 * @id: the nid
 * @data: struct vcmd_net_addr_ipv6
 * @add: add (true) or remove (false)
 *
 * Removing NXA_TYPE_ANY removes every IPv6 address.
 *
 * Return: 0; -EPERM, -ESRCH, -EFAULT; -EINVAL for an unknown type or
 * flags, a prefix over 128 or an address that is not unicast; -EEXIST,
 * -ENOENT, -ENOSPC as for IPv4.
 */
long vc_net_ipv6(u32 id, void __user *data, bool add)
{
	struct vcmd_net_addr_ipv6 arg;
	struct nx_addr6 a = { 0 };
	struct nx_info *nxi;
	int atype;
	long ret;

	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	if (arg.flags)
		return -EINVAL;
	if (arg.type == NXA_TYPE_ANY) {
		if (add)
			return -EINVAL;
	} else {
		if ((arg.type != NXA_TYPE_ADDR && arg.type != NXA_TYPE_MASK) ||
		    arg.prefix > 128)
			return -EINVAL;
		memcpy(&a.addr, arg.ip, sizeof(a.addr));
		atype = ipv6_addr_type(&a.addr);
		if (atype == IPV6_ADDR_ANY ||
		    (atype & (IPV6_ADDR_LOOPBACK | IPV6_ADDR_MULTICAST |
			      IPV6_ADDR_MAPPED)))
			return -EINVAL;
		if (arg.type == NXA_TYPE_MASK)
			ipv6_addr_prefix(&a.addr, &a.addr, arg.prefix);
		a.prefix = arg.prefix;
		a.type = arg.type;
	}

	ret = nc_lookup_writable(id, &nxi);
	if (ret)
		return ret;
	if (arg.type == NXA_TYPE_ANY)
		ret = nx_remove_v6(nxi, NULL);
	else if (add)
		ret = nx_add_v6(nxi, &a);
	else
		ret = nx_remove_v6(nxi, &a);
	nx_put(nxi);
	return ret;
}

/* nflags and ncaps: a 64-bit word read whole, changed by value and mask. */
struct nc_word {
	u64 value;
	u64 mask;
};

static long nc_get_word(u32 id, void __user *data, bool caps)
{
	struct nx_info *nxi;
	struct nc_word w;

	nxi = nc_lookup_visible(id);
	if (!nxi)
		return -ESRCH;
	if (caps) {
		w.value = READ_ONCE(nxi->ncaps);
		w.mask = NXC_ALL;
	} else {
		w.value = nx_flags(nxi);
		w.mask = NXF_ALL & ~(NXF_ONE_TIME & ~w.value);
	}
	nx_put(nxi);
	if (copy_to_user(data, &w, sizeof(w)))
		return -EFAULT;
	return 0;
}

static long nc_set_word(u32 id, void __user *data, bool caps)
{
	struct nx_info *nxi;
	struct nc_word w;
	long ret = 0;

	if (copy_from_user(&w, data, sizeof(w)))
		return -EFAULT;
	if (w.mask & ~(caps ? NXC_ALL : NXF_ALL))
		return -EINVAL;
	ret = nc_lookup_writable(id, &nxi);
	if (ret)
		return ret;
	if (caps)
		nx_change_ncaps(nxi, w.value, w.mask);
	else
		ret = nx_change_flags(nxi, w.value, w.mask);
	nx_put(nxi);
	return ret;
}

/**
 * vc_get_nflags - get_nflags
 * @id: the nid, or VC_SAME_ID
 * @data: struct vcmd_net_flags to fill; the mask is every flag that can
 *        still change
 *
 * Return: 0, -ESRCH or -EFAULT.
 */
long vc_get_nflags(u32 id, void __user *data)
{
	return nc_get_word(id, data, false);
}

/**
 * vc_set_nflags - set_nflags
 * @id: the nid, or VC_SAME_ID
 * @data: struct vcmd_net_flags; the one-time STATE flags only clear
 *
 * Return: 0, -EPERM, -ESRCH, -EFAULT, or -EINVAL for unknown flags.
 */
long vc_set_nflags(u32 id, void __user *data)
{
	return nc_set_word(id, data, false);
}

/**
 * vc_get_ncaps - get_ncaps
 * @id: the nid, or VC_SAME_ID
 * @data: struct vcmd_net_caps to fill
 *
 * Return: 0, -ESRCH or -EFAULT.
 */
long vc_get_ncaps(u32 id, void __user *data)
{
	return nc_get_word(id, data, true);
}

/**
 * vc_set_ncaps - set_ncaps
 * @id: the nid, or VC_SAME_ID
 * @data: struct vcmd_net_caps
 *
 * Return: 0, -EPERM, -ESRCH, -EFAULT, or -EINVAL for unknown bits.
 */
long vc_set_ncaps(u32 id, void __user *data)
{
	return nc_set_word(id, data, true);
}
