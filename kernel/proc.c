// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - /proc/virtual
 *
 * Files hold tab-separated "Key:\tvalue" lines, as on Linux-VServer:
 *
 *   /proc/virtual/info    VCIVersion, VCISyscall, VCIKernel, and XID: the
 *                         reader's own context (0 on the host)
 *   /proc/virtual/status  #CTotal (contexts created since the module was
 *                         loaded) and #CActive (live contexts)
 */

#include <linux/errno.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "proc.h"

static struct proc_dir_entry *vx_proc_dir;

static int vx_proc_info_show(struct seq_file *m, void *v)
{
	seq_printf(m, "VCIVersion:\t%04x:%04x\n", VC_ABI_VERSION >> 16,
		   VC_ABI_VERSION & 0xffff);
	seq_printf(m, "VCISyscall:\t%d\n", VSERVER_SYSCALL_NR);
	seq_printf(m, "VCIKernel:\t%08x\n", (unsigned int)VC_VCI_FEATURES);
	seq_printf(m, "XID:\t%u\n", vx_current_xid());
	return 0;
}

static int vx_proc_status_show(struct seq_file *m, void *v)
{
	seq_printf(m, "#CTotal:\t%u\n", vx_nr_created());
	seq_printf(m, "#CActive:\t%u\n", vx_nr_active());
	return 0;
}

/**
 * vx_proc_init - create /proc/virtual
 *
 * Return: 0 or -ENOMEM.
 */
int vx_proc_init(void)
{
	vx_proc_dir = proc_mkdir("virtual", NULL);
	if (!vx_proc_dir)
		return -ENOMEM;
	if (!proc_create_single("info", 0444, vx_proc_dir, vx_proc_info_show) ||
	    !proc_create_single("status", 0444, vx_proc_dir,
				vx_proc_status_show)) {
		proc_remove(vx_proc_dir);
		return -ENOMEM;
	}
	return 0;
}

/**
 * vx_proc_exit - remove /proc/virtual
 */
void vx_proc_exit(void)
{
	proc_remove(vx_proc_dir);
}
