// SPDX-License-Identifier: GPL-2.0
/*
 * config.c - read and check /etc/vservers/NAME/
 *
 * The whole directory is read and checked before anything is done, so
 * that a typo stops `vserver NAME start` before it changes the host.
 * Every file must be one this program uses; anything else is an error
 * that names the file.
 */

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/cgroup.h"
#include "guest.h"

/* The files and directories of a configuration. */
static const char *const top_files[] = {
	"context", "ncontext", "name", "vdir", "bcapabilities",
	"ccapabilities", "flags", "cflags", "nflags", "fstab", NULL
};
static const char *const top_dirs[] = {
	"interfaces", "uts", "apps", "cgroup", NULL
};
static const char *const iface_files[] = {
	"ip", "dev", "prefix", "name", "disabled", "nodev", NULL
};
static const char *const init_files[] = {
	"style", "cmd.start", "cmd.stop", "killseq", "runlevel.start",
	"runlevel.stop", NULL
};
static const char *const uts_names[] = {
	"sysname", "nodename", "release", "version", "machine", "domainname",
	NULL
};
static const char *const uts_files[VHIN_MAX + 1] = {
	[VHIN_SYSNAME] = "sysname", [VHIN_NODENAME] = "nodename",
	[VHIN_RELEASE] = "release", [VHIN_VERSION] = "version",
	[VHIN_MACHINE] = "machine", [VHIN_DOMAINNAME] = "domainname",
};

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

/* Report a bad file: "vserver NAME: FILE: what". */
static int bad(const struct guest *g, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int bad(const struct guest *g, const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s/%s: ", program_invocation_short_name,
		g->cfgdir, file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

/*
 * The lines of a file without comments ('#' first) and blank lines, with
 * surrounding blanks removed; NULL-terminated.  NULL if the file does not
 * exist (*missing set) or cannot be read (reported).
 */
static char **read_lines(const struct guest *g, const char *file,
			 bool *missing)
{
	char path[PATH_MAX * 2], *line = NULL, **lines = NULL, **more, *s, *e;
	size_t cap = 0, n = 0;
	ssize_t len;
	FILE *f;

	*missing = false;
	xsnprintf(path, sizeof(path), "%s/%s", g->cfgdir, file);
	f = fopen(path, "re");
	if (!f) {
		if (errno == ENOENT) {
			*missing = true;
			return NULL;
		}
		warn("cannot read %s", path);
		return NULL;
	}
	lines = calloc(1, sizeof(*lines));
	if (!lines)
		err(EXIT_VS_FAILURE, "cannot allocate memory");
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (memchr(line, '\0', len)) {
			bad(g, file, "binary data");
			goto fail;
		}
		for (s = line; isspace((unsigned char)*s); s++)
			;
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (!*s || *s == '#')
			continue;
		more = realloc(lines, (n + 2) * sizeof(*lines));
		if (!more || !(more[n] = strdup(s)))
			err(EXIT_VS_FAILURE, "cannot allocate memory");
		lines = more;
		lines[++n] = NULL;
	}
	if (ferror(f)) {
		warn("cannot read %s", path);
		goto fail;
	}
	free(line);
	fclose(f);
	return lines;
fail:
	free(line);
	fclose(f);
	return NULL;
}

/* A file of exactly one line; 1 if missing, 0 if read, -1 on error. */
static int read_one(const struct guest *g, const char *file, char *buf,
		    size_t size)
{
	bool missing;
	char **lines = read_lines(g, file, &missing);

	if (!lines)
		return missing ? 1 : -1;
	if (!lines[0])
		return bad(g, file, "empty");
	if (lines[1])
		return bad(g, file, "more than one line");
	if (strlen(lines[0]) >= size)
		return bad(g, file, "too long (at most %zu characters)",
			   size - 1);
	strcpy(buf, lines[0]);
	return 0;
}

static int read_id(struct guest *g, const char *file, uint32_t *id)
{
	char buf[32];
	uint64_t v;
	int ret = read_one(g, file, buf, sizeof(buf));

	if (ret)
		return ret;
	if (vs_parse_u64(buf, 49151, &v) || v < 2)
		return bad(g, file, "'%s' is not a context number (2-49151)",
			   buf);
	*id = v;
	return 0;
}

/* A list file: util-vserver's one item per line, '!' or '~' negates. */
static int read_list(struct guest *g, const char *file,
		     const struct vs_name *tab, const char *prefix,
		     uint64_t *set, uint64_t *clear)
{
	char **lines, *joined;
	const char *badtok;
	size_t len = 1, badlen, i;
	bool missing;

	*set = *clear = 0;
	lines = read_lines(g, file, &missing);
	if (!lines)
		return missing ? 0 : -1;
	for (i = 0; lines[i]; i++)
		len += strlen(lines[i]) + 1;
	joined = calloc(1, len);
	if (!joined)
		err(EXIT_VS_FAILURE, "cannot allocate memory");
	for (i = 0; lines[i]; i++) {
		if (strchr(lines[i], ','))
			return bad(g, file, "one name per line: '%s'", lines[i]);
		if (i)
			strcat(joined, ",");
		strcat(joined, lines[i]);
	}
	if (!*joined)
		return 0;
	if (vs_parse_list(joined, tab, prefix, set, clear, &badtok, &badlen))
		return bad(g, file, "unknown name '%.*s'", (int)badlen, badtok);
	return 0;
}

static int check_dir(struct guest *g, const char *dir,
		     const char *const *files, const char *const *dirs)
{
	char path[PATH_MAX * 2], rel[PATH_MAX];
	struct dirent *de;
	struct stat st;
	DIR *d;
	int ret = 0;

	xsnprintf(path, sizeof(path), "%s%s%s", g->cfgdir, *dir ? "/" : "", dir);
	d = opendir(path);
	if (!d) {
		warn("cannot read %s", path);
		return -1;
	}
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		xsnprintf(rel, sizeof(rel), "%s%s%s", dir, *dir ? "/" : "",
			 de->d_name);
		if (fstatat(dirfd(d), de->d_name, &st, 0) < 0) {
			ret = bad(g, rel, "%s", strerror(errno));
			continue;
		}
		if (files && in_list(files, de->d_name)) {
			/* vdir may be util-vserver's symlink to the root. */
			if (!S_ISREG(st.st_mode) && !(S_ISDIR(st.st_mode) &&
						       !strcmp(rel, "vdir")))
				ret = bad(g, rel, "not a regular file");
		} else if (dirs && in_list(dirs, de->d_name)) {
			if (!S_ISDIR(st.st_mode))
				ret = bad(g, rel, "not a directory");
		} else {
			ret = bad(g, rel, "unknown file; see vserver(8) for the files this vserver supports");
		}
	}
	closedir(d);
	return ret;
}

static int parse_prefix(const struct guest *g, const char *file,
			const char *s, int family, unsigned int *prefix)
{
	uint64_t v;
	unsigned int max = family == AF_INET ? 32 : 128;

	if (vs_parse_u64(s, max, &v))
		return bad(g, file, "'%s' is not a prefix length (0-%u)", s, max);
	*prefix = v;
	return 0;
}

static int load_iface(struct guest *g, const char *id, const char *gdev,
		      const char *gprefix)
{
	struct guest_iface *i = &g->ifaces[g->nifaces];
	char rel[PATH_MAX], file[PATH_MAX], ip[64], dev[32], prefix[8], name[32];
	char *slash;
	struct stat st;
	int ret;

	xsnprintf(rel, sizeof(rel), "interfaces/%s", id);
	if (check_dir(g, rel, iface_files, NULL))
		return -1;
	xsnprintf(file, sizeof(file), "%s/%s/disabled", g->cfgdir, rel);
	if (!stat(file, &st))
		return 0;
	if (g->nifaces == GUEST_MAX_IFACES)
		return bad(g, rel, "more than %d interfaces", GUEST_MAX_IFACES);
	memset(i, 0, sizeof(*i));
	xsnprintf(i->id, sizeof(i->id), "%s", id);
	xsnprintf(file, sizeof(file), "%s/%s/nodev", g->cfgdir, rel);
	i->nodev = !stat(file, &st);

	xsnprintf(file, sizeof(file), "%s/ip", rel);
	ret = read_one(g, file, ip, sizeof(ip));
	if (ret > 0)
		return bad(g, rel, "no ip file");
	if (ret)
		return -1;
	xsnprintf(i->text, sizeof(i->text), "%s", ip);
	prefix[0] = '\0';
	slash = strchr(ip, '/');
	if (slash) {
		*slash = '\0';
		xsnprintf(prefix, sizeof(prefix), "%s", slash + 1);
	}
	if (inet_pton(AF_INET, ip, &i->a.addr.v4) == 1)
		i->a.family = AF_INET;
	else if (inet_pton(AF_INET6, ip, &i->a.addr.v6) == 1)
		i->a.family = AF_INET6;
	else
		return bad(g, file, "'%s' is not an IPv4 or IPv6 address", ip);

	xsnprintf(file, sizeof(file), "%s/prefix", rel);
	if (!prefix[0]) {
		ret = read_one(g, file, prefix, sizeof(prefix));
		if (ret < 0)
			return -1;
		if (ret > 0 && gprefix)
			xsnprintf(prefix, sizeof(prefix), "%s", gprefix);
	}
	i->a.prefix = i->a.family == AF_INET ? 32 : 128;
	if (prefix[0] && parse_prefix(g, file, prefix, i->a.family,
				      &i->a.prefix))
		return -1;

	xsnprintf(file, sizeof(file), "%s/dev", rel);
	ret = read_one(g, file, dev, sizeof(dev));
	if (ret < 0)
		return -1;
	if (ret > 0) {
		if (!gdev && !i->nodev)
			return bad(g, rel, "no dev file (and no interfaces/dev)");
		xsnprintf(dev, sizeof(dev), "%s", gdev ? gdev : "");
	}
	if (strlen(dev) >= sizeof(i->a.dev))
		return bad(g, file, "'%s' is too long for an interface name",
			   dev);
	strcpy(i->a.dev, dev);

	xsnprintf(file, sizeof(file), "%s/name", rel);
	ret = read_one(g, file, name, sizeof(name));
	if (ret < 0)
		return -1;
	if (!ret) {
		if (i->a.family != AF_INET)
			return bad(g, file, "labels are for IPv4 addresses only");
		if (strlen(dev) + 1 + strlen(name) >= sizeof(i->a.label))
			return bad(g, file, "'%s:%s' is longer than 15 characters",
				   dev, name);
		xsnprintf(i->a.label, sizeof(i->a.label), "%s:%s", dev, name);
	}
	g->nifaces++;
	return 0;
}

static int load_interfaces(struct guest *g)
{
	static const char *const files[] = { "dev", "prefix", NULL };
	char path[PATH_MAX * 2], gdev[32], gprefix[8];
	struct dirent **list;
	struct stat st;
	int n, i, ret = 0, r1, r2;

	xsnprintf(path, sizeof(path), "%s/interfaces", g->cfgdir);
	if (stat(path, &st) < 0)
		return 0;
	r1 = read_one(g, "interfaces/dev", gdev, sizeof(gdev));
	r2 = read_one(g, "interfaces/prefix", gprefix, sizeof(gprefix));
	if (r1 < 0 || r2 < 0)
		return -1;
	n = scandir(path, &list, NULL, alphasort);
	if (n < 0) {
		warn("cannot read %s", path);
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *e = list[i]->d_name;

		if (!strcmp(e, ".") || !strcmp(e, "..") || in_list(files, e))
			continue;
		xsnprintf(path, sizeof(path), "%s/interfaces/%s", g->cfgdir, e);
		if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
			ret = bad(g, "interfaces", "unknown file '%s'", e);
		else if (load_iface(g, e, r1 ? NULL : gdev, r2 ? NULL : gprefix))
			ret = -1;
	}
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return ret;
}

static int load_uts(struct guest *g)
{
	char path[PATH_MAX * 2], file[64], val[65];
	struct stat st;
	int i, ret;

	xsnprintf(path, sizeof(path), "%s/uts", g->cfgdir);
	if (stat(path, &st) < 0)
		return 0;
	if (check_dir(g, "uts", uts_names, NULL))
		return -1;
	for (i = 0; i <= VHIN_MAX; i++) {
		if (!uts_files[i])
			continue;
		xsnprintf(file, sizeof(file), "uts/%s", uts_files[i]);
		ret = read_one(g, file, val, sizeof(val));
		if (ret < 0)
			return -1;
		if (!ret && !(g->uts[i] = strdup(val)))
			err(EXIT_VS_FAILURE, "cannot allocate memory");
	}
	return 0;
}

static int parse_signal(const char *s)
{
	uint64_t v;
	int sig;

	if (!vs_parse_u64(s, 64, &v))
		return v ? (int)v : -1;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (sig = 1; sig < NSIG; sig++) {
		const char *abbrev = sigabbrev_np(sig);

		if (abbrev && !strcasecmp(abbrev, s))
			return sig;
	}
	return -1;
}

/* apps/init/cmd.*: one argument per line; an empty file is an error. */
static int read_cmd(struct guest *g, const char *file, char ***cmd)
{
	bool missing;
	char **lines = read_lines(g, file, &missing);

	if (!lines)
		return missing ? 0 : -1;
	if (!lines[0])
		return bad(g, file, "empty");
	if (lines[0][0] != '/')
		return bad(g, file, "'%s' is not an absolute path", lines[0]);
	*cmd = lines;
	return 0;
}

static char **make_cmd(const char *a, const char *b)
{
	char **cmd = calloc(3, sizeof(*cmd));

	if (!cmd || !(cmd[0] = strdup(a)) || (b && !(cmd[1] = strdup(b))))
		err(EXIT_VS_FAILURE, "cannot allocate memory");
	return cmd;
}

static int load_init(struct guest *g)
{
	char path[PATH_MAX * 2], style[16], rl_start[8] = "3", rl_stop[8] = "6";
	struct stat st;
	char **lines;
	bool missing;
	int ret;
	size_t i;

	g->style = INIT_SYSV;
	g->killseq[0] = SIGTERM;
	g->killseq[1] = 5;
	g->killseq[2] = SIGKILL;
	g->nkillseq = 3;
	xsnprintf(path, sizeof(path), "%s/apps", g->cfgdir);
	if (!stat(path, &st)) {
		static const char *const dirs[] = { "init", "vunify", NULL };
		static const char *const vunify[] = { "exclude", NULL };

		if (check_dir(g, "apps", NULL, dirs))
			return -1;
		xsnprintf(path, sizeof(path), "%s/apps/vunify", g->cfgdir);
		if (!stat(path, &st)) {
			if (check_dir(g, "apps/vunify", vunify, NULL))
				return -1;
			xsnprintf(path, sizeof(path), "%s/apps/vunify/exclude",
				 g->cfgdir);
			if (!stat(path, &st))
				xsnprintf(g->exclude, sizeof(g->exclude), "%s",
					 path);
		}
		xsnprintf(path, sizeof(path), "%s/apps/init", g->cfgdir);
		if (!stat(path, &st) &&
		    check_dir(g, "apps/init", init_files, NULL))
			return -1;
	}

	ret = read_one(g, "apps/init/style", style, sizeof(style));
	if (ret < 0)
		return -1;
	if (!ret) {
		if (!strcmp(style, "sysv"))
			g->style = INIT_SYSV;
		else if (!strcmp(style, "plain"))
			g->style = INIT_PLAIN;
		else if (!strcmp(style, "rescue"))
			g->style = INIT_RESCUE;
		else
			return bad(g, "apps/init/style",
				   "'%s' is not an init style (plain, sysv, rescue)",
				   style);
	}
	if (read_one(g, "apps/init/runlevel.start", rl_start,
		     sizeof(rl_start)) < 0 ||
	    read_one(g, "apps/init/runlevel.stop", rl_stop,
		     sizeof(rl_stop)) < 0)
		return -1;
	if (read_cmd(g, "apps/init/cmd.start", &g->cmd_start) ||
	    read_cmd(g, "apps/init/cmd.stop", &g->cmd_stop))
		return -1;
	if (!g->cmd_start && g->style == INIT_PLAIN)
		g->cmd_start = make_cmd("/sbin/init", NULL);
	if (g->style == INIT_SYSV) {
		const char *rc = "/etc/init.d/rc";

		/* Looked up in the guest's root, as the guest would. */
		if (guest_access(g, rc, F_OK) < 0)
			rc = "/etc/rc.d/rc";
		if (!g->cmd_start)
			g->cmd_start = make_cmd(rc, rl_start);
		if (!g->cmd_stop)
			g->cmd_stop = make_cmd(rc, rl_stop);
	}

	lines = read_lines(g, "apps/init/killseq", &missing);
	if (!lines && !missing)
		return -1;
	if (lines) {
		char *tok, *save;

		g->nkillseq = 0;
		for (i = 0; lines[i]; i++) {
			for (tok = strtok_r(lines[i], " \t", &save); tok;
			     tok = strtok_r(NULL, " \t", &save)) {
				uint64_t v;
				int val;

				if (g->nkillseq == GUEST_MAX_KILLSEQ)
					return bad(g, "apps/init/killseq",
						   "too long");
				if (g->nkillseq % 2) {
					if (vs_parse_u64(tok, 3600, &v))
						return bad(g, "apps/init/killseq",
							   "'%s' is not a number of seconds",
							   tok);
					val = v;
				} else {
					val = parse_signal(tok);
					if (val < 0)
						return bad(g, "apps/init/killseq",
							   "'%s' is not a signal",
							   tok);
				}
				g->killseq[g->nkillseq++] = val;
			}
		}
		if (g->nkillseq % 2 == 0)
			return bad(g, "apps/init/killseq",
				   "must be: signal [seconds signal]...");
	}
	return 0;
}

static const struct {
	const char *name;
	unsigned long set, clear;
} mount_opts[] = {
	{ "defaults", 0, 0 }, { "rw", 0, MS_RDONLY }, { "ro", MS_RDONLY, 0 },
	{ "nosuid", MS_NOSUID, 0 }, { "suid", 0, MS_NOSUID },
	{ "nodev", MS_NODEV, 0 }, { "dev", 0, MS_NODEV },
	{ "noexec", MS_NOEXEC, 0 }, { "exec", 0, MS_NOEXEC },
	{ "noatime", MS_NOATIME, 0 }, { "nodiratime", MS_NODIRATIME, 0 },
	{ "relatime", MS_RELATIME, 0 }, { "strictatime", MS_STRICTATIME, 0 },
	{ "bind", MS_BIND, 0 }, { "rbind", MS_BIND | MS_REC, 0 },
	{ "auto", 0, 0 }, { "nofail", 0, 0 },
};

static int parse_mount(struct guest *g, char *line, int lineno)
{
	struct guest_mount *m = &g->mounts[g->nmounts];
	char *f[7], *save, *opt, *data;
	size_t n = 0, i;

	for (n = 0; n < 7; n++) {
		f[n] = strtok_r(n ? NULL : line, " \t", &save);
		if (!f[n])
			break;
	}
	if (n < 3 || n > 6)
		return bad(g, "fstab", "line %d: need: source directory type [options [dump [pass]]]",
			   lineno);
	if (g->nmounts == GUEST_MAX_MOUNTS)
		return bad(g, "fstab", "more than %d mounts", GUEST_MAX_MOUNTS);
	if (f[1][0] != '/' || strstr(f[1], "/../") ||
	    !strcmp(f[1] + strlen(f[1]) - (strlen(f[1]) >= 3 ? 3 : 0), "/.."))
		return bad(g, "fstab", "line %d: '%s' is not an absolute path in the guest",
			   lineno, f[1]);
	memset(m, 0, sizeof(*m));
	m->src = f[0];
	m->dir = f[1];
	m->type = f[2];
	data = calloc(1, n > 3 ? strlen(f[3]) + 1 : 1);
	if (!data)
		err(EXIT_VS_FAILURE, "cannot allocate memory");
	for (opt = n > 3 ? strtok_r(f[3], ",", &save) : NULL; opt;
	     opt = strtok_r(NULL, ",", &save)) {
		/* Not mounted at start, like mount -a. */
		if (!strcmp(opt, "noauto")) {
			free(data);
			return 0;
		}
		for (i = 0; i < sizeof(mount_opts) / sizeof(mount_opts[0]); i++)
			if (!strcmp(opt, mount_opts[i].name))
				break;
		if (i < sizeof(mount_opts) / sizeof(mount_opts[0])) {
			m->flags |= mount_opts[i].set;
			m->flags &= ~mount_opts[i].clear;
		} else {
			if (*data)
				strcat(data, ",");
			strcat(data, opt);
		}
	}
	/* Resolved at start by guest_open_host(), which wants it so. */
	if ((m->flags & MS_BIND) && !guest_path_canonical(m->src)) {
		free(data);
		return bad(g, "fstab", "line %d: the bind source '%s' is not a canonical absolute path",
			   lineno, m->src);
	}
	m->data = data;
	g->nmounts++;
	return 0;
}

static int load_fstab(struct guest *g)
{
	char path[PATH_MAX * 2], *line = NULL;
	size_t cap = 0;
	int lineno = 0, ret = 0;
	FILE *f;

	xsnprintf(path, sizeof(path), "%s/fstab", g->cfgdir);
	f = fopen(path, "re");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		warn("cannot read %s", path);
		return -1;
	}
	while (getline(&line, &cap, f) >= 0) {
		char *s = line;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		while (isspace((unsigned char)*s))
			s++;
		if (!*s || *s == '#')
			continue;
		s = strdup(s);
		if (!s)
			err(EXIT_VS_FAILURE, "cannot allocate memory");
		if (parse_mount(g, s, lineno))
			ret = -1;
	}
	free(line);
	fclose(f);
	return ret;
}

static int load_cgroup(struct guest *g)
{
	char path[PATH_MAX * 2], file[64], val[128];
	struct dirent *de;
	struct stat st;
	DIR *d;
	int ret = 0;

	xsnprintf(path, sizeof(path), "%s/cgroup", g->cfgdir);
	if (stat(path, &st) < 0)
		return 0;
	d = opendir(path);
	if (!d) {
		warn("cannot read %s", path);
		return -1;
	}
	while ((de = readdir(d))) {
		struct guest_limit *l = &g->limits[g->nlimits];

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		xsnprintf(file, sizeof(file), "cgroup/%.50s", de->d_name);
		if (!vs_cgroup_file_known(de->d_name)) {
			ret = bad(g, file, "unknown cgroup file; see vlimit(8)");
			continue;
		}
		if (g->nlimits == GUEST_MAX_LIMITS) {
			ret = bad(g, "cgroup", "too many files");
			break;
		}
		if (read_one(g, file, val, sizeof(val))) {
			ret = -1;
			continue;
		}
		if (vs_cgroup_value(de->d_name, val, l->value,
				    sizeof(l->value))) {
			ret = bad(g, file, "'%s' is not a value of %s", val,
				  de->d_name);
			continue;
		}
		xsnprintf(l->file, sizeof(l->file), "%s", de->d_name);
		g->nlimits++;
	}
	closedir(d);
	return ret;
}

static int load_vdir(struct guest *g)
{
	char path[PATH_MAX * 2], buf[PATH_MAX];
	struct stat st;
	int ret;

	xsnprintf(path, sizeof(path), "%s/vdir", g->cfgdir);
	if (!lstat(path, &st) && S_ISLNK(st.st_mode)) {
		if (!realpath(path, g->vdir))
			return bad(g, "vdir", "%s", strerror(errno));
	} else {
		ret = read_one(g, "vdir", buf, sizeof(buf));
		if (ret < 0)
			return -1;
		if (ret > 0)
			xsnprintf(buf, sizeof(buf), "%s/%s", VS_VDIRBASE, g->name);
		if (buf[0] != '/')
			return bad(g, "vdir", "'%s' is not an absolute path", buf);
		xsnprintf(g->vdir, sizeof(g->vdir), "%s", buf);
	}
	if (!guest_path_canonical(g->vdir))
		return bad(g, "vdir", "'%s' is not a canonical absolute path", g->vdir);
	if (!strcmp(g->vdir, "/"))
		return bad(g, "vdir", "the guest's root cannot be the host's");
	return 0;
}

/* Whether @path is @dir or below it; both canonical. */
static bool path_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(path, dir, n) && (!path[n] || path[n] == '/');
}

/**
 * guest_tree_of() - the guest tree a host path lies in, by its spelling
 * @path: a canonical absolute path
 * @root: set to the tree's root
 * @size: size of @root
 *
 * The trees are VS_VDIRBASE/NAME for every NAME, VS_VDIRBASE itself, and
 * the root (vdir) of every configured vserver.  A path that reaches a
 * tree only through a symbolic link or another mount is not found here:
 * guest_open_host() follows no symbolic link outside the trees.
 *
 * Return: true if @path is at or below a tree; @root is then a prefix of
 * @path.
 */
bool guest_tree_of(const char *path, char *root, size_t size)
{
	size_t n = strlen(VS_VDIRBASE);
	struct dirent *de;
	struct guest *g;
	bool found = false;
	DIR *d;

	if (path_under(path, VS_VDIRBASE)) {
		if (path[n])
			n += 1 + strcspn(path + n + 1, "/");
		xsnprintf(root, size, "%.*s", (int)n, path);
		return true;
	}
	d = opendir(VS_CONFDIR);
	if (!d)
		return false;
	g = malloc(sizeof(*g));
	if (!g)
		err(EXIT_VS_FAILURE, "cannot allocate memory");
	while (!found && (de = readdir(d))) {
		struct stat st;

		if (de->d_name[0] == '.' || strlen(de->d_name) > NAME_MAX ||
		    fstatat(dirfd(d), de->d_name, &st, 0) < 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		memset(g, 0, sizeof(*g));
		xsnprintf(g->name, sizeof(g->name), "%s", de->d_name);
		xsnprintf(g->cfgdir, sizeof(g->cfgdir), "%s/%s", VS_CONFDIR,
			  de->d_name);
		if (load_vdir(g) || !path_under(path, g->vdir))
			continue;
		xsnprintf(root, size, "%s", g->vdir);
		found = true;
	}
	free(g);
	closedir(d);
	return found;
}

/**
 * guest_resolve() - the vserver name an argument means
 * @arg: a name, a configuration directory (with a '/'), or a running
 *       guest's xid
 * @name: the result
 * @size: size of @name
 *
 * Return: 0, or -ENOENT if there is no such vserver.
 */
int guest_resolve(const char *arg, char *name, size_t size)
{
	char path[PATH_MAX];
	const char *base;
	uint64_t xid;
	struct stat st;

	if (strchr(arg, '/')) {
		if (!realpath(arg, path))
			return -ENOENT;
		base = strrchr(path, '/') + 1;
		if (strncmp(path, VS_CONFDIR, strlen(VS_CONFDIR)) ||
		    path[strlen(VS_CONFDIR)] != '/' ||
		    strchr(path + strlen(VS_CONFDIR) + 1, '/'))
			return -ENOENT;
		xsnprintf(name, size, "%s", base);
		return 0;
	}
	if (!vs_parse_u64(arg, 65535, &xid) &&
	    vc_context_name(xid, path, sizeof(path)) == 0 && path[0]) {
		xsnprintf(name, size, "%s", path);
		return 0;
	}
	if (!*arg || arg[0] == '.')
		return -ENOENT;
	xsnprintf(path, sizeof(path), "%s/%s", VS_CONFDIR, arg);
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return -ENOENT;
	xsnprintf(name, size, "%s", arg);
	return 0;
}

/**
 * guest_load() - read and check a vserver's configuration
 * @g: the result
 * @name: the vserver name
 *
 * Every problem is reported on stderr, naming the file.
 *
 * Return: 0, -ENOENT if there is no configuration (not reported), or -1.
 */
int guest_load(struct guest *g, const char *name)
{
	char buf[64];
	uint64_t set, clear;
	struct stat st;
	int ret = 0, r;

	memset(g, 0, sizeof(*g));
	/* The directory is the context's name (65 bytes) while it runs. */
	if (strlen(VS_CONFDIR) + 1 + strlen(name) > 64) {
		warnx("%s: the name is too long (at most %zu characters)",
		      name, 63 - strlen(VS_CONFDIR));
		return -1;
	}
	xsnprintf(g->name, sizeof(g->name), "%s", name);
	xsnprintf(g->cfgdir, sizeof(g->cfgdir), "%s/%s", VS_CONFDIR, name);
	if (stat(g->cfgdir, &st) < 0 || !S_ISDIR(st.st_mode))
		return -ENOENT;
	if (check_dir(g, "", top_files, top_dirs))
		return -1;

	r = read_id(g, "context", &g->xid);
	if (r > 0)
		return bad(g, "context", "missing: a vserver needs a static context number");
	if (r < 0)
		return -1;
	g->nid = g->xid;
	if (read_id(g, "ncontext", &g->nid) < 0 ||
	    read_one(g, "name", buf, sizeof(buf)) < 0)
		return -1;
	if (load_vdir(g))
		return -1;

	if (read_list(g, "bcapabilities", vs_bcap_names, "CAP_", &set, &clear))
		ret = -1;
	g->bcaps.value = (vs_secure_bcaps | set) & ~clear;
	g->bcaps.mask = ~0ULL;
	if (read_list(g, "ccapabilities", vs_ccap_names, "VXC_", &set, &clear))
		ret = -1;
	g->ccaps.value = set & ~clear;
	g->ccaps.mask = VXC_ALL;
	r = read_list(g, "cflags", vs_cflag_names, "VXF_", &set, &clear);
	if (!r && !set && !clear)
		r = read_list(g, "flags", vs_cflag_names, "VXF_", &set, &clear);
	if (r)
		ret = -1;
	g->cflags.value = set & ~clear;
	g->cflags.mask = set | clear;
	if (read_list(g, "nflags", vs_nflag_names, "NXF_", &set, &clear))
		ret = -1;
	g->nflags.value = set & ~clear;
	g->nflags.mask = set | clear;

	if (load_interfaces(g) || load_uts(g) || load_init(g) ||
	    load_fstab(g) || load_cgroup(g))
		ret = -1;
	return ret;
}
