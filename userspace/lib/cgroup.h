/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cgroup.h - the cgroup v2 group of a vserver
 *
 * Each running guest gets /sys/fs/cgroup/vserver/NAME; its resource limits
 * are that group's interface files (memory.max, pids.max, ...).
 */

#ifndef VS_CGROUP_H
#define VS_CGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Where cgroup2 is mounted, and the parent of the guests' groups. */
#define VS_CGROUP_MOUNT		"/sys/fs/cgroup"
#define VS_CGROUP_PARENT	"vserver"

/* The interface files a configuration may set, NULL-terminated. */
extern const char *const vs_cgroup_files[];

bool vs_cgroup_file_known(const char *file);
int vs_cgroup_path(const char *name, const char *file, char *buf,
		   size_t size);
int vs_cgroup_create(const char *name);
int vs_cgroup_write(const char *name, const char *file, const char *value);
int vs_cgroup_read(const char *name, const char *file, char *buf,
		   size_t size);
int vs_cgroup_attach(const char *name, pid_t pid);
int vs_cgroup_remove(const char *name);
bool vs_cgroup_exists(const char *name);
int vs_cgroup_value(const char *file, const char *in, char *out,
		    size_t size);

#endif /* VS_CGROUP_H */
