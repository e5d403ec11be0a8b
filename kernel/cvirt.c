// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - values a context sees in its own version
 *
 * With VXF_VIRT_UPTIME, a context's tasks are told the time since the
 * context was created as the system's uptime (/proc/uptime, sysinfo()).
 * The idle time in /proc/uptime stays the host's.
 */

#include <linux/time64.h>

#include <linux/vserver.h>

#include "context.h"
#include "cvirt.h"

/**
 * vc_uptime - the uptime call-out
 * @uptime: the time since boot, adjusted in place
 */
void vc_uptime(struct timespec64 *uptime)
{
	struct vx_info *cur = vx_current();
	s64 ns;

	if (!cur || !(vx_flags(cur) & VXF_VIRT_UPTIME))
		return;
	ns = timespec64_to_ns(uptime) - (s64)cur->start_ns;
	*uptime = ns_to_timespec64(ns > 0 ? ns : 0);
}
