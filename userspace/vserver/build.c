// SPDX-License-Identifier: GPL-2.0
/*
 * build.c - vserver NAME build
 *
 * Makes a new guest: its configuration in /etc/vservers/NAME and its root
 * (VS_VDIRBASE/NAME unless --rootdir says otherwise), filled by a method:
 *
 *   skeleton   an empty root: the directories and /dev only
 *   copy       a copy of a directory (-- --source DIR)
 *   template   a tarball or a directory (-- -t FILE|DIR)
 *
 * Guests have no network while they are built, so nothing is downloaded.
 * The directory above the roots gets the chroot barrier and mode 000, so
 * that neither a guest nor an unprivileged host user gets through it.
 */

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <linux/capability.h>
#include <linux/openat2.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/c.h"
#include "guest.h"

/**
 * struct build - what `build` was asked for
 * @method: skeleton, copy or template
 * @source: the copy's directory, or the template
 * @rootbase: the directory of guest roots
 * @hostname: uts/nodename
 * @initstyle: apps/init/style, or NULL
 * @ifaces: --interface arguments
 * @nifaces: entries in @ifaces
 * @xid: the context, 0 for the next free one
 */
struct build {
	const char *method, *source, *rootbase, *hostname, *initstyle;
	const char *ifaces[GUEST_MAX_IFACES];
	size_t nifaces;
	uint32_t xid;
};

static void __attribute__((noreturn)) build_usage(void)
{
	fputs(USAGE_HEADER, stdout);
	printf(" vserver <name> build -m <method> [options] [-- <method options>]\n");
	fputs(USAGE_SEPARATOR, stdout);
	fputs("Create a new guest: its configuration and its root.\n", stdout);
	fputs(USAGE_OPTIONS, stdout);
	fputs(" -m, --method <m>     skeleton, copy (-- --source <dir>) or\n"
	      "                        template (-- -t <tarball or dir>)\n"
	      "     --context <xid>  the context (default: the next free one from 100)\n"
	      "     --rootdir <dir>  the directory of guest roots (default /vservers)\n"
	      "     --hostname <h>   the guest's host name (default: its name)\n"
	      "     --interface [<name>=][<dev>:]<ip>[/<prefix>]\n"
	      "                      an address of the guest; repeatable\n"
	      "     --initstyle <s>  plain, sysv or rescue (default sysv)\n", stdout);
	fputs(USAGE_HELP, stdout);
	fputs(USAGE_MAN_TAIL("vserver(8)"), stdout);
	exit(EXIT_SUCCESS);
}

static int write_file(const char *dir, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int write_file(const char *dir, const char *file, const char *fmt, ...)
{
	char path[PATH_MAX * 2];
	va_list ap;
	FILE *f;

	xsnprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "we");
	if (!f) {
		warn("cannot create %s", path);
		return -1;
	}
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	if (fclose(f)) {
		warn("cannot write %s", path);
		return -1;
	}
	return 0;
}

/* The configuration's directories, in the new @base: parents first. */
static int make_dirs(const char *base, const char *const *dirs, mode_t mode)
{
	char path[PATH_MAX * 2];

	for (; *dirs; dirs++) {
		xsnprintf(path, sizeof(path), "%s/%s", base, *dirs);
		if (mkdir(path, mode) < 0 && errno != EEXIST) {
			warn("cannot create %s", path);
			return -1;
		}
	}
	return 0;
}

/*
 * The directories @dirs (parents first) of the new root @root (@vdir, for
 * messages), made where missing.  Each is looked up in the new root as
 * its guest will look it up: one that the template has as a symbolic
 * link (a merged /usr: bin -> usr/bin, or an absolute sbin -> /usr/sbin)
 * is followed inside the new root and must lead to a directory there;
 * no link leads build out of it.
 */
static int make_root_dirs(int root, const char *vdir,
			  const char *const *dirs, mode_t mode)
{
	char parent[PATH_MAX];
	const char *base;
	int fd;

	for (; *dirs; dirs++) {
		base = strrchr(*dirs, '/');
		xsnprintf(parent, sizeof(parent), "%.*s",
			  base ? (int)(base - *dirs) : 1, base ? *dirs : ".");
		base = base ? base + 1 : *dirs;
		fd = guest_open_in(root, parent, O_PATH | O_DIRECTORY);
		if (fd < 0 || (mkdirat(fd, base, mode) < 0 && errno != EEXIST)) {
			warn("cannot create %s/%s", vdir, *dirs);
			if (fd >= 0)
				close(fd);
			return -1;
		}
		close(fd);
		fd = guest_open_in(root, *dirs, O_PATH | O_DIRECTORY);
		if (fd < 0) {
			warn("%s/%s: not a directory in the guest's root (a symbolic link of the template leading nowhere?)",
			     vdir, *dirs);
			return -1;
		}
		close(fd);
	}
	return 0;
}

/*
 * A directory of the new root that build writes into (dev, tmp): it must
 * be a real directory, no symbolic link on the way, so that what build
 * makes there (device nodes, mode 1777) lands in that directory and in
 * no other the template points at.
 */
static int open_real_dir(int root, const char *vdir, const char *dir,
			 int flags)
{
	int fd;

	fd = guest_openat2(root, dir, flags | O_DIRECTORY,
			   RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS);
	if (fd < 0)
		warn("%s/%s: not a directory (a symbolic link in the template?)",
		     vdir, dir);
	return fd;
}

static unsigned long nodes_removed;

static int remove_node(const char *path, const struct stat *st, int type,
		       struct FTW *ftw)
{
	(void)type;
	(void)ftw;
	if (!S_ISCHR(st->st_mode) && !S_ISBLK(st->st_mode))
		return 0;
	if (unlink(path) < 0) {
		warn("cannot remove the device node %s", path);
		return -1;
	}
	nodes_removed++;
	return 0;
}

/*
 * Device nodes of a template or a copied root: the guest could not make
 * them itself (it has no CAP_MKNOD), and a dev/sda or dev/mem would give
 * it the host's disk or memory.  All go; fill_dev() makes the few a guest
 * needs.
 */
static int remove_device_nodes(const char *vdir)
{
	nodes_removed = 0;
	if (nftw(vdir, remove_node, 32, FTW_PHYS | FTW_MOUNT) < 0)
		return -1;
	if (nodes_removed)
		warnx("%s: removed %lu device nodes of the source", vdir,
		      nodes_removed);
	return 0;
}

/* Take CAP_MKNOD out of every set: no exec gets it back. */
static void drop_mknod(void)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];
	const uint32_t bit = 1U << (CAP_MKNOD % 32);
	const int i = CAP_MKNOD / 32;

	if (prctl(PR_CAPBSET_DROP, CAP_MKNOD, 0, 0, 0) < 0 ||
	    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 ||
	    syscall(SYS_capget, &h, d) < 0)
		err(EXIT_VS_FAILURE, "cannot drop CAP_MKNOD");
	d[i].effective &= ~bit;
	d[i].permitted &= ~bit;
	d[i].inheritable &= ~bit;
	if (syscall(SYS_capset, &h, d) < 0)
		err(EXIT_VS_FAILURE, "cannot drop CAP_MKNOD");
}

/*
 * The child that copies or extracts into @vdir: in a mount namespace of
 * its own every mount is read-only, nodev and nosuid, except @vdir, a
 * mount of its own that is nodev, nosuid and nosymfollow; a directory
 * source is a read-only, nodev, nosuid, nosymfollow clone already.
 * Whatever the tool does with what the source names (absolute paths,
 * "..", symbolic links made or swapped in, hard links out of the new root:
 * EXDEV between mounts), it writes in @vdir only and follows no symbolic
 * link of the source or of @vdir; without CAP_MKNOD it makes no device.
 */
static void __attribute__((noreturn))
confined_exec(char *const argv[], const char *vdir)
{
	struct mount_attr ro = {
		.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV,
	};
	struct mount_attr in = {
		.attr_set = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV |
			    MOUNT_ATTR_NOSYMFOLLOW,
	};
	int dir, dst;

	dir = open(vdir, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	dst = dir < 0 ? -1 : guest_clone_tree(dir, false, &in, true);
	if (dst < 0 ||
	    mount_setattr(AT_FDCWD, "/", AT_RECURSIVE, &ro, sizeof(ro)) < 0 ||
	    move_mount(dst, "", dir, "", MOVE_MOUNT_F_EMPTY_PATH |
		       MOVE_MOUNT_T_EMPTY_PATH) < 0)
		err(EXIT_VS_FAILURE, "%s: cannot confine the copy to it", vdir);
	drop_mknod();
	setenv("LC_ALL", "C", 1);
	execvp(argv[0], argv);
	err(127, "cannot execute %s", argv[0]);
}

/*
 * Run @argv (cp or tar) confined to @vdir (see confined_exec()), with
 * @src: a directory is named as argv[@srcarg]; a tarball is the standard
 * input.  Its errors pass through; those that say EPERM are the device
 * nodes it could not make, which are no failure by themselves.
 */
static int run_confined(char **argv, int srcarg, int src, const char *source,
			const char *vdir)
{
	struct mount_attr from = {
		.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
			    MOUNT_ATTR_NODEV | MOUNT_ATTR_NOSYMFOLLOW,
	};
	static const char eperm[] = ": Operation not permitted";
	unsigned long nodes = 0, other = 0;
	char path[64], *line = NULL;
	size_t cap = 0, len, i;
	int pfd[2], status, tree = -1;
	pid_t pid;
	FILE *f;

	/* Cloned here: open_tree() clones mounts of its own namespace only. */
	if (srcarg) {
		tree = guest_clone_tree(src, true, &from, false);
		if (tree < 0) {
			warn("%s: cannot bind it read-only", source);
			return -1;
		}
		xsnprintf(path, sizeof(path), "/proc/self/fd/%d/.", tree);
		argv[srcarg] = path;
	}
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		warn("cannot create a pipe");
		goto fail;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		warn("cannot fork");
		close(pfd[0]);
		close(pfd[1]);
		goto fail;
	}
	if (pid == 0) {
		if (dup2(pfd[1], STDERR_FILENO) < 0)
			_exit(127);
		if (unshare(CLONE_NEWNS) < 0 ||
		    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
			err(EXIT_VS_FAILURE, "cannot make a mount namespace for the copy");
		if (!srcarg && dup2(src, STDIN_FILENO) < 0)
			err(EXIT_VS_FAILURE, "%s: cannot read it", source);
		confined_exec(argv, vdir);
	}
	close(pfd[1]);
	if (srcarg)
		close(tree);
	f = fdopen(pfd[0], "re");
	if (!f)
		err(EXIT_VS_FAILURE, "cannot read from %s", argv[0]);
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		len = strlen(line);
		/* Names from the source: no escape reaches the terminal. */
		for (i = 0; i < len; i++)
			if (iscntrl((unsigned char)line[i]) && line[i] != '\t')
				line[i] = '?';
		fprintf(stderr, "%s\n", line);
		if (len > sizeof(eperm) - 1 &&
		    !strcmp(line + len - (sizeof(eperm) - 1), eperm))
			nodes++;
		else if (strcmp(line, "tar: Exiting with failure status due to previous errors"))
			other++;
	}
	free(line);
	fclose(f);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (nodes)
		warnx("%s: %lu device node%s of the source %s not created (a guest gets the standard ones only)",
		      source, nodes, nodes == 1 ? "" : "s",
		      nodes == 1 ? "was" : "were");
	if (!WIFEXITED(status) || (WEXITSTATUS(status) && (!nodes || other))) {
		warnx("%s: %s failed", source, argv[0]);
		return -1;
	}
	return 0;
fail:
	if (srcarg)
		close(tree);
	return -1;
}

/* @src as an absolute path without "." components or extra slashes. */
static void absolute_path(const char *src, char *buf, size_t size)
{
	char cwd[PATH_MAX], tmp[PATH_MAX * 2];
	const char *p;
	size_t len, n = 0;

	if (*src != '/' && !getcwd(cwd, sizeof(cwd)))
		err(EXIT_VS_FAILURE, "cannot find the current directory");
	xsnprintf(tmp, sizeof(tmp), "%s/%s", *src == '/' ? "" : cwd, src);
	for (p = tmp; *p; p += len) {
		p += strspn(p, "/");
		len = strcspn(p, "/");
		if (!len || (len == 1 && *p == '.'))
			continue;
		if (n + len + 2 > size)
			errx(EXIT_VS_USAGE, "%s: the path is too long", src);
		buf[n++] = '/';
		memcpy(buf + n, p, len);
		n += len;
	}
	if (!n)
		buf[n++] = '/';
	buf[n] = '\0';
}

/* The root's contents, by method. */
static int fill_root(const struct build *b, int root, const char *vdir)
{
	static const char *const dirs[] = {
		"bin", "dev", "etc", "etc/init.d", "home", "proc", "root", "run",
		"sbin", "sys", "tmp", "usr", "usr/bin", "usr/sbin", "var",
		"var/log", "var/tmp", NULL
	};
	char src[PATH_MAX + 4];
	struct stat st;
	int fd, ret;

	if (!strcmp(b->method, "skeleton")) {
		if (b->source) {
			warnx("the skeleton method takes no source");
			return -1;
		}
		goto dirs;
	}
	if (!b->source) {
		warnx("the %s method needs a source: -- %s <%s>", b->method,
		      strcmp(b->method, "copy") ? "-t" : "--source",
		      strcmp(b->method, "copy") ? "tarball or dir" : "dir");
		return -1;
	}
	/* The source may be a guest's tree: opened as its guest sees it. */
	absolute_path(b->source, src, sizeof(src));
	fd = guest_open_host(src, O_RDONLY | O_NOCTTY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		warn("cannot use %s%s", b->source,
		     errno == ELOOP ? " (no symbolic links outside a guest's tree: name its real path)" :
		     errno == EINVAL ? " (not a canonical path)" : "");
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		char *argv[] = { "cp", "-a", NULL, (char *)vdir, NULL };

		ret = run_confined(argv, 2, fd, b->source, vdir);
	} else if (!strcmp(b->method, "copy") || !S_ISREG(st.st_mode)) {
		warnx("%s is not a %s", b->source, strcmp(b->method, "copy") ?
		      "regular file or directory" : "directory");
		ret = -1;
	} else {
		const char *s = b->source;
		size_t len = strlen(s);
		const char *z = "-xf";
		char *argv[] = { "tar", NULL, "-", "-C", (char *)vdir, NULL };

		if ((len > 3 && !strcmp(s + len - 3, ".gz")) ||
		    (len > 4 && !strcmp(s + len - 4, ".tgz")))
			z = "-xzf";
		else if (len > 3 && !strcmp(s + len - 3, ".xz"))
			z = "-xJf";
		else if (len > 4 && !strcmp(s + len - 4, ".bz2"))
			z = "-xjf";
		argv[1] = (char *)z;
		ret = run_confined(argv, 0, fd, b->source, vdir);
	}
	close(fd);
	if (ret)
		return -1;
dirs:
	if (remove_device_nodes(vdir) || make_root_dirs(root, vdir, dirs, 0755))
		return -1;
	fd = open_real_dir(root, vdir, "tmp", O_RDONLY);
	if (fd < 0)
		return -1;
	ret = fchmod(fd, 01777);
	if (ret < 0)
		warn("cannot change the mode of %s/tmp", vdir);
	close(fd);
	return ret;
}

/*
 * A minimal /dev: the devices every program expects, ptys from devpts.
 * Made by descriptor in the new root's real dev directory.
 */
static int fill_dev(int root, const char *vdir)
{
	static const struct {
		const char *name;
		unsigned int major, minor;
		mode_t mode;
	} nodes[] = {
		{ "null", 1, 3, 0666 }, { "zero", 1, 5, 0666 },
		{ "full", 1, 7, 0666 }, { "random", 1, 8, 0666 },
		{ "urandom", 1, 9, 0666 }, { "tty", 5, 0, 0666 },
	};
	static const struct { const char *name, *target; } links[] = {
		{ "ptmx", "pts/ptmx" }, { "fd", "/proc/self/fd" },
		{ "stdin", "/proc/self/fd/0" }, { "stdout", "/proc/self/fd/1" },
		{ "stderr", "/proc/self/fd/2" },
	};
	static const char *const dirs[] = { "pts", "shm" };
	int dev, ret = -1;
	size_t i;

	dev = open_real_dir(root, vdir, "dev", O_PATH);
	if (dev < 0)
		return -1;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (mkdirat(dev, dirs[i], 0755) < 0 && errno != EEXIST) {
			warn("cannot create %s/dev/%s", vdir, dirs[i]);
			goto out;
		}
	}
	for (i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		unlinkat(dev, nodes[i].name, 0);
		if (mknodat(dev, nodes[i].name, S_IFCHR | nodes[i].mode,
			    makedev(nodes[i].major, nodes[i].minor)) < 0 ||
		    fchmodat(dev, nodes[i].name, nodes[i].mode, 0) < 0) {
			warn("cannot create %s/dev/%s", vdir, nodes[i].name);
			goto out;
		}
	}
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		unlinkat(dev, links[i].name, 0);
		if (symlinkat(links[i].target, dev, links[i].name) < 0) {
			warn("cannot create %s/dev/%s", vdir, links[i].name);
			goto out;
		}
	}
	ret = 0;
out:
	close(dev);
	return ret;
}

/* --interface [<name>=][<dev>:]<ip>[/<prefix>] into interfaces/<n>/. */
static int write_iface(const char *cfgdir, size_t n, const char *arg)
{
	char dir[PATH_MAX * 2], buf[128], *name = NULL, *dev = NULL, *ip = buf;
	char *eq, *colon, *slash;
	unsigned char addr[16];

	xsnprintf(buf, sizeof(buf), "%s", arg);
	eq = strchr(buf, '=');
	if (eq) {
		*eq = '\0';
		name = buf;
		ip = eq + 1;
	}
	/* A device is before a ':' that is not part of an IPv6 address. */
	colon = strchr(ip, ':');
	if (colon && strchr(ip, '.') > colon && !strchr(colon + 1, ':')) {
		*colon = '\0';
		dev = ip;
		ip = colon + 1;
	} else if (colon && !strchr(ip, '.')) {
		char *first = ip;

		/* "dev:2001:db8::1": a device name has no hex-only form. */
		if (strspn(first, "0123456789abcdefABCDEF") != (size_t)(colon - first)) {
			*colon = '\0';
			dev = ip;
			ip = colon + 1;
		}
	}
	slash = strchr(ip, '/');
	if (slash)
		*slash = '\0';
	if (inet_pton(AF_INET, ip, addr) != 1 && inet_pton(AF_INET6, ip, addr) != 1) {
		warnx("--interface %s: '%s' is not an IP address", arg, ip);
		return -1;
	}
	xsnprintf(dir, sizeof(dir), "%s/interfaces/%zu", cfgdir, n);
	if (mkdir(dir, 0755) < 0) {
		warn("cannot create %s", dir);
		return -1;
	}
	if (write_file(dir, "ip", "%s\n", ip) ||
	    (slash && write_file(dir, "prefix", "%s\n", slash + 1)) ||
	    (dev && write_file(dir, "dev", "%s\n", dev)) ||
	    (!dev && write_file(dir, "nodev", "%s", "")) ||
	    (name && write_file(dir, "name", "%s\n", name)))
		return -1;
	return 0;
}

static uint32_t next_xid(void)
{
	char path[PATH_MAX], line[32];
	uint32_t xid = 100, used;
	struct dirent *de;
	DIR *d;
	FILE *f;
	bool again = true;

	while (again) {
		again = false;
		d = opendir(VS_CONFDIR);
		if (!d)
			return xid;
		while ((de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			xsnprintf(path, sizeof(path), "%s/%s/context",
				 VS_CONFDIR, de->d_name);
			f = fopen(path, "re");
			if (!f)
				continue;
			if (fgets(line, sizeof(line), f) &&
			    sscanf(line, "%u", &used) == 1 && used == xid) {
				xid++;
				again = true;
			}
			fclose(f);
		}
		closedir(d);
	}
	return xid;
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) < 0 &&
	    errno != ENOENT) {
		warn("cannot remove %s", path);
		return 1;
	}
	return 0;
}

/**
 * guest_remove_tree() - remove a directory tree, staying on its filesystem
 * @path: the tree
 *
 * Symbolic links are removed, not followed; mount points are left alone.
 *
 * Return: 0, or -1 (reported).
 */
int guest_remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	return nftw(path, rm_one, 32, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) ? -1 : 0;
}

static int valid_name(const char *name)
{
	const char *p;

	if (!*name || *name == '.' || strlen(name) > 63 - strlen(VS_CONFDIR))
		return 0;
	for (p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("._-", *p))
			return 0;
	return 1;
}

/*
 * Whether @dir may take guest roots: it does not exist yet (build makes
 * it), or it is a directory with the chroot barrier already.  An existing
 * directory of the host must not silently get mode 000 and the barrier.
 */
static bool is_rootbase(const char *dir)
{
	uint32_t flags, mask;
	struct stat st;

	if (lstat(dir, &st) < 0)
		return errno == ENOENT;
	return S_ISDIR(st.st_mode) && !vc_get_iattr(dir, &flags, &mask) &&
	       (flags & IATTR_BARRIER);
}

/**
 * guest_build() - vserver NAME build
 * @name: the new vserver's name
 * @argc: the arguments after "build"
 * @argv: the arguments after "build", argv[0] being "build"
 *
 * Return: an exit status.
 */
int guest_build(const char *name, int argc, char **argv)
{
	enum { OPT_CONTEXT = 256, OPT_ROOTDIR, OPT_HOSTNAME, OPT_INTERFACE,
	       OPT_INITSTYLE, OPT_SOURCE };
	static const struct option longopts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "context", required_argument, NULL, OPT_CONTEXT },
		{ "rootdir", required_argument, NULL, OPT_ROOTDIR },
		{ "hostname", required_argument, NULL, OPT_HOSTNAME },
		{ "interface", required_argument, NULL, OPT_INTERFACE },
		{ "initstyle", required_argument, NULL, OPT_INITSTYLE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct option methodopts[] = {
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "template", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct build b = { .rootbase = VS_VDIRBASE };
	char cfgdir[PATH_MAX], vdir[PATH_MAX * 2];
	struct stat st;
	uint64_t v;
	size_t i;
	int c, root, ret;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+m:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			b.method = optarg;
			break;
		case OPT_CONTEXT:
			if (vs_parse_u64(optarg, 49151, &v) || v < 2)
				errx(EXIT_VS_USAGE, "'%s' is not a context number (2-49151)",
				     optarg);
			b.xid = v;
			break;
		case OPT_ROOTDIR:
			b.rootbase = optarg;
			break;
		case OPT_HOSTNAME:
			b.hostname = optarg;
			break;
		case OPT_INTERFACE:
			if (b.nifaces == GUEST_MAX_IFACES)
				errx(EXIT_VS_USAGE, "at most %d interfaces",
				     GUEST_MAX_IFACES);
			b.ifaces[b.nifaces++] = optarg;
			break;
		case OPT_INITSTYLE:
			if (strcmp(optarg, "plain") && strcmp(optarg, "sysv") &&
			    strcmp(optarg, "rescue"))
				errx(EXIT_VS_USAGE, "'%s' is not an init style (plain, sysv, rescue)",
				     optarg);
			b.initstyle = optarg;
			break;
		case 'h':
			build_usage();
		default:
			errtryhelp(EXIT_VS_USAGE);
		}
	}
	/* The method's own options, after "--". */
	argc -= optind - 1;
	argv += optind - 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+t:", methodopts, NULL)) != -1) {
		if (c != 't' && c != OPT_SOURCE)
			errtryhelp(EXIT_VS_USAGE);
		b.source = optarg;
	}
	if (optind < argc)
		errx(EXIT_VS_USAGE, "unexpected argument '%s'", argv[optind]);
	if (!b.method)
		errx(EXIT_VS_USAGE, "build needs a method: -m skeleton|copy|template");
	if (strcmp(b.method, "skeleton") && strcmp(b.method, "copy") &&
	    strcmp(b.method, "template"))
		errx(EXIT_VS_USAGE, "unknown build method '%s' (skeleton, copy, template)",
		     b.method);
	if (!valid_name(name))
		errx(EXIT_VS_USAGE, "'%s' is not a vserver name (letters, digits, '.', '_', '-')",
		     name);
	if (!guest_path_canonical(b.rootbase) || !strcmp(b.rootbase, "/"))
		errx(EXIT_VS_USAGE, "--rootdir %s: not a canonical absolute path below /",
		     b.rootbase);
	if (strcmp(b.rootbase, VS_VDIRBASE) && !is_rootbase(b.rootbase))
		errx(EXIT_VS_FAILURE,
		     "--rootdir %s: exists and is not a directory of guest roots (mode 000 with the chroot barrier); set it up so first",
		     b.rootbase);

	xsnprintf(cfgdir, sizeof(cfgdir), "%s/%s", VS_CONFDIR, name);
	xsnprintf(vdir, sizeof(vdir), "%s/%s", b.rootbase, name);
	if (!lstat(cfgdir, &st))
		errx(EXIT_VS_FAILURE, "%s: exists already (vserver %s delete removes it)",
		     cfgdir, name);
	if (!lstat(vdir, &st))
		errx(EXIT_VS_FAILURE, "%s: exists already", vdir);
	if (!b.xid)
		b.xid = next_xid();

	if ((mkdir(VS_CONFDIR, 0755) < 0 && errno != EEXIST) ||
	    mkdir(cfgdir, 0755) < 0)
		err(EXIT_VS_FAILURE, "cannot create %s", cfgdir);
	if (mkdir(b.rootbase, 0000) < 0 && errno != EEXIST) {
		warn("cannot create %s", b.rootbase);
		goto fail_cfg;
	}
	if (chmod(b.rootbase, 0000) < 0 ||
	    vc_set_iattr(b.rootbase, IATTR_BARRIER, IATTR_BARRIER) < 0) {
		warn("cannot set the chroot barrier on %s", b.rootbase);
		goto fail_cfg;
	}
	if (mkdir(vdir, 0755) < 0) {
		warn("cannot create %s", vdir);
		goto fail_cfg;
	}
	root = open(vdir, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (root < 0) {
		warn("cannot open %s", vdir);
		goto fail;
	}
	ret = fill_root(&b, root, vdir) || fill_dev(root, vdir);
	close(root);
	if (ret)
		goto fail;

	if (write_file(cfgdir, "context", "%u\n", b.xid) ||
	    (strcmp(b.rootbase, VS_VDIRBASE) &&
	     write_file(cfgdir, "vdir", "%s\n", vdir)) ||
	    write_file(cfgdir, "fstab", "%s",
		       "none\t/proc\t\tproc\tdefaults\t\t0 0\n"
		       "none\t/tmp\t\ttmpfs\tsize=16m,mode=1777\t0 0\n"
		       "none\t/dev/pts\tdevpts\tgid=5,mode=620,ptmxmode=0666\t0 0\n"))
		goto fail;
	{
		static const char *const uts[] = { "uts", NULL };
		static const char *const ifs[] = { "interfaces", NULL };
		static const char *const apps[] = { "apps", "apps/init", NULL };
		char sub[PATH_MAX + 32];

		xsnprintf(sub, sizeof(sub), "%s/uts", cfgdir);
		if (make_dirs(cfgdir, uts, 0755) ||
		    write_file(sub, "nodename", "%s\n",
			       b.hostname ? b.hostname : name))
			goto fail;
		if (b.nifaces && make_dirs(cfgdir, ifs, 0755))
			goto fail;
		for (i = 0; i < b.nifaces; i++)
			if (write_iface(cfgdir, i, b.ifaces[i]))
				goto fail;
		xsnprintf(sub, sizeof(sub), "%s/apps/init", cfgdir);
		if (b.initstyle && (make_dirs(cfgdir, apps, 0755) ||
				    write_file(sub, "style", "%s\n", b.initstyle)))
			goto fail;
	}
	printf("vserver %s: context %u, root %s\n", name, b.xid, vdir);
	return EXIT_SUCCESS;

fail:
	guest_remove_tree(vdir);
fail_cfg:
	guest_remove_tree(cfgdir);
	return EXIT_VS_FAILURE;
}
