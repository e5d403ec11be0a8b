// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - dispatch of vserver(2) commands
 *
 * The core kernel's sys_vserver() pins the module and calls vc_syscall().
 * Every command of the Linux-VServer ABI that the module implements is
 * listed here; any other command fails with ENOSYS, as on a kernel that
 * does not know it.
 */

#include <linux/errno.h>

#include <linux/vserver.h>

#include "common.h"
#include "context_cmd.h"
#include "iattr.h"
#include "limit.h"
#include "netcmd.h"
#include "space.h"
#include "uts.h"
#include "syscall.h"

/**
 * vc_syscall - run one vserver(2) command
 * @cmd: the command
 * @id: its id argument
 * @data: its data argument in user memory
 *
 * Return: the command's result, -ENOSYS for an unknown command.
 */
long vc_syscall(u32 cmd, u32 id, void __user *data)
{
	switch (cmd) {
	case VCMD_get_version:
		return VC_ABI_VERSION;
	case VCMD_get_vci:
		return VC_VCI_FEATURES;
	case VCMD_ctx_create:
		return vc_ctx_create(id, data);
	case VCMD_ctx_migrate:
		return vc_ctx_migrate(id, data);
	case VCMD_ctx_migrate_v0:
		return vc_ctx_migrate(id, NULL);
	case VCMD_task_xid:
		return vc_task_xid(id);
	case VCMD_vx_info:
		return vc_vx_info(id, data);
	case VCMD_ctx_stat:
		return vc_ctx_stat(id, data);
	case VCMD_virt_stat:
		return vc_virt_stat(id, data);
	case VCMD_get_cflags:
		return vc_get_cflags(id, data);
	case VCMD_set_cflags:
		return vc_set_cflags(id, data);
	case VCMD_get_bcaps:
		return vc_get_bcaps(id, data);
	case VCMD_set_bcaps:
		return vc_set_bcaps(id, data);
	case VCMD_get_ccaps:
		return vc_get_ccaps(id, data);
	case VCMD_set_ccaps:
		return vc_set_ccaps(id, data);
	case VCMD_get_iattr:
		return vc_get_iattr(id, data);
	case VCMD_set_iattr:
		return vc_set_iattr(id, data);
	case VCMD_fget_iattr:
		return vc_fget_iattr(id, data);
	case VCMD_fset_iattr:
		return vc_fset_iattr(id, data);
	case VCMD_get_umask:
		return vc_get_umask(id, data);
	case VCMD_set_umask:
		return vc_set_umask(id, data);
	case VCMD_ctx_kill:
		return vc_ctx_kill(id, data);
	case VCMD_wait_exit:
		return vc_wait_exit(id, data);
	case VCMD_set_space_v0:
	case VCMD_set_space_v1:
	case VCMD_set_space:
		return vc_set_space(id, data, VC_VERSION(cmd));
	case VCMD_enter_space_v0:
	case VCMD_enter_space_v1:
	case VCMD_enter_space:
		return vc_enter_space(id, data, VC_VERSION(cmd));
	case VCMD_get_space_mask:
		return vc_get_space_mask(data);
	case VCMD_get_space_default:
		return vc_get_space_default(data);
	case VCMD_net_create_v0:
		return vc_net_create(id, NULL);
	case VCMD_net_create:
		return vc_net_create(id, data);
	case VCMD_net_migrate:
		return vc_net_migrate(id);
	case VCMD_task_nid:
		return vc_task_nid(id);
	case VCMD_nx_info:
		return vc_nx_info(id, data);
	case VCMD_net_add:
	case VCMD_net_remove:
		return vc_net_add_v0(id, data, cmd == VCMD_net_add);
	case VCMD_net_add_ipv4:
	case VCMD_net_remove_ipv4:
		return vc_net_ipv4(id, data, cmd == VCMD_net_add_ipv4);
	case VCMD_net_add_ipv6:
	case VCMD_net_remove_ipv6:
		return vc_net_ipv6(id, data, cmd == VCMD_net_add_ipv6);
	case VCMD_get_nflags:
		return vc_get_nflags(id, data);
	case VCMD_set_nflags:
		return vc_set_nflags(id, data);
	case VCMD_get_ncaps:
		return vc_get_ncaps(id, data);
	case VCMD_set_ncaps:
		return vc_set_ncaps(id, data);
	case VCMD_get_rlimit:
		return vc_get_rlimit(id, data);
	case VCMD_set_rlimit:
		return vc_set_rlimit(id, data);
	case VCMD_get_rlimit_mask:
		return vc_get_rlimit_mask(id, data);
	case VCMD_rlimit_stat:
		return vc_rlimit_stat(id, data);
	case VCMD_reset_minmax:
		return vc_reset_minmax(id);
	case VCMD_reset_hits:
		return vc_reset_hits(id);
	case VCMD_get_vhi_name:
		return vc_get_vhi_name(id, data);
	case VCMD_set_vhi_name:
		return vc_set_vhi_name(id, data);
	}
	return -ENOSYS;
}
