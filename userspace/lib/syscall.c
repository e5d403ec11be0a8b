// SPDX-License-Identifier: GPL-2.0
/*
 * syscall.c - wrappers around the vserver(2) system call
 */

#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "vserver.h"

long vc_syscall(uint32_t cmd, uint32_t id, void *data)
{
	return syscall(VSERVER_SYSCALL_NR, cmd, id, data);
}

int vc_get_version(void)
{
	return vc_syscall(VCMD_get_version, 0, NULL);
}

int vc_get_vci(void)
{
	return vc_syscall(VCMD_get_vci, 0, NULL);
}

long vc_ctx_create(xid_t xid, uint64_t flags)
{
	struct vcmd_ctx_create arg = { .flagword = flags };

	return vc_syscall(VCMD_ctx_create, xid, &arg);
}

int vc_ctx_migrate(xid_t xid, uint64_t flags)
{
	struct vcmd_ctx_migrate arg = { .flagword = flags };

	return vc_syscall(VCMD_ctx_migrate, xid, &arg);
}

long vc_task_xid(pid_t pid)
{
	return vc_syscall(VCMD_task_xid, pid, NULL);
}

int vc_vx_info(xid_t xid, struct vcmd_vx_info *info)
{
	return vc_syscall(VCMD_vx_info, xid, info);
}

int vc_ctx_stat(xid_t xid, struct vcmd_ctx_stat *stat)
{
	return vc_syscall(VCMD_ctx_stat, xid, stat);
}

int vc_get_cflags(xid_t xid, struct vcmd_ctx_flags *flags)
{
	return vc_syscall(VCMD_get_cflags, xid, flags);
}

int vc_set_cflags(xid_t xid, uint64_t flags, uint64_t mask)
{
	struct vcmd_ctx_flags arg = { .flagword = flags, .mask = mask };

	return vc_syscall(VCMD_set_cflags, xid, &arg);
}

int vc_get_bcaps(xid_t xid, struct vcmd_bcaps *bcaps)
{
	return vc_syscall(VCMD_get_bcaps, xid, bcaps);
}

int vc_set_bcaps(xid_t xid, uint64_t bcaps, uint64_t mask)
{
	struct vcmd_bcaps arg = { .bcaps = bcaps, .bmask = mask };

	return vc_syscall(VCMD_set_bcaps, xid, &arg);
}

int vc_get_ccaps(xid_t xid, struct vcmd_ctx_caps *ccaps)
{
	return vc_syscall(VCMD_get_ccaps, xid, ccaps);
}

int vc_get_umask(xid_t xid, struct vcmd_umask *umask)
{
	return vc_syscall(VCMD_get_umask, xid, umask);
}

int vc_set_umask(xid_t xid, uint64_t umask, uint64_t mask)
{
	struct vcmd_umask arg = { .umask = umask, .mask = mask };

	return vc_syscall(VCMD_set_umask, xid, &arg);
}

int vc_set_ccaps(xid_t xid, uint64_t ccaps, uint64_t mask)
{
	struct vcmd_ctx_caps arg = { .ccaps = ccaps, .cmask = mask };

	return vc_syscall(VCMD_set_ccaps, xid, &arg);
}

int vc_ctx_kill(xid_t xid, int pid, int sig)
{
	struct vcmd_ctx_kill arg = { .pid = pid, .sig = sig };

	return vc_syscall(VCMD_ctx_kill, xid, &arg);
}

int vc_wait_exit(xid_t xid, struct vcmd_wait_exit *res)
{
	return vc_syscall(VCMD_wait_exit, xid, res);
}

int vc_context_name(xid_t xid, char *buf, size_t size)
{
	struct vcmd_vhi_name vhi = { .field = VHIN_CONTEXT };
	const char *slash;

	if (!size)
		return -1;
	buf[0] = '\0';
	if (vc_syscall(VCMD_get_vhi_name, xid, &vhi) < 0)
		return -1;
	/* util-vserver keeps the configuration directory there. */
	vhi.name[sizeof(vhi.name) - 1] = '\0';
	slash = strrchr(vhi.name, '/');
	snprintf(buf, size, "%s", slash ? slash + 1 : vhi.name);
	return 0;
}

long vc_net_create(nid_t nid, uint64_t flags)
{
	struct vcmd_net_create arg = { .flagword = flags };

	return vc_syscall(VCMD_net_create, nid, &arg);
}

int vc_net_migrate(nid_t nid)
{
	return vc_syscall(VCMD_net_migrate, nid, NULL);
}

long vc_task_nid(pid_t pid)
{
	return vc_syscall(VCMD_task_nid, pid, NULL);
}

int vc_nx_info(nid_t nid, struct vcmd_nx_info *info)
{
	return vc_syscall(VCMD_nx_info, nid, info);
}

int vc_net_ipv4(nid_t nid, int add, const struct vcmd_net_addr_ipv4 *addr)
{
	return vc_syscall(add ? VCMD_net_add_ipv4 : VCMD_net_remove_ipv4, nid,
			  (void *)addr);
}

int vc_net_ipv6(nid_t nid, int add, const struct vcmd_net_addr_ipv6 *addr)
{
	return vc_syscall(add ? VCMD_net_add_ipv6 : VCMD_net_remove_ipv6, nid,
			  (void *)addr);
}

int vc_get_nflags(nid_t nid, struct vcmd_net_flags *flags)
{
	return vc_syscall(VCMD_get_nflags, nid, flags);
}

int vc_set_nflags(nid_t nid, uint64_t flags, uint64_t mask)
{
	struct vcmd_net_flags arg = { .flagword = flags, .mask = mask };

	return vc_syscall(VCMD_set_nflags, nid, &arg);
}

int vc_get_ncaps(nid_t nid, struct vcmd_net_caps *caps)
{
	return vc_syscall(VCMD_get_ncaps, nid, caps);
}

int vc_set_ncaps(nid_t nid, uint64_t caps, uint64_t mask)
{
	struct vcmd_net_caps arg = { .ncaps = caps, .cmask = mask };

	return vc_syscall(VCMD_set_ncaps, nid, &arg);
}

int vc_set_space(xid_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask arg = { .mask = mask, .index = index };

	return vc_syscall(VCMD_set_space, xid, &arg);
}

int vc_enter_space(xid_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask arg = { .mask = mask, .index = index };

	return vc_syscall(VCMD_enter_space, xid, &arg);
}

int vc_get_iattr(const char *name, uint32_t *flags, uint32_t *mask)
{
	struct vcmd_ctx_iattr arg = { .name = (uintptr_t)name };

	if (vc_syscall(VCMD_get_iattr, 0, &arg) < 0)
		return -1;
	*flags = arg.flags;
	*mask = arg.mask;
	return 0;
}

int vc_set_iattr(const char *name, uint32_t flags, uint32_t mask)
{
	struct vcmd_ctx_iattr arg = {
		.name = (uintptr_t)name,
		.flags = flags,
		.mask = mask,
	};

	return vc_syscall(VCMD_set_iattr, 0, &arg);
}

int vc_fget_iattr(int fd, uint32_t *flags, uint32_t *mask)
{
	struct vcmd_ctx_fiattr arg = { 0 };

	if (vc_syscall(VCMD_fget_iattr, fd, &arg) < 0)
		return -1;
	*flags = arg.flags;
	*mask = arg.mask;
	return 0;
}
