// SPDX-License-Identifier: GPL-2.0
/*
 * names.c - the names of flag bits, as util-vserver spells them
 */

#include <linux/capability.h>
#include <sys/personality.h>

#include "parse.h"
#include "vserver.h"

const struct vs_name vs_cflag_names[] = {
	{ "lock", VXF_INFO_LOCK },
	{ "nproc", VXF_INFO_NPROC },
	{ "private", VXF_INFO_PRIVATE },
	{ "fakeinit", VXF_INFO_INIT },
	{ "hideinfo", VXF_INFO_HIDEINFO },
	{ "ulimit", VXF_INFO_ULIMIT },
	{ "namespace", VXF_INFO_NAMESPACE },
	{ "sched_hard", VXF_SCHED_HARD },
	{ "sched_prio", VXF_SCHED_PRIO },
	{ "sched_pause", VXF_SCHED_PAUSE },
	{ "virt_mem", VXF_VIRT_MEM },
	{ "virt_uptime", VXF_VIRT_UPTIME },
	{ "virt_cpu", VXF_VIRT_CPU },
	{ "virt_load", VXF_VIRT_LOAD },
	{ "virt_time", VXF_VIRT_TIME },
	{ "hide_mount", VXF_HIDE_MOUNT },
	{ "hide_netif", VXF_HIDE_NETIF },
	{ "hide_vinfo", VXF_HIDE_VINFO },
	{ "state_setup", VXF_STATE_SETUP },
	{ "state_init", VXF_STATE_INIT },
	{ "state_admin", VXF_STATE_ADMIN },
	{ "sc_helper", VXF_SC_HELPER },
	{ "reboot_kill", VXF_REBOOT_KILL },
	{ "persistent", VXF_PERSISTENT },
	{ "fork_rss", VXF_FORK_RSS },
	{ "prolific", VXF_PROLIFIC },
	{ "igneg_nice", VXF_IGNEG_NICE },
	{ "igneg_ionice", VXF_IGNEG_IONICE },
	/* Pseudo flags util-vserver accepts */
	{ "secure", VXF_HIDE_NETIF },
	{ "default", VXF_VIRT_UPTIME },
	{ NULL, 0 }
};

#define BCAP(name) { #name, 1ULL << CAP_##name }

const struct vs_name vs_bcap_names[] = {
	BCAP(CHOWN),
	BCAP(DAC_OVERRIDE),
	BCAP(DAC_READ_SEARCH),
	BCAP(FOWNER),
	BCAP(FSETID),
	BCAP(KILL),
	BCAP(SETGID),
	BCAP(SETUID),
	BCAP(SETPCAP),
	BCAP(LINUX_IMMUTABLE),
	BCAP(NET_BIND_SERVICE),
	BCAP(NET_BROADCAST),
	BCAP(NET_ADMIN),
	BCAP(NET_RAW),
	BCAP(IPC_LOCK),
	BCAP(IPC_OWNER),
	BCAP(SYS_MODULE),
	BCAP(SYS_RAWIO),
	BCAP(SYS_CHROOT),
	BCAP(SYS_PTRACE),
	BCAP(SYS_PACCT),
	BCAP(SYS_ADMIN),
	BCAP(SYS_BOOT),
	BCAP(SYS_NICE),
	BCAP(SYS_RESOURCE),
	BCAP(SYS_TIME),
	BCAP(SYS_TTY_CONFIG),
	BCAP(MKNOD),
	BCAP(LEASE),
	BCAP(AUDIT_WRITE),
	BCAP(AUDIT_CONTROL),
	BCAP(SETFCAP),
	BCAP(MAC_OVERRIDE),
	BCAP(MAC_ADMIN),
	BCAP(SYSLOG),
	BCAP(WAKE_ALARM),
	BCAP(BLOCK_SUSPEND),
	BCAP(AUDIT_READ),
	BCAP(PERFMON),
	BCAP(BPF),
	BCAP(CHECKPOINT_RESTORE),
	{ NULL, 0 }
};

/*
 * The bounding set of `vattribute --secure`: what a guest's root may keep
 * (util-vserver's list of secure capabilities).
 */
const uint64_t vs_secure_bcaps =
	(1ULL << CAP_CHOWN) | (1ULL << CAP_DAC_OVERRIDE) |
	(1ULL << CAP_DAC_READ_SEARCH) | (1ULL << CAP_FOWNER) |
	(1ULL << CAP_FSETID) | (1ULL << CAP_KILL) | (1ULL << CAP_SETGID) |
	(1ULL << CAP_SETUID) | (1ULL << CAP_NET_BIND_SERVICE) |
	(1ULL << CAP_SYS_CHROOT) | (1ULL << CAP_SYS_PTRACE) |
	(1ULL << CAP_SYS_TTY_CONFIG) | (1ULL << CAP_LEASE) |
	(1ULL << CAP_SETFCAP) | (1ULL << CAP_SYS_BOOT) |
	(1ULL << CAP_AUDIT_WRITE);

const struct vs_name vs_ccap_names[] = {
	{ "set_utsname", VXC_SET_UTSNAME },
	{ "set_rlimit", VXC_SET_RLIMIT },
	{ "fs_security", VXC_FS_SECURITY },
	{ "fs_trusted", VXC_FS_TRUSTED },
	{ "tiocsti", VXC_TIOCSTI },
	{ "raw_icmp", VXC_RAW_ICMP },
	{ "syslog", VXC_SYSLOG },
	{ "oom_adjust", VXC_OOM_ADJUST },
	{ "audit_control", VXC_AUDIT_CONTROL },
	{ "secure_mount", VXC_SECURE_MOUNT },
	{ "secure_remount", VXC_SECURE_REMOUNT },
	{ "binary_mount", VXC_BINARY_MOUNT },
	{ "dev_mount", VXC_DEV_MOUNT },
	{ "quota_ctl", VXC_QUOTA_CTL },
	{ "admin_mapper", VXC_ADMIN_MAPPER },
	{ "admin_cloop", VXC_ADMIN_CLOOP },
	{ "kthread", VXC_KTHREAD },
	{ "namespace", VXC_NAMESPACE },
	/* Old spellings util-vserver still accepts */
	{ "mount", VXC_SECURE_MOUNT },
	{ "remount", VXC_SECURE_REMOUNT },
	{ "icmp", VXC_RAW_ICMP },
	{ "ping", VXC_RAW_ICMP },
	{ "utsname", VXC_SET_UTSNAME },
	{ "rlimit", VXC_SET_RLIMIT },
	{ NULL, 0 }
};

const struct vs_name vs_umask_names[] = {
	{ "fs", VC_SPACE_FS },
	{ "newns", VC_SPACE_NEWNS },
	{ "newcgroup", VC_SPACE_NEWCGROUP },
	{ "newuts", VC_SPACE_NEWUTS },
	{ "newipc", VC_SPACE_NEWIPC },
	{ "newuser", VC_UMASK_NEWUSER },
	{ "newpid", VC_UMASK_NEWPID },
	{ "newnet", VC_SPACE_NEWNET },
	{ "newtime", VC_UMASK_NEWTIME },
	{ NULL, 0 }
};

const struct vs_name vs_nflag_names[] = {
	{ "lock", NXF_INFO_LOCK },
	{ "private", NXF_INFO_PRIVATE },
	{ "single_ip", NXF_SINGLE_IP },
	{ "lback_remap", NXF_LBACK_REMAP },
	{ "lback_allow", NXF_LBACK_ALLOW },
	{ "hide_netif", NXF_HIDE_NETIF },
	{ "hide_lback", NXF_HIDE_LBACK },
	{ "state_setup", NXF_STATE_SETUP },
	{ "state_admin", NXF_STATE_ADMIN },
	{ "sc_helper", NXF_SC_HELPER },
	{ "persistent", NXF_PERSISTENT },
	{ NULL, 0 }
};

const struct vs_name vs_ncap_names[] = {
	{ "tun_create", NXC_TUN_CREATE },
	{ "raw_icmp", NXC_RAW_ICMP },
	{ "multicast", NXC_MULTICAST },
	{ NULL, 0 }
};

const struct vs_name vs_personality_names[] = {
	{ "linux", PER_LINUX },
	{ "linux_32bit", PER_LINUX_32BIT },
	{ "svr4", PER_SVR4 },
	{ "svr3", PER_SVR3 },
	{ "scosvr3", PER_SCOSVR3 },
	{ "osr5", PER_OSR5 },
	{ "wysev386", PER_WYSEV386 },
	{ "iscr4", PER_ISCR4 },
	{ "bsd", PER_BSD },
	{ "sunos", PER_SUNOS },
	{ "xenix", PER_XENIX },
	{ "linux32", PER_LINUX32 },
	{ "linux32_3gb", PER_LINUX32_3GB },
	{ "irix32", PER_IRIX32 },
	{ "irixn32", PER_IRIXN32 },
	{ "irix64", PER_IRIX64 },
	{ "riscos", PER_RISCOS },
	{ "solaris", PER_SOLARIS },
	{ "uw7", PER_UW7 },
	{ "osf4", PER_OSF4 },
	{ "hpux", PER_HPUX },
	{ NULL, 0 }
};

const struct vs_name vs_personality_flag_names[] = {
	{ "mmap_page_zero", MMAP_PAGE_ZERO },
	{ "addr_limit_32bit", ADDR_LIMIT_32BIT },
	{ "short_inode", SHORT_INODE },
	{ "whole_seconds", WHOLE_SECONDS },
	{ "sticky_timeouts", STICKY_TIMEOUTS },
	{ "addr_limit_3gb", ADDR_LIMIT_3GB },
	{ "uname26", UNAME26 },
	{ NULL, 0 }
};
