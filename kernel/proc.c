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
 *
 * and one directory per live context, /proc/virtual/<xid>, which a task in
 * a context sees only for its own context (the spectator sees all):
 *
 *   info     ID, Info (the context, as a hashed pointer), Init (its init's
 *            pid, 0 if none)
 *   status   UseCnt, Tasks, Flags, BCaps, CCaps, Umask (%016llx), Spaces
 *            (the masks of space 0 and 1)
 *   cvirt    BiasUptime, nr_threads, nr_running, nr_unintr, nr_onhold,
 *            load_updates, loadavg (1, 5, 15 minutes), total_forks
 *   nsproxy  the uts names of space 0, if it has a uts namespace
 *   limit    PROC, VM and RSS: current, min/max, soft/hard, hits (limit.c)
 */

#include <linux/errno.h>
#include <linux/math64.h>
#include <linux/mutex.h>
#include <linux/nsproxy.h>
#include <linux/pid.h>
#include <linux/rwsem.h>
#include <linux/sched/loadavg.h>
#include <linux/utsname.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "cvirt.h"
#include "fakeinit.h"
#include "limit.h"
#include "netproc.h"
#include "proc.h"
#include "space.h"

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

static int vx_proc_ctx_info_show(struct seq_file *m, void *v)
{
	struct vx_info *vxi = m->private;
	pid_t init;

	rcu_read_lock();
	init = pid_vnr(rcu_dereference(vxi->init_pid));
	rcu_read_unlock();
	init = vc_map_pid(init);
	seq_printf(m, "ID:\t%u\n", vxi->obj.id);
	seq_printf(m, "Info:\t%p\n", vxi);
	seq_printf(m, "Init:\t%d\n", init);
	return 0;
}

static int vx_proc_ctx_status_show(struct seq_file *m, void *v)
{
	struct vx_info *vxi = m->private;
	u64 space0, space1;

	mutex_lock(&vxi->space_lock);
	space0 = vxi->space[0].mask;
	space1 = vxi->space[1].mask;
	mutex_unlock(&vxi->space_lock);
	seq_printf(m, "UseCnt:\t%u\n", refcount_read(&vxi->obj.usage));
	seq_printf(m, "Tasks:\t%u\n", vx_task_count(vxi));
	seq_printf(m, "Flags:\t%016llx\n", vx_flags(vxi));
	seq_printf(m, "BCaps:\t%016llx\n", READ_ONCE(vxi->bcaps));
	seq_printf(m, "CCaps:\t%016llx\n", READ_ONCE(vxi->ccaps));
	seq_printf(m, "Umask:\t%016llx\n", READ_ONCE(vxi->umask));
	seq_printf(m, "Spaces:\t%08llx %08llx\n", space0, space1);
	return 0;
}

static int vx_proc_ctx_cvirt_show(struct seq_file *m, void *v)
{
	struct vx_info *vxi = m->private;
	unsigned long load[3];
	unsigned int updates;
	struct vx_states st;
	u64 rem, secs = div64_u64_rem(vxi->start_ns, NSEC_PER_SEC, &rem);

	vx_task_states(vxi, &st);
	seq_printf(m, "BiasUptime:\t%llu.%02llu\n", secs,
		   div64_u64(rem, NSEC_PER_SEC / 100));
	seq_printf(m, "nr_threads:\t%u\n", st.threads);
	seq_printf(m, "nr_running:\t%u\n", st.running);
	seq_printf(m, "nr_unintr:\t%u\n", st.uninterruptible);
	seq_puts(m, "nr_onhold:\t0\n");
	updates = vx_loadavg(vxi, load);
	seq_printf(m, "load_updates:\t%u\n", updates);
	seq_printf(m, "loadavg:\t%lu.%02lu %lu.%02lu %lu.%02lu\n",
		   LOAD_INT(load[0]), LOAD_FRAC(load[0]),
		   LOAD_INT(load[1]), LOAD_FRAC(load[1]),
		   LOAD_INT(load[2]), LOAD_FRAC(load[2]));
	seq_printf(m, "total_forks:\t%u\n", atomic_read(&vxi->nr_forks));
	return 0;
}

static int vx_proc_ctx_nsproxy_show(struct seq_file *m, void *v)
{
	struct vx_info *vxi = m->private;
	struct nsproxy *nsp = vx_space_uts(vxi);
	struct new_utsname *u;

	if (!nsp)
		return 0;
	down_read(&uts_sem);
	u = &nsp->uts_ns->name;
	seq_printf(m, "SysName:\t%.65s\nNodeName:\t%.65s\nRelease:\t%.65s\n",
		   u->sysname, u->nodename, u->release);
	seq_printf(m, "Version:\t%.65s\nMachine:\t%.65s\nDomainName:\t%.65s\n",
		   u->version, u->machine, u->domainname);
	up_read(&uts_sem);
	put_nsproxy(nsp);
	return 0;
}

static int vx_proc_ctx_limit_show(struct seq_file *m, void *v)
{
	vx_limit_show(m, m->private);
	return 0;
}

/**
 * vx_proc_create - create /proc/virtual/<xid> for a new context
 * @vxi: the context
 *
 * Return: 0 or -ENOMEM.
 */
int vx_proc_create(struct vx_info *vxi)
{
	struct proc_dir_entry *dir;
	char name[12];

	snprintf(name, sizeof(name), "%u", vxi->obj.id);
	dir = proc_mkdir_data(name, 0555, vx_proc_dir, vxi);
	if (!dir)
		return -ENOMEM;
	if (!proc_create_single_data("info", 0444, dir, vx_proc_ctx_info_show, vxi) ||
	    !proc_create_single_data("status", 0444, dir, vx_proc_ctx_status_show,
				     vxi) ||
	    !proc_create_single_data("cvirt", 0444, dir,
				     vx_proc_ctx_cvirt_show, vxi) ||
	    !proc_create_single_data("nsproxy", 0444, dir,
				     vx_proc_ctx_nsproxy_show, vxi) ||
	    !proc_create_single_data("limit", 0444, dir,
				     vx_proc_ctx_limit_show, vxi)) {
		proc_remove(dir);
		return -ENOMEM;
	}
	vxi->proc_dir = dir;
	return 0;
}

/**
 * vx_proc_remove - remove /proc/virtual/<xid> of a context that shuts down
 * @vxi: the context
 *
 * Waits for readers of its files to finish.
 */
void vx_proc_remove(struct vx_info *vxi)
{
	proc_remove(vxi->proc_dir);
	vxi->proc_dir = NULL;
}

/**
 * vc_proc_visible - the proc_visible call-out
 * @parent: the /proc entry's parent
 * @data: the /proc entry's data
 *
 * Return: false for the directory of another context than current's.
 */
bool vc_proc_visible(struct proc_dir_entry *parent, void *data)
{
	struct vx_info *cur = vx_current();

	if (!cur || vx_is_spectator(cur))
		return true;
	if (parent == vx_proc_dir)
		return !data || data == cur;
	return nx_proc_visible(parent, data);
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
