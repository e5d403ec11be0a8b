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
 *
 * It runs as host root over trees whose owner, a guest's root, may be
 * hostile and busy while it runs.  So no path of a guest is ever
 * resolved from the host's root: the walk holds a descriptor of each
 * directory, opened below the guest root without following a symlink
 * and checked to be the directory it listed; files are looked at, opened
 * and replaced relative to that descriptor, and checked by inode at each
 * step.  Only the hash directories, which are the host's own, are used
 * by path.
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
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_VH_SETUP	1	/* nothing was done */
#define EXIT_VH_FILES	3	/* done, but some files failed */
#define EXIT_VH_USAGE	255

#define VH_MIN_SIZE	16	/* smaller files are not worth a link */
#define VH_SHARED	(IATTR_IXUNLINK | IATTR_IMMUTABLE | IATTR_COW)
#define VH_MAX_DEPTH	256	/* directories below a guest root */
#define VH_BUF		(1 << 16)

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

/* The root of the guest being walked, opened by the host's path for it. */
static int guest_fd = -1;

/*
 * A name the walk found.  Only @dirfd and @name are given to the
 * kernel; @path (the host's path, for messages) and @rel (the path in
 * the guest, for the exclude list) are strings the guest can make lie.
 */
struct node {
	int dirfd;		/* its directory, opened below guest_fd */
	const char *name;	/* its name in there */
	const char *path;
	const char *rel;
};

static char buf_a[VH_BUF], buf_b[VH_BUF];

/* The hash directory on the filesystem @dev, or NULL. */
static const char *dest_for(dev_t dev)
{
	size_t i;

	for (i = 0; i < opts.ndests; i++)
		if (opts.dests[i].dev == dev)
			return opts.dests[i].path;
	return NULL;
}

/*
 * --dry-run: the entries a real run would have made, and their files:
 * the guest root and the path below it, found again by descriptor.
 */
static struct planned {
	char *entry, *rel;
	int rootfd;
	dev_t dev;
	ino_t ino;
} *planned;
static size_t nplanned;

static const struct planned *find_plan(const char *entry)
{
	size_t i;

	for (i = 0; i < nplanned; i++)
		if (!strcmp(planned[i].entry, entry))
			return &planned[i];
	return NULL;
}

static void plan(const char *entry, const struct node *nd,
		 const struct stat *sb)
{
	struct planned *n = realloc(planned, (nplanned + 1) * sizeof(*n));

	if (!n)
		err(EXIT_VH_SETUP, "out of memory");
	planned = n;
	n += nplanned;
	n->entry = strdup(entry);
	n->rel = strdup(nd->rel);
	if (!n->entry || !n->rel)
		err(EXIT_VH_SETUP, "out of memory");
	n->rootfd = guest_fd;
	n->dev = sb->st_dev;
	n->ino = sb->st_ino;
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

/* Errors that mean the guest moved, removed or replaced the name. */
static bool changed(int e)
{
	return e == ENOENT || e == ELOOP || e == ENOTDIR || e == ENXIO ||
	       e == ESTALE;
}

static bool same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/*
 * Open @name in @dirfd, never following a symlink: with @beneath, @name
 * may have several components, each resolved below @dirfd.
 */
static int open_at(int dirfd, const char *name, int flags, bool beneath)
{
	struct open_how how = {
		.flags = flags | O_NOFOLLOW | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
			   RESOLVE_NO_MAGICLINKS,
	};

	if (!beneath)
		return openat(dirfd, name, flags | O_NOFOLLOW | O_CLOEXEC);
	return syscall(SYS_openat2, dirfd, name, &how, sizeof(how));
}

/*
 * Open for reading, without blocking on a FIFO or taking a terminal,
 * and without changing the access time the guest sees.
 */
static int open_read(int dirfd, const char *name, bool beneath)
{
	int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOATIME, fd;

	fd = open_at(dirfd, name, flags, beneath);
	if (fd < 0 && errno == EPERM)
		fd = open_at(dirfd, name, flags & ~O_NOATIME, beneath);
	return fd;
}

/* An O_PATH descriptor opened for reading: the very inode it names. */
static int reopen(int pfd)
{
	int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOATIME | O_CLOEXEC;
	char proc[32];
	int fd;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", pfd);
	fd = open(proc, flags);
	if (fd < 0 && errno == EPERM)
		fd = open(proc, flags & ~O_NOATIME);
	return fd;
}

/* Whether @now is a regular file and the inode @was; else errno ESTALE. */
static bool still_file(const struct stat *now, const struct stat *was)
{
	if (S_ISREG(now->st_mode) && same_inode(now, was))
		return true;
	errno = ESTALE;
	return false;
}

/*
 * Open the regular file the walk saw as @was, by @name in @dirfd, and
 * fill @now.  The guest may have put a FIFO (an open blocks), a device
 * (an open has effects, a read may never end) or a symlink in its
 * place: an O_PATH descriptor, which opens nothing, is checked first,
 * and only then is that inode opened, through /proc/self/fd (where /proc
 * is missing, by name again with O_NONBLOCK, and checked once more).
 * Returns a descriptor, or -1 with errno ESTALE if the file changed.
 */
static int open_regular(int dirfd, const char *name, bool beneath,
			const struct stat *was, struct stat *now)
{
	int pfd, fd, e;

	pfd = open_at(dirfd, name, O_PATH, beneath);
	if (pfd < 0)
		return -1;
	if (fstat(pfd, now) || !still_file(now, was)) {
		e = errno;
		close(pfd);
		errno = e;
		return -1;
	}
	fd = reopen(pfd);
	if (fd < 0 && errno == ENOENT)
		fd = open_read(dirfd, name, beneath);
	e = errno;
	close(pfd);
	if (fd >= 0 && (fstat(fd, now) || !still_file(now, was))) {
		e = errno;
		close(fd);
		fd = -1;
	}
	errno = e;
	return fd;
}

/* The file of a --dry-run plan, found again below its guest root. */
static int open_plan(const struct planned *p)
{
	struct stat was = { .st_dev = p->dev, .st_ino = p->ino }, now;

	return open_regular(p->rootfd, p->rel + 1, true, &was, &now);
}

static size_t chunk(off_t left)
{
	return left < VH_BUF ? (size_t)left : VH_BUF;
}

/* Read exactly @n bytes at @off; a file that got shorter is ESTALE. */
static int read_at(int fd, char *buf, size_t n, off_t off)
{
	ssize_t r;

	while (n) {
		r = pread(fd, buf, n, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (!r)
				errno = ESTALE;
			return -1;
		}
		buf += r;
		off += r;
		n -= r;
	}
	return 0;
}

/*
 * The first data extent of @fd at or after @off, cut at @size: 1 with
 * [*start, *end), 0 if there is none, -1.  Holes are skipped, never
 * read, and nothing past @size (the size seen at the open) is looked
 * at: a guest's terabyte of holes or a file it keeps growing cost
 * nothing.  Each call moves past @off, so a loop over them ends.
 */
static int next_extent(int fd, off_t off, off_t size, off_t *start,
		       off_t *end)
{
	off_t data, hole;

	if (off >= size)
		return 0;
	data = lseek(fd, off, SEEK_DATA);
	if (data < 0)
		return errno == ENXIO ? 0 : -1;
	if (data >= size)
		return 0;
	hole = lseek(fd, data, SEEK_HOLE);
	if (hole <= data) {
		/* Truncated since SEEK_DATA. */
		if (hole >= 0 || errno == ENXIO)
			errno = ESTALE;
		return -1;
	}
	*start = data;
	*end = hole < size ? hole : size;
	return 1;
}

#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--)
		h = (h ^ *c++) * FNV_PRIME;
	return h;
}

static uint64_t fnv_u64(uint64_t h, uint64_t v)
{
	unsigned char le[8];
	int i;

	for (i = 0; i < 8; i++)
		le[i] = v >> (8 * i);
	return fnv(h, le, sizeof(le));
}

/*
 * 64-bit FNV-1a over the file's data below @size: a bucket, not a proof.
 * Only the data extents are read.  Unless the file is one extent from 0
 * to @size, each extent's offset and length go into the hash before its
 * bytes; a file without holes hashes as its plain content, as the
 * entries of earlier versions were named.
 */
static int hash_file(int fd, off_t size, uint64_t *hash)
{
	uint64_t h = FNV_OFFSET;
	off_t off = 0, start, end;
	size_t n;
	int r;

	while ((r = next_extent(fd, off, size, &start, &end)) > 0) {
		if (start || end != size) {
			h = fnv_u64(h, start);
			h = fnv_u64(h, end - start);
		}
		for (off = start; off < end; off += n) {
			n = chunk(end - off);
			if (read_at(fd, buf_a, n, off))
				return -1;
			h = fnv(h, buf_a, n);
		}
	}
	*hash = h;
	return r;
}

/*
 * 1 if @a and @b, both @size bytes, have the same data extents with the
 * same bytes in them, 0 if not, -1.  Two files whose extents lie
 * differently are not the same, even if their bytes are.
 */
static int same_content(int a, int b, off_t size)
{
	off_t off = 0, a0, a1, b0, b1;
	struct stat bs;
	size_t n;
	int ra, rb;

	if (fstat(b, &bs))
		return -1;
	if (bs.st_size != size)
		return 0;
	for (;;) {
		ra = next_extent(a, off, size, &a0, &a1);
		rb = next_extent(b, off, size, &b0, &b1);
		if (ra < 0 || rb < 0)
			return -1;
		if (ra != rb)
			return 0;
		if (!ra)
			return 1;
		if (a0 != b0 || a1 != b1)
			return 0;
		for (off = a0; off < a1; off += n) {
			n = chunk(a1 - off);
			if (read_at(a, buf_a, n, off) ||
			    read_at(b, buf_b, n, off))
				return -1;
			if (memcmp(buf_a, buf_b, n))
				return 0;
		}
	}
}

/* Copy the data extents of @src below @size to the same places in @dst. */
static int copy_data(int src, int dst, off_t size)
{
	off_t off = 0, start, end;
	size_t n;
	int r;

	while ((r = next_extent(src, off, size, &start, &end)) > 0) {
		for (off = start; off < end; off += n) {
			n = chunk(end - off);
			if (read_at(src, buf_a, n, off) ||
			    pwrite(dst, buf_a, n, off) != (ssize_t)n)
				return -1;
		}
	}
	return r;
}

/* Copy @src into a new file @path with @sb's owner, mode and times. */
static int make_entry(int src, const struct stat *sb, const char *path)
{
	char tmp[PATH_MAX + 32];
	struct timespec ts[2] = { sb->st_atim, sb->st_mtim };
	int fd, e;

	snprintf(tmp, sizeof(tmp), "%s.tmp%d", path, getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	/* Data only: holes stay holes. */
	if (copy_data(src, fd, sb->st_size) || ftruncate(fd, sb->st_size) ||
	    fchown(fd, sb->st_uid, sb->st_gid) ||
	    fchmod(fd, sb->st_mode & 07777) || futimens(fd, ts) || fsync(fd)) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) || rename(tmp, path)) {
		e = errno;
		goto fail;
	}
	return vc_set_iattr(path, VH_SHARED, VH_SHARED) < 0 ? -1 : 0;
fail:
	unlink(tmp);
	errno = e;
	return -1;
}

/*
 * Replace @nd by a link to @entry, atomically: link under a temporary
 * name, then rename, both in the directory the walk holds open, so that
 * a directory the guest swaps for a symlink meanwhile changes nothing
 * outside the guest.
 */
static int link_over(const char *entry, const struct node *nd)
{
	char tmp[64];
	uint64_t r;
	sigset_t all, old;
	int ret;

	/* A name the guest cannot guess and put something in the way of. */
	if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r))
		r = (uint64_t)time(NULL) * FNV_PRIME ^ (uintptr_t)&r;
	snprintf(tmp, sizeof(tmp), ".vhashify.%d.%016llx", getpid(),
		 (unsigned long long)r);
	/* No signal between the two steps: a link must not be left over. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	ret = linkat(AT_FDCWD, entry, nd->dirfd, tmp, 0);
	if (!ret) {
		ret = renameat(nd->dirfd, tmp, nd->dirfd, nd->name);
		if (ret) {
			int e = errno;

			unlinkat(nd->dirfd, tmp, 0);
			errno = e;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ret;
}

static bool same_file_still(const struct node *nd, const struct stat *was)
{
	struct stat now;

	return !fstatat(nd->dirfd, nd->name, &now, AT_SYMLINK_NOFOLLOW) &&
	       same_inode(&now, was) && now.st_size == was->st_size &&
	       now.st_mtim.tv_sec == was->st_mtim.tv_sec &&
	       now.st_mtim.tv_nsec == was->st_mtim.tv_nsec &&
	       now.st_ctim.tv_sec == was->st_ctim.tv_sec &&
	       now.st_ctim.tv_nsec == was->st_ctim.tv_nsec;
}

/* A failed open or read of the guest's file: its change, or an error. */
static void read_failed(const char *path, const char *what)
{
	if (changed(errno))
		say_skip(path, "changed during the run");
	else
		file_error(path, what);
}

/* Whether to look at the file at all, from its attributes. */
static bool wanted(const struct node *nd, int fd, const struct stat *sb)
{
	uint32_t flags, mask;

	if (vc_fget_iattr(fd, &flags, &mask) < 0) {
		file_error(nd->path, "cannot get its attributes");
		return false;
	}
	if ((mask & VH_SHARED) != VH_SHARED) {
		say_skip(nd->path, "its filesystem has no copy-on-write links");
		return false;
	}
	if ((flags & IATTR_IMMUTABLE) && sb->st_nlink > 1 && !opts.refresh) {
		say_skip(nd->path, "shared already");
		return false;
	}
	if (flags & IATTR_IMMUTABLE && !(flags & IATTR_IXUNLINK)) {
		say_skip(nd->path, "immutable");
		return false;
	}
	return true;
}

enum slot { SLOT_FREE, SLOT_SAME, SLOT_SELF, SLOT_FAILED };

/*
 * Find in @dest the entry of the file @fd, with status @sb and content
 * @hash, and put its name in @entry: one with the same content
 * (SLOT_SAME), the file itself (SLOT_SELF), or else the first free slot
 * (SLOT_FREE).  SLOT_FAILED once the failure has been reported.
 */
static enum slot find_slot(const struct node *nd, int fd,
			   const struct stat *sb, const char *dest,
			   uint64_t hash, char *entry, size_t size)
{
	long long mtime = opts.ignore_mtime ? 0 : sb->st_mtim.tv_sec;
	const struct planned *first;
	struct stat es;
	int n, efd, same, e;

	for (n = 0;; n++) {
		snprintf(entry, size, "%s/%02x/%016llx-%llx-%o-%u-%u-%lld-%d",
			 dest, (unsigned int)(hash >> 56),
			 (unsigned long long)hash,
			 (unsigned long long)sb->st_size, sb->st_mode & 07777,
			 sb->st_uid, sb->st_gid, mtime, n);
		first = opts.dry_run ? find_plan(entry) : NULL;
		if (!first && lstat(entry, &es) < 0)
			return SLOT_FREE;
		if (!first && same_inode(&es, sb))
			return SLOT_SELF;
		efd = first ? open_plan(first) :
			      open(entry, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		same = efd < 0 ? -1 : same_content(fd, efd, sb->st_size);
		e = errno;
		if (efd >= 0)
			close(efd);
		if (same < 0) {
			if (changed(e))
				say_skip(nd->path, "changed during the run");
			else
				file_error(entry, "cannot compare");
			return SLOT_FAILED;
		}
		if (same)
			return SLOT_SAME;
		/* A different file with the same hash: the next slot. */
	}
}

/* Copy the file @fd into the new entry @entry, making its bucket. */
static int new_entry(const struct node *nd, int fd, const struct stat *sb,
		     char *entry)
{
	char *slash = strrchr(entry, '/');

	*slash = '\0';
	if (mkdir(entry, 0700) && errno != EEXIST) {
		file_error(entry, "cannot create");
		return -1;
	}
	*slash = '/';
	if (make_entry(fd, sb, entry)) {
		if (errno == ESTALE)
			say_skip(nd->path, "changed during the run");
		else
			file_error(nd->path, "cannot copy into the hash directory");
		return -1;
	}
	if (opts.verbose >= 4)
		printf("new entry '%s'\n", entry);
	return 0;
}

/* The regular file @nd, which the walk saw as @seen. */
static void unify(const struct node *nd, const struct stat *seen)
{
	char entry[PATH_MAX];
	const char *dest;
	struct stat sb;
	uint64_t hash;
	enum slot slot;
	int fd;

	fd = open_regular(nd->dirfd, nd->name, false, seen, &sb);
	if (fd < 0) {
		read_failed(nd->path, "cannot open");
		return;
	}
	dest = dest_for(sb.st_dev);
	if (!dest) {
		/* A file mounted over a name of the guest. */
		say_skip(nd->path, "no hash directory on its filesystem");
		goto out;
	}
	if (!wanted(nd, fd, &sb))
		goto out;
	if (hash_file(fd, sb.st_size, &hash)) {
		read_failed(nd->path, "cannot read");
		goto out;
	}
	slot = find_slot(nd, fd, &sb, dest, hash, entry, sizeof(entry));
	if (slot == SLOT_SELF || slot == SLOT_FAILED)
		goto out;
	if (slot == SLOT_FREE && opts.dry_run)
		plan(entry, nd, &sb);
	else if (slot == SLOT_FREE && new_entry(nd, fd, &sb, entry))
		goto out;
	if (!opts.dry_run) {
		if (!same_file_still(nd, &sb)) {
			say_skip(nd->path, "changed during the run");
			goto out;
		}
		if (link_over(entry, nd)) {
			file_error(nd->path, "cannot replace with a link");
			goto out;
		}
	}
	if (opts.verbose)
		printf("unifying   '%s'\n", nd->path);
	st.unified++;
	/* The first file of a kind only moves into the hash directory. */
	if (slot == SLOT_SAME)
		st.saved += (unsigned long long)sb.st_blocks * 512;
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

static int cmp_names(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in the directory @dirfd but . and .., in the order of
 * scandir(3) with alphasort(3).  Returns 0, or -1 with errno set.
 */
static int read_names(int dirfd, char ***names, size_t *count)
{
	size_t n = 0, size = 0;
	char **list = NULL;
	struct dirent *de;
	DIR *d;
	int fd, e;

	fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -1;
	}
	rewinddir(d);
	while ((errno = 0, de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == size) {
			size = size ? 2 * size : 64;
			list = realloc(list, size * sizeof(*list));
			if (!list)
				err(EXIT_VH_SETUP, "out of memory");
		}
		list[n] = strdup(de->d_name);
		if (!list[n++])
			err(EXIT_VH_SETUP, "out of memory");
	}
	e = errno;
	closedir(d);
	if (e) {
		while (n)
			free(list[--n]);
		free(list);
		errno = e;
		return -1;
	}
	if (n)
		qsort(list, n, sizeof(*list), cmp_names);
	*names = list;
	*count = n;
	return 0;
}

static void walk(int dirfd, const char *dir, const char *rel, int depth);

/*
 * Enter the directory @nd, which the walk saw as @sb: open it by its
 * name in the directory held open, never through a symlink, and only if
 * it is still that directory (the guest may have swapped it for a
 * symlink to a directory of the host, or moved another one in).
 */
static void descend(const struct node *nd, const struct stat *sb, int depth)
{
	struct stat now;
	int fd;

	if (!dest_for(sb->st_dev)) {
		say_skip(nd->path, "no hash directory on its filesystem");
		return;
	}
	if (depth >= VH_MAX_DEPTH) {
		say_skip(nd->path, "too deep");
		return;
	}
	fd = openat(nd->dirfd, nd->name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (changed(errno))
			say_skip(nd->path, "changed during the run");
		else
			file_error(nd->path, "cannot read the directory");
		return;
	}
	if (fstat(fd, &now) || !S_ISDIR(now.st_mode) || !same_inode(&now, sb))
		say_skip(nd->path, "changed during the run");
	else
		walk(fd, nd->path, nd->rel, depth + 1);
	close(fd);
}

/* The name @name in the directory @dirfd at @dir (host) and @rel (guest). */
static void visit(int dirfd, const char *dir, const char *rel,
		  const char *name, int depth)
{
	struct node nd = { .dirfd = dirfd, .name = name };
	char *path, *sub;
	struct stat sb;

	if (asprintf(&path, "%s/%s", dir, name) < 0 ||
	    asprintf(&sub, "%s/%s", rel, name) < 0)
		err(EXIT_VH_SETUP, "out of memory");
	nd.path = path;
	nd.rel = sub;
	if (fstatat(dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno == ENOENT)
			say_skip(path, "changed during the run");
		else
			file_error(path, "cannot stat");
	} else if (excluded(sub)) {
		say_skip(path, "excluded");
	} else if (S_ISDIR(sb.st_mode)) {
		descend(&nd, &sb, depth);
	} else if (S_ISREG(sb.st_mode)) {
		st.files++;
		progress();
		if (sb.st_size < VH_MIN_SIZE)
			say_skip(path, "too small");
		else
			unify(&nd, &sb);
	} else if (opts.verbose >= 6) {
		printf("  skipping '%s' (not a regular file)\n", path);
	}
	free(sub);
	free(path);
}

/* The directory @dirfd, @depth levels below the guest root. */
static void walk(int dirfd, const char *dir, const char *rel, int depth)
{
	char **names;
	size_t n, i;

	if (read_names(dirfd, &names, &n)) {
		file_error(dir, "cannot read the directory");
		return;
	}
	for (i = 0; i < n; i++) {
		visit(dirfd, dir, rel, names[i], depth);
		free(names[i]);
	}
	free(names);
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
		/* The admin names the root; below it, nothing by path. */
		root = guest_root(argv[optind]);
		guest_fd = root ? open(root, O_RDONLY | O_DIRECTORY |
				       O_NOFOLLOW | O_CLOEXEC) : -1;
		if (guest_fd < 0 || fstat(guest_fd, &rs) < 0)
			errx(EXIT_VH_SETUP, "no guest root for '%s'",
			     argv[optind]);
		if (!dest_for(rs.st_dev))
			errx(EXIT_VH_SETUP,
			     "no hash directory on the filesystem of %s (--destination)",
			     root);
		if (opts.verbose)
			printf("hashifying '%s'\n", root);
		walk(guest_fd, root, "", 0);
		/* A dry run finds its planned files again through it. */
		if (!opts.dry_run)
			close(guest_fd);
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
