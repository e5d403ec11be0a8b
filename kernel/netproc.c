// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - /proc/virtnet: network contexts as the original showed them
 *
 * /proc/virtnet/info and /status describe the module; each network context
 * has a directory /proc/virtnet/<nid> with "info" (its addresses) and
 * "status" (counters, flags, capabilities), in "Key:\tvalue" lines.  A
 * task in a security context sees only the directory of its own network
 * context.
 */

#include <linux/errno.h>
#include <linux/proc_fs.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>

#include <linux/vserver.h>

#include "common.h"
#include "context.h"
#include "network.h"
#include "netproc.h"

static struct proc_dir_entry *nx_proc_dir;

static int nx_proc_info_show(struct seq_file *m, void *v)
{
	seq_printf(m, "NID:\t%u\n", nx_current_nid());
	return 0;
}

static int nx_proc_status_show(struct seq_file *m, void *v)
{
	seq_printf(m, "#NTotal:\t%u\n", nx_nr_created());
	seq_printf(m, "#NActive:\t%u\n", nx_nr_active());
	return 0;
}

static const char *nx_type_name(u16 type)
{
	switch (type) {
	case NXA_TYPE_MASK:
		return "mask";
	case NXA_TYPE_RANGE:
		return "range";
	}
	return "addr";
}

static int nx_proc_nx_info_show(struct seq_file *m, void *v)
{
	struct nx_info *nxi = m->private;
	const struct nx_addr_list *l;
	__be32 bcast = READ_ONCE(nxi->bcast);
	__be32 lback = READ_ONCE(nxi->lback);
	unsigned int i;

	seq_printf(m, "ID:\t%u\n", nxi->obj.id);
	seq_printf(m, "Bcast:\t%pI4\n", &bcast);
	seq_printf(m, "Lback:\t%pI4\n", &lback);
	rcu_read_lock();
	l = rcu_dereference(nxi->v4);
	for (i = 0; l && i < l->count; i++) {
		const struct nx_addr4 *a = &l->v4[i];

		if (a->type == NXA_TYPE_RANGE)
			seq_printf(m, "IPv4:\t%pI4-%pI4 %s\n", &a->first,
				   &a->last, nx_type_name(a->type));
		else
			seq_printf(m, "IPv4:\t%pI4/%pI4 %s\n", &a->first,
				   &a->mask, nx_type_name(a->type));
	}
	l = rcu_dereference(nxi->v6);
	for (i = 0; l && i < l->count; i++)
		seq_printf(m, "IPv6:\t%pI6c/%u %s\n", &l->v6[i].addr,
			   l->v6[i].prefix, nx_type_name(l->v6[i].type));
	rcu_read_unlock();
	return 0;
}

static int nx_proc_nx_status_show(struct seq_file *m, void *v)
{
	struct nx_info *nxi = m->private;

	seq_printf(m, "UseCnt:\t%u\n", refcount_read(&nxi->obj.usage));
	seq_printf(m, "Tasks:\t%u\n", nx_task_count(nxi));
	seq_printf(m, "Flags:\t%016llx\n", nx_flags(nxi));
	seq_printf(m, "NCaps:\t%016llx\n", READ_ONCE(nxi->ncaps));
	return 0;
}

/**
 * nx_proc_create - make /proc/virtnet/<nid> for a new network context
 * @nxi: the network context
 *
 * Return: 0 or -ENOMEM.
 */
int nx_proc_create(struct nx_info *nxi)
{
	struct proc_dir_entry *dir;
	char name[12];

	snprintf(name, sizeof(name), "%u", nxi->obj.id);
	dir = proc_mkdir_data(name, 0555, nx_proc_dir, nxi);
	if (!dir)
		return -ENOMEM;
	if (!proc_create_single_data("info", 0444, dir, nx_proc_nx_info_show,
				     nxi) ||
	    !proc_create_single_data("status", 0444, dir,
				     nx_proc_nx_status_show, nxi)) {
		proc_remove(dir);
		return -ENOMEM;
	}
	nxi->proc_dir = dir;
	return 0;
}

/**
 * nx_proc_remove - remove the /proc/virtnet directory of a network context
 * @nxi: the network context, shutting down
 *
 * Waits for readers of its files to finish.
 */
void nx_proc_remove(struct nx_info *nxi)
{
	proc_remove(nxi->proc_dir);
	nxi->proc_dir = NULL;
}

/**
 * nx_proc_visible - whether a /proc/virtnet entry is visible to current
 * @parent: the entry's parent directory
 * @data: the entry's data; a network context for the per-nid directories
 *
 * Called for tasks in a security context only.
 *
 * Return: false for the directory of another network context.
 */
bool nx_proc_visible(struct proc_dir_entry *parent, void *data)
{
	if (parent != nx_proc_dir || !data || vx_is_spectator(vx_current()))
		return true;
	return data == nx_current();
}

/**
 * nx_proc_init - create /proc/virtnet
 *
 * Return: 0 or -ENOMEM.
 */
int nx_proc_init(void)
{
	nx_proc_dir = proc_mkdir("virtnet", NULL);
	if (!nx_proc_dir)
		return -ENOMEM;
	if (!proc_create_single("info", 0444, nx_proc_dir, nx_proc_info_show) ||
	    !proc_create_single("status", 0444, nx_proc_dir,
				nx_proc_status_show)) {
		proc_remove(nx_proc_dir);
		return -ENOMEM;
	}
	return 0;
}

/**
 * nx_proc_exit - remove /proc/virtnet
 */
void nx_proc_exit(void)
{
	proc_remove(nx_proc_dir);
}
