/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver.h - wrappers around the vserver(2) system call
 *
 * Every wrapper returns -1 and sets errno on failure, like libc does.
 */

#ifndef VS_VSERVER_H
#define VS_VSERVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <linux/vserver.h>

typedef uint32_t xid_t;
typedef uint32_t nid_t;

long vc_syscall(uint32_t cmd, uint32_t id, void *data);
int vc_get_version(void);
int vc_get_vci(void);
long vc_ctx_create(xid_t xid, uint64_t flags);
int vc_ctx_migrate(xid_t xid, uint64_t flags);
long vc_task_xid(pid_t pid);
int vc_vx_info(xid_t xid, struct vcmd_vx_info *info);
int vc_ctx_stat(xid_t xid, struct vcmd_ctx_stat *stat);
int vc_get_cflags(xid_t xid, struct vcmd_ctx_flags *flags);
int vc_set_cflags(xid_t xid, uint64_t flags, uint64_t mask);
int vc_get_bcaps(xid_t xid, struct vcmd_bcaps *bcaps);
int vc_set_bcaps(xid_t xid, uint64_t bcaps, uint64_t mask);
int vc_get_ccaps(xid_t xid, struct vcmd_ctx_caps *ccaps);
int vc_set_ccaps(xid_t xid, uint64_t ccaps, uint64_t mask);
int vc_get_umask(xid_t xid, struct vcmd_umask *umask);
int vc_set_umask(xid_t xid, uint64_t umask, uint64_t mask);
int vc_ctx_kill(xid_t xid, int pid, int sig);
int vc_wait_exit(xid_t xid, struct vcmd_wait_exit *res);
int vc_set_space(xid_t xid, uint64_t mask, uint32_t index);
int vc_get_iattr(const char *name, uint32_t *flags, uint32_t *mask);
int vc_set_iattr(const char *name, uint32_t flags, uint32_t mask);
int vc_fget_iattr(int fd, uint32_t *flags, uint32_t *mask);
int vc_enter_space(xid_t xid, uint64_t mask, uint32_t index);

long vc_net_create(nid_t nid, uint64_t flags);
int vc_net_migrate(nid_t nid);
long vc_task_nid(pid_t pid);
int vc_nx_info(nid_t nid, struct vcmd_nx_info *info);
int vc_net_ipv4(nid_t nid, int add, const struct vcmd_net_addr_ipv4 *addr);
int vc_net_ipv6(nid_t nid, int add, const struct vcmd_net_addr_ipv6 *addr);
int vc_get_nflags(nid_t nid, struct vcmd_net_flags *flags);
int vc_set_nflags(nid_t nid, uint64_t flags, uint64_t mask);
int vc_get_ncaps(nid_t nid, struct vcmd_net_caps *caps);
int vc_set_ncaps(nid_t nid, uint64_t caps, uint64_t mask);

/*
 * The name of a context: the last part of its vhi CONTEXT name (where
 * util-vserver keeps the configuration directory); empty if it has none.
 * Returns 0, or -1 with errno set.
 */
int vc_context_name(xid_t xid, char *buf, size_t size);

#endif /* VS_VSERVER_H */
