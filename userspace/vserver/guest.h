/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest.h - a vserver's configuration and the steps of its life cycle
 */

#ifndef VS_GUEST_H
#define VS_GUEST_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mount.h>
#include <sys/types.h>

#include "lib/ifaddr.h"
#include "lib/parse.h"
#include "lib/vserver.h"

/* Exit statuses of vserver(8), util-vserver's. */
#define EXIT_VS_FAILURE	1
#define EXIT_VS_USAGE	2
#define EXIT_VS_STOPPED	3
#define EXIT_VS_NOCONF	5

/* Where guests live unless their vdir says otherwise, and run files. */
#define VS_VDIRBASE	"/vservers"
#define VS_RUNDIR	"/run/vservers"

#define GUEST_MAX_IFACES	16
#define GUEST_MAX_MOUNTS	32
#define GUEST_MAX_LIMITS	16
#define GUEST_MAX_KILLSEQ	16

enum init_style { INIT_SYSV, INIT_PLAIN, INIT_RESCUE };

/**
 * struct guest_iface - interfaces/<id>/: an address of the guest
 * @id: the directory name
 * @text: the address as written, for messages
 * @a: the address, its prefix, device and label
 * @nodev: the address is not added to (nor removed from) the device
 */
struct guest_iface {
	char id[64];
	char text[64];
	struct vs_ifaddr a;
	bool nodev;
};

/**
 * struct guest_mount - a line of fstab
 * @src: the source (a device, a host path for bind mounts, or "none")
 * @dir: the mount point inside the guest, absolute
 * @type: the filesystem type
 * @data: the options mount(2) does not know, for the filesystem
 * @flags: the MS_* flags of the options
 */
struct guest_mount {
	char *src, *dir, *type, *data;
	unsigned long flags;
};

/**
 * struct guest_limit - cgroup/<file>: one resource limit
 * @file: the cgroup interface file
 * @value: the value in the kernel's form (see vs_cgroup_value())
 */
struct guest_limit {
	char file[32];
	char value[128];
};

/**
 * struct guest - the configuration of one vserver
 * @name: the vserver name (the configuration directory's name)
 * @cfgdir: the configuration directory
 * @vdir: the root of the guest
 * @xid: the context (file context)
 * @nid: the network context (file ncontext, else the xid)
 * @bcaps: changes to the secure bounding set (bcapabilities)
 * @ccaps: context capabilities (ccapabilities)
 * @cflags: context flags (cflags, or the old name flags)
 * @nflags: network context flags (nflags)
 * @uts: uts/<field> values, NULL where not set; index VHIN_*
 * @style: apps/init/style
 * @cmd_start: apps/init/cmd.start, or the style's default; NULL-terminated
 * @cmd_stop: apps/init/cmd.stop, or the style's default (may be NULL)
 * @killseq: apps/init/killseq: signal, seconds, signal, ...
 * @nkillseq: entries in @killseq
 * @ifaces: the addresses
 * @nifaces: entries in @ifaces
 * @mounts: the fstab lines
 * @nmounts: entries in @mounts
 * @limits: the cgroup limits
 * @nlimits: entries in @limits
 * @exclude: apps/vunify/exclude, or empty
 */
struct guest {
	char name[NAME_MAX + 1];
	char cfgdir[PATH_MAX];
	char vdir[PATH_MAX];
	uint32_t xid, nid;
	struct vs_change bcaps, ccaps, cflags, nflags;
	char *uts[VHIN_MAX + 1];
	enum init_style style;
	char **cmd_start, **cmd_stop;
	int killseq[GUEST_MAX_KILLSEQ];
	size_t nkillseq;
	struct guest_iface ifaces[GUEST_MAX_IFACES];
	size_t nifaces;
	struct guest_mount mounts[GUEST_MAX_MOUNTS];
	size_t nmounts;
	struct guest_limit limits[GUEST_MAX_LIMITS];
	size_t nlimits;
	char exclude[PATH_MAX];
};

/* config.c */
int guest_resolve(const char *arg, char *name, size_t size);
int guest_load(struct guest *g, const char *name);
bool guest_tree_of(const char *path, char *root, size_t size);

/* hostpath.c */
int guest_openat2(int dirfd, const char *path, int flags,
		  unsigned long long resolve);
int guest_open_in(int root, const char *path, int flags);
int guest_open_host(const char *path, int flags);
struct mount_attr guest_mount_attr(unsigned long flags);
int guest_clone_tree(int fd, bool recursive, const struct mount_attr *attr,
		     bool cloexec);

/* state.c */
bool guest_running(const struct guest *g, uint32_t *xid);
int guest_write_run(const struct guest *g, const struct vs_ifaddr *added,
		    size_t nadded);
int guest_read_run(const struct guest *g, uint32_t *xid,
		   struct vs_ifaddr *added, size_t *nadded, bool *rescued);
void guest_remove_run(const struct guest *g);
bool guest_ctx_alive(uint32_t xid);
int guest_wait_gone(uint32_t xid, int seconds);
int guest_cgroup_procs(const struct guest *g, int status);
void guest_enter_ns(const struct guest *g, uint32_t xid, int status);
void guest_enter_ctx(const struct guest *g, uint32_t xid, const char *user,
		     int cgroup, int status);
void guest_enter(const struct guest *g, uint32_t xid, const char *user,
		 int status);

/* start.c, stop.c, build.c */
int guest_lock(const struct guest *g);
void guest_block_signals(void);
void guest_unblock_signals(void);
void guest_teardown(const struct guest *g, uint32_t xid,
		    const struct vs_ifaddr *added, size_t nadded);
int guest_start(struct guest *g, bool rescue);
int guest_stop(const struct guest *g);
int guest_build(const char *name, int argc, char **argv);
int guest_remove_tree(const char *path);
bool guest_path_canonical(const char *path);
int guest_access(const struct guest *g, const char *path, int mode);

#endif /* VS_GUEST_H */
