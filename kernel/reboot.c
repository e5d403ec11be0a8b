// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - reboot(2) in a guest
 *
 * A guest's root may keep CAP_SYS_BOOT in its bounding set (the secure
 * set of util-vserver has it, for software that restarts its machine).
 * reboot(2) in a context must then never reach the machine: restart, halt
 * and power off end every process of the caller's context, as if the
 * guest's own machine had stopped, and the host's administrator starts it
 * again.  Enabling or disabling Ctrl-Alt-Del is a setting of the host's
 * console: the call succeeds without changing it.  kexec and suspend are
 * refused.  The spectator context never gets here: its bounding set is
 * empty, so reboot(2) fails its capability check.
 */

#include <linux/errno.h>
#include <linux/reboot.h>
#include <linux/sched/signal.h>

#include "context.h"
#include "context_cmd.h"
#include "reboot.h"

/**
 * vc_reboot - the reboot call-out
 * @cmd: the LINUX_REBOOT_CMD_* of a reboot(2) call by current, which is
 *       in a context and has CAP_SYS_BOOT
 *
 * Return: 0, -EPERM for kexec and suspend, or -EINVAL for an unknown
 * command (as reboot(2) returns).
 */
int vc_reboot(unsigned int cmd)
{
	struct vx_info *vxi = vx_current();

	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		/* current is among them: it does not return to the guest. */
		vx_signal(vxi, 0, SIGKILL);
		return 0;
	case LINUX_REBOOT_CMD_KEXEC:
	case LINUX_REBOOT_CMD_SW_SUSPEND:
		return -EPERM;
	default:
		return -EINVAL;
	}
}
