/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - network contexts
 */

#ifndef _VS_NETWORK_H
#define _VS_NETWORK_H

#include <linux/atomic.h>
#include <linux/in6.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include <linux/vserver.h>

#include "context.h"
#include "idtable.h"

struct proc_dir_entry;

/* The most IPv4 and IPv6 entries a network context can have, each. */
#define NX_ADDR_MAX		64

/**
 * struct nx_addr4 - one IPv4 entry of a network context
 * @first: the address, or the first address of the entry's range
 * @last: the last address of the range (== @first for NXA_TYPE_ADDR)
 * @mask: the netmask: the network an NXA_TYPE_ADDR address is on, used to
 *        pick a source address for a destination
 * @type: NXA_TYPE_ADDR, NXA_TYPE_MASK or NXA_TYPE_RANGE
 */
struct nx_addr4 {
	__be32 first;
	__be32 last;
	__be32 mask;
	u16 type;
};

/**
 * struct nx_addr6 - one IPv6 entry of a network context
 * @addr: the address
 * @prefix: its prefix length; an NXA_TYPE_MASK entry stands for every
 *          address of the prefix, an NXA_TYPE_ADDR entry for @addr alone
 * @type: NXA_TYPE_ADDR or NXA_TYPE_MASK
 */
struct nx_addr6 {
	struct in6_addr addr;
	u32 prefix;
	u16 type;
};

/**
 * struct nx_addr_list - the IPv4 or IPv6 entries of a network context
 * @rcu: for the deferred free when the list is replaced
 * @count: the number of entries
 * @v4: the IPv4 entries, in the order they were added
 * @v6: the IPv6 entries, likewise
 *
 * A list never changes once published: adding or removing an entry
 * publishes a new list and frees the old one after a grace period.
 */
struct nx_addr_list {
	struct rcu_head rcu;
	unsigned int count;
	union {
		DECLARE_FLEX_ARRAY(struct nx_addr4, v4);
		DECLARE_FLEX_ARRAY(struct nx_addr6, v6);
	};
};

/**
 * struct nx_info - a network context
 * @obj: its id (the nid, 2..65535), references, members, flags (NXF_*)
 *       and life cycle, kept by the id table (idtable.h, which documents
 *       them).  References are held by each task whose
 *       task_struct::nx_info points here, until the task_struct is freed,
 *       and by each socket whose sock::sk_nx_info does, until the socket
 *       is freed; the free after a grace period lets socket lookups under
 *       RCU read it.  Members are its tasks until their exit call-out: at
 *       shutdown it can no longer be entered or changed, while sockets
 *       made in it keep working with the addresses it had.  @obj.lock also
 *       protects changes of @ncaps.
 * @ncaps: the network capabilities, NXC_*.
 * @addr_lock: serialises changes of @v4, @v6, @lback and @bcast.
 * @v4: the IPv4 entries, NULL if there are none; RCU.
 * @v6: the IPv6 entries, NULL if there are none; RCU.
 * @lback: the context's own loopback address (NXF_LBACK_REMAP); read
 *         with READ_ONCE().
 * @bcast: the context's broadcast address, or 0; read with READ_ONCE().
 * @proc_dir: /proc/virtnet/<nid>, from creation until shutdown.
 */
struct nx_info {
	struct vs_obj obj;
	u64 ncaps;
	struct mutex addr_lock; /* see @addr_lock above */
	struct nx_addr_list __rcu *v4;
	struct nx_addr_list __rcu *v6;
	__be32 lback;
	__be32 bcast;
	struct proc_dir_entry *proc_dir;
};

int nx_network_init(void);
void nx_network_exit(void);

struct nx_info *nx_create(u32 nid, u64 flags);
struct nx_info *nx_lookup(u32 nid);
void nx_get(struct nx_info *nxi);
void nx_put(struct nx_info *nxi);
bool nx_member_get(struct nx_info *nxi);
void nx_member_put(struct nx_info *nxi);
void nx_enter_current(struct nx_info *nxi);
u64 nx_flags(const struct nx_info *nxi);
int nx_change_flags(struct nx_info *nxi, u64 flags, u64 mask);
void nx_change_ncaps(struct nx_info *nxi, u64 ncaps, u64 mask);
unsigned int nx_task_count(struct nx_info *nxi);
unsigned int nx_nr_created(void);
unsigned int nx_nr_active(void);

int nx_add_v4(struct nx_info *nxi, const struct nx_addr4 *a, u16 mod);
int nx_remove_v4(struct nx_info *nxi, const struct nx_addr4 *a, u16 mod);
int nx_add_v6(struct nx_info *nxi, const struct nx_addr6 *a);
int nx_remove_v6(struct nx_info *nxi, const struct nx_addr6 *a);

bool nx_v4_has(const struct nx_addr_list *l, __be32 addr);
bool nx_v6_has(const struct nx_addr_list *l, const struct in6_addr *addr);
bool nx_v4_overlap(const struct nx_addr_list *a, const struct nx_addr_list *b);
bool nx_v6_overlap(const struct nx_addr_list *a, const struct nx_addr_list *b);

/**
 * nx_of - the network context that embeds an id table object
 * @obj: the &nx_info.obj of a network context
 *
 * Return: the network context.
 */
static inline struct nx_info *nx_of(struct vs_obj *obj)
{
	return container_of(obj, struct nx_info, obj);
}

/**
 * nx_task_ctx - the network context of a task whose pointer is stable
 * @task: the task, see vs_task_owns_ctx()
 *
 * Return: the network context, or NULL on the host.
 */
static inline struct nx_info *nx_task_ctx(struct task_struct *task)
{
	return rcu_dereference_protected(task->nx_info,
					 vs_task_owns_ctx(task));
}

/**
 * nx_current - the network context of the current task
 *
 * Return: the network context, or NULL on the host.
 */
static inline struct nx_info *nx_current(void)
{
	return nx_task_ctx(current);
}

/**
 * nx_current_nid - the nid of the current task
 *
 * Return: the nid, 0 on the host.
 */
static inline u32 nx_current_nid(void)
{
	struct nx_info *nxi = nx_current();

	return nxi ? nxi->obj.id : 0;
}

#endif /* _VS_NETWORK_H */
