/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - resource limits of a context
 */

#ifndef _VS_LIMIT_H
#define _VS_LIMIT_H

#include <linux/compiler_types.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct seq_file;
struct vx_info;

/* The resources a context accounts: indices of struct vx_limit::res. */
enum vx_res_index {
	VX_RES_NPROC,
	VX_RES_RSS,
	VX_RES_AS,
	VX_RES_COUNT
};

/**
 * struct vx_res - one resource of a context
 * @soft: the soft limit, CRLIM_INFINITY for none; reported only
 * @hard: the hard limit, CRLIM_INFINITY for none
 * @min: the smallest use seen since creation or reset_minmax
 * @max: the largest use seen
 * @hits: how often @hard refused something
 */
struct vx_res {
	u64 soft;
	u64 hard;
	u64 min;
	u64 max;
	u32 hits;
};

/**
 * struct vx_limit - resource limits and accounting of a context
 * @lock: protects @res; taken in the fork and exit paths, never with
 *        another lock of the module held inside it
 * @res: by enum vx_res_index
 */
struct vx_limit {
	spinlock_t lock; /* see @lock above */
	struct vx_res res[VX_RES_COUNT];
};

void vx_limit_init(struct vx_limit *lim);
int vx_limit_fork(struct vx_info *vxi);
void vx_limit_note_tasks(struct vx_info *vxi);
void vx_limit_show(struct seq_file *m, struct vx_info *vxi);
long vc_get_rlimit(u32 id, void __user *data);
long vc_set_rlimit(u32 id, void __user *data);
long vc_get_rlimit_mask(u32 id, void __user *data);
long vc_rlimit_stat(u32 id, void __user *data);
long vc_reset_minmax(u32 id);
long vc_reset_hits(u32 id);

#endif /* _VS_LIMIT_H */
