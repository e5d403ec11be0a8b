// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - module entry points
 *
 * Brings up the parts of the module in order and registers the call-outs
 * last; unloading undoes it in reverse.  Every context holds a reference
 * on the module, so unloading is refused while one exists.
 */

#include <linux/init.h>
#include <linux/module.h>
#include <linux/vserver_hooks.h>

#include "common.h"
#include "context.h"
#include "cow.h"
#include "cvirt.h"
#include "fakeinit.h"
#include "hostwide.h"
#include "iattr.h"
#include "inet.h"
#include "isolation.h"
#include "mount.h"
#include "nethide.h"
#include "netproc.h"
#include "network.h"
#include "proc.h"
#include "reboot.h"
#include "syscall.h"
#include "task.h"

static const struct vs_hook_ops vc_hook_ops = {
	.owner = THIS_MODULE,
	.task_fork = vc_task_fork,
	.task_exit = vc_task_exit,
	.task_free = vc_task_free,
	.syscall = vc_syscall,
	.task_visible = vc_task_visible,
	.pid_visible = vc_pid_visible,
	.task_access = vc_task_access,
	.capable = vc_capable,
	.proc_visible = vc_proc_visible,
	.uptime = vc_uptime,
	.ccapable = vc_ccapable,
	.sock_init = vc_sock_init,
	.sock_clone = vc_sock_clone,
	.sock_free = vc_sock_free,
	.socket_create = vc_socket_create,
	.inet_bind = vc_inet_bind,
	.sock_may_clash = vc_sock_may_clash,
	.inet_rcv_score = vc_inet_rcv_score,
	.inet6_rcv_score = vc_inet6_rcv_score,
	.inet_flow = vc_inet_flow,
	.inet6_flow = vc_inet6_flow,
	.dev_visible = vc_dev_visible,
	.addr_visible = vc_addr_visible,
	.sock_visible = vc_sock_visible,
	.inet_show_addr = vc_inet_show_addr,
	.may_unshare = vc_may_unshare,
	.map_pid = vc_map_pid,
	.rmap_pid = vc_rmap_pid,
	.may_mount = vc_may_mount,
	.mount_capable = vc_mount_capable,
	.inode_permission = vc_inode_permission,
	.inode_unlinkable = vc_inode_unlinkable,
	.cow_break = vc_cow_break,
	.xattr_reserved = vc_xattr_reserved,
	.reboot = vc_reboot,
	.iface_access = vc_iface_access,
	.sysctl_write = vc_sysctl_write,
	.exec_creds = vc_exec_creds,
};

static int __init vc_init(void)
{
	int ret;

	ret = vx_cow_init();
	if (ret)
		return ret;
	ret = vx_context_init();
	if (ret)
		goto err_cow;
	ret = nx_network_init();
	if (ret)
		goto err_context;
	ret = vx_proc_init();
	if (ret)
		goto err_network;
	ret = nx_proc_init();
	if (ret)
		goto err_proc;
	ret = vs_hooks_register(&vc_hook_ops);
	if (ret)
		goto err_netproc;
	vx_load_init();
	pr_info("Linux-VServer ABI %08x loaded\n", VC_ABI_VERSION);
	return 0;

err_netproc:
	nx_proc_exit();
err_proc:
	vx_proc_exit();
err_network:
	nx_network_exit();
err_context:
	vx_context_exit();
err_cow:
	vx_cow_exit();
	return ret;
}

static void __exit vc_exit(void)
{
	vs_hooks_unregister(&vc_hook_ops);
	vx_load_exit();
	nx_proc_exit();
	vx_proc_exit();
	nx_network_exit();
	vx_context_exit();
	vx_cow_exit();
}

module_init(vc_init);
module_exit(vc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Linux-VServer security and network contexts");
