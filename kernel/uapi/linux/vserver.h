/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * vserver - the vserver(2) system call ABI (Linux-VServer 2.3 compatible)
 *
 * long vserver(__u32 cmd, __u32 id, void *data);
 *
 * The x86_64 system call number is 236.  A command is encoded as
 * category << 24 | number << 16 | version.  Every structure below has the
 * layout the util-vserver tools use on x86_64; none of them has holes.
 */

#ifndef _UAPI_LINUX_VSERVER_H
#define _UAPI_LINUX_VSERVER_H

#include <linux/const.h>
#include <linux/types.h>

#define VSERVER_SYSCALL_NR	236

#define VC_CATEGORY(cmd)	(((cmd) >> 24) & 0x3f)
#define VC_COMMAND(cmd)		(((cmd) >> 16) & 0xff)
#define VC_VERSION(cmd)		((cmd) & 0xfff)
#define VC_CMD(cat, num, ver)	((((cat) & 0x3f) << 24) | \
				 (((num) & 0xff) << 16) | ((ver) & 0xfff))

/* Categories */
#define VC_CAT_VERSION		0
#define VC_CAT_VSETUP		1
#define VC_CAT_VHOST		2
#define VC_CAT_VPROC		9
#define VC_CAT_PROCALT		10
#define VC_CAT_PROCMIG		11
#define VC_CAT_PROCTRL		12
#define VC_CAT_VNET		25
#define VC_CAT_NETALT		26
#define VC_CAT_NETMIG		27
#define VC_CAT_INODE		38
#define VC_CAT_VSTAT		40
#define VC_CAT_VINFO		46
#define VC_CAT_EVENT		48
#define VC_CAT_FLAGS		52
#define VC_CAT_VSPACE		54
#define VC_CAT_RLIMIT		60

/* Special ids */
#define VC_DYNAMIC_ID		0xffffffffU	/* create: let the kernel pick */
#define VC_SAME_ID		0xfffffffeU	/* the caller's own context */

/* xid ranges */
#define VC_XID_HOST		0
#define VC_XID_SPECTATOR	1
#define VC_XID_STATIC_MIN	2
#define VC_XID_STATIC_MAX	49151
#define VC_XID_DYNAMIC_MIN	49152
#define VC_XID_DYNAMIC_MAX	65535

/* Version and features */
#define VCMD_get_version	VC_CMD(VC_CAT_VERSION, 0, 0)
#define VCMD_get_vci		VC_CMD(VC_CAT_VERSION, 1, 0)

#define VCI_NO_DYNAMIC		_BITUL(0)
#define VCI_PROC_SECURE		_BITUL(4)
#define VCI_HARDCPU		_BITUL(5)
#define VCI_IDLELIMIT		_BITUL(6)
#define VCI_IDLETIME		_BITUL(7)
#define VCI_COWBL		_BITUL(8)
#define VCI_FULLCOWBL		_BITUL(9)
#define VCI_SPACES		_BITUL(10)
#define VCI_NETV2		_BITUL(11)
#define VCI_MEMCG		_BITUL(12)
#define VCI_DEBUG		_BITUL(16)
#define VCI_HISTORY		_BITUL(20)
#define VCI_TAGGED		_BITUL(24)
#define VCI_PPTAG		_BITUL(28)

/* Context creation and migration */
#define VCMD_ctx_create_v0	VC_CMD(VC_CAT_VPROC, 1, 0)
#define VCMD_ctx_create		VC_CMD(VC_CAT_VPROC, 1, 1)
#define VCMD_ctx_migrate_v0	VC_CMD(VC_CAT_PROCMIG, 1, 0)
#define VCMD_ctx_migrate	VC_CMD(VC_CAT_PROCMIG, 1, 1)

/**
 * struct vcmd_ctx_create - argument of ctx_create
 * @flagword: the initial context flags (VXF_*)
 */
struct vcmd_ctx_create {
	__u64 flagword;
};

#define VXM_SET_INIT		0x00000001
#define VXM_SET_REAPER		0x00000002
#define VXM_ALL			(VXM_SET_INIT | VXM_SET_REAPER)

/**
 * struct vcmd_ctx_migrate - argument of ctx_migrate
 * @flagword: VXM_* bits
 */
struct vcmd_ctx_migrate {
	__u64 flagword;
};

/* Information */
#define VCMD_task_xid		VC_CMD(VC_CAT_VINFO, 1, 0)
#define VCMD_vx_info		VC_CMD(VC_CAT_VINFO, 5, 0)

/**
 * struct vcmd_vx_info - result of vx_info
 * @xid: the context id
 * @initpid: the pid of the context's init, in the caller's pid namespace,
 *           or 0
 */
struct vcmd_vx_info {
	__u32 xid;
	__u32 initpid;
};

#define VCMD_ctx_stat		VC_CMD(VC_CAT_VSTAT, 0, 0)
#define VCMD_virt_stat		VC_CMD(VC_CAT_VSTAT, 3, 0)

/**
 * struct vcmd_virt_stat - result of virt_stat
 * @offset: boot time of the context's creation, ns
 * @uptime: time since then, ns
 * @nr_threads: tasks in the context
 * @nr_running: of them, runnable
 * @nr_uninterruptible: of them, in uninterruptible sleep
 * @nr_onhold: of them, held by the scheduler (always 0: no hard limits)
 * @nr_forks: forks in the context since its creation
 * @load: the context's 1, 5 and 15 minute load averages, fixed point
 *        with 11 bits of fraction (as the kernel's avenrun)
 */
struct vcmd_virt_stat {
	__u64 offset;
	__u64 uptime;
	__u32 nr_threads;
	__u32 nr_running;
	__u32 nr_uninterruptible;
	__u32 nr_onhold;
	__u32 nr_forks;
	__u32 load[3];
};

/**
 * struct vcmd_ctx_stat - result of ctx_stat
 * @usecnt: references held on the context
 * @tasks: tasks that are members of the context
 */
struct vcmd_ctx_stat {
	__u32 usecnt;
	__u32 tasks;
};

/* Context flags */
#define VCMD_get_cflags		VC_CMD(VC_CAT_FLAGS, 1, 0)
#define VCMD_set_cflags		VC_CMD(VC_CAT_FLAGS, 2, 0)

/**
 * struct vcmd_ctx_flags - argument of get_cflags and set_cflags
 * @flagword: the flags (VXF_*)
 * @mask: set_cflags: which bits of @flagword to apply; get_cflags: the
 *        bits that may still change
 */
struct vcmd_ctx_flags {
	__u64 flagword;
	__u64 mask;
};

#define VXF_INFO_LOCK		0x00000001ULL
#define VXF_INFO_NPROC		0x00000004ULL
#define VXF_INFO_PRIVATE	0x00000008ULL
#define VXF_INFO_INIT		0x00000010ULL
#define VXF_INFO_HIDEINFO	0x00000020ULL
#define VXF_INFO_ULIMIT		0x00000040ULL
#define VXF_INFO_NAMESPACE	0x00000080ULL
#define VXF_SCHED_HARD		0x00000100ULL
#define VXF_SCHED_PRIO		0x00000200ULL
#define VXF_SCHED_PAUSE		0x00000400ULL
#define VXF_VIRT_MEM		0x00010000ULL
#define VXF_VIRT_UPTIME		0x00020000ULL
#define VXF_VIRT_CPU		0x00040000ULL
#define VXF_VIRT_LOAD		0x00080000ULL
#define VXF_VIRT_TIME		0x00100000ULL
#define VXF_HIDE_MOUNT		0x01000000ULL
#define VXF_HIDE_NETIF		0x02000000ULL
#define VXF_HIDE_VINFO		0x04000000ULL
#define VXF_STATE_SETUP		_BITULL(32)
#define VXF_STATE_INIT		_BITULL(33)
#define VXF_STATE_ADMIN		_BITULL(34)
#define VXF_SC_HELPER		_BITULL(36)
#define VXF_REBOOT_KILL		_BITULL(37)
#define VXF_PERSISTENT		_BITULL(38)
#define VXF_FORK_RSS		_BITULL(48)
#define VXF_PROLIFIC		_BITULL(49)
#define VXF_IGNEG_NICE		_BITULL(52)
#define VXF_IGNEG_IONICE	_BITULL(53)

/* Flags that can only be cleared once set. */
#define VXF_ONE_TIME		(VXF_STATE_SETUP | VXF_STATE_INIT | \
				 VXF_STATE_ADMIN)

/* What util-vserver asks for when it creates a context. */
#define VXF_INIT_SET		VXF_ONE_TIME

#define VXF_ALL			(VXF_INFO_LOCK | VXF_INFO_NPROC | \
				 VXF_INFO_PRIVATE | VXF_INFO_INIT | \
				 VXF_INFO_HIDEINFO | VXF_INFO_ULIMIT | \
				 VXF_INFO_NAMESPACE | VXF_SCHED_HARD | \
				 VXF_SCHED_PRIO | VXF_SCHED_PAUSE | \
				 VXF_VIRT_MEM | VXF_VIRT_UPTIME | \
				 VXF_VIRT_CPU | VXF_VIRT_LOAD | \
				 VXF_VIRT_TIME | VXF_HIDE_MOUNT | \
				 VXF_HIDE_NETIF | VXF_HIDE_VINFO | \
				 VXF_ONE_TIME | VXF_SC_HELPER | \
				 VXF_REBOOT_KILL | VXF_PERSISTENT | \
				 VXF_FORK_RSS | VXF_PROLIFIC | \
				 VXF_IGNEG_NICE | VXF_IGNEG_IONICE)

/* Capabilities */
#define VCMD_get_ccaps		VC_CMD(VC_CAT_FLAGS, 3, 1)
#define VCMD_set_ccaps		VC_CMD(VC_CAT_FLAGS, 4, 1)
#define VCMD_get_bcaps		VC_CMD(VC_CAT_FLAGS, 9, 0)
#define VCMD_set_bcaps		VC_CMD(VC_CAT_FLAGS, 10, 0)

/**
 * struct vcmd_ctx_caps - argument of get_ccaps and set_ccaps
 * @ccaps: the context capabilities (VXC_*)
 * @cmask: set_ccaps: which bits of @ccaps to apply; get_ccaps: the bits
 *         the kernel knows
 */
struct vcmd_ctx_caps {
	__u64 ccaps;
	__u64 cmask;
};

/**
 * struct vcmd_bcaps - argument of get_bcaps and set_bcaps
 * @bcaps: the capability bounding set, bit N for Linux capability N
 * @bmask: set_bcaps: the bits to change, which can only be cleared;
 *         get_bcaps: the capabilities the kernel knows
 */
struct vcmd_bcaps {
	__u64 bcaps;
	__u64 bmask;
};

/* Unshare mask */
#define VCMD_get_umask		VC_CMD(VC_CAT_FLAGS, 13, 0)
#define VCMD_set_umask		VC_CMD(VC_CAT_FLAGS, 14, 0)

/**
 * struct vcmd_umask - argument of get_umask and set_umask
 * @umask: the kinds of namespace (CLONE_NEW* bits, and CLONE_FS) the
 *         context's tasks may create with CAP_SYS_ADMIN in their effective
 *         set although the context's bounding set lacks it
 * @mask: set_umask: which bits of @umask to apply; get_umask: the bits
 *        the kernel knows
 */
struct vcmd_umask {
	__u64 umask;
	__u64 mask;
};

#define VXC_SET_UTSNAME		0x00000001ULL
#define VXC_SET_RLIMIT		0x00000002ULL
#define VXC_FS_SECURITY		0x00000004ULL
#define VXC_FS_TRUSTED		0x00000008ULL
#define VXC_TIOCSTI		0x00000010ULL
#define VXC_RAW_ICMP		0x00000100ULL
#define VXC_SYSLOG		0x00001000ULL
#define VXC_OOM_ADJUST		0x00002000ULL
#define VXC_AUDIT_CONTROL	0x00004000ULL
#define VXC_SECURE_MOUNT	0x00010000ULL
#define VXC_SECURE_REMOUNT	0x00020000ULL
#define VXC_BINARY_MOUNT	0x00040000ULL
#define VXC_DEV_MOUNT		0x00080000ULL
#define VXC_QUOTA_CTL		0x00100000ULL
#define VXC_ADMIN_MAPPER	0x00200000ULL
#define VXC_ADMIN_CLOOP		0x00400000ULL
#define VXC_KTHREAD		0x01000000ULL
#define VXC_NAMESPACE		0x02000000ULL

#define VXC_ALL			(VXC_SET_UTSNAME | VXC_SET_RLIMIT | \
				 VXC_FS_SECURITY | VXC_FS_TRUSTED | \
				 VXC_TIOCSTI | VXC_RAW_ICMP | VXC_SYSLOG | \
				 VXC_OOM_ADJUST | VXC_AUDIT_CONTROL | \
				 VXC_SECURE_MOUNT | VXC_SECURE_REMOUNT | \
				 VXC_BINARY_MOUNT | VXC_DEV_MOUNT | \
				 VXC_QUOTA_CTL | VXC_ADMIN_MAPPER | \
				 VXC_ADMIN_CLOOP | VXC_KTHREAD | VXC_NAMESPACE)

/* Signals and exit */
#define VCMD_ctx_kill		VC_CMD(VC_CAT_PROCTRL, 1, 0)

/**
 * struct vcmd_ctx_kill - argument of ctx_kill
 * @pid: 0 or -1: every process of the context (-1 spares its init);
 *       1: the context's init; otherwise that pid, if in the context
 * @sig: the signal, 0 to probe
 */
struct vcmd_ctx_kill {
	__s32 pid;
	__s32 sig;
};

#define VCMD_wait_exit		VC_CMD(VC_CAT_EVENT, 99, 0)

/**
 * struct vcmd_wait_exit - result of wait_exit
 * @reboot_cmd: the reboot command the context ended with, 0 for none
 * @exit_code: the exit code it ended with
 */
struct vcmd_wait_exit {
	__s32 reboot_cmd;
	__s32 exit_code;
};

/* Spaces: namespaces and root directory kept per context */
#define VCMD_enter_space_v0	VC_CMD(VC_CAT_PROCALT, 1, 0)
#define VCMD_enter_space_v1	VC_CMD(VC_CAT_PROCALT, 1, 1)
#define VCMD_enter_space	VC_CMD(VC_CAT_PROCALT, 1, 2)
#define VCMD_set_space_v0	VC_CMD(VC_CAT_PROCALT, 3, 0)
#define VCMD_set_space_v1	VC_CMD(VC_CAT_PROCALT, 3, 1)
#define VCMD_set_space		VC_CMD(VC_CAT_PROCALT, 3, 2)
#define VCMD_get_space_mask	VC_CMD(VC_CAT_VSPACE, 0, 1)
#define VCMD_get_space_default	VC_CMD(VC_CAT_VSPACE, 1, 0)

/* The CLONE_* bits a space can hold */
#define VC_SPACE_FS		0x00000200ULL	/* CLONE_FS: root and cwd */
#define VC_SPACE_NEWNS		0x00020000ULL	/* CLONE_NEWNS */
#define VC_SPACE_NEWCGROUP	0x02000000ULL	/* CLONE_NEWCGROUP */
#define VC_SPACE_NEWUTS		0x04000000ULL	/* CLONE_NEWUTS */
#define VC_SPACE_NEWIPC		0x08000000ULL	/* CLONE_NEWIPC */
#define VC_SPACE_NEWNET		0x40000000ULL	/* CLONE_NEWNET */
#define VC_SPACE_ALL		(VC_SPACE_FS | VC_SPACE_NEWNS | \
				 VC_SPACE_NEWCGROUP | VC_SPACE_NEWUTS | \
				 VC_SPACE_NEWIPC | VC_SPACE_NEWNET)

/* What an unshare mask may name besides the space bits */
#define VC_UMASK_NEWTIME	0x00000080ULL	/* CLONE_NEWTIME */
#define VC_UMASK_NEWUSER	0x10000000ULL	/* CLONE_NEWUSER */
#define VC_UMASK_NEWPID		0x20000000ULL	/* CLONE_NEWPID */
#define VC_UMASK_ALL		(VC_SPACE_ALL | VC_UMASK_NEWTIME | \
				 VC_UMASK_NEWUSER | VC_UMASK_NEWPID)
#define VC_SPACES		2	/* index 0: the guest's; 1: pivot-root */

/**
 * struct vcmd_space_mask - argument of enter_space and set_space (v2)
 * @mask: VC_SPACE_* bits; 0 in enter_space means all the space holds
 * @index: which space, below VC_SPACES
 * @__reserved: padding, ignored
 */
struct vcmd_space_mask {
	__u64 mask;
	__u32 index;
	__u32 __reserved;
};

/**
 * struct vcmd_space_mask_v1 - argument of enter_space v1, set_space v1,
 * get_space_mask and get_space_default
 * @mask: VC_SPACE_* bits
 */
struct vcmd_space_mask_v1 {
	__u64 mask;
};

/* uts names */
#define VCMD_set_vhi_name	VC_CMD(VC_CAT_VHOST, 1, 0)
#define VCMD_get_vhi_name	VC_CMD(VC_CAT_VHOST, 2, 0)

#define VHIN_CONTEXT		0	/* free-form name of the context */
#define VHIN_SYSNAME		1
#define VHIN_NODENAME		2
#define VHIN_RELEASE		3
#define VHIN_VERSION		4
#define VHIN_MACHINE		5
#define VHIN_DOMAINNAME		6
#define VHIN_MAX		VHIN_DOMAINNAME

/**
 * struct vcmd_vhi_name - argument of set_vhi_name and get_vhi_name
 * @field: VHIN_*
 * @name: the value, NUL-terminated
 * @__reserved: padding, ignored
 */
struct vcmd_vhi_name {
	__u32 field;
	char name[65];
	char __reserved[3];
};

/* Network contexts */
#define VCMD_net_create_v0	VC_CMD(VC_CAT_VNET, 1, 0)
#define VCMD_net_create		VC_CMD(VC_CAT_VNET, 1, 1)
#define VCMD_net_migrate	VC_CMD(VC_CAT_NETMIG, 1, 0)
#define VCMD_task_nid		VC_CMD(VC_CAT_VINFO, 2, 0)
#define VCMD_nx_info		VC_CMD(VC_CAT_VINFO, 6, 0)

/* nid ranges: as for xids */
#define VC_NID_HOST		0
#define VC_NID_SPECTATOR	1

/**
 * struct vcmd_net_create - argument of net_create
 * @flagword: initial network flags (NXF_*) added to NXF_INIT_SET
 */
struct vcmd_net_create {
	__u64 flagword;
};

/**
 * struct vcmd_nx_info - result of nx_info
 * @nid: the network context id
 */
struct vcmd_nx_info {
	__u32 nid;
};

/* Addresses of a network context */
#define VCMD_net_add		VC_CMD(VC_CAT_NETALT, 1, 0)
#define VCMD_net_remove		VC_CMD(VC_CAT_NETALT, 2, 0)
#define VCMD_net_add_ipv4	VC_CMD(VC_CAT_NETALT, 1, 1)
#define VCMD_net_remove_ipv4	VC_CMD(VC_CAT_NETALT, 2, 1)
#define VCMD_net_add_ipv6	VC_CMD(VC_CAT_NETALT, 3, 1)
#define VCMD_net_remove_ipv6	VC_CMD(VC_CAT_NETALT, 4, 1)

#define NXA_TYPE_IPV4		0x0001
#define NXA_TYPE_IPV6		0x0002
#define NXA_TYPE_ADDR		0x0010	/* one address; mask is its network */
#define NXA_TYPE_MASK		0x0020	/* every address of ip/mask */
#define NXA_TYPE_RANGE		0x0040	/* ip .. mask (IPv4 only) */
#define NXA_TYPE_ANY		0x00ff	/* remove: every address */
#define NXA_MOD_BCAST		0x0100	/* the context's broadcast address */
#define NXA_MOD_LBACK		0x0200	/* the context's loopback address */

/**
 * struct vcmd_net_addr_v0 - argument of net_add and net_remove (version 0)
 * @type: NXA_TYPE_IPV4 to add @count addresses, NXA_TYPE_ANY to remove all
 * @count: the number of entries used in @ip and @mask, 1..4
 * @ip: the addresses
 * @mask: their netmasks
 */
struct vcmd_net_addr_v0 {
	__u16 type;
	__u16 count;
	__be32 ip[4];
	__be32 mask[4];
};

/**
 * struct vcmd_net_addr_ipv4 - argument of net_add_ipv4 and net_remove_ipv4
 * @type: NXA_TYPE_ADDR, _MASK or _RANGE, optionally with NXA_MOD_BCAST or
 *        NXA_MOD_LBACK; NXA_TYPE_ANY removes every IPv4 address
 * @flags: reserved, 0
 * @ip: the address (the first one of a range)
 * @mask: the netmask, or the last address of a range
 */
struct vcmd_net_addr_ipv4 {
	__u16 type;
	__u16 flags;
	__be32 ip;
	__be32 mask;
};

/**
 * struct vcmd_net_addr_ipv6 - argument of net_add_ipv6 and net_remove_ipv6
 * @type: NXA_TYPE_ADDR or NXA_TYPE_MASK; NXA_TYPE_ANY removes every IPv6
 *        address
 * @flags: reserved, 0
 * @prefix: the prefix length, 0..128
 * @ip: the address
 * @mask: the netmask; ignored, the kernel derives it from @prefix
 */
struct vcmd_net_addr_ipv6 {
	__u16 type;
	__u16 flags;
	__u32 prefix;
	__u8 ip[16];
	__u8 mask[16];
};

/* Network flags and capabilities */
#define VCMD_get_nflags		VC_CMD(VC_CAT_FLAGS, 5, 0)
#define VCMD_set_nflags		VC_CMD(VC_CAT_FLAGS, 6, 0)
#define VCMD_get_ncaps		VC_CMD(VC_CAT_FLAGS, 7, 0)
#define VCMD_set_ncaps		VC_CMD(VC_CAT_FLAGS, 8, 0)

/**
 * struct vcmd_net_flags - argument of get_nflags and set_nflags
 * @flagword: the flags (NXF_*)
 * @mask: set: the flags to change; get: every flag
 */
struct vcmd_net_flags {
	__u64 flagword;
	__u64 mask;
};

/**
 * struct vcmd_net_caps - argument of get_ncaps and set_ncaps
 * @ncaps: the network capabilities (NXC_*)
 * @cmask: set: the capabilities to change; get: every capability
 */
struct vcmd_net_caps {
	__u64 ncaps;
	__u64 cmask;
};

#define NXF_INFO_LOCK		0x00000001ULL
#define NXF_INFO_PRIVATE	0x00000008ULL
#define NXF_SINGLE_IP		0x00000100ULL
#define NXF_LBACK_REMAP		0x00000200ULL
#define NXF_LBACK_ALLOW		0x00000400ULL
#define NXF_HIDE_NETIF		0x02000000ULL
#define NXF_HIDE_LBACK		0x04000000ULL
#define NXF_STATE_SETUP		_BITULL(32)
#define NXF_STATE_ADMIN		_BITULL(34)
#define NXF_SC_HELPER		_BITULL(36)
#define NXF_PERSISTENT		_BITULL(38)

/* Flags that can only be cleared once set. */
#define NXF_ONE_TIME		(NXF_STATE_SETUP | NXF_STATE_ADMIN)

/* The flags of a new network context. */
#define NXF_INIT_SET		(NXF_STATE_ADMIN | NXF_HIDE_NETIF)

#define NXF_ALL			(NXF_INFO_LOCK | NXF_INFO_PRIVATE | \
				 NXF_SINGLE_IP | NXF_LBACK_REMAP | \
				 NXF_LBACK_ALLOW | NXF_HIDE_NETIF | \
				 NXF_HIDE_LBACK | NXF_ONE_TIME | \
				 NXF_SC_HELPER | NXF_PERSISTENT)

#define NXC_TUN_CREATE		0x00000001ULL
#define NXC_RAW_ICMP		0x00000100ULL
#define NXC_MULTICAST		0x00000200ULL

#define NXC_ALL			(NXC_TUN_CREATE | NXC_RAW_ICMP | \
				 NXC_MULTICAST)

/* Inode attributes */
#define VCMD_get_iattr		VC_CMD(VC_CAT_INODE, 1, 1)
#define VCMD_set_iattr		VC_CMD(VC_CAT_INODE, 2, 1)
#define VCMD_fget_iattr		VC_CMD(VC_CAT_INODE, 3, 0)
#define VCMD_fset_iattr		VC_CMD(VC_CAT_INODE, 4, 0)

/**
 * struct vcmd_ctx_iattr - argument of get_iattr and set_iattr
 * @name: the path; its last component is not followed if a symlink
 * @tag: the file's context tag (always 0: files are not tagged)
 * @flags: the attributes (IATTR_*)
 * @mask: set_iattr: which attributes to change; get_iattr: the attributes
 *        the file supports
 */
struct vcmd_ctx_iattr {
	__u64 name;
	__u32 tag;
	__u32 flags;
	__u32 mask;
};

/**
 * struct vcmd_ctx_fiattr - argument of fget_iattr and fset_iattr (id: fd)
 * @tag: as in struct vcmd_ctx_iattr
 * @flags: as in struct vcmd_ctx_iattr
 * @mask: as in struct vcmd_ctx_iattr
 */
struct vcmd_ctx_fiattr {
	__u32 tag;
	__u32 flags;
	__u32 mask;
};

#define IATTR_TAG		0x01000000U
#define IATTR_ADMIN		0x00000001U
#define IATTR_WATCH		0x00000002U
#define IATTR_HIDE		0x00000004U
#define IATTR_WRITE		0x00000008U
#define IATTR_BARRIER		0x00010000U
#define IATTR_IXUNLINK		0x00020000U
#define IATTR_IMMUTABLE		0x00040000U
#define IATTR_COW		0x00080000U

/* Resource limits of a context */
#define VCMD_get_rlimit		VC_CMD(VC_CAT_RLIMIT, 1, 0)
#define VCMD_set_rlimit		VC_CMD(VC_CAT_RLIMIT, 2, 0)
#define VCMD_get_rlimit_mask	VC_CMD(VC_CAT_RLIMIT, 3, 0)
#define VCMD_reset_hits		VC_CMD(VC_CAT_RLIMIT, 7, 0)
#define VCMD_reset_minmax	VC_CMD(VC_CAT_RLIMIT, 9, 0)
#define VCMD_rlimit_stat	VC_CMD(VC_CAT_VSTAT, 1, 0)

/* Limit values: no limit, and (set_rlimit) leave the limit as it is. */
#define CRLIM_UNSET		0ULL
#define CRLIM_INFINITY		(~0ULL)
#define CRLIM_KEEP		(~1ULL)

/**
 * struct vcmd_ctx_rlimit - argument of get_rlimit and set_rlimit
 * @id: the resource, an RLIMIT_* number (RLIMIT_NPROC, RLIMIT_RSS,
 *      RLIMIT_AS)
 * @__reserved: padding, ignored
 * @minimum: the guaranteed minimum: get: always CRLIM_UNSET; set:
 *           CRLIM_UNSET or CRLIM_KEEP, nothing else
 * @softlimit: the soft limit, CRLIM_INFINITY for none; set: CRLIM_KEEP
 *             leaves it
 * @maximum: the hard limit, likewise
 *
 * NPROC counts tasks, RSS and AS count pages.
 */
struct vcmd_ctx_rlimit {
	__u32 id;
	__u32 __reserved;
	__u64 minimum;
	__u64 softlimit;
	__u64 maximum;
};

/**
 * struct vcmd_ctx_rlimit_mask - result of get_rlimit_mask
 * @minimum: the resources (bit N for RLIMIT_* number N) whose minimum can
 *           be set
 * @softlimit: those whose soft limit can be set
 * @maximum: those whose hard limit can be set
 */
struct vcmd_ctx_rlimit_mask {
	__u32 minimum;
	__u32 softlimit;
	__u32 maximum;
};

/**
 * struct vcmd_rlimit_stat - argument of rlimit_stat
 * @id: in: the resource, as in struct vcmd_ctx_rlimit
 * @hits: out: how often the hard limit refused something
 * @value: out: the current use
 * @minimum: out: the smallest use seen since creation or reset_minmax
 * @maximum: out: the largest
 */
struct vcmd_rlimit_stat {
	__u32 id;
	__u32 hits;
	__u64 value;
	__u64 minimum;
	__u64 maximum;
};

#endif /* _UAPI_LINUX_VSERVER_H */
