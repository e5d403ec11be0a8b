/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - the socket call-outs of network contexts
 */

#ifndef _VS_INET_H
#define _VS_INET_H

#include <linux/types.h>

struct flowi4;
struct flowi6;
struct in6_addr;
struct sock;
struct sockaddr;

void vc_sock_init(struct sock *sk);
void vc_sock_clone(struct sock *sk);
void vc_sock_free(struct sock *sk);
int vc_socket_create(int family, int type, int protocol);
int vc_inet_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len);
bool vc_sock_may_clash(const struct sock *sk, const struct sock *sk2);
int vc_inet_rcv_score(const struct sock *sk, int score, __be32 daddr);
int vc_inet6_rcv_score(const struct sock *sk, int score,
		       const struct in6_addr *daddr);
int vc_inet_flow(const struct sock *sk, struct flowi4 *fl4,
		 unsigned int flags);
int vc_inet6_flow(const struct sock *sk, struct flowi6 *fl6,
		  unsigned int flags);
void vc_inet_show_addr(const struct sock *sk, __be32 *addr);

#endif /* _VS_INET_H */
