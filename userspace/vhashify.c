// SPDX-License-Identifier: GPL-2.0
/*
 * vhashify - share identical files of guests as copy-on-write hard links
 *
 * Walks guest roots, finds regular files with the same content, owner,
 * mode and modification time, keeps one copy of each in a hash directory
 * and replaces every file with a hard link to that copy, marked
 * IXUNLINK|IMMUTABLE|COW: the guests share the blocks and the page cache,
 * and a guest that changes its file gets a private copy from the kernel.
 * Contents are compared byte by byte before anything is linked.  See
 * vhashify(8).
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VH_SETUP	1	/* nothing was done */
#define EXIT_VH_FILES	3	/* done, but some files failed */
#define EXIT_VH_USAGE	255

#define VH_MIN_SIZE	16	/* smaller files are not worth a link */
#define VH_SHARED	(IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW)

/* The default exclude list: what guests change or must keep their own. */
static const char *const default_excludes[] = {
	"-/dev/*", "-/proc/*", "-/sys/*", "-/run/*", "-/tmp/*", "-/var/*",
	"-/etc/*", "-/root/*", "-/home/*", NULL,
};

/* A hash directory, one per filesystem. */
struct dest {
	const char *path;
	dev_t dev;
};

static struct options {
	struct dest *dests;
	size_t ndests;
	bool dry_run, ignore_mtime, refresh;
	int verbose;
	char **excludes;
	size_t nexcludes;
} opts;

static struct stats {
	unsigned long files, unified, skipped, errors;
	unsigned long long saved;
} st;

static time_t last_progress;
static bool progressed;

/* The hash directory on the filesystem @dev, or NULL. */
static const char *dest_for(dev_t dev)
{
	size_t i;

	for (i = 0; i < opts.ndests; i++)
		if (opts.dests[i].dev == dev)
			return opts.dests[i].path;
	return NULL;
}

/* --dry-run: the entries a real run would have made, and their files. */
static struct planned {
	char *entry, *path;
} *planned;
static size_t nplanned;

static const char *planned_path(const char *entry)
{
	size_t i;

	for (i = 0; i < nplanned; i++)
		if (!strcmp(planned[i].entry, entry))
			return planned[i].path;
	return NULL;
}

static void plan(const char *entry, const char *path)
{
	struct planned *n = realloc(planned, (nplanned + 1) * sizeof(*n));

	if (!n)
		err(EXIT_VH_SETUP, "out of memory");
	planned = n;
	planned[nplanned].entry = strdup(entry);
	planned[nplanned].path = strdup(path);
	if (!planned[nplanned].entry || !planned[nplanned].path)
		err(EXIT_VH_SETUP, "out of memory");
	nplanned++;
}

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out, " %s [options] <vserver|directory>...\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Replace identical files of guests with copy-on-write hard links.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs(" -d, --destination <dir>  a hash directory, one per filesystem\n"
	      "                            (default /vservers/.hash)\n", out);
	fputs(" -x, --exclude <file>     exclude list: lines '-pattern' exclude,\n"
	      "                            '+pattern' include, first match wins\n", out);
	fputs(" -n, --dry-run            only tell what would be done\n", out);
	fputs("     --ignore-mtime       merge files that differ only in mtime\n", out);
	fputs("     --refresh            look at files that are shared already\n", out);
	fputs(" -v, --verbose            more output, repeat for more\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vhashify(8)"), out);
	exit(EXIT_SUCCESS);
}

static void add_exclude(const char *line)
{
	char **n = realloc(opts.excludes,
			   (opts.nexcludes + 1) * sizeof(*opts.excludes));

	if (!n || !(n[opts.nexcludes] = strdup(line)))
		err(EXIT_VH_SETUP, "out of memory");
	opts.excludes = n;
	opts.nexcludes++;
}

static void read_excludes(const char *file)
{
	char *line = NULL;
	size_t size = 0;
	ssize_t n;
	FILE *f = fopen(file, "re");

	if (!f)
		err(EXIT_VH_SETUP, "cannot open exclude list %s", file);
	while ((n = getline(&line, &size, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n && line[0] != '#')
			add_exclude(line);
	}
	free(line);
	fclose(f);
}

/* Whether @rel (the path in the guest, with a leading '/') is excluded. */
static bool excluded(const char *rel)
{
	size_t i;

	for (i = 0; i < opts.nexcludes; i++) {
		const char *p = opts.excludes[i];
		bool include = p[0] == '+';

		if (p[0] == '+' || p[0] == '-' || p[0] == '~')
			p++;
		if (!fnmatch(p, rel, 0))
			return !include;
	}
	return false;
}

static void say_skip(const char *path, const char *why)
{
	st.skipped++;
	if (opts.verbose >= 2)
		printf("  skipping '%s' (%s)\n", path, why);
}

static void file_error(const char *path, const char *what)
{
	st.errors++;
	warn("%s: %s", path, what);
}

/* 64-bit FNV-1a over the file's content: a bucket, not a proof. */
static int hash_file(int fd, uint64_t *hash)
{
	static char buf[1 << 16];
	uint64_t h = 0xcbf29ce484222325ULL;
	ssize_t n, i;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++)
			h = (h ^ (unsigned char)buf[i]) * 0x100000001b3ULL;
	*hash = h;
	return n < 0 ? -1 : 0;
}

/* 1 if the files behind @a and @b have the same bytes, 0 if not, -1. */
static int same_content(int a, int b)
{
	static char ba[1 << 16], bb[1 << 16];
	ssize_t na, nb;

	if (lseek(a, 0, SEEK_SET) < 0 || lseek(b, 0, SEEK_SET) < 0)
		return -1;
	for (;;) {
		na = read(a, ba, sizeof(ba));
		if (na < 0)
			return -1;
		nb = 0;
		while (nb < na) {
			ssize_t r = read(b, bb + nb, na - nb);

			if (r < 0)
				return -1;
			if (!r)
				break;
			nb += r;
		}
		if (na != nb || memcmp(ba, bb, na))
			return 0;
		if (!na)
			return 1;
	}
}

/* Copy @src into a new file @path with @sb's owner, mode and times. */
static int make_entry(int src, const struct stat *sb, const char *path)
{
	char tmp[PATH_MAX + 32];
	struct timespec ts[2] = { sb->st_atim, sb->st_mtim };
	off_t data = 0, hole, off;
	static char buf[1 << 16];
	int fd, ret = -1;

	snprintf(tmp, sizeof(tmp), "%s.tmp%d", path, getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	/* Data only: holes stay holes. */
	while ((data = lseek(src, data, SEEK_DATA)) >= 0) {
		hole = lseek(src, data, SEEK_HOLE);
		if (hole < 0)
			goto out;
		for (off = data; off < hole;) {
			ssize_t n = pread(src, buf, hole - off < (off_t)sizeof(buf) ?
					  (size_t)(hole - off) : sizeof(buf), off);

			if (n <= 0 || pwrite(fd, buf, n, off) != n)
				goto out;
			off += n;
		}
		data = hole;
	}
	if (errno != ENXIO || ftruncate(fd, sb->st_size) ||
	    fchown(fd, sb->st_uid, sb->st_gid) ||
	    fchmod(fd, sb->st_mode & 07777) || futimens(fd, ts) || fsync(fd))
		goto out;
	ret = 0;
out:
	if (close(fd) && !ret)
		ret = -1;
	if (!ret && rename(tmp, path))
		ret = -1;
	if (ret)
		unlink(tmp);
	else if (vc_set_iattr(path, VH_SHARED, VH_SHARED) < 0)
		ret = -1;
	return ret;
}

/* Replace @path by a link to @entry, atomically: link, then rename. */
static int link_over(const char *entry, const char *path)
{
	char tmp[PATH_MAX + 32];
	const char *slash = strrchr(path, '/');
	int len = slash ? (int)(slash - path) : 0;
	sigset_t all, old;
	int ret;

	snprintf(tmp, sizeof(tmp), "%.*s/.vhashify.%d", len, path, getpid());
	/* No signal between the two steps: a link must not be left over. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	ret = link(entry, tmp);
	if (!ret) {
		ret = rename(tmp, path);
		if (ret) {
			int e = errno;

			unlink(tmp);
			errno = e;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ret;
}

static bool same_file_still(const char *path, const struct stat *was)
{
	struct stat now;

	return !lstat(path, &now) && now.st_dev == was->st_dev &&
	       now.st_ino == was->st_ino && now.st_size == was->st_size &&
	       now.st_mtim.tv_sec == was->st_mtim.tv_sec &&
	       now.st_mtim.tv_nsec == was->st_mtim.tv_nsec &&
	       now.st_ctim.tv_sec == was->st_ctim.tv_sec &&
	       now.st_ctim.tv_nsec == was->st_ctim.tv_nsec;
}

static void unify(const char *path, const struct stat *sb)
{
	const char *dest = dest_for(sb->st_dev);
	char entry[PATH_MAX];
	const char *first;
	bool fresh = false;
	struct stat es;
	uint64_t hash;
	uint32_t flags, mask;
	int fd, efd, n, same;

	if (vc_get_iattr(path, &flags, &mask) < 0) {
		file_error(path, "cannot get its attributes");
		return;
	}
	if ((mask & VH_SHARED) != VH_SHARED) {
		say_skip(path, "its filesystem has no copy-on-write links");
		return;
	}
	if ((flags & IATTR_IMMUTABLE) && sb->st_nlink > 1 && !opts.refresh) {
		say_skip(path, "shared already");
		return;
	}
	if (flags & IATTR_IMMUTABLE && !(flags & IATTR_IXUNLINK)) {
		say_skip(path, "immutable");
		return;
	}
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME);
	if (fd < 0)
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		file_error(path, "cannot open");
		return;
	}
	if (hash_file(fd, &hash)) {
		file_error(path, "cannot read");
		goto out;
	}
	for (n = 0;; n++) {
		snprintf(entry, sizeof(entry),
			 "%s/%02x/%016llx-%llx-%o-%u-%u-%lld-%d", dest,
			 (unsigned int)(hash >> 56), (unsigned long long)hash,
			 (unsigned long long)sb->st_size, sb->st_mode & 07777,
			 sb->st_uid, sb->st_gid,
			 opts.ignore_mtime ? 0LL : (long long)sb->st_mtim.tv_sec,
			 n);
		first = opts.dry_run ? planned_path(entry) : NULL;
		if (!first && lstat(entry, &es) < 0)
			break;
		if (!first && es.st_dev == sb->st_dev &&
		    es.st_ino == sb->st_ino)
			goto out;	/* this very file */
		efd = open(first ? first : entry, O_RDONLY | O_CLOEXEC);
		same = efd < 0 ? -1 : same_content(fd, efd);
		if (efd >= 0)
			close(efd);
		if (same < 0) {
			file_error(entry, "cannot compare");
			goto out;
		}
		if (same)
			goto link;
		/* A different file with the same hash: the next slot. */
	}
	fresh = true;
	if (opts.dry_run) {
		plan(entry, path);
		goto link;
	}
	*strrchr(entry, '/') = '\0';
	if (mkdir(entry, 0700) && errno != EEXIST) {
		file_error(entry, "cannot create");
		goto out;
	}
	entry[strlen(entry)] = '/';
	if (make_entry(fd, sb, entry)) {
		file_error(path, "cannot copy into the hash directory");
		goto out;
	}
	if (opts.verbose >= 4)
		printf("new entry '%s'\n", entry);
link:
	if (opts.dry_run) {
		if (opts.verbose)
			printf("unifying   '%s'\n", path);
		st.unified++;
		if (!fresh)
			st.saved += (unsigned long long)sb->st_blocks * 512;
		goto out;
	}
	if (!same_file_still(path, sb)) {
		say_skip(path, "changed during the run");
		goto out;
	}
	if (link_over(entry, path)) {
		file_error(path, "cannot replace with a link");
		goto out;
	}
	if (opts.verbose)
		printf("unifying   '%s'\n", path);
	st.unified++;
	/* The first file of a kind only moves into the hash directory. */
	if (!fresh)
		st.saved += (unsigned long long)sb->st_blocks * 512;
out:
	close(fd);
}

static void progress(void)
{
	time_t now = time(NULL);

	if (now - last_progress < 2 || !isatty(STDERR_FILENO))
		return;
	last_progress = now;
	progressed = true;
	fprintf(stderr, "vhashify: %lu files looked at, %lu unified\r",
		st.files, st.unified);
}

static void walk(const char *root, const char *dir, const char *rel)
{
	struct dirent **list;
	struct stat sb;
	int n, i;

	n = scandir(dir, &list, NULL, alphasort);
	if (n < 0) {
		file_error(dir, "cannot read the directory");
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		char *path, *sub;

		if (!strcmp(name, ".") || !strcmp(name, "..") ||
		    asprintf(&path, "%s/%s", dir, name) < 0) {
			free(list[i]);
			continue;
		}
		if (asprintf(&sub, "%s/%s", rel, name) < 0)
			err(EXIT_VH_SETUP, "out of memory");
		if (lstat(path, &sb) < 0) {
			file_error(path, "cannot stat");
		} else if (excluded(sub)) {
			say_skip(path, "excluded");
		} else if (S_ISDIR(sb.st_mode)) {
			if (dest_for(sb.st_dev))
				walk(root, path, sub);
			else
				say_skip(path, "no hash directory on its filesystem");
		} else if (S_ISREG(sb.st_mode)) {
			st.files++;
			progress();
			if (sb.st_size < VH_MIN_SIZE)
				say_skip(path, "too small");
			else
				unify(path, &sb);
		} else if (opts.verbose >= 6) {
			printf("  skipping '%s' (not a regular file)\n", path);
		}
		free(sub);
		free(path);
		free(list[i]);
	}
	free(list);
}

/* A vserver name's root: its vdir, else /vservers/NAME; or a directory. */
static char *guest_root(const char *arg)
{
	char cfg[PATH_MAX], *root;

	if (strchr(arg, '/') || !strcmp(arg, ".") || !strcmp(arg, ".."))
		return realpath(arg, NULL);
	snprintf(cfg, sizeof(cfg), "%s/%s/vdir", VS_CONFDIR, arg);
	root = realpath(cfg, NULL);
	if (!root) {
		snprintf(cfg, sizeof(cfg), "/vservers/%s", arg);
		root = realpath(cfg, NULL);
	}
	return root;
}

static void add_dest(const char *path)
{
	struct dest *n = realloc(opts.dests, (opts.ndests + 1) * sizeof(*n));

	if (!n)
		err(EXIT_VH_SETUP, "out of memory");
	opts.dests = n;
	opts.dests[opts.ndests++].path = path;
}

/* Create (unless --dry-run) and find the filesystem of a hash directory. */
static void setup_dest(struct dest *d)
{
	struct stat ds;

	if (!opts.dry_run && mkdir(d->path, 0700) && errno != EEXIST)
		err(EXIT_VH_SETUP, "cannot create the hash directory %s",
		    d->path);
	if (stat(d->path, &ds) < 0 && errno == ENOENT && opts.dry_run) {
		/* A dry run creates nothing: the filesystem it would be on. */
		char *parent = strdup(d->path), *slash;

		if (!parent)
			err(EXIT_VH_SETUP, "out of memory");
		slash = strrchr(parent, '/');
		if (slash)
			*(slash == parent ? slash + 1 : slash) = '\0';
		if (stat(slash ? parent : ".", &ds) < 0)
			err(EXIT_VH_SETUP, "no directory for %s", d->path);
		free(parent);
	} else if (stat(d->path, &ds) < 0 || !S_ISDIR(ds.st_mode)) {
		err(EXIT_VH_SETUP, "no hash directory %s", d->path);
	}
	if (dest_for(ds.st_dev))
		errx(EXIT_VH_SETUP, "two hash directories on the filesystem of %s",
		     d->path);
	d->dev = ds.st_dev;
}

static void parse_args(int argc, char **argv)
{
	enum { OPT_IGNORE_MTIME = CHAR_MAX + 1, OPT_REFRESH };
	static const struct option longopts[] = {
		{ "destination", required_argument, NULL, 'd' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "ignore-mtime", no_argument, NULL, OPT_IGNORE_MTIME },
		{ "refresh", no_argument, NULL, OPT_REFRESH },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	bool have_excludes = false;
	size_t i;
	int c;

	while ((c = getopt_long(argc, argv, "d:x:nvhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			add_dest(optarg);
			break;
		case 'x':
			read_excludes(optarg);
			have_excludes = true;
			break;
		case 'n':
			opts.dry_run = true;
			break;
		case OPT_IGNORE_MTIME:
			opts.ignore_mtime = true;
			break;
		case OPT_REFRESH:
			opts.refresh = true;
			break;
		case 'v':
			opts.verbose++;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VH_USAGE);
		}
	}
	if (optind >= argc) {
		warnx("no guest given");
		errtryhelp(EXIT_VH_USAGE);
	}
	if (!opts.ndests)
		add_dest("/vservers/.hash");
	if (!have_excludes)
		for (i = 0; default_excludes[i]; i++)
			add_exclude(default_excludes[i]);
}

int main(int argc, char **argv)
{
	struct stat rs;
	char *root;
	size_t n;

	parse_args(argc, argv);
	last_progress = time(NULL);
	/* Each one is checked against those before it. */
	n = opts.ndests;
	for (opts.ndests = 0; opts.ndests < n; opts.ndests++)
		setup_dest(&opts.dests[opts.ndests]);

	for (; optind < argc; optind++) {
		root = guest_root(argv[optind]);
		if (!root || stat(root, &rs) < 0 || !S_ISDIR(rs.st_mode))
			errx(EXIT_VH_SETUP, "no guest root for '%s'",
			     argv[optind]);
		if (!dest_for(rs.st_dev))
			errx(EXIT_VH_SETUP,
			     "no hash directory on the filesystem of %s (--destination)",
			     root);
		if (opts.verbose)
			printf("hashifying '%s'\n", root);
		walk(root, root, "");
		free(root);
	}
	if (isatty(STDERR_FILENO) && progressed)
		fputc('\n', stderr);
	printf("%s%lu files, %lu unified, %llu bytes saved, %lu skipped, %lu errors\n",
	       opts.dry_run ? "dry run: " : "", st.files, st.unified, st.saved,
	       st.skipped, st.errors);
	if (fflush(stdout) == EOF)
		err(EXIT_VH_SETUP, "write error");
	return st.errors ? EXIT_VH_FILES : EXIT_SUCCESS;
}
