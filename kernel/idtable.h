/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - the id table of contexts and network contexts
 */

#ifndef _VS_IDTABLE_H
#define _VS_IDTABLE_H

#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include <linux/vserver.h>

/* The persistence flag: VXF_PERSISTENT and NXF_PERSISTENT are this bit. */
#define VS_OBJ_PERSISTENT	_BITULL(38)

struct vs_id_table;

/**
 * struct vs_obj - what a context and a network context share: their id,
 *                 references, members, flags and life cycle
 * @id: the xid or nid; set when the id is reserved and never changed after.
 * @usage: references to the structure that embeds this one: one while it
 *         is in the table, one per lookup in progress, and those the
 *         embedding type documents (tasks, sockets).  At zero the
 *         structure is freed after an RCU grace period (&vs_id_table.free),
 *         so that readers under rcu_read_lock() that found it through a
 *         task, a socket or the table may still read it.  From publication
 *         until that free it holds a reference on the module.
 * @members: what keeps the object alive as a context: tasks that have not
 *           exited, plus one while VS_OBJ_PERSISTENT is set in @flags.  At
 *           zero it leaves the table (&vs_id_table.shutdown): it can no
 *           longer be looked up, entered or made persistent.  It never
 *           goes up from zero.
 * @lock: protects changes of @flags and the membership that
 *        VS_OBJ_PERSISTENT stands for; the embedding type may protect
 *        more words with it.  A spinlock: never held across a sleep.
 * @flags: VXF_* or NXF_*; readers use READ_ONCE() without @lock.
 * @table: the table the object belongs to.
 * @rcu: for the deferred free.
 */
struct vs_obj {
	u32 id;
	refcount_t usage;
	atomic_t members;
	spinlock_t lock; /* see @lock above */
	u64 flags;
	struct vs_id_table *table;
	struct rcu_head rcu;
};

/**
 * struct vs_id_table - live objects of one kind, by id
 * @xa: the objects, by id; an allocating xarray whose own lock serialises
 *      changes.  A NULL entry reserves an id while its object is being
 *      made; lookups do not see it.  The table holds a reference on each
 *      object it stores.
 * @next_dynamic: where the search for the next dynamic id starts; under
 *                the xarray lock (xa_alloc_cyclic()).
 * @created: objects published since the module loaded.
 * @active: objects in the table.
 * @shutdown: called when the last member leaves, after the object left
 *            the table and before the table's reference is dropped; may
 *            sleep.
 * @free: frees the embedding structure; called from an RCU callback, when
 *        no reference is left.
 */
struct vs_id_table {
	struct xarray xa;
	u32 next_dynamic;
	atomic_t created;
	atomic_t active;
	void (*shutdown)(struct vs_obj *obj);
	void (*free)(struct vs_obj *obj);
};

/**
 * VS_ID_TABLE_INIT - a static initialiser of a &struct vs_id_table
 * @name: the table's variable
 * @shutdown_fn: its &vs_id_table.shutdown
 * @free_fn: its &vs_id_table.free
 */
#define VS_ID_TABLE_INIT(name, shutdown_fn, free_fn) {			\
	.xa = XARRAY_INIT(name.xa, XA_FLAGS_ALLOC),			\
	.next_dynamic = VC_XID_DYNAMIC_MIN,				\
	.created = ATOMIC_INIT(0),					\
	.active = ATOMIC_INIT(0),					\
	.shutdown = shutdown_fn,					\
	.free = free_fn,						\
}

int vs_obj_reserve(struct vs_id_table *table, struct vs_obj *obj, u32 id,
		   u64 flags);
void vs_obj_cancel(struct vs_obj *obj);
void vs_obj_publish(struct vs_obj *obj);
struct vs_obj *vs_obj_lookup(struct vs_id_table *table, u32 id);
void vs_obj_get(struct vs_obj *obj);
void vs_obj_put(struct vs_obj *obj);
bool vs_obj_member_get(struct vs_obj *obj);
void vs_obj_member_put(struct vs_obj *obj);
bool vs_obj_alive(struct vs_obj *obj);
int vs_obj_change_flags(struct vs_obj *obj, u64 flags, u64 mask,
			u64 one_time, u64 *old);
unsigned int vs_obj_task_count(struct vs_obj *obj);
void vs_id_table_walk(struct vs_id_table *table,
		      void (*fn)(struct vs_obj *obj));
void vs_id_table_destroy(struct vs_id_table *table);

/**
 * vs_obj_flags - read an object's flags
 * @obj: the object
 *
 * Return: the flags.
 */
static inline u64 vs_obj_flags(const struct vs_obj *obj)
{
	return READ_ONCE(obj->flags);
}

/**
 * vs_obj_freeing - whether an object's last reference is gone
 * @obj: the object
 *
 * For the RCU conditions of the free callbacks: once @usage is zero,
 * nobody can reach the object's RCU-published members.
 *
 * Return: true once the object is being freed.
 */
static inline bool vs_obj_freeing(const struct vs_obj *obj)
{
	return !refcount_read(&obj->usage);
}

#endif /* _VS_IDTABLE_H */
