// SPDX-License-Identifier: GPL-2.0
/*
 * start.c - vserver NAME start
 *
 * The host side (this process) and the guest side (a child) work in
 * lock step over a socket pair:
 *
 *   host:  cgroup with the limits, addresses on the host interfaces
 *   guest: cgroup, new mount/uts/ipc namespaces, network context, the
 *          guest root bound, fstab mounted in it, pivoted into it, context
 *          with those namespaces as its spaces -> READY
 *   host:  addresses of the network context, flags, capabilities, uts
 *          names, run file -> GO
 *   guest: end of setup (and fake init for the plain style), exec of the
 *          init command; the socket closes on exec
 *
 * A failure on either side undoes everything done so far: the context
 * and network context are ended, the addresses removed, the cgroup
 * removed.  The guest's mounts live in its own mount namespace and go
 * with it.
 */

#include <errno.h>
#include <poll.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/cgroup.h"
#include "guest.h"

#define SPACES (VC_SPACE_NEWNS | VC_SPACE_NEWUTS | VC_SPACE_NEWIPC)

enum { MSG_READY = 1, MSG_GO, MSG_FAIL };

/**
 * struct msg - what the two sides of a start tell each other
 * @type: MSG_*
 * @text: for MSG_FAIL, what failed
 */
struct msg {
	int type;
	char text[512];
};

static int sock = -1;

/*
 * The start command's terminal (sysv): a pty whose slave replaces those
 * of its standard output and error that are terminals (@out_tty[1], [2]).
 */
static int out_slave = -1;
static bool out_tty[3];

/* The guest side failed: tell the host, which undoes everything. */
static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	struct msg m = { .type = MSG_FAIL };
	int e = errno;
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m.text, sizeof(m.text), fmt, ap);
	va_end(ap);
	len = strlen(m.text);
	xsnprintf(m.text + len, sizeof(m.text) - len, ": %s", strerror(e));
	if (send(sock, &m, sizeof(m), MSG_NOSIGNAL) < 0)
		warnx("%s", m.text);
	_exit(EXIT_VS_FAILURE);
}

static int recv_msg(struct msg *m)
{
	ssize_t n;

	do
		n = recv(sock, m, sizeof(*m), 0);
	while (n < 0 && errno == EINTR);
	if (n == 0)
		return 0;
	if (n != sizeof(*m))
		return -1;
	return m->type;
}

static void send_msg(int type)
{
	struct msg m = { .type = type };

	if (send(sock, &m, sizeof(m), MSG_NOSIGNAL) < 0)
		err(EXIT_VS_FAILURE, "cannot talk to the other side of the start");
}

/*
 * Why guest_open_host() refused a path, for the message after it: a
 * symbolic link outside the guest trees, or a path not spelt one way.
 */
static const char *open_host_hint(void)
{
	return errno == ELOOP ? " (no symbolic links outside a guest's tree: name its real path)" :
	       errno == EINVAL ? " (not a canonical absolute path)" : "";
}

#define OVERLAY_MAX_DIRS 64

/*
 * An overlay's data with its directories (lowerdir, upperdir, workdir)
 * as /proc/self/fd/N of descriptors from guest_open_host(), put in @fds
 * for the caller to close after the mount.
 */
static char *overlay_data(const struct guest_mount *m, int *fds, size_t *nfds)
{
	/* A path of 2 bytes grows to at most 24 ("/proc/self/fd/N..."). */
	char *copy, *out, *o, *opt, *val, *path, *save, *psave;
	size_t cap = strlen(m->data) * 12 + 1;

	copy = strdup(m->data);
	out = o = calloc(1, cap);
	if (!copy || !out)
		fail("cannot allocate memory");
	for (opt = strtok_r(copy, ",", &save); opt; opt = strtok_r(NULL, ",", &save)) {
		val = strchr(opt, '=');
		o += sprintf(o, "%s%s", o == out ? "" : ",", opt);
		if (!val || (strncmp(opt, "lowerdir=", 9) && strncmp(opt, "upperdir=", 9) &&
			     strncmp(opt, "workdir=", 8)))
			continue;
		o -= strlen(val + 1);
		*o = '\0';
		for (path = strtok_r(val + 1, ":", &psave); path;
		     path = strtok_r(NULL, ":", &psave)) {
			if (*nfds == OVERLAY_MAX_DIRS) {
				errno = E2BIG;
				fail("fstab: %s: more than %d overlay directories",
				     m->dir, OVERLAY_MAX_DIRS);
			}
			fds[*nfds] = strchr(path, '\\') ? (errno = EINVAL, -1) :
				     guest_open_host(path, O_PATH | O_DIRECTORY);
			if (fds[*nfds] < 0)
				fail("fstab: %s: cannot open the overlay directory %s%s",
				     m->dir, path, open_host_hint());
			o += sprintf(o, "%s/proc/self/fd/%d", o[-1] == '=' ? "" : ":",
				     fds[(*nfds)++]);
		}
	}
	free(copy);
	return out;
}

/*
 * Bind the host's @m->src on @target: the source is opened as
 * guest_open_host() does, checked, cloned with the line's restrictions
 * and moved onto the mount point, so that those land on exactly the new
 * mount.
 */
static void bind_one(const struct guest_mount *m, int target)
{
	struct mount_attr attr = guest_mount_attr(m->flags);
	struct stat sst, tst;
	int src, tree;

	src = guest_open_host(m->src, O_PATH);
	if (src < 0)
		fail("fstab: %s: cannot open the bind source %s%s", m->dir,
		     m->src, open_host_hint());
	if (fstat(src, &sst) < 0 || fstat(target, &tst) < 0)
		fail("fstab: cannot bind %s on %s", m->src, m->dir);
	if (S_ISDIR(sst.st_mode) != S_ISDIR(tst.st_mode)) {
		errno = S_ISDIR(sst.st_mode) ? ENOTDIR : EISDIR;
		fail("fstab: cannot bind %s on %s (a directory goes on a directory, a file on a file)",
		     m->src, m->dir);
	}
	tree = guest_clone_tree(src, m->flags & MS_REC, &attr, true);
	if (tree < 0)
		fail("fstab: cannot bind %s with the options of %s", m->src,
		     m->dir);
	if (move_mount(tree, "", target, "", MOVE_MOUNT_F_EMPTY_PATH |
		       MOVE_MOUNT_T_EMPTY_PATH) < 0)
		fail("fstab: cannot bind %s on %s", m->src, m->dir);
	close(tree);
	close(src);
}

/* Mount one fstab line at its place under the guest root @root. */
static void mount_one(const struct guest_mount *m, int root)
{
	int fds[OVERLAY_MAX_DIRS], fd;
	size_t nfds = 0, i;
	char target[64], *data = m->data;

	/* Guest symlinks cannot lead the mount out of the guest root. */
	fd = guest_open_in(root, m->dir, O_PATH);
	if (fd < 0)
		fail("fstab: cannot find %s in the guest", m->dir);
	if (m->flags & MS_BIND) {
		bind_one(m, fd);
		close(fd);
		return;
	}
	if (!strcmp(m->type, "overlay"))
		data = overlay_data(m, fds, &nfds);
	xsnprintf(target, sizeof(target), "/proc/self/fd/%d", fd);
	if (mount(m->src, target, m->type, m->flags, *data ? data : NULL) < 0)
		fail("fstab: cannot mount %s on %s", m->src, m->dir);
	for (i = 0; i < nfds; i++)
		close(fds[i]);
	if (data != m->data)
		free(data);
	close(fd);
}

/* The guest side: never returns. */
static void __attribute__((noreturn)) guest_side(const struct guest *g)
{
	struct msg m;
	uint64_t clear;
	int devnull, root, ret;
	size_t i;

	if (setsid() < 0)
		fail("cannot start a new session");
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (devnull < 0)
		fail("cannot open /dev/null");
	if (vs_cgroup_exists(g->name)) {
		ret = vs_cgroup_attach(g->name, 0);
		if (ret) {
			errno = -ret;
			fail("cannot join the cgroup");
		}
	}
	if (unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC) < 0)
		fail("cannot create the namespaces");
	if (mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0)
		fail("cannot make the mounts slaves of the host's");
	if (vc_net_create(g->nid, 0) < 0)
		fail("cannot create network context %u", g->nid);

	if (mount(g->vdir, g->vdir, NULL, MS_BIND | MS_REC, NULL) < 0)
		fail("cannot bind %s", g->vdir);
	root = open(g->vdir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		fail("cannot open %s", g->vdir);
	for (i = 0; i < g->nmounts; i++)
		mount_one(&g->mounts[i], root);
	if (fchdir(root) < 0)
		fail("cannot change to %s", g->vdir);
	/* EINVAL also when the host's root is the initramfs (rootfs). */
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		fail("cannot pivot the root into %s (the host's root must not be the initramfs)",
		     g->vdir);
	if (umount2(".", MNT_DETACH) < 0)
		fail("cannot detach the host's root");
	if (chdir("/") < 0)
		fail("cannot change to /");

	if (vc_ctx_create(g->xid, VXF_INIT_SET) < 0)
		fail("cannot create context %u", g->xid);
	if (vc_set_space(g->xid, SPACES, 0) < 0 ||
	    vc_set_space(g->xid, VC_SPACE_NEWNS, 1) < 0)
		fail("cannot keep the namespaces of context %u", g->xid);

	send_msg(MSG_READY);
	if (recv_msg(&m) != MSG_GO)
		_exit(EXIT_VS_FAILURE);

	/* The plain style's init becomes the context's init (fake pid 1). */
	clear = VXF_STATE_SETUP | (g->style == INIT_PLAIN ? VXF_STATE_INIT : 0);
	if (vc_set_cflags(g->xid, 0, clear) < 0)
		fail("cannot end the setup of context %u", g->xid);
	if (g->style == INIT_RESCUE)
		_exit(EXIT_SUCCESS);

	if (dup2(devnull, 0) < 0 ||
	    (g->style == INIT_PLAIN && (dup2(devnull, 1) < 0 ||
					dup2(devnull, 2) < 0)) ||
	    (out_slave >= 0 && ((out_tty[1] && dup2(out_slave, 1) < 0) ||
				(out_tty[2] && dup2(out_slave, 2) < 0))))
		fail("cannot redirect the standard streams");
	clearenv();
	setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 1);
	setenv("HOME", "/", 1);
	guest_unblock_signals();
	execv(g->cmd_start[0], g->cmd_start);
	fail("cannot execute %s in the guest", g->cmd_start[0]);
}

/**
 * guest_teardown() - end a guest's context and remove what start made
 * @g: the vserver
 * @xid: its context (the run file's, for a stop)
 * @added: the addresses start added to host interfaces
 * @nadded: entries in @added
 *
 * Used to undo a failed start and to finish a stop: the context and the
 * network context end, the addresses go, the cgroup and the run file too.
 * The guest's mounts live in its mount namespace and go with it.
 */
void guest_teardown(const struct guest *g, uint32_t xid,
		    const struct vs_ifaddr *added, size_t nadded)
{
	size_t i;
	int ret;

	vc_set_cflags(xid, 0, VXF_PERSISTENT);
	vc_set_nflags(g->nid, 0, NXF_PERSISTENT);
	vc_ctx_kill(xid, 0, SIGKILL);
	if (guest_wait_gone(xid, 10))
		warnx("%s: context %u did not end", g->name, xid);
	for (i = 0; i < nadded; i++) {
		ret = vs_ifaddr_change(&added[i], 0);
		if (ret && ret != -EADDRNOTAVAIL && ret != -ENODEV)
			warnc(-ret, "%s: cannot remove an address from %s",
			      g->name, added[i].dev);
	}
	ret = vs_cgroup_remove(g->name);
	if (ret)
		warnc(-ret, "%s: cannot remove the cgroup", g->name);
	guest_remove_run(g);
}

/* The host's part after READY: everything set with the context's id. */
static int configure(const struct guest *g, const struct vs_ifaddr *added,
		     size_t nadded)
{
	struct vcmd_vhi_name vhi;
	uint64_t cflags = g->cflags.value, cmask = g->cflags.mask;
	uint64_t nflags = g->nflags.value, nmask = g->nflags.mask;
	size_t i;
	int f;

	for (i = 0; i < g->nifaces; i++) {
		const struct guest_iface *gi = &g->ifaces[i];
		int ret;

		if (gi->a.family == AF_INET) {
			struct vcmd_net_addr_ipv4 a = {
				.type = NXA_TYPE_ADDR,
				.ip = gi->a.addr.v4.s_addr,
				.mask = gi->a.prefix ?
					htonl(~0U << (32 - gi->a.prefix)) : 0,
			};

			ret = vc_net_ipv4(g->nid, 1, &a);
		} else {
			struct vcmd_net_addr_ipv6 a = {
				.type = NXA_TYPE_ADDR,
				.prefix = gi->a.prefix,
			};

			memcpy(a.ip, &gi->a.addr.v6, sizeof(a.ip));
			ret = vc_net_ipv6(g->nid, 1, &a);
		}
		if (ret < 0) {
			warn("%s: interfaces/%s: cannot add %s to network context %u",
			     g->name, gi->id, gi->text, g->nid);
			return -1;
		}
	}

	/* Persistent unless an init process keeps the guest alive. */
	if (g->style != INIT_PLAIN) {
		cflags |= VXF_PERSISTENT;
		cmask |= VXF_PERSISTENT;
		nflags |= NXF_PERSISTENT;
		nmask |= NXF_PERSISTENT;
	} else {
		cflags |= VXF_INFO_INIT;
		cmask |= VXF_INFO_INIT;
	}
	cflags &= ~(VXF_STATE_SETUP | VXF_STATE_INIT);
	cmask &= ~(VXF_STATE_SETUP | VXF_STATE_INIT);
	if (vc_set_nflags(g->nid, nflags, nmask) < 0) {
		warn("%s: cannot set the flags of network context %u", g->name,
		     g->nid);
		return -1;
	}

	for (f = 0; f <= VHIN_MAX; f++) {
		const char *val = f == VHIN_CONTEXT ? g->cfgdir : g->uts[f];

		if (f == VHIN_NODENAME && !val)
			val = g->name;
		if (!val)
			continue;
		memset(&vhi, 0, sizeof(vhi));
		vhi.field = f;
		xsnprintf(vhi.name, sizeof(vhi.name), "%s", val);
		if (vc_syscall(VCMD_set_vhi_name, g->xid, &vhi) < 0) {
			warn("%s: cannot set the uts name %d of context %u",
			     g->name, f, g->xid);
			return -1;
		}
	}
	if (vc_set_bcaps(g->xid, g->bcaps.value, g->bcaps.mask) < 0 ||
	    vc_set_ccaps(g->xid, g->ccaps.value, g->ccaps.mask) < 0 ||
	    vc_set_cflags(g->xid, cflags, cmask) < 0) {
		warn("%s: cannot set the capabilities and flags of context %u",
		     g->name, g->xid);
		return -1;
	}
	return guest_write_run(g, added, nadded);
}

/* Add the guest's addresses to the host's interfaces. */
static int add_addresses(const struct guest *g, struct vs_ifaddr *added,
			 size_t *nadded)
{
	size_t i;
	int ret;

	for (i = 0; i < g->nifaces; i++) {
		const struct guest_iface *gi = &g->ifaces[i];

		if (gi->nodev)
			continue;
		/*
		 * Our address may become the primary of its subnet: its
		 * removal at our stop must not take the other guests'.
		 */
		ret = gi->a.family == AF_INET ?
		      vs_ifaddr_keep_secondaries(gi->a.dev) : 0;
		if (ret && ret != -ENODEV) {
			warnc(-ret, "%s: interfaces/%s: cannot set net.ipv4.conf.%s.promote_secondaries",
			      g->name, gi->id, gi->a.dev);
			return -1;
		}
		ret = vs_ifaddr_change(&gi->a, 1);
		if (ret == -EEXIST)
			continue;	/* the host's own: not ours to remove */
		if (ret) {
			warnc(-ret, "%s: interfaces/%s: cannot add %s to %s",
			      g->name, gi->id, gi->text, gi->a.dev);
			return -1;
		}
		added[(*nadded)++] = gi->a;
	}
	return 0;
}

/**
 * guest_lock() - keep other starts and stops of a guest out
 * @g: the vserver
 *
 * Exits if another process holds the lock.  Taken once per process.
 *
 * Return: the lock's descriptor; it is released when the process exits.
 */
int guest_lock(const struct guest *g)
{
	static int fd = -1;
	char path[PATH_MAX];

	/* restart stops and starts under one lock. */
	if (fd >= 0)
		return fd;
	if (mkdir(VS_RUNDIR, 0755) < 0 && errno != EEXIST)
		err(EXIT_VS_FAILURE, "cannot create %s", VS_RUNDIR);
	xsnprintf(path, sizeof(path), "%s/.%s.lock", VS_RUNDIR, g->name);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		err(EXIT_VS_FAILURE, "cannot create %s", path);
	if (flock(fd, LOCK_EX | LOCK_NB) < 0)
		errx(EXIT_VS_FAILURE, "%s: another start or stop is under way",
		     g->name);
	return fd;
}

/* The signal mask from before the first guest_block_signals(). */
static sigset_t unblocked;
static bool blocked;

/**
 * guest_block_signals() - keep Ctrl-C and friends from cutting a start or
 *                         stop in half
 *
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT wait until the process exits, so
 * that a start is always finished or undone.  A second call (restart
 * stops, then starts) changes nothing.
 */
void guest_block_signals(void)
{
	sigset_t set;

	if (blocked)
		return;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, &unblocked);
	blocked = true;
}

/**
 * guest_unblock_signals() - the signal mask from before
 *                           guest_block_signals(), for a program started
 *                           in the guest
 */
void guest_unblock_signals(void)
{
	if (blocked)
		sigprocmask(SIG_SETMASK, &unblocked, NULL);
}

/*
 * The sysv start command must not get the administrator's terminal (the
 * daemons it starts would keep it): where our output is a terminal, it
 * writes to a pty of its own (not its controlling terminal), which we copy
 * out until it exits.  A daemon that writes there later gets EIO.
 */
static int open_out_pty(void)
{
	int master, unlock = 0;
	struct termios t;

	out_tty[1] = isatty(STDOUT_FILENO);
	out_tty[2] = isatty(STDERR_FILENO);
	if (!out_tty[1] && !out_tty[2])
		return -1;
	master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		return -1;
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0 ||
	    (out_slave = ioctl(master, TIOCGPTPEER,
			       O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		close(master);
		return -1;
	}
	/* Bytes as written: our own terminal translates line ends. */
	if (!tcgetattr(out_slave, &t)) {
		t.c_oflag &= ~OPOST;
		tcsetattr(out_slave, TCSANOW, &t);
	}
	return master;
}

/* Copy the start command's output until @pid exits; its wait status. */
static int relay_until_exit(int master, pid_t pid)
{
	struct pollfd pfd = { .fd = master, .events = POLLIN };
	int to = out_tty[1] ? STDOUT_FILENO : STDERR_FILENO;
	bool copying = true;
	char buf[4096];
	int status = 0;
	ssize_t n;
	pid_t r;

	for (;;) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			break;
		if (poll(&pfd, 1, 50) > 0 && (pfd.revents & POLLIN)) {
			n = read(master, buf, sizeof(buf));
			if (n > 0 && copying)
				copying = write(to, buf, n) == n;
		}
	}
	/* What it wrote just before it exited. */
	fcntl(master, F_SETFL, O_NONBLOCK);
	while (copying && (n = read(master, buf, sizeof(buf))) > 0)
		copying = write(to, buf, n) == n;
	close(master);
	return status;
}

/**
 * guest_start() - start a vserver
 * @g: the vserver
 * @rescue: start without an init: the context and its namespaces only
 *
 * Return: 0 once the guest runs (for the sysv style: after its start
 * command succeeded), or -1 (reported) with nothing of the guest left.
 */
int guest_start(struct guest *g, bool rescue)
{
	struct vs_ifaddr added[GUEST_MAX_IFACES];
	size_t nadded = 0, i;
	int sv[2], ret, status = 0, master = -1;
	struct msg m;
	struct stat st;
	pid_t pid;

	if (rescue)
		g->style = INIT_RESCUE;
	guest_block_signals();
	if (vc_get_version() < 0)
		err(EXIT_VS_FAILURE, "the kernel has no vserver support (is vserver.ko loaded?)");
	guest_lock(g);
	if (guest_running(g, NULL)) {
		warnx("%s: already running", g->name);
		return -1;
	}
	if (guest_ctx_alive(g->xid)) {
		warnx("%s: context %u is in use by something else", g->name,
		      g->xid);
		return -1;
	}
	if (stat(g->vdir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		warnx("%s: the guest root %s is not a directory", g->name,
		      g->vdir);
		return -1;
	}
	if (g->cmd_start && g->style != INIT_RESCUE) {
		if (guest_access(g, g->cmd_start[0], X_OK) < 0) {
			warnx("%s: no start command %s in the guest", g->name,
			      g->cmd_start[0]);
			return -1;
		}
	}

	ret = vs_cgroup_create(g->name);
	if (ret == -EEXIST)
		ret = vs_cgroup_remove(g->name) ?: vs_cgroup_create(g->name);
	if (ret) {
		warnc(-ret, "%s: cannot create the cgroup", g->name);
		return -1;
	}
	for (i = 0; i < g->nlimits; i++) {
		ret = vs_cgroup_write(g->name, g->limits[i].file,
				      g->limits[i].value);
		if (ret) {
			warnc(-ret, "%s: cgroup/%s: cannot set '%s'", g->name,
			      g->limits[i].file, g->limits[i].value);
			goto undo;
		}
	}
	if (add_addresses(g, added, &nadded))
		goto undo;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		warn("cannot create a socket pair");
		goto undo;
	}
	if (g->style == INIT_SYSV)
		master = open_out_pty();
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		warn("cannot fork");
		if (master >= 0)
			close(master);
		goto undo;
	}
	if (pid == 0) {
		close(sv[0]);
		sock = sv[1];
		guest_side(g);
	}
	close(sv[1]);
	sock = sv[0];
	if (out_slave >= 0)
		close(out_slave);

	ret = recv_msg(&m);
	if (ret != MSG_READY) {
		if (ret == MSG_FAIL)
			warnx("%s: %s", g->name, m.text);
		else
			warnx("%s: the start failed", g->name);
		goto undo_child;
	}
	if (configure(g, added, nadded))
		goto undo_child;
	send_msg(MSG_GO);
	ret = recv_msg(&m);
	if (ret == MSG_FAIL) {
		warnx("%s: %s", g->name, m.text);
		goto undo_child;
	}
	close(sock);
	if (g->style == INIT_PLAIN)
		return 0;	/* the child is the guest's init now */
	if (master >= 0) {
		status = relay_until_exit(master, pid);
		master = -1;
	} else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		warnx("%s: the start command %s failed (%s %d)", g->name,
		      g->cmd_start ? g->cmd_start[0] : "-",
		      WIFEXITED(status) ? "exit status" : "signal",
		      WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		guest_teardown(g, g->xid, added, nadded);
		return -1;
	}
	return 0;

undo_child:
	close(sock);
	if (master >= 0)
		close(master);
	guest_teardown(g, g->xid, added, nadded);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return -1;
undo:
	guest_teardown(g, g->xid, added, nadded);
	return -1;
}
