// SPDX-License-Identifier: GPL-2.0
/*
 * names.c - the names of flag bits, as util-vserver spells them
 */

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
	{ NULL, 0 }
};
