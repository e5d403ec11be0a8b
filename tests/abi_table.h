/* SPDX-License-Identifier: GPL-2.0 */
/*
 * abi_table.h - the vserver(2) ABI as literal numbers
 *
 * The Linux-VServer 2.3 ABI that util-vserver's binaries carry compiled
 * in, written out by hand: command numbers, data sizes, field offsets and
 * flag bits for x86_64.  It deliberately does not include the project's
 * uapi header (kernel/uapi/linux/vserver.h): two users check that header
 * and the running kernel against these numbers,
 *
 *   tests/abi_static_check.c   compile time: every VCMD_*, struct and flag
 *                              of the header equals the table
 *   tests/guest/abi_test.c     run time, in the test guest: every command
 *                              reaches its handler, reads and writes
 *                              exactly its size, and answers ENOSYS to
 *                              versions and numbers it does not know
 *
 * A number here changes only if the ABI does; never derive it from the
 * header.
 *
 * Each table is an X-macro: the user defines the per-row macro and
 * expands the table.
 */

#ifndef VS_ABI_TABLE_H
#define VS_ABI_TABLE_H

/* The system call and its special ids. */
#define ABI_SYSCALL_NR		236
#define ABI_DYNAMIC_ID		0xffffffffU
#define ABI_SAME_ID		0xfffffffeU
#define ABI_VERSION_MIN		0x00020304	/* util-vserver's newest paths */

/* How a command uses its data argument. */
#define ABI_NONE	0	/* data is not used */
#define ABI_IN		1	/* read */
#define ABI_OUT		2	/* written */
#define ABI_INOUT	3	/* read, then written */

/* What its id argument is. */
#define ABI_ID_ANY	0	/* ignored, or a constant */
#define ABI_ID_XID	1
#define ABI_ID_NID	2
#define ABI_ID_PID	3
#define ABI_ID_FD	4

/* How the kernel answers it. */
#define ABI_HANDLED	0	/* a handler answers */
#define ABI_ENOSYS	1	/* deliberately not implemented: ENOSYS */

/*
 * The commands: X(name, number, data struct, its size, data use, id,
 * answer).  "name" is the VCMD_ name of the uapi header; "none" stands
 * for no data.  Every command of the reference ABI (abi.md) is here,
 * plus the versions our header also answers (set_space v0/v1,
 * net_create v0, reset_hits).
 */
#define ABI_COMMANDS(X)							\
	X(get_version,		0x00000000, none, 0, ABI_NONE, ABI_ID_ANY, ABI_HANDLED) \
	X(get_vci,		0x00010000, none, 0, ABI_NONE, ABI_ID_ANY, ABI_HANDLED) \
	X(set_vhi_name,		0x02010000, vcmd_vhi_name, 72, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(get_vhi_name,		0x02020000, vcmd_vhi_name, 72, ABI_INOUT, ABI_ID_XID, ABI_HANDLED) \
	X(ctx_create_v0,	0x09010000, none, 0, ABI_NONE, ABI_ID_XID, ABI_ENOSYS) \
	X(ctx_create,		0x09010001, vcmd_ctx_create, 8, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(enter_space_v0,	0x0a010000, none, 0, ABI_NONE, ABI_ID_XID, ABI_HANDLED) \
	X(enter_space_v1,	0x0a010001, vcmd_space_mask_v1, 8, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(enter_space,		0x0a010002, vcmd_space_mask, 16, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(set_space_v0,		0x0a030000, none, 0, ABI_NONE, ABI_ID_XID, ABI_HANDLED) \
	X(set_space_v1,		0x0a030001, vcmd_space_mask_v1, 8, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(set_space,		0x0a030002, vcmd_space_mask, 16, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(ctx_migrate_v0,	0x0b010000, none, 0, ABI_NONE, ABI_ID_XID, ABI_HANDLED) \
	X(ctx_migrate,		0x0b010001, vcmd_ctx_migrate, 8, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(ctx_kill,		0x0c010000, vcmd_ctx_kill, 8, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(net_create_v0,	0x19010000, none, 0, ABI_NONE, ABI_ID_NID, ABI_HANDLED) \
	X(net_create,		0x19010001, vcmd_net_create, 8, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_add,		0x1a010000, vcmd_net_addr_v0, 36, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_add_ipv4,		0x1a010001, vcmd_net_addr_ipv4, 12, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_remove,		0x1a020000, vcmd_net_addr_v0, 36, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_remove_ipv4,	0x1a020001, vcmd_net_addr_ipv4, 12, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_add_ipv6,		0x1a030001, vcmd_net_addr_ipv6, 40, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_remove_ipv6,	0x1a040001, vcmd_net_addr_ipv6, 40, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(net_migrate,		0x1b010000, none, 0, ABI_NONE, ABI_ID_NID, ABI_HANDLED) \
	X(get_iattr,		0x26010001, vcmd_ctx_iattr, 24, ABI_INOUT, ABI_ID_ANY, ABI_HANDLED) \
	X(set_iattr,		0x26020001, vcmd_ctx_iattr, 24, ABI_IN, ABI_ID_ANY, ABI_HANDLED) \
	X(fget_iattr,		0x26030000, vcmd_ctx_fiattr, 12, ABI_OUT, ABI_ID_FD, ABI_HANDLED) \
	X(fset_iattr,		0x26040000, vcmd_ctx_fiattr, 12, ABI_IN, ABI_ID_FD, ABI_HANDLED) \
	X(ctx_stat,		0x28000000, vcmd_ctx_stat, 8, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(rlimit_stat,		0x28010000, vcmd_rlimit_stat, 32, ABI_INOUT, ABI_ID_XID, ABI_HANDLED) \
	X(virt_stat,		0x28030000, vcmd_virt_stat, 48, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(task_xid,		0x2e010000, none, 0, ABI_NONE, ABI_ID_PID, ABI_HANDLED) \
	X(task_nid,		0x2e020000, none, 0, ABI_NONE, ABI_ID_PID, ABI_HANDLED) \
	X(vx_info,		0x2e050000, vcmd_vx_info, 8, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(nx_info,		0x2e060000, vcmd_nx_info, 4, ABI_OUT, ABI_ID_NID, ABI_HANDLED) \
	X(wait_exit,		0x30630000, vcmd_wait_exit, 8, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(get_cflags,		0x34010000, vcmd_ctx_flags, 16, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(set_cflags,		0x34020000, vcmd_ctx_flags, 16, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(get_ccaps,		0x34030001, vcmd_ctx_caps, 16, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(set_ccaps,		0x34040001, vcmd_ctx_caps, 16, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(get_nflags,		0x34050000, vcmd_net_flags, 16, ABI_OUT, ABI_ID_NID, ABI_HANDLED) \
	X(set_nflags,		0x34060000, vcmd_net_flags, 16, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(get_ncaps,		0x34070000, vcmd_net_caps, 16, ABI_OUT, ABI_ID_NID, ABI_HANDLED) \
	X(set_ncaps,		0x34080000, vcmd_net_caps, 16, ABI_IN, ABI_ID_NID, ABI_HANDLED) \
	X(get_bcaps,		0x34090000, vcmd_bcaps, 16, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(set_bcaps,		0x340a0000, vcmd_bcaps, 16, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(get_umask,		0x340d0000, vcmd_umask, 16, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(set_umask,		0x340e0000, vcmd_umask, 16, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(get_space_mask,	0x36000001, vcmd_space_mask_v1, 8, ABI_OUT, ABI_ID_ANY, ABI_HANDLED) \
	X(get_space_default,	0x36010000, vcmd_space_mask_v1, 8, ABI_OUT, ABI_ID_ANY, ABI_HANDLED) \
	X(get_rlimit,		0x3c010000, vcmd_ctx_rlimit, 32, ABI_INOUT, ABI_ID_XID, ABI_HANDLED) \
	X(set_rlimit,		0x3c020000, vcmd_ctx_rlimit, 32, ABI_IN, ABI_ID_XID, ABI_HANDLED) \
	X(get_rlimit_mask,	0x3c030000, vcmd_ctx_rlimit_mask, 12, ABI_OUT, ABI_ID_XID, ABI_HANDLED) \
	X(reset_hits,		0x3c070000, none, 0, ABI_NONE, ABI_ID_XID, ABI_HANDLED) \
	X(reset_minmax,		0x3c090000, none, 0, ABI_NONE, ABI_ID_XID, ABI_HANDLED)

/*
 * Commands of the reference ABI that the project does not implement and
 * its header does not define: they answer ENOSYS (Documentation/abi.rst
 * says why).  X(name, number).
 */
#define ABI_ABSENT(X)							\
	X(tag_migrate,		0x23010000)				\
	X(task_tag,		0x2e030000)				\
	X(set_sched,		0x0e010005)

/*
 * The data structures: S(struct, size) and their fields:
 * F(struct, field, offset, size).  Field names are those of the uapi
 * header; offsets and sizes are the x86_64 ones util-vserver uses.
 */
#define ABI_STRUCTS(S)							\
	S(vcmd_vhi_name, 72)						\
	S(vcmd_ctx_create, 8)						\
	S(vcmd_space_mask, 16)						\
	S(vcmd_space_mask_v1, 8)					\
	S(vcmd_ctx_migrate, 8)						\
	S(vcmd_ctx_kill, 8)						\
	S(vcmd_net_create, 8)						\
	S(vcmd_net_addr_v0, 36)						\
	S(vcmd_net_addr_ipv4, 12)					\
	S(vcmd_net_addr_ipv6, 40)					\
	S(vcmd_ctx_iattr, 24)						\
	S(vcmd_ctx_fiattr, 12)						\
	S(vcmd_ctx_stat, 8)						\
	S(vcmd_rlimit_stat, 32)						\
	S(vcmd_virt_stat, 48)						\
	S(vcmd_vx_info, 8)						\
	S(vcmd_nx_info, 4)						\
	S(vcmd_wait_exit, 8)						\
	S(vcmd_ctx_flags, 16)						\
	S(vcmd_ctx_caps, 16)						\
	S(vcmd_net_flags, 16)						\
	S(vcmd_net_caps, 16)						\
	S(vcmd_bcaps, 16)						\
	S(vcmd_umask, 16)						\
	S(vcmd_ctx_rlimit, 32)						\
	S(vcmd_ctx_rlimit_mask, 12)

#define ABI_FIELDS(F)							\
	F(vcmd_vhi_name, field, 0, 4)					\
	F(vcmd_vhi_name, name, 4, 65)					\
	F(vcmd_ctx_create, flagword, 0, 8)				\
	F(vcmd_space_mask, mask, 0, 8)					\
	F(vcmd_space_mask, index, 8, 4)					\
	F(vcmd_space_mask_v1, mask, 0, 8)				\
	F(vcmd_ctx_migrate, flagword, 0, 8)				\
	F(vcmd_ctx_kill, pid, 0, 4)					\
	F(vcmd_ctx_kill, sig, 4, 4)					\
	F(vcmd_net_create, flagword, 0, 8)				\
	F(vcmd_net_addr_v0, type, 0, 2)					\
	F(vcmd_net_addr_v0, count, 2, 2)				\
	F(vcmd_net_addr_v0, ip, 4, 16)					\
	F(vcmd_net_addr_v0, mask, 20, 16)				\
	F(vcmd_net_addr_ipv4, type, 0, 2)				\
	F(vcmd_net_addr_ipv4, flags, 2, 2)				\
	F(vcmd_net_addr_ipv4, ip, 4, 4)					\
	F(vcmd_net_addr_ipv4, mask, 8, 4)				\
	F(vcmd_net_addr_ipv6, type, 0, 2)				\
	F(vcmd_net_addr_ipv6, flags, 2, 2)				\
	F(vcmd_net_addr_ipv6, prefix, 4, 4)				\
	F(vcmd_net_addr_ipv6, ip, 8, 16)				\
	F(vcmd_net_addr_ipv6, mask, 24, 16)				\
	F(vcmd_ctx_iattr, name, 0, 8)					\
	F(vcmd_ctx_iattr, tag, 8, 4)					\
	F(vcmd_ctx_iattr, flags, 12, 4)					\
	F(vcmd_ctx_iattr, mask, 16, 4)					\
	F(vcmd_ctx_fiattr, tag, 0, 4)					\
	F(vcmd_ctx_fiattr, flags, 4, 4)					\
	F(vcmd_ctx_fiattr, mask, 8, 4)					\
	F(vcmd_ctx_stat, usecnt, 0, 4)					\
	F(vcmd_ctx_stat, tasks, 4, 4)					\
	F(vcmd_rlimit_stat, id, 0, 4)					\
	F(vcmd_rlimit_stat, hits, 4, 4)					\
	F(vcmd_rlimit_stat, value, 8, 8)				\
	F(vcmd_rlimit_stat, minimum, 16, 8)				\
	F(vcmd_rlimit_stat, maximum, 24, 8)				\
	F(vcmd_virt_stat, offset, 0, 8)					\
	F(vcmd_virt_stat, uptime, 8, 8)					\
	F(vcmd_virt_stat, nr_threads, 16, 4)				\
	F(vcmd_virt_stat, nr_running, 20, 4)				\
	F(vcmd_virt_stat, nr_uninterruptible, 24, 4)			\
	F(vcmd_virt_stat, nr_onhold, 28, 4)				\
	F(vcmd_virt_stat, nr_forks, 32, 4)				\
	F(vcmd_virt_stat, load, 36, 12)					\
	F(vcmd_vx_info, xid, 0, 4)					\
	F(vcmd_vx_info, initpid, 4, 4)					\
	F(vcmd_nx_info, nid, 0, 4)					\
	F(vcmd_wait_exit, reboot_cmd, 0, 4)				\
	F(vcmd_wait_exit, exit_code, 4, 4)				\
	F(vcmd_ctx_flags, flagword, 0, 8)				\
	F(vcmd_ctx_flags, mask, 8, 8)					\
	F(vcmd_ctx_caps, ccaps, 0, 8)					\
	F(vcmd_ctx_caps, cmask, 8, 8)					\
	F(vcmd_net_flags, flagword, 0, 8)				\
	F(vcmd_net_flags, mask, 8, 8)					\
	F(vcmd_net_caps, ncaps, 0, 8)					\
	F(vcmd_net_caps, cmask, 8, 8)					\
	F(vcmd_bcaps, bcaps, 0, 8)					\
	F(vcmd_bcaps, bmask, 8, 8)					\
	F(vcmd_umask, umask, 0, 8)					\
	F(vcmd_umask, mask, 8, 8)					\
	F(vcmd_ctx_rlimit, id, 0, 4)					\
	F(vcmd_ctx_rlimit, minimum, 8, 8)				\
	F(vcmd_ctx_rlimit, softlimit, 16, 8)				\
	F(vcmd_ctx_rlimit, maximum, 24, 8)				\
	F(vcmd_ctx_rlimit_mask, minimum, 0, 4)				\
	F(vcmd_ctx_rlimit_mask, softlimit, 4, 4)			\
	F(vcmd_ctx_rlimit_mask, maximum, 8, 4)

/* Flag bits: B(header name, value). */
#define ABI_VCI(B)							\
	B(VCI_NO_DYNAMIC, 0x00000001ULL)				\
	B(VCI_PROC_SECURE, 0x00000010ULL)				\
	B(VCI_HARDCPU, 0x00000020ULL)					\
	B(VCI_IDLELIMIT, 0x00000040ULL)					\
	B(VCI_IDLETIME, 0x00000080ULL)					\
	B(VCI_COWBL, 0x00000100ULL)					\
	B(VCI_FULLCOWBL, 0x00000200ULL)					\
	B(VCI_SPACES, 0x00000400ULL)					\
	B(VCI_NETV2, 0x00000800ULL)					\
	B(VCI_MEMCG, 0x00001000ULL)					\
	B(VCI_DEBUG, 0x00010000ULL)					\
	B(VCI_HISTORY, 0x00100000ULL)					\
	B(VCI_TAGGED, 0x01000000ULL)					\
	B(VCI_PPTAG, 0x10000000ULL)

/* TAGGED is the low bit of a 3-bit field: bits 24..26 are all VCI. */
#define ABI_VCI_TAGGED_FIELD	0x07000000ULL

#define ABI_CFLAGS(B)							\
	B(VXF_INFO_LOCK, 0x00000001ULL)					\
	B(VXF_INFO_NPROC, 0x00000004ULL)				\
	B(VXF_INFO_PRIVATE, 0x00000008ULL)				\
	B(VXF_INFO_INIT, 0x00000010ULL)					\
	B(VXF_INFO_HIDEINFO, 0x00000020ULL)				\
	B(VXF_INFO_ULIMIT, 0x00000040ULL)				\
	B(VXF_INFO_NAMESPACE, 0x00000080ULL)				\
	B(VXF_SCHED_HARD, 0x00000100ULL)				\
	B(VXF_SCHED_PRIO, 0x00000200ULL)				\
	B(VXF_SCHED_PAUSE, 0x00000400ULL)				\
	B(VXF_VIRT_MEM, 0x00010000ULL)					\
	B(VXF_VIRT_UPTIME, 0x00020000ULL)				\
	B(VXF_VIRT_CPU, 0x00040000ULL)					\
	B(VXF_VIRT_LOAD, 0x00080000ULL)					\
	B(VXF_VIRT_TIME, 0x00100000ULL)					\
	B(VXF_HIDE_MOUNT, 0x01000000ULL)				\
	B(VXF_HIDE_NETIF, 0x02000000ULL)				\
	B(VXF_HIDE_VINFO, 0x04000000ULL)				\
	B(VXF_STATE_SETUP, 0x0000000100000000ULL)			\
	B(VXF_STATE_INIT, 0x0000000200000000ULL)			\
	B(VXF_STATE_ADMIN, 0x0000000400000000ULL)			\
	B(VXF_SC_HELPER, 0x0000001000000000ULL)				\
	B(VXF_REBOOT_KILL, 0x0000002000000000ULL)			\
	B(VXF_PERSISTENT, 0x0000004000000000ULL)			\
	B(VXF_FORK_RSS, 0x0001000000000000ULL)				\
	B(VXF_PROLIFIC, 0x0002000000000000ULL)				\
	B(VXF_IGNEG_NICE, 0x0010000000000000ULL)			\
	B(VXF_IGNEG_IONICE, 0x0020000000000000ULL)

/* What util-vserver's vcontext --create sends: SETUP|INIT|ADMIN. */
#define ABI_CFLAGS_CREATE	0x0000000700000000ULL

#define ABI_CCAPS(B)							\
	B(VXC_SET_UTSNAME, 0x00000001ULL)				\
	B(VXC_SET_RLIMIT, 0x00000002ULL)				\
	B(VXC_FS_SECURITY, 0x00000004ULL)				\
	B(VXC_FS_TRUSTED, 0x00000008ULL)				\
	B(VXC_TIOCSTI, 0x00000010ULL)					\
	B(VXC_RAW_ICMP, 0x00000100ULL)					\
	B(VXC_SYSLOG, 0x00001000ULL)					\
	B(VXC_OOM_ADJUST, 0x00002000ULL)				\
	B(VXC_AUDIT_CONTROL, 0x00004000ULL)				\
	B(VXC_SECURE_MOUNT, 0x00010000ULL)				\
	B(VXC_SECURE_REMOUNT, 0x00020000ULL)				\
	B(VXC_BINARY_MOUNT, 0x00040000ULL)				\
	B(VXC_DEV_MOUNT, 0x00080000ULL)					\
	B(VXC_QUOTA_CTL, 0x00100000ULL)					\
	B(VXC_ADMIN_MAPPER, 0x00200000ULL)				\
	B(VXC_ADMIN_CLOOP, 0x00400000ULL)				\
	B(VXC_KTHREAD, 0x01000000ULL)					\
	B(VXC_NAMESPACE, 0x02000000ULL)

#define ABI_NFLAGS(B)							\
	B(NXF_INFO_LOCK, 0x00000001ULL)					\
	B(NXF_INFO_PRIVATE, 0x00000008ULL)				\
	B(NXF_SINGLE_IP, 0x00000100ULL)					\
	B(NXF_LBACK_REMAP, 0x00000200ULL)				\
	B(NXF_LBACK_ALLOW, 0x00000400ULL)				\
	B(NXF_HIDE_NETIF, 0x02000000ULL)				\
	B(NXF_HIDE_LBACK, 0x04000000ULL)				\
	B(NXF_STATE_SETUP, 0x0000000100000000ULL)			\
	B(NXF_STATE_ADMIN, 0x0000000400000000ULL)			\
	B(NXF_SC_HELPER, 0x0000001000000000ULL)				\
	B(NXF_PERSISTENT, 0x0000004000000000ULL)

/* The one-time flags: once cleared, get_*flags leaves them out of mask. */
#define ABI_CFLAGS_ONE_TIME	0x0000000700000000ULL
#define ABI_NFLAGS_ONE_TIME	0x0000000500000000ULL

#define ABI_NCAPS(B)							\
	B(NXC_TUN_CREATE, 0x00000001ULL)				\
	B(NXC_RAW_ICMP, 0x00000100ULL)					\
	B(NXC_MULTICAST, 0x00000200ULL)

#define ABI_IATTR(B)							\
	B(IATTR_TAG, 0x01000000ULL)					\
	B(IATTR_ADMIN, 0x00000001ULL)					\
	B(IATTR_WATCH, 0x00000002ULL)					\
	B(IATTR_HIDE, 0x00000004ULL)					\
	B(IATTR_WRITE, 0x00000008ULL)					\
	B(IATTR_BARRIER, 0x00010000ULL)					\
	B(IATTR_IXUNLINK, 0x00020000ULL)				\
	B(IATTR_IMMUTABLE, 0x00040000ULL)				\
	B(IATTR_COW, 0x00080000ULL)

/* Address types of net_add/net_remove. */
#define ABI_NXA(B)							\
	B(NXA_TYPE_IPV4, 0x0001ULL)					\
	B(NXA_TYPE_IPV6, 0x0002ULL)					\
	B(NXA_TYPE_ADDR, 0x0010ULL)					\
	B(NXA_TYPE_MASK, 0x0020ULL)					\
	B(NXA_TYPE_RANGE, 0x0040ULL)					\
	B(NXA_TYPE_ANY, 0x00ffULL)					\
	B(NXA_MOD_BCAST, 0x0100ULL)					\
	B(NXA_MOD_LBACK, 0x0200ULL)

/* Spaces: CLONE_* bits. */
#define ABI_SPACE(B)							\
	B(VC_SPACE_FS, 0x00000200ULL)					\
	B(VC_SPACE_NEWNS, 0x00020000ULL)				\
	B(VC_SPACE_NEWCGROUP, 0x02000000ULL)				\
	B(VC_SPACE_NEWUTS, 0x04000000ULL)				\
	B(VC_SPACE_NEWIPC, 0x08000000ULL)				\
	B(VC_SPACE_NEWNET, 0x40000000ULL)

/* Small constants: uts fields, migrate flags, limit values, ids. */
#define ABI_VALUES(B)							\
	B(VHIN_CONTEXT, 0ULL)						\
	B(VHIN_SYSNAME, 1ULL)						\
	B(VHIN_NODENAME, 2ULL)						\
	B(VHIN_RELEASE, 3ULL)						\
	B(VHIN_VERSION, 4ULL)						\
	B(VHIN_MACHINE, 5ULL)						\
	B(VHIN_DOMAINNAME, 6ULL)					\
	B(VXM_SET_INIT, 1ULL)						\
	B(VXM_SET_REAPER, 2ULL)						\
	B(CRLIM_UNSET, 0ULL)						\
	B(CRLIM_INFINITY, 0xffffffffffffffffULL)			\
	B(CRLIM_KEEP, 0xfffffffffffffffeULL)				\
	B(VSERVER_SYSCALL_NR, 236ULL)					\
	B(VC_DYNAMIC_ID, 0xffffffffULL)					\
	B(VC_SAME_ID, 0xfffffffeULL)					\
	B(VC_XID_HOST, 0ULL)						\
	B(VC_XID_SPECTATOR, 1ULL)					\
	B(VC_XID_STATIC_MIN, 2ULL)					\
	B(VC_XID_STATIC_MAX, 49151ULL)					\
	B(VC_XID_DYNAMIC_MIN, 49152ULL)					\
	B(VC_XID_DYNAMIC_MAX, 65535ULL)

/* The resource ids of the rlimit commands (Linux x86_64 RLIMIT_*). */
#define ABI_RLIMIT_RSS		5
#define ABI_RLIMIT_NPROC	6
#define ABI_RLIMIT_NOFILE	7
#define ABI_RLIMIT_AS		9

#endif /* VS_ABI_TABLE_H */
