// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - the id table of contexts and network contexts
 *
 * Security contexts and network contexts have the same life cycle, kept
 * here once:
 *
 *   reserve   vs_obj_reserve() takes the id (a NULL entry, which lookups
 *             do not see) and sets up references, members and flags;
 *   publish   vs_obj_publish() stores the complete object in the reserved
 *             slot: from now on lookups find it;
 *   live      lookups under RCU take a reference with
 *             refcount_inc_not_zero(); tasks join with
 *             vs_obj_member_get(), which fails once the object shut down;
 *   shutdown  the last member leaving (a task's exit, or persistence
 *             cleared) takes it out of the table for good;
 *   free      the last reference dropped frees it after a grace period.
 *
 * So nobody can find a half-made object, a lookup never returns one that
 * shut down, and a shut-down object is never brought back.
 */

#include <linux/bug.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "idtable.h"

/**
 * vs_obj_reserve - set up an object and reserve its id
 * @table: the table
 * @obj: the object, zeroed
 * @id: a static id, or VC_DYNAMIC_ID to pick one from the dynamic range
 * @flags: the initial flags; VS_OBJ_PERSISTENT makes it persistent
 *
 * The object comes with one reference and one membership for the caller
 * and one reference for the table.  Until vs_obj_publish(), nobody else
 * can find it; the caller may give up with vs_obj_cancel() and free it.
 *
 * Return: 0; -EEXIST if @id is in use (or reserved); -EAGAIN if no
 * dynamic id is free; -ENOMEM.
 */
int vs_obj_reserve(struct vs_id_table *table, struct vs_obj *obj, u32 id,
		   u64 flags)
{
	int ret;

	refcount_set(&obj->usage, 2);
	atomic_set(&obj->members, (flags & VS_OBJ_PERSISTENT) ? 2 : 1);
	spin_lock_init(&obj->lock);
	obj->flags = flags;
	obj->table = table;

	if (id == VC_DYNAMIC_ID) {
		ret = xa_alloc_cyclic(&table->xa, &obj->id, NULL,
				      XA_LIMIT(VC_XID_DYNAMIC_MIN,
					       VC_XID_DYNAMIC_MAX),
				      &table->next_dynamic, GFP_KERNEL_ACCOUNT);
		if (ret == -EBUSY)
			return -EAGAIN;
		return ret < 0 ? ret : 0;
	}
	obj->id = id;
	ret = xa_insert(&table->xa, id, NULL, GFP_KERNEL_ACCOUNT);
	return ret == -EBUSY ? -EEXIST : ret;
}

/**
 * vs_obj_cancel - give up an object that was reserved, not published
 * @obj: the object; the caller frees it afterwards
 */
void vs_obj_cancel(struct vs_obj *obj)
{
	xa_erase(&obj->table->xa, obj->id);
}

/**
 * vs_obj_publish - make a reserved object visible to lookups
 * @obj: the object, complete
 *
 * The object holds a reference on the module from now until it is freed.
 * The caller must hold one (it does, in a system call).
 */
void vs_obj_publish(struct vs_obj *obj)
{
	struct vs_id_table *table = obj->table;

	__module_get(THIS_MODULE);
	atomic_inc(&table->created);
	atomic_inc(&table->active);
	/* Into the reserved slot: this needs no memory and cannot fail. */
	xa_store(&table->xa, obj->id, obj, GFP_KERNEL_ACCOUNT);
}

/**
 * vs_obj_lookup - find a live object by id
 * @table: the table
 * @id: the id
 *
 * Return: the object with a reference the caller drops with
 * vs_obj_put(), or NULL if no live object has that id.
 */
struct vs_obj *vs_obj_lookup(struct vs_id_table *table, u32 id)
{
	struct vs_obj *obj;

	rcu_read_lock();
	obj = xa_load(&table->xa, id);
	if (obj && !refcount_inc_not_zero(&obj->usage))
		obj = NULL;
	rcu_read_unlock();
	if (obj && !atomic_read(&obj->members)) {
		/* Being shut down: as good as gone. */
		vs_obj_put(obj);
		obj = NULL;
	}
	return obj;
}

/**
 * vs_obj_get - take a reference on an object
 * @obj: an object the caller already holds a reference on
 */
void vs_obj_get(struct vs_obj *obj)
{
	refcount_inc(&obj->usage);
}

static void vs_obj_free_rcu(struct rcu_head *head)
{
	struct vs_obj *obj = container_of(head, struct vs_obj, rcu);

	obj->table->free(obj);
	/* vs_id_table_destroy() waits for this callback with rcu_barrier(). */
	module_put(THIS_MODULE);
}

/**
 * vs_obj_put - drop a reference on an object
 * @obj: the object
 *
 * Does not sleep: task_structs and sockets, which hold references, are
 * freed in any context, RCU callbacks included.
 */
void vs_obj_put(struct vs_obj *obj)
{
	if (refcount_dec_and_test(&obj->usage))
		call_rcu(&obj->rcu, vs_obj_free_rcu);
}

/**
 * vs_obj_member_get - join an object as a member
 * @obj: the object; the caller holds a reference on it
 *
 * Return: true, or false if the object has shut down.
 */
bool vs_obj_member_get(struct vs_obj *obj)
{
	return atomic_inc_not_zero(&obj->members);
}

/**
 * vs_obj_member_put - leave an object
 * @obj: the object; the caller holds a reference on it
 *
 * The last member shuts the object down.  May sleep.
 */
void vs_obj_member_put(struct vs_obj *obj)
{
	struct vs_id_table *table = obj->table;

	might_sleep();
	if (!atomic_dec_and_test(&obj->members))
		return;
	xa_erase(&table->xa, obj->id);
	atomic_dec(&table->active);
	table->shutdown(obj);
	/* The table's reference. */
	vs_obj_put(obj);
}

/**
 * vs_obj_alive - whether an object has not shut down yet
 * @obj: the object
 *
 * Return: true while it has members.
 */
bool vs_obj_alive(struct vs_obj *obj)
{
	return atomic_read(&obj->members) > 0;
}

/**
 * vs_obj_change_flags - change an object's flags
 * @obj: the object; the caller holds a reference on it
 * @flags: the new values of the bits in @mask
 * @mask: the bits to change
 * @one_time: the bits that can only be cleared: a request to set one that
 *            is clear leaves it clear
 * @old: where to store the flags as they were, or NULL
 *
 * Setting VS_OBJ_PERSISTENT adds a membership, so that the object
 * outlives its tasks; clearing it drops that membership, which shuts down
 * an object that has no task left.  May sleep.
 *
 * Return: 0, or -ESRCH if the object shut down meanwhile.
 */
int vs_obj_change_flags(struct vs_obj *obj, u64 flags, u64 mask,
			u64 one_time, u64 *old)
{
	bool drop_member;
	u64 prev, new;

	spin_lock(&obj->lock);
	prev = obj->flags;
	mask &= ~(one_time & ~prev);
	new = (prev & ~mask) | (flags & mask);
	if (!(prev & VS_OBJ_PERSISTENT) && (new & VS_OBJ_PERSISTENT) &&
	    !atomic_inc_not_zero(&obj->members)) {
		spin_unlock(&obj->lock);
		return -ESRCH;
	}
	drop_member = (prev & VS_OBJ_PERSISTENT) && !(new & VS_OBJ_PERSISTENT);
	WRITE_ONCE(obj->flags, new);
	spin_unlock(&obj->lock);

	if (old)
		*old = prev;
	if (drop_member)
		vs_obj_member_put(obj);
	return 0;
}

/**
 * vs_obj_task_count - the members of an object that are tasks
 * @obj: the object
 *
 * Return: the members, not counting persistence.
 */
unsigned int vs_obj_task_count(struct vs_obj *obj)
{
	unsigned int n;

	spin_lock(&obj->lock);
	n = atomic_read(&obj->members);
	if (obj->flags & VS_OBJ_PERSISTENT)
		n--;
	spin_unlock(&obj->lock);
	return n;
}

/**
 * vs_id_table_walk - call a function for every object in a table
 * @table: the table
 * @fn: the function; called under rcu_read_lock(), must not sleep, and
 *      may meet objects that are shutting down
 */
void vs_id_table_walk(struct vs_id_table *table,
		      void (*fn)(struct vs_obj *obj))
{
	struct vs_obj *obj;
	unsigned long id;

	rcu_read_lock();
	xa_for_each(&table->xa, id, obj)
		fn(obj);
	rcu_read_unlock();
}

/**
 * vs_id_table_destroy - tear down a table on module unload
 * @table: the table, empty: each object pins the module
 *
 * Waits for the RCU callbacks that free the objects.
 */
void vs_id_table_destroy(struct vs_id_table *table)
{
	WARN_ON_ONCE(!xa_empty(&table->xa));
	rcu_barrier();
	xa_destroy(&table->xa);
}
