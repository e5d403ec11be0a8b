// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - network contexts: allocation, id table, life cycle, addresses
 *
 * Network contexts live in an id table (idtable.c) with the same life
 * cycle as security contexts: lookups under RCU, removal from the table
 * with the last member, free after a grace period once the last
 * reference is gone.  Their address lists are
 * read under RCU from the socket call-outs, in softirq too, and replaced
 * whole under nx_info::addr_lock.
 */

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/in.h>
#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>
#include <net/ipv6.h>

#include <linux/vserver.h>

#include "common.h"
#include "idtable.h"
#include "network.h"
#include "netproc.h"

static void nx_shutdown(struct vs_obj *obj)
{
	nx_proc_remove(nx_of(obj));
}

static void nx_free(struct vs_obj *obj)
{
	struct nx_info *nxi = nx_of(obj);

	/* Nobody can reach the lists any more: no grace period needed. */
	kfree(rcu_dereference_protected(nxi->v4, vs_obj_freeing(obj)));
	kfree(rcu_dereference_protected(nxi->v6, vs_obj_freeing(obj)));
	kfree(nxi);
}

/* Every live network context, by nid. */
static struct vs_id_table nx_table =
	VS_ID_TABLE_INIT(nx_table, nx_shutdown, nx_free);

/**
 * nx_get - take a reference on a network context
 * @nxi: a network context the caller already holds a reference on
 */
void nx_get(struct nx_info *nxi)
{
	vs_obj_get(&nxi->obj);
}

/**
 * nx_put - drop a reference on a network context
 * @nxi: the network context, or NULL
 *
 * Does not sleep: sockets and task_structs are freed in any context.
 */
void nx_put(struct nx_info *nxi)
{
	if (nxi)
		vs_obj_put(&nxi->obj);
}

/**
 * nx_create - create a network context and enter it in the id table
 * @nid: a static nid, or VC_DYNAMIC_ID to pick one from the dynamic range
 * @flags: the initial flags, a subset of NXF_ALL
 *
 * The new context comes with one reference and one membership for the
 * caller, who hands both to the task that enters it.  Its loopback
 * address is 127.0.0.1 with the low 16 bits of the nid in the middle
 * bytes, so that every context has its own.
 *
 * Return: the network context; ERR_PTR(-EEXIST) if @nid is in use,
 * -EAGAIN if no dynamic nid is free, -ENOMEM.
 */
struct nx_info *nx_create(u32 nid, u64 flags)
{
	struct nx_info *nxi;
	int ret;

	nxi = kzalloc(sizeof(*nxi), GFP_KERNEL_ACCOUNT);
	if (!nxi)
		return ERR_PTR(-ENOMEM);

	mutex_init(&nxi->addr_lock);
	ret = vs_obj_reserve(&nx_table, &nxi->obj, nid, flags);
	if (ret)
		goto err_free;
	nxi->lback = htonl(INADDR_LOOPBACK ^ ((nxi->obj.id & 0xffff) << 8));
	ret = nx_proc_create(nxi);
	if (ret) {
		vs_obj_cancel(&nxi->obj);
		goto err_free;
	}
	vs_obj_publish(&nxi->obj);
	return nxi;

err_free:
	kfree(nxi);
	return ERR_PTR(ret);
}

/**
 * nx_lookup - find a live network context by nid
 * @nid: the nid
 *
 * Return: the network context with a reference, or NULL.
 */
struct nx_info *nx_lookup(u32 nid)
{
	struct vs_obj *obj = vs_obj_lookup(&nx_table, nid);

	return obj ? nx_of(obj) : NULL;
}

/**
 * nx_member_get - join a network context
 * @nxi: the network context; the caller holds a reference on it
 *
 * Return: true on success, false if it is shutting down.
 */
bool nx_member_get(struct nx_info *nxi)
{
	return vs_obj_member_get(&nxi->obj);
}

/**
 * nx_member_put - leave a network context
 * @nxi: the network context; the caller holds a reference on it
 *
 * The last member takes it out of the id table and /proc.  May sleep.
 */
void nx_member_put(struct nx_info *nxi)
{
	vs_obj_member_put(&nxi->obj);
}

/**
 * nx_enter_current - move the current task into a network context
 * @nxi: the network context; the caller hands over one reference and one
 *       membership, which the task keeps until it exits
 *
 * Sockets the task made before keep the context they were made in.
 */
void nx_enter_current(struct nx_info *nxi)
{
	struct nx_info *old = nx_current();

	rcu_assign_pointer(current->nx_info, nxi);
	if (old) {
		nx_member_put(old);
		nx_put(old);
	}
}

/**
 * nx_flags - read a network context's flags
 * @nxi: the network context
 *
 * Return: the flags, NXF_*.
 */
u64 nx_flags(const struct nx_info *nxi)
{
	return vs_obj_flags(&nxi->obj);
}

/**
 * nx_change_flags - change a network context's flags
 * @nxi: the network context
 * @flags: the new values of the bits in @mask
 * @mask: the bits to change, a subset of NXF_ALL
 *
 * The one-time STATE bits can only be cleared.  NXF_PERSISTENT keeps the
 * context alive without tasks; clearing it shuts down a context without
 * tasks.  May sleep.
 *
 * Return: 0, or -ESRCH if the context shut down meanwhile.
 */
int nx_change_flags(struct nx_info *nxi, u64 flags, u64 mask)
{
	return vs_obj_change_flags(&nxi->obj, flags, mask, NXF_ONE_TIME, NULL);
}

/**
 * nx_change_ncaps - change a network context's capabilities
 * @nxi: the network context
 * @ncaps: the new values of the bits in @mask
 * @mask: the bits to change, a subset of NXC_ALL
 */
void nx_change_ncaps(struct nx_info *nxi, u64 ncaps, u64 mask)
{
	spin_lock(&nxi->obj.lock);
	WRITE_ONCE(nxi->ncaps, (nxi->ncaps & ~mask) | (ncaps & mask));
	spin_unlock(&nxi->obj.lock);
}

/**
 * nx_task_count - the number of tasks in a network context
 * @nxi: the network context
 *
 * Return: the members that are tasks.
 */
unsigned int nx_task_count(struct nx_info *nxi)
{
	return vs_obj_task_count(&nxi->obj);
}

/**
 * nx_nr_created - network contexts created since the module loaded
 *
 * Return: the count.
 */
unsigned int nx_nr_created(void)
{
	return atomic_read(&nx_table.created);
}

/**
 * nx_nr_active - live network contexts
 *
 * Return: the count.
 */
unsigned int nx_nr_active(void)
{
	return atomic_read(&nx_table.active);
}

/* Entry comparisons for nx_list_replace(); fields, not bytes (padding). */
static bool nx_addr4_equal(const void *x, const void *y)
{
	const struct nx_addr4 *a = x, *b = y;

	return a->type == b->type && a->first == b->first &&
	       a->last == b->last && a->mask == b->mask;
}

static bool nx_addr6_equal(const void *x, const void *y)
{
	const struct nx_addr6 *a = x, *b = y;

	return a->type == b->type && a->prefix == b->prefix &&
	       ipv6_addr_equal(&a->addr, &b->addr);
}

/*
 * Publish a copy of *slot with @add appended, or without the entries
 * equal to @del (without every entry if @del is NULL too).  Entries are
 * @size bytes.
 */
static int nx_list_replace(struct nx_info *nxi,
			   struct nx_addr_list __rcu **slot, size_t size,
			   const void *add, const void *del,
			   bool (*equal)(const void *, const void *))
{
	struct nx_addr_list *old, *new;
	unsigned int i, n = 0, count;

	lockdep_assert_held(&nxi->addr_lock);
	old = rcu_dereference_protected(*slot,
					lockdep_is_held(&nxi->addr_lock));
	count = old ? old->count : 0;
	for (i = 0; add && i < count; i++)
		if (equal((const char *)old->v4 + i * size, add))
			return -EEXIST;
	if (add && count >= NX_ADDR_MAX)
		return -ENOSPC;

	new = kmalloc(struct_size(new, v4, 0) + (count + !!add) * size,
		      GFP_KERNEL_ACCOUNT);
	if (!new)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		const void *e = (const char *)old->v4 + i * size;

		if (!add && (!del || equal(e, del)))
			continue;
		memcpy((char *)new->v4 + n++ * size, e, size);
	}
	if (add)
		memcpy((char *)new->v4 + n++ * size, add, size);
	new->count = n;
	if (del && n == count) {
		kfree(new);
		return -ENOENT;
	}
	if (!n) {
		kfree(new);
		new = NULL;
	}
	rcu_assign_pointer(*slot, new);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/**
 * nx_add_v4 - add an IPv4 entry, or set the broadcast or loopback address
 * @nxi: the network context
 * @a: the entry
 * @mod: 0, NXA_MOD_BCAST (@a->first becomes the broadcast address) or
 *       NXA_MOD_LBACK (@a->first, a 127.0.0.0/8 address, becomes the
 *       loopback address)
 *
 * A context with more than one address is no longer NXF_SINGLE_IP.
 *
 * Return: 0, -EEXIST for an entry it has, -ENOSPC beyond NX_ADDR_MAX,
 * -ENOMEM.
 */
int nx_add_v4(struct nx_info *nxi, const struct nx_addr4 *a, u16 mod)
{
	struct nx_addr_list *l;
	int ret = 0;

	mutex_lock(&nxi->addr_lock);
	if (mod == NXA_MOD_BCAST) {
		WRITE_ONCE(nxi->bcast, a->first);
	} else if (mod == NXA_MOD_LBACK) {
		WRITE_ONCE(nxi->lback, a->first);
	} else {
		ret = nx_list_replace(nxi, &nxi->v4, sizeof(*a), a, NULL,
				      nx_addr4_equal);
		l = rcu_dereference_protected(nxi->v4,
					      lockdep_is_held(&nxi->addr_lock));
		if (!ret && l && l->count > 1)
			nx_change_flags(nxi, 0, NXF_SINGLE_IP);
	}
	mutex_unlock(&nxi->addr_lock);
	return ret;
}

/**
 * nx_remove_v4 - remove IPv4 entries
 * @nxi: the network context
 * @a: the entry to remove, or NULL to remove every IPv4 entry and the
 *     broadcast address
 * @mod: 0, or NXA_MOD_BCAST to clear the broadcast address
 *
 * Return: 0, -ENOENT if @a is not an entry, -ENOMEM.
 */
int nx_remove_v4(struct nx_info *nxi, const struct nx_addr4 *a, u16 mod)
{
	int ret = 0;

	mutex_lock(&nxi->addr_lock);
	if (!a || mod == NXA_MOD_BCAST)
		WRITE_ONCE(nxi->bcast, 0);
	if (mod != NXA_MOD_BCAST)
		ret = nx_list_replace(nxi, &nxi->v4, sizeof(*a), NULL, a,
				      nx_addr4_equal);
	mutex_unlock(&nxi->addr_lock);
	return ret;
}

/**
 * nx_add_v6 - add an IPv6 entry
 * @nxi: the network context
 * @a: the entry
 *
 * Return: 0, -EEXIST, -ENOSPC or -ENOMEM.
 */
int nx_add_v6(struct nx_info *nxi, const struct nx_addr6 *a)
{
	int ret;

	mutex_lock(&nxi->addr_lock);
	ret = nx_list_replace(nxi, &nxi->v6, sizeof(*a), a, NULL,
			      nx_addr6_equal);
	mutex_unlock(&nxi->addr_lock);
	return ret;
}

/**
 * nx_remove_v6 - remove IPv6 entries
 * @nxi: the network context
 * @a: the entry to remove, or NULL for all of them
 *
 * Return: 0, -ENOENT or -ENOMEM.
 */
int nx_remove_v6(struct nx_info *nxi, const struct nx_addr6 *a)
{
	int ret;

	mutex_lock(&nxi->addr_lock);
	ret = nx_list_replace(nxi, &nxi->v6, sizeof(*a), NULL, a,
			      nx_addr6_equal);
	mutex_unlock(&nxi->addr_lock);
	return ret;
}

static bool nx_addr4_contains(const struct nx_addr4 *e, __be32 addr)
{
	u32 a = ntohl(addr);

	return a >= ntohl(e->first) && a <= ntohl(e->last);
}

/**
 * nx_v4_has - whether an IPv4 address belongs to a list
 * @l: the list, from rcu_dereference(), or NULL
 * @addr: the address
 *
 * Return: true if an entry covers @addr.
 */
bool nx_v4_has(const struct nx_addr_list *l, __be32 addr)
{
	unsigned int i;

	for (i = 0; l && i < l->count; i++)
		if (nx_addr4_contains(&l->v4[i], addr))
			return true;
	return false;
}

static u32 nx_addr6_len(const struct nx_addr6 *e)
{
	return e->type == NXA_TYPE_MASK ? e->prefix : 128;
}

/**
 * nx_v6_has - whether an IPv6 address belongs to a list
 * @l: the list, from rcu_dereference(), or NULL
 * @addr: the address
 *
 * Return: true if an entry covers @addr.
 */
bool nx_v6_has(const struct nx_addr_list *l, const struct in6_addr *addr)
{
	unsigned int i;

	for (i = 0; l && i < l->count; i++)
		if (ipv6_prefix_equal(&l->v6[i].addr, addr,
				      nx_addr6_len(&l->v6[i])))
			return true;
	return false;
}

/**
 * nx_v4_overlap - whether two IPv4 lists share an address
 * @a: one list, or NULL
 * @b: the other, or NULL
 *
 * Return: true if some address is covered by both.
 */
bool nx_v4_overlap(const struct nx_addr_list *a, const struct nx_addr_list *b)
{
	unsigned int i, j;

	for (i = 0; a && i < a->count; i++)
		for (j = 0; b && j < b->count; j++)
			if (ntohl(a->v4[i].first) <= ntohl(b->v4[j].last) &&
			    ntohl(b->v4[j].first) <= ntohl(a->v4[i].last))
				return true;
	return false;
}

/**
 * nx_v6_overlap - whether two IPv6 lists share an address
 * @a: one list, or NULL
 * @b: the other, or NULL
 *
 * Return: true if some address is covered by both.
 */
bool nx_v6_overlap(const struct nx_addr_list *a, const struct nx_addr_list *b)
{
	unsigned int i, j;

	for (i = 0; a && i < a->count; i++)
		for (j = 0; b && j < b->count; j++)
			if (ipv6_prefix_equal(&a->v6[i].addr, &b->v6[j].addr,
					      min(nx_addr6_len(&a->v6[i]),
						  nx_addr6_len(&b->v6[j]))))
				return true;
	return false;
}

/**
 * nx_network_init - set up the network context table
 *
 * Return: 0.
 */
int nx_network_init(void)
{
	BUILD_BUG_ON(NXF_PERSISTENT != VS_OBJ_PERSISTENT);
	BUILD_BUG_ON(sizeof(struct vcmd_net_create) != 8);
	BUILD_BUG_ON(sizeof(struct vcmd_nx_info) != 4);
	BUILD_BUG_ON(sizeof(struct vcmd_net_addr_v0) != 36);
	BUILD_BUG_ON(sizeof(struct vcmd_net_addr_ipv4) != 12);
	BUILD_BUG_ON(sizeof(struct vcmd_net_addr_ipv6) != 40);
	BUILD_BUG_ON(sizeof(struct vcmd_net_flags) != 16);
	BUILD_BUG_ON(sizeof(struct vcmd_net_caps) != 16);
	BUILD_BUG_ON(offsetof(struct nx_addr_list, v4) !=
		     offsetof(struct nx_addr_list, v6));
	return 0;
}

/**
 * nx_network_exit - tear down the network context table
 *
 * Called on module unload, when no network context is left (each one pins
 * the module); waits for the RCU callbacks that free them.
 */
void nx_network_exit(void)
{
	vs_id_table_destroy(&nx_table);
}
