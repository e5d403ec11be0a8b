// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - resource limits of a context
 *
 * Linux-VServer kept its own count of a dozen resources per context.  This
 * module accounts three, from what the kernel already knows:
 *
 *   RLIMIT_NPROC  the tasks (threads) of the context: the members the
 *                 module tracks.  The hard limit is enforced: a fork that
 *                 would take the context beyond it fails with EAGAIN and
 *                 counts as a hit.  Migration into the context is not
 *                 refused (the administrator asked for it).
 *   RLIMIT_RSS    pages in memory: when every process of the context is
 *                 in one memory cgroup other than the root (vserver(8)
 *                 gives each guest one), that group's usage (its
 *                 memory.current); otherwise the sum of the resident sets
 *                 of the context's processes, as /proc/<pid>/status
 *                 shows them (Linux folds a task's counts into them in
 *                 batches, so a process with few page faults may show
 *                 less than it has).
 *   RLIMIT_AS     pages of address space: the sum of the context's
 *                 processes' total_vm.
 *
 * The RSS and AS limits are stored and reported but not enforced: memory
 * is limited by the guest's cgroup (memory.max).  Soft limits are stored
 * and reported only, as on Linux-VServer, where going over one was
 * allowed.  Minimum and maximum seen are updated whenever NPROC changes,
 * and for RSS and AS whenever they are measured (rlimit_stat,
 * reset_minmax).
 */

#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/lockdep.h>
#include <linux/memcontrol.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "context_cmd.h"
#include "isolation.h"
#include "limit.h"

/* The resources with limits, bit N for RLIMIT_* number N. */
#define VX_RES_MASK	(BIT(RLIMIT_NPROC) | BIT(RLIMIT_RSS) | BIT(RLIMIT_AS))

/**
 * vx_limit_init - set up the limits of a new context: none, nothing seen
 * @lim: the limits
 */
void vx_limit_init(struct vx_limit *lim)
{
	int i;

	spin_lock_init(&lim->lock);
	for (i = 0; i < VX_RES_COUNT; i++) {
		lim->res[i].soft = CRLIM_INFINITY;
		lim->res[i].hard = CRLIM_INFINITY;
		lim->res[i].min = CRLIM_INFINITY;
		lim->res[i].max = 0;
		lim->res[i].hits = 0;
	}
}

static int vx_res_index(u32 id)
{
	switch (id) {
	case RLIMIT_NPROC:
		return VX_RES_NPROC;
	case RLIMIT_RSS:
		return VX_RES_RSS;
	case RLIMIT_AS:
		return VX_RES_AS;
	}
	return -EINVAL;
}

static void vx_res_note(struct vx_limit *lim, struct vx_res *r, u64 value)
{
	lockdep_assert_held(&lim->lock);
	r->min = min(r->min, value);
	r->max = max(r->max, value);
}

/**
 * vx_limit_fork - account a new task of a context, or refuse it
 * @vxi: the context, which the new task has just joined
 *
 * Return: 0, or -EAGAIN if the task takes the context beyond its NPROC
 * hard limit; the caller then undoes the membership.
 */
int vx_limit_fork(struct vx_info *vxi)
{
	struct vx_res *r = &vxi->limit.res[VX_RES_NPROC];
	u64 n = vx_task_count(vxi);
	int ret = 0;

	spin_lock(&vxi->limit.lock);
	if (n > r->hard) {
		r->hits++;
		ret = -EAGAIN;
	} else {
		vx_res_note(&vxi->limit, r, n);
	}
	spin_unlock(&vxi->limit.lock);
	return ret;
}

/**
 * vx_limit_note_tasks - note the task count of a context after a change
 * @vxi: the context a task has entered or left
 */
void vx_limit_note_tasks(struct vx_info *vxi)
{
	u64 n = vx_task_count(vxi);

	spin_lock(&vxi->limit.lock);
	vx_res_note(&vxi->limit, &vxi->limit.res[VX_RES_NPROC], n);
	spin_unlock(&vxi->limit.lock);
}

#ifdef CONFIG_MEMCG
/* Under rcu_read_lock(): note the memory cgroup of a process. */
static void vx_memcg_note(struct task_struct *t, struct mem_cgroup **memcg,
			  bool *shared)
{
	struct mem_cgroup *m;

	if (mem_cgroup_disabled()) {
		*shared = false;
		return;
	}
	m = mem_cgroup_from_task(t);
	if (*memcg && *memcg != m)
		*shared = false;
	*memcg = m;
}

/* Under rcu_read_lock(): the pages charged to a group, not the root. */
static bool vx_memcg_pages(struct mem_cgroup *memcg, u64 *pages)
{
	/* The root group is the whole system's, not a guest's. */
	if (!memcg || !memcg->css.parent)
		return false;
	*pages = page_counter_read(&memcg->memory);
	return true;
}
#else
static void vx_memcg_note(struct task_struct *t, struct mem_cgroup **memcg,
			  bool *shared)
{
	*shared = false;
}

static bool vx_memcg_pages(struct mem_cgroup *memcg, u64 *pages)
{
	return false;
}
#endif

/*
 * Measure the memory of a context's processes, in pages.  Each process
 * counts once, through the first of its threads that is in the context.
 */
static void vx_mem_usage(struct vx_info *vxi, u64 *rss, u64 *as)
{
	struct task_struct *g, *t, *counted = NULL;
	struct mem_cgroup *memcg = NULL;
	bool shared = true;
	struct mm_struct *mm;
	u64 pages;

	*rss = 0;
	*as = 0;
	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (g == counted || t->exit_state ||
		    rcu_access_pointer(t->vx_info) != vxi)
			continue;
		task_lock(t);
		mm = t->mm;
		if (mm && !(t->flags & PF_KTHREAD)) {
			counted = g;
			*as += READ_ONCE(mm->total_vm);
			*rss += get_mm_rss(mm);
		}
		task_unlock(t);
		if (counted == g)
			vx_memcg_note(t, &memcg, &shared);
	}
	if (shared && vx_memcg_pages(memcg, &pages))
		*rss = pages;
	rcu_read_unlock();
}

/*
 * Measure the use of every resource of a context (the memory ones only
 * with @mem) and note it in minimum and maximum.
 */
static void vx_res_measure(struct vx_info *vxi, u64 cur[VX_RES_COUNT],
			   bool mem)
{
	struct vx_res *res = vxi->limit.res;

	cur[VX_RES_NPROC] = vx_task_count(vxi);
	if (mem)
		vx_mem_usage(vxi, &cur[VX_RES_RSS], &cur[VX_RES_AS]);
	spin_lock(&vxi->limit.lock);
	vx_res_note(&vxi->limit, &res[VX_RES_NPROC], cur[VX_RES_NPROC]);
	if (mem) {
		vx_res_note(&vxi->limit, &res[VX_RES_RSS], cur[VX_RES_RSS]);
		vx_res_note(&vxi->limit, &res[VX_RES_AS], cur[VX_RES_AS]);
	}
	spin_unlock(&vxi->limit.lock);
}

static void vx_limit_show_value(struct seq_file *m, u64 v, char end)
{
	if (v == CRLIM_INFINITY)
		seq_printf(m, "inf%c", end);
	else
		seq_printf(m, "%llu%c", v, end);
}

/**
 * vx_limit_show - the lines of /proc/virtual/<xid>/limit
 * @m: the file
 * @vxi: the context
 *
 * One line per resource, "NAME:\tcurrent\tmin/max\tsoft/hard\thits", as
 * Linux-VServer's; the names are its own (PROC, VM, RSS), the memory
 * ones in pages, "inf" for no limit.  Reading measures the use, so it
 * updates minimum and maximum.
 */
void vx_limit_show(struct seq_file *m, struct vx_info *vxi)
{
	static const struct {
		const char *name;
		int idx;
	} rows[] = {
		{ "PROC", VX_RES_NPROC },
		{ "VM", VX_RES_AS },
		{ "RSS", VX_RES_RSS },
	};
	struct vx_res res[VX_RES_COUNT];
	u64 cur[VX_RES_COUNT];
	int i;

	vx_res_measure(vxi, cur, true);
	spin_lock(&vxi->limit.lock);
	memcpy(res, vxi->limit.res, sizeof(res));
	spin_unlock(&vxi->limit.lock);
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		struct vx_res *r = &res[rows[i].idx];

		seq_printf(m, "%s:\t%llu\t%llu/%llu\t", rows[i].name,
			   cur[rows[i].idx], r->min, r->max);
		vx_limit_show_value(m, r->soft, '/');
		vx_limit_show_value(m, r->hard, '\t');
		seq_printf(m, "%u\n", r->hits);
	}
}

/* Whether the caller may at all change a context's limits. */
static bool vc_limit_capable(void)
{
	return capable(CAP_SYS_ADMIN) ||
	       vc_ccapable(CAP_SYS_RESOURCE, VXC_SET_RLIMIT);
}

/*
 * Resolve the context of a command that changes limits.  The host
 * administrator may change any context, a context in setup itself, as
 * for its flags.  After setup, a guest task with VXC_SET_RLIMIT and
 * CAP_SYS_RESOURCE may change its own context's limits, but only lower
 * them (*@lower_only).
 */
static long vc_limit_writable(u32 id, struct vx_info **vxip,
			      bool *lower_only)
{
	struct vx_info *cur = vx_current();
	long ret;

	*lower_only = false;
	ret = vc_lookup_writable(id, vxip);
	if (ret != -EPERM || !cur || vx_is_spectator(cur))
		return ret;
	if (!(id & 0x80000000U) && id != cur->obj.id)
		return ret;
	if (!vc_ccapable(CAP_SYS_RESOURCE, VXC_SET_RLIMIT))
		return ret;
	vx_get(cur);
	*vxip = cur;
	*lower_only = true;
	return 0;
}

/**
 * vc_get_rlimit - get_rlimit: a resource limit of a context
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_rlimit: @id in, the limits out
 *
 * Return: 0; -EFAULT; -EINVAL for a resource without limits here; -ESRCH
 * if there is no such context visible to the caller.
 */
long vc_get_rlimit(u32 id, void __user *data)
{
	struct vcmd_ctx_rlimit arg;
	struct vx_info *vxi;
	struct vx_res *r;
	int idx;

	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	idx = vx_res_index(arg.id);
	if (idx < 0)
		return idx;
	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	r = &vxi->limit.res[idx];
	spin_lock(&vxi->limit.lock);
	arg.minimum = CRLIM_UNSET;
	arg.softlimit = r->soft;
	arg.maximum = r->hard;
	spin_unlock(&vxi->limit.lock);
	vx_put(vxi);

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_set_rlimit - set_rlimit: change a resource limit of a context
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_ctx_rlimit: the new soft and hard limit, each a
 *        value, CRLIM_INFINITY, or CRLIM_KEEP to leave it; a soft limit
 *        above the hard one is lowered to it
 *
 * Return: 0; -EPERM if the caller may not change the context, or may only
 * lower its limits and tried to raise one; -EFAULT; -EINVAL for a
 * resource without limits here, or a minimum (there are no guarantees);
 * -ESRCH if there is no such context visible to the caller.
 */
long vc_set_rlimit(u32 id, void __user *data)
{
	struct vcmd_ctx_rlimit arg;
	struct vx_info *vxi;
	struct vx_res *r;
	bool lower_only;
	u64 soft, hard;
	long ret;
	int idx;

	if (!vc_limit_capable())
		return -EPERM;
	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	idx = vx_res_index(arg.id);
	if (idx < 0)
		return idx;
	if (arg.minimum != CRLIM_UNSET && arg.minimum != CRLIM_KEEP)
		return -EINVAL;
	ret = vc_limit_writable(id, &vxi, &lower_only);
	if (ret)
		return ret;

	r = &vxi->limit.res[idx];
	spin_lock(&vxi->limit.lock);
	hard = arg.maximum == CRLIM_KEEP ? r->hard : arg.maximum;
	soft = arg.softlimit == CRLIM_KEEP ? r->soft : arg.softlimit;
	soft = min(soft, hard);
	if (lower_only && (hard > r->hard || soft > r->soft)) {
		ret = -EPERM;
	} else {
		r->hard = hard;
		r->soft = soft;
	}
	spin_unlock(&vxi->limit.lock);
	vx_put(vxi);
	return ret;
}

/**
 * vc_get_rlimit_mask - get_rlimit_mask: the resources with limits
 * @id: ignored: every context has the same
 * @data: struct vcmd_ctx_rlimit_mask to fill: no minimum; soft and hard
 *        limits for RLIMIT_NPROC, RLIMIT_RSS and RLIMIT_AS
 *
 * Return: 0 or -EFAULT.
 */
long vc_get_rlimit_mask(u32 id, void __user *data)
{
	struct vcmd_ctx_rlimit_mask arg = {
		.minimum = 0,
		.softlimit = VX_RES_MASK,
		.maximum = VX_RES_MASK,
	};

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_rlimit_stat - rlimit_stat: the use of a resource by a context
 * @id: the xid, or VC_SAME_ID
 * @data: struct vcmd_rlimit_stat: @id in; the hits, the current use and
 *        the smallest and largest use seen out
 *
 * Return: 0; -EFAULT; -EINVAL for a resource without limits here; -ESRCH
 * if there is no such context visible to the caller.
 */
long vc_rlimit_stat(u32 id, void __user *data)
{
	struct vcmd_rlimit_stat arg;
	u64 cur[VX_RES_COUNT];
	struct vx_info *vxi;
	struct vx_res *r;
	int idx;

	if (copy_from_user(&arg, data, sizeof(arg)))
		return -EFAULT;
	idx = vx_res_index(arg.id);
	if (idx < 0)
		return idx;
	vxi = vc_lookup_visible(id);
	if (!vxi)
		return -ESRCH;
	vx_res_measure(vxi, cur, idx != VX_RES_NPROC);
	r = &vxi->limit.res[idx];
	spin_lock(&vxi->limit.lock);
	arg.hits = r->hits;
	arg.value = cur[idx];
	arg.minimum = r->min;
	arg.maximum = r->max;
	spin_unlock(&vxi->limit.lock);
	vx_put(vxi);

	if (copy_to_user(data, &arg, sizeof(arg)))
		return -EFAULT;
	return 0;
}

/**
 * vc_reset_minmax - reset_minmax: start minimum and maximum afresh
 * @id: the xid, or VC_SAME_ID
 *
 * Minimum and maximum of every resource become its current use.
 *
 * Return: 0; -EPERM if the caller may not change the context; -ESRCH if
 * there is no such context visible to the caller.
 */
long vc_reset_minmax(u32 id)
{
	u64 cur[VX_RES_COUNT];
	struct vx_info *vxi;
	bool lower_only;
	long ret;
	int i;

	if (!vc_limit_capable())
		return -EPERM;
	ret = vc_limit_writable(id, &vxi, &lower_only);
	if (ret)
		return ret;
	vx_res_measure(vxi, cur, true);
	spin_lock(&vxi->limit.lock);
	for (i = 0; i < VX_RES_COUNT; i++) {
		vxi->limit.res[i].min = cur[i];
		vxi->limit.res[i].max = cur[i];
	}
	spin_unlock(&vxi->limit.lock);
	vx_put(vxi);
	return 0;
}

/**
 * vc_reset_hits - reset_hits: set the hit counts of a context to zero
 * @id: the xid, or VC_SAME_ID
 *
 * Return: 0; -EPERM if the caller may not change the context; -ESRCH if
 * there is no such context visible to the caller.
 */
long vc_reset_hits(u32 id)
{
	struct vx_info *vxi;
	bool lower_only;
	long ret;
	int i;

	if (!vc_limit_capable())
		return -EPERM;
	ret = vc_limit_writable(id, &vxi, &lower_only);
	if (ret)
		return ret;
	spin_lock(&vxi->limit.lock);
	for (i = 0; i < VX_RES_COUNT; i++)
		vxi->limit.res[i].hits = 0;
	spin_unlock(&vxi->limit.lock);
	vx_put(vxi);
	return 0;
}
