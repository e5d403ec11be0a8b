// SPDX-License-Identifier: GPL-2.0
/*
 * vserver - the socket call-outs of network contexts
 *
 * A socket belongs to the network context of the task that created it.
 * Such a socket
 *
 *  - binds only to the context's addresses; the wildcard address stays
 *    the wildcard, but means "every address of the context";
 *  - receives, when bound to the wildcard address, only packets sent to
 *    the context's addresses, and is preferred to a host socket bound to
 *    the wildcard address on the same port;
 *  - conflicts at bind time with sockets of other contexts only where the
 *    addresses they can receive for overlap; host sockets bound to the
 *    wildcard address never conflict with it;
 *  - always sends with one of the context's addresses as source;
 *  - reaches 127.0.0.0/8 only as the context's own loopback address
 *    (NXF_LBACK_REMAP) or, with NXF_LBACK_ALLOW, the host's loopback
 *    127.0.0.0/24 and its own; with NXF_HIDE_LBACK it is shown that
 *    address as 127.0.0.1.  The rest of 127.0.0.0/8 holds the other
 *    contexts' loopback addresses (127.<nid>.1 by default), which
 *    NXF_LBACK_ALLOW never reaches, binds or receives for.
 *
 * A network context creates only the sockets whose every path the rules
 * above cover, an allowlist: unix sockets, TCP, UDP and ICMP echo ("ping")
 * sockets over IPv4 and IPv6, raw ICMP sockets with NXC_RAW_ICMP (which
 * cannot write their own IP header), and NETLINK_ROUTE sockets (whose
 * dumps hide what is not the context's).  Everything else is refused:
 * protocols that make sockets of their own on the kernel's behalf (MPTCP
 * subflows, SCTP associations, SMC, L2TP), that bind or route outside the
 * lookups above (SCTP, DCCP, UDP-Lite), that see the whole host
 * (NETLINK_SOCK_DIAG, the other netlink families, packet sockets) or that
 * nothing here has been checked against (every other address family).
 * Refused families answer EAFNOSUPPORT and refused protocols
 * EPROTONOSUPPORT, as a kernel without them would, so that programs fall
 * back; packet and other raw sockets answer EPERM, as without
 * CAP_NET_RAW.
 */

#include <linux/errno.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/netlink.h>
#include <linux/rcupdate.h>
#include <linux/socket.h>
#include <linux/vserver_net.h>
#include <net/flow.h>
#include <net/ipv6.h>
#include <net/route.h>
#include <net/sock.h>

#include <linux/vserver.h>

#include "network.h"
#include "inet.h"

/*
 * Added to the lookup score of a context's wildcard socket that may
 * receive a packet: more than any host socket can score, so that the
 * context's socket wins over a host wildcard listener on the same port.
 */
#define NX_RCV_BONUS		16

/**
 * vc_sock_init - the socket creation call-out
 * @sk: a socket created by current, which is in a network context
 */
void vc_sock_init(struct sock *sk)
{
	struct nx_info *nxi = nx_current();

	nx_get(nxi);
	sk->sk_nx_info = nxi;
}

/**
 * vc_sock_clone - the socket copy call-out
 * @sk: the copy, which shares its parent's network context
 */
void vc_sock_clone(struct sock *sk)
{
	nx_get(sk->sk_nx_info);
}

/**
 * vc_sock_free - the socket free call-out
 * @sk: the socket being freed
 */
void vc_sock_free(struct sock *sk)
{
	struct nx_info *nxi = sk->sk_nx_info;

	/* Lookups under RCU read it with READ_ONCE() (vs_sock_nx()). */
	WRITE_ONCE(sk->sk_nx_info, NULL);
	nx_put(nxi);
}

/* The IPv4 and IPv6 sockets of the allowlist above. */
static int nx_inet_socket(const struct nx_info *nxi, int family, int type,
			  int protocol)
{
	int icmp = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;

	switch (type) {
	case SOCK_STREAM:
		if (!protocol || protocol == IPPROTO_TCP)
			return 0;
		break;
	case SOCK_DGRAM:
		if (!protocol || protocol == IPPROTO_UDP || protocol == icmp)
			return 0;
		break;
	case SOCK_RAW:
		if (protocol == icmp && (READ_ONCE(nxi->ncaps) & NXC_RAW_ICMP))
			return 0;
		return -EPERM;
	}
	return -EPROTONOSUPPORT;
}

/**
 * vc_socket_create - whether current may create a socket
 * @family: the address family
 * @type: the socket type
 * @protocol: the protocol
 *
 * Return: 0 for a socket of the allowlist; -EPERM for packet sockets and
 * raw sockets other than ICMP ones in a context with NXC_RAW_ICMP,
 * -EPROTONOSUPPORT for other protocols of an allowed family,
 * -EAFNOSUPPORT for other families.
 */
int vc_socket_create(int family, int type, int protocol)
{
	struct nx_info *nxi = nx_current();

	switch (family) {
	case AF_UNIX:
		return 0;
	case AF_INET:
	case AF_INET6:
		return nx_inet_socket(nxi, family, type, protocol);
	case AF_NETLINK:
		return protocol == NETLINK_ROUTE ? 0 : -EPROTONOSUPPORT;
	case AF_PACKET:
		return -EPERM;
	default:
		return -EAFNOSUPPORT;
	}
}

/* The first single address of a context, or 0. */
static __be32 nx_v4_first(const struct nx_addr_list *l)
{
	unsigned int i;

	for (i = 0; l && i < l->count; i++)
		if (l->v4[i].type == NXA_TYPE_ADDR)
			return l->v4[i].first;
	return 0;
}

/*
 * Whether @nxi may use the loopback address @addr: its own with
 * NXF_LBACK_REMAP or NXF_LBACK_ALLOW, the host's 127.0.0.0/24 with
 * NXF_LBACK_ALLOW.
 */
static bool nx_v4_lback_ok(const struct nx_info *nxi, __be32 addr)
{
	u64 flags = nx_flags(nxi);

	if (!(flags & (NXF_LBACK_REMAP | NXF_LBACK_ALLOW)))
		return false;
	if (addr == READ_ONCE(nxi->lback))
		return true;
	return (flags & NXF_LBACK_ALLOW) &&
	       (addr & htonl(0xffffff00)) == htonl(INADDR_LOOPBACK & 0xffffff00);
}

/* Whether @addr is an address a wildcard socket of @nxi receives for. */
static bool nx_v4_rcv(const struct nx_info *nxi, __be32 addr)
{
	if (ipv4_is_loopback(addr))
		return nx_v4_lback_ok(nxi, addr);
	if (addr && addr == READ_ONCE(nxi->bcast))
		return true;
	return nx_v4_has(rcu_dereference(nxi->v4), addr);
}

static bool nx_v6_rcv(const struct nx_info *nxi, const struct in6_addr *addr)
{
	if (ipv6_addr_loopback(addr))
		return nx_flags(nxi) & NXF_LBACK_ALLOW;
	return nx_v6_has(rcu_dereference(nxi->v6), addr);
}

/* Map an IPv4 bind address as described at the top of this file. */
static int nx_bind_v4(const struct nx_info *nxi, __be32 *addr)
{
	u64 flags = nx_flags(nxi);
	int ret = -EADDRNOTAVAIL;
	__be32 a = *addr;

	rcu_read_lock();
	if (a == htonl(INADDR_ANY)) {
		if (flags & NXF_SINGLE_IP)
			a = nx_v4_first(rcu_dereference(nxi->v4)) ?: a;
		ret = 0;
	} else if (ipv4_is_loopback(a)) {
		if (flags & NXF_LBACK_REMAP) {
			a = READ_ONCE(nxi->lback);
			ret = 0;
		} else if (nx_v4_lback_ok(nxi, a)) {
			ret = 0;
		}
	} else if (ipv4_is_multicast(a)) {
		if (READ_ONCE(nxi->ncaps) & NXC_MULTICAST)
			ret = 0;
	} else if (nx_v4_rcv(nxi, a)) {
		ret = 0;
	}
	rcu_read_unlock();
	*addr = a;
	return ret;
}

static int nx_bind_v6(const struct nx_info *nxi, const struct in6_addr *addr)
{
	bool ok;

	if (ipv6_addr_any(addr))
		return 0;
	if (ipv6_addr_is_multicast(addr))
		return READ_ONCE(nxi->ncaps) & NXC_MULTICAST ?
		       0 : -EADDRNOTAVAIL;
	rcu_read_lock();
	ok = nx_v6_rcv(nxi, addr);
	rcu_read_unlock();
	return ok ? 0 : -EADDRNOTAVAIL;
}

/**
 * vc_inet_bind - the bind call-out
 * @sk: a socket in a network context
 * @uaddr: the kernel's copy of the address, adjusted in place
 * @addr_len: its length; short addresses are left to the stack to refuse
 *
 * Return: 0 or -EADDRNOTAVAIL.
 */
int vc_inet_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	const struct nx_info *nxi = sk->sk_nx_info;
	struct sockaddr_in6 *sin6;
	__be32 a;
	int ret;

	if (sk->sk_family == AF_INET) {
		/* raw_bind() does not look at the family: neither do we. */
		if (addr_len < sizeof(struct sockaddr_in))
			return 0;
		return nx_bind_v4(nxi, &((struct sockaddr_in *)uaddr)->sin_addr.s_addr);
	}
	if (sk->sk_family != AF_INET6 || addr_len < SIN6_LEN_RFC2133 ||
	    uaddr->sa_family != AF_INET6)
		return 0;
	sin6 = (struct sockaddr_in6 *)uaddr;
	if (!ipv6_addr_v4mapped(&sin6->sin6_addr))
		return nx_bind_v6(nxi, &sin6->sin6_addr);
	a = sin6->sin6_addr.s6_addr32[3];
	ret = nx_bind_v4(nxi, &a);
	sin6->sin6_addr.s6_addr32[3] = a;
	return ret;
}

/* Whether a socket is bound to (or will receive for) any address. */
static bool nx_sock_wild(const struct sock *sk)
{
	if (sk->sk_family == AF_INET6 &&
	    !ipv6_addr_v4mapped(&sk->sk_v6_rcv_saddr))
		return ipv6_addr_any(&sk->sk_v6_rcv_saddr);
	return sk->sk_rcv_saddr == htonl(INADDR_ANY);
}

/* Whether wildcard sockets of @nxi receive for the address @sk is bound to. */
static bool nx_sock_covers(const struct nx_info *nxi, const struct sock *sk)
{
	if (sk->sk_family == AF_INET6 &&
	    !ipv6_addr_v4mapped(&sk->sk_v6_rcv_saddr))
		return nx_v6_rcv(nxi, &sk->sk_v6_rcv_saddr);
	return nx_v4_rcv(nxi, sk->sk_rcv_saddr);
}

/**
 * vc_sock_may_clash - the bind conflict call-out
 * @sk: the socket being bound
 * @sk2: a socket bound to the same port, of another network context
 *
 * Return: false if the two sockets can never receive for one address.
 */
bool vc_sock_may_clash(const struct sock *sk, const struct sock *sk2)
{
	const struct nx_info *nx1 = vs_sock_nx(sk), *nx2 = vs_sock_nx(sk2);
	bool wild1 = nx_sock_wild(sk), wild2 = nx_sock_wild(sk2);
	bool ret = true;

	/* A host wildcard socket gives way to contexts. */
	if ((!nx1 && wild1) || (!nx2 && wild2))
		return false;
	rcu_read_lock();
	if (wild1 && wild2)
		ret = nx_v4_overlap(rcu_dereference(nx1->v4),
				    rcu_dereference(nx2->v4)) ||
		      nx_v6_overlap(rcu_dereference(nx1->v6),
				    rcu_dereference(nx2->v6));
	else if (wild1)
		ret = nx_sock_covers(nx1, sk2);
	else if (wild2)
		ret = nx_sock_covers(nx2, sk);
	rcu_read_unlock();
	return ret;
}

/**
 * vc_inet_rcv_score - the IPv4 receive lookup call-out
 * @sk: a listening or UDP socket in a network context
 * @score: the score the lookup gave it, > 0
 * @daddr: the packet's destination
 *
 * Return: the score to use; -1 if @sk must not receive the packet.
 */
int vc_inet_rcv_score(const struct sock *sk, int score, __be32 daddr)
{
	/* Once: a socket freed under the RCU lookup loses it meanwhile. */
	const struct nx_info *nxi = READ_ONCE(sk->sk_nx_info);

	if (!nxi || sk->sk_rcv_saddr != htonl(INADDR_ANY))
		return score;
	return nx_v4_rcv(nxi, daddr) ? score + NX_RCV_BONUS : -1;
}

/**
 * vc_inet6_rcv_score - the IPv6 receive lookup call-out
 * @sk: a listening or UDP socket in a network context
 * @score: the score the lookup gave it, > 0
 * @daddr: the packet's destination
 *
 * Return: the score to use; -1 if @sk must not receive the packet.
 */
int vc_inet6_rcv_score(const struct sock *sk, int score,
		       const struct in6_addr *daddr)
{
	const struct nx_info *nxi = READ_ONCE(sk->sk_nx_info);

	if (!nxi || !ipv6_addr_any(&sk->sk_v6_rcv_saddr))
		return score;
	return nx_v6_rcv(nxi, daddr) ? score + NX_RCV_BONUS : -1;
}

/*
 * Pick a source address of the context for @fl4: the one on the
 * destination's network, else the one the routing table prefers if the
 * context has it, else the first.
 */
static __be32 nx_v4_pick(const struct sock *sk, const struct nx_addr_list *l,
			 const struct flowi4 *fl4)
{
	struct flowi4 probe = *fl4;
	__be32 first = nx_v4_first(l);
	struct rtable *rt;
	unsigned int i;

	if (!first || (nx_flags(sk->sk_nx_info) & NXF_SINGLE_IP))
		return first;
	for (i = 0; i < l->count; i++) {
		const struct nx_addr4 *a = &l->v4[i];

		if (a->type == NXA_TYPE_ADDR &&
		    !((a->first ^ fl4->daddr) & a->mask))
			return a->first;
	}
	rt = ip_route_output_key(sock_net(sk), &probe);
	if (IS_ERR(rt))
		return first;
	ip_rt_put(rt);
	for (i = 0; i < l->count; i++)
		if (l->v4[i].type == NXA_TYPE_ADDR &&
		    l->v4[i].first == probe.saddr)
			return probe.saddr;
	return first;
}

/**
 * vc_inet_flow - the IPv4 source selection call-out
 * @sk: a socket in a network context
 * @fl4: the flow about to be routed, adjusted in place
 * @flags: VS_FLOW_* bits
 *
 * Return: 0; -EPERM for a header written by the caller, a source address
 * the context lacks or a loopback destination it may not reach;
 * -EADDRNOTAVAIL if it has no IPv4 address to send from.
 */
int vc_inet_flow(const struct sock *sk, struct flowi4 *fl4,
		 unsigned int flags)
{
	const struct nx_info *nxi = sk->sk_nx_info;
	u64 nflags = nx_flags(nxi);
	int ret = 0;

	if (flags & VS_FLOW_HDRINCL)
		return -EPERM;
	if (fl4->daddr == htonl(INADDR_ANY) || ipv4_is_loopback(fl4->daddr)) {
		__be32 lback = READ_ONCE(nxi->lback);

		if (nflags & NXF_LBACK_REMAP) {
			if (fl4->saddr && fl4->saddr != lback &&
			    !ipv4_is_loopback(fl4->saddr))
				return -EPERM;
			fl4->daddr = lback;
			fl4->saddr = lback;
			return 0;
		}
		if (!(nflags & NXF_LBACK_ALLOW) ||
		    (fl4->daddr && !nx_v4_lback_ok(nxi, fl4->daddr)))
			return -EPERM;
		if (!fl4->saddr || ipv4_is_loopback(fl4->saddr))
			return 0;
	}

	rcu_read_lock();
	if (fl4->saddr) {
		if (!nx_v4_rcv(nxi, fl4->saddr))
			ret = -EPERM;
	} else {
		fl4->saddr = nx_v4_pick(sk, rcu_dereference(nxi->v4), fl4);
		if (!fl4->saddr)
			ret = -EADDRNOTAVAIL;
	}
	rcu_read_unlock();
	return ret;
}

/*
 * Pick an IPv6 source address of the context: the first one that shares
 * its prefix with the destination, else the first one.
 */
static const struct in6_addr *nx_v6_pick(const struct nx_addr_list *l,
					 const struct in6_addr *daddr)
{
	const struct in6_addr *first = NULL;
	unsigned int i;

	for (i = 0; l && i < l->count; i++) {
		const struct nx_addr6 *a = &l->v6[i];

		if (a->type != NXA_TYPE_ADDR)
			continue;
		if (ipv6_prefix_equal(&a->addr, daddr, a->prefix))
			return &a->addr;
		if (!first)
			first = &a->addr;
	}
	return first;
}

/**
 * vc_inet6_flow - the IPv6 source selection call-out
 * @sk: a socket in a network context
 * @fl6: the flow about to be routed, adjusted in place
 * @flags: VS_FLOW_* bits
 *
 * Return: 0; -EPERM for a header written by the caller, a source address
 * the context lacks or a loopback destination without NXF_LBACK_ALLOW;
 * -EADDRNOTAVAIL if it has no IPv6 address to send from.
 */
int vc_inet6_flow(const struct sock *sk, struct flowi6 *fl6,
		  unsigned int flags)
{
	const struct nx_info *nxi = sk->sk_nx_info;
	const struct in6_addr *src;
	int ret = 0;

	if (flags & VS_FLOW_HDRINCL)
		return -EPERM;
	if (ipv6_addr_any(&fl6->daddr) || ipv6_addr_loopback(&fl6->daddr)) {
		if (!(nx_flags(nxi) & NXF_LBACK_ALLOW))
			return -EPERM;
		if (ipv6_addr_any(&fl6->saddr) ||
		    ipv6_addr_loopback(&fl6->saddr))
			return 0;
	}

	rcu_read_lock();
	if (!ipv6_addr_any(&fl6->saddr)) {
		if (!nx_v6_rcv(nxi, &fl6->saddr))
			ret = -EPERM;
	} else {
		src = nx_v6_pick(rcu_dereference(nxi->v6), &fl6->daddr);
		if (src)
			fl6->saddr = *src;
		else
			ret = -EADDRNOTAVAIL;
	}
	rcu_read_unlock();
	return ret;
}

/**
 * vc_inet_show_addr - the address display call-out
 * @sk: a socket in a network context
 * @addr: an address of @sk about to be shown to current (getsockname(),
 *        getpeername(), a datagram's source, /proc/net), adjusted in place
 *
 * With NXF_HIDE_LBACK the context's own loopback address shows as
 * 127.0.0.1, the address its processes asked for; the host and other
 * contexts see the real one.
 */
void vc_inet_show_addr(const struct sock *sk, __be32 *addr)
{
	const struct nx_info *nxi = sk->sk_nx_info;

	if (nxi == nx_current() && (nx_flags(nxi) & NXF_HIDE_LBACK) &&
	    *addr == READ_ONCE(nxi->lback))
		*addr = htonl(INADDR_LOOPBACK);
}
