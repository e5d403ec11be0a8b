// SPDX-License-Identifier: GPL-2.0
/*
 * state.c - whether a vserver runs, its run file, and entering it
 *
 * The run file VS_RUNDIR/NAME holds the xid of the running guest and the
 * addresses `start` added to host interfaces, so that `stop` removes
 * exactly those even if the configuration changed in between.  A guest
 * runs when its context exists and carries the configuration directory
 * as its context name (util-vserver's check): a reused xid is not
 * mistaken for the guest.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/cgroup.h"
#include "guest.h"

static void run_path(const struct guest *g, char *buf, size_t size)
{
	xsnprintf(buf, size, "%s/%s", VS_RUNDIR, g->name);
}

/**
 * guest_ctx_alive() - whether a context exists
 * @xid: the context
 *
 * Return: true if the kernel knows the context.
 */
bool guest_ctx_alive(uint32_t xid)
{
	struct vcmd_vx_info info;

	return vc_vx_info(xid, &info) == 0 || errno != ESRCH;
}

/**
 * guest_running() - whether a vserver runs, and in which context
 * @g: the vserver
 * @xid: the context, if it runs; may be NULL
 *
 * Return: true if it runs.
 */
bool guest_running(const struct guest *g, uint32_t *xid)
{
	char name[NAME_MAX + 1];
	uint32_t x = g->xid;
	size_t n = 0;

	if (guest_read_run(g, &x, NULL, &n, NULL) < 0)
		x = g->xid;
	if (vc_context_name(x, name, sizeof(name)) < 0 || strcmp(name, g->name))
		return false;
	if (xid)
		*xid = x;
	return true;
}

/**
 * guest_write_run() - record a started guest
 * @g: the vserver
 * @added: the addresses its start added to host interfaces
 * @nadded: entries in @added
 *
 * Return: 0 or -1 (reported).
 */
int guest_write_run(const struct guest *g, const struct vs_ifaddr *added,
		    size_t nadded)
{
	char path[PATH_MAX], tmp[PATH_MAX + 8], text[INET6_ADDRSTRLEN];
	size_t i;
	FILE *f;

	if (mkdir(VS_RUNDIR, 0755) < 0 && errno != EEXIST) {
		warn("cannot create %s", VS_RUNDIR);
		return -1;
	}
	run_path(g, path, sizeof(path));
	xsnprintf(tmp, sizeof(tmp), "%s.new", path);
	f = fopen(tmp, "we");
	if (!f) {
		warn("cannot create %s", tmp);
		return -1;
	}
	fprintf(f, "%u\n", g->xid);
	if (g->style == INIT_RESCUE)
		fprintf(f, "rescue\n");
	for (i = 0; i < nadded; i++) {
		inet_ntop(added[i].family, &added[i].addr, text, sizeof(text));
		fprintf(f, "addr %s %u %s %s\n", text, added[i].prefix,
			added[i].dev, added[i].label[0] ? added[i].label : "-");
	}
	if (fclose(f) || rename(tmp, path) < 0) {
		warn("cannot write %s", path);
		unlink(tmp);
		return -1;
	}
	return 0;
}

/**
 * guest_read_run() - read the run file of a guest
 * @g: the vserver
 * @xid: the context it was started in
 * @added: the addresses start added, at most GUEST_MAX_IFACES; may be NULL
 * @nadded: entries in @added
 * @rescued: set if it was started with --rescue; may be NULL
 *
 * Return: 0, -ENOENT if there is no run file, or -EINVAL if it is broken.
 */
int guest_read_run(const struct guest *g, uint32_t *xid,
		   struct vs_ifaddr *added, size_t *nadded, bool *rescued)
{
	char path[PATH_MAX], line[256], text[64], dev[32], label[32];
	unsigned int prefix, x;
	int ret = 0;
	FILE *f;

	*nadded = 0;
	run_path(g, path, sizeof(path));
	f = fopen(path, "re");
	if (!f)
		return -ENOENT;
	if (!fgets(line, sizeof(line), f) || sscanf(line, "%u", &x) != 1) {
		fclose(f);
		return -EINVAL;
	}
	*xid = x;
	while (added && fgets(line, sizeof(line), f)) {
		struct vs_ifaddr *a = &added[*nadded];

		if (!strcmp(line, "rescue\n")) {
			if (rescued)
				*rescued = true;
			continue;
		}
		if (*nadded == GUEST_MAX_IFACES ||
		    sscanf(line, "addr %63s %u %31s %31s", text, &prefix, dev,
			   label) != 4 ||
		    strlen(dev) >= sizeof(a->dev) ||
		    strlen(label) >= sizeof(a->label)) {
			ret = -EINVAL;
			break;
		}
		memset(a, 0, sizeof(*a));
		if (inet_pton(AF_INET, text, &a->addr.v4) == 1) {
			a->family = AF_INET;
		} else if (inet_pton(AF_INET6, text, &a->addr.v6) == 1) {
			a->family = AF_INET6;
		} else {
			ret = -EINVAL;
			break;
		}
		a->prefix = prefix;
		strcpy(a->dev, dev);
		if (strcmp(label, "-"))
			strcpy(a->label, label);
		(*nadded)++;
	}
	fclose(f);
	return ret;
}

/**
 * guest_remove_run() - forget a stopped guest
 * @g: the vserver
 */
void guest_remove_run(const struct guest *g)
{
	char path[PATH_MAX];

	run_path(g, path, sizeof(path));
	if (unlink(path) < 0 && errno != ENOENT)
		warn("cannot remove %s", path);
}

/**
 * guest_path_canonical() - whether a path names its directory one way only
 * @path: an absolute path
 *
 * A guest root of "//", "/." or "/usr/.." is the host's root under another
 * spelling: such paths, and any with empty, "." or ".." components or a
 * trailing slash, are refused wherever a guest root is named.
 *
 * Return: true if @path is absolute and has none of those.
 */
bool guest_path_canonical(const char *path)
{
	const char *p = path;

	if (*p != '/')
		return false;
	while (*p == '/') {
		size_t len = strcspn(++p, "/");

		if (!len || (len == 1 && p[0] == '.') ||
		    (len == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += len;
	}
	return true;
}

/**
 * guest_access() - access(2) for a path inside a guest, resolved there
 * @g: the vserver
 * @path: the path as the guest sees it
 * @mode: as for access(2)
 *
 * The path is resolved below the guest's root (symbolic links in the
 * guest stay in the guest, /proc magic links are not followed), so that
 * the answer is about the guest's file and never about one of the host's.
 *
 * Return: 0, or -1 with errno set.
 */
int guest_access(const struct guest *g, const char *path, int mode)
{
	int root, fd, ret, e;

	root = open(g->vdir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		return -1;
	fd = guest_open_in(root, path, O_PATH);
	e = errno;
	close(root);
	if (fd < 0) {
		errno = e;
		return -1;
	}
	ret = faccessat(fd, "", mode, AT_EMPTY_PATH | AT_EACCESS);
	e = errno;
	close(fd);
	errno = e;
	return ret;
}

/**
 * guest_wait_gone() - wait until a context has ended
 * @xid: the context
 * @seconds: how long to wait at most
 *
 * Return: 0 once it is gone, -ETIMEDOUT.
 */
int guest_wait_gone(uint32_t xid, int seconds)
{
	const struct timespec pause = { .tv_nsec = 20 * 1000 * 1000 };
	int i;

	for (i = 0; i <= seconds * 50; i++) {
		if (!guest_ctx_alive(xid))
			return 0;
		nanosleep(&pause, NULL);
	}
	return -ETIMEDOUT;
}

/*
 * Look a user up in the guest's /etc/passwd (the caller is in the guest's
 * mount namespace and context): a name or a number.
 */
static int lookup_user(const char *user, uid_t *uid, gid_t *gid,
		       char *home, size_t size, char *shell, size_t ssize)
{
	char line[1024], *f[7], *p;
	uint64_t num;
	bool numeric = !vs_parse_u64(user, UINT32_MAX - 1, &num);
	struct stat st;
	FILE *pw = NULL;
	int n, fd;

	/*
	 * The guest owns this file and we are still root: a FIFO or a device
	 * there must not block or feed us.
	 */
	fd = open("/etc/passwd", O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
			!(pw = fdopen(fd, "r"))))
		close(fd);

	xsnprintf(home, size, "/");
	xsnprintf(shell, ssize, "/bin/sh");
	if (numeric) {
		*uid = num;
		*gid = num;
	}
	if (!pw)
		return numeric ? 0 : -ENOENT;
	while (fgets(line, sizeof(line), pw)) {
		line[strcspn(line, "\n")] = '\0';
		p = line;
		for (n = 0; n < 7 && (f[n] = strsep(&p, ":")); n++)
			;
		if (n < 7)
			continue;
		if (numeric ? strtoul(f[2], NULL, 10) != num : strcmp(f[0], user))
			continue;
		*uid = strtoul(f[2], NULL, 10);
		*gid = strtoul(f[3], NULL, 10);
		xsnprintf(home, size, "%s", f[5]);
		if (*f[6])
			xsnprintf(shell, ssize, "%s", f[6]);
		fclose(pw);
		return 0;
	}
	fclose(pw);
	return numeric ? 0 : -ENOENT;
}

/**
 * guest_cgroup_procs() - open the guest's cgroup.procs, to join it later
 * @g: the vserver
 * @status: the exit status on failure
 *
 * Opened in the host's mount namespace, before the guest's is entered.
 *
 * Return: a descriptor, or -1 if the guest has no cgroup.
 */
int guest_cgroup_procs(const struct guest *g, int status)
{
	char path[PATH_MAX];
	int ret, fd;

	if (!vs_cgroup_exists(g->name))
		return -1;
	ret = vs_cgroup_path(g->name, "cgroup.procs", path, sizeof(path));
	if (ret)
		errc(status, -ret, "no cgroup for %s", g->name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		err(status, "cannot open %s", path);
	return fd;
}

/**
 * guest_enter_ns() - enter a running guest's mount, uts and ipc namespaces
 * @g: the vserver
 * @xid: its context
 * @status: the exit status on failure
 *
 * The caller is still in none of the guest's contexts: the guest cannot
 * see it.  It changes to the guest's root.
 */
void guest_enter_ns(const struct guest *g, uint32_t xid, int status)
{
	if (vc_enter_space(xid, VC_SPACE_NEWNS | VC_SPACE_NEWUTS |
			   VC_SPACE_NEWIPC, 0) < 0)
		err(status, "cannot enter the namespaces of %s", g->name);
	if (chdir("/") < 0)
		err(status, "cannot change to the root of %s", g->name);
}

/**
 * guest_enter_ctx() - the rest of guest_enter(), after guest_enter_ns()
 * @g: the vserver
 * @xid: its context
 * @user: as for guest_enter()
 * @cgroup: guest_cgroup_procs()'s descriptor (closed here), or -1
 * @status: the exit status on failure
 */
void guest_enter_ctx(const struct guest *g, uint32_t xid, const char *user,
		     int cgroup, int status)
{
	char home[PATH_MAX], shell[PATH_MAX];
	const char *term = getenv("TERM");
	uid_t uid = 0;
	gid_t gid = 0;

	/* "0" is the writer itself; the limits count it from now on. */
	if (cgroup >= 0) {
		if (write(cgroup, "0", 1) != 1)
			err(status, "cannot join the cgroup of %s", g->name);
		close(cgroup);
	}
	if (vc_net_migrate(g->nid) < 0)
		err(status, "cannot enter network context %u of %s", g->nid,
		    g->name);
	if (vc_ctx_migrate(xid, 0) < 0)
		err(status, "cannot enter context %u of %s", xid, g->name);
	/*
	 * The guest's files are read only from inside its context: a
	 * symbolic link such as /etc/passwd -> /proc/1/root/dev/watchdog
	 * then leads nowhere on the host.
	 */
	if (lookup_user(user, &uid, &gid, home, sizeof(home), shell,
			sizeof(shell)))
		errx(status, "%s: no user '%s' in the guest's /etc/passwd",
		     g->name, user);
	if (setgroups(1, &gid) < 0 || setgid(gid) < 0 || setuid(uid) < 0)
		err(status, "cannot change to user %s in %s", user, g->name);
	if (chdir(home) < 0 && chdir("/") < 0)
		err(status, "cannot change directory in %s", g->name);

	term = term ? strdup(term) : NULL;
	clearenv();
	setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 1);
	setenv("HOME", home, 1);
	setenv("SHELL", shell, 1);
	setenv("USER", user, 1);
	setenv("LOGNAME", user, 1);
	if (term)
		setenv("TERM", term, 1);
}

/**
 * guest_enter() - move the caller into a running guest
 * @g: the vserver
 * @xid: its context
 * @user: the user to become inside, a name from the guest's /etc/passwd
 *        or a number
 * @status: the exit status on failure
 *
 * The caller opens the guest's cgroup, enters its mount, uts and ipc
 * namespaces, joins the cgroup, its network context and its context, in
 * that order (each step needs the rights the next one takes away), then
 * looks @user up and changes to it.  From the moment it joins the
 * context, the kernel keeps its memory, executable and descriptors out of
 * the guest's reach until it executes the guest's program.  The
 * environment is replaced by a minimal one.  On failure it exits.
 */
void guest_enter(const struct guest *g, uint32_t xid, const char *user,
		 int status)
{
	int cgroup = guest_cgroup_procs(g, status);

	guest_enter_ns(g, xid, status);
	guest_enter_ctx(g, xid, user, cgroup, status);
}
