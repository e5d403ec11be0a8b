/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - who may see and act on whom
 */

#ifndef _VS_ISOLATION_H
#define _VS_ISOLATION_H

#include <linux/types.h>

struct cred;
struct pid;
struct task_struct;
struct user_namespace;

bool vx_cred_has_cap(int cap);
bool vc_task_visible(struct task_struct *task);
bool vc_pid_visible(struct pid *pid);
int vc_task_access(struct task_struct *task, unsigned int access);
void vx_seal_current(void);
int vc_capable(const struct cred *cred, struct user_namespace *ns, int cap);
void vc_exec_creds(struct cred *new);
bool vc_ccapable(int cap, u64 ccap);
bool vc_may_unshare(unsigned long flags);

#endif /* _VS_ISOLATION_H */
