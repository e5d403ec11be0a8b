// SPDX-License-Identifier: GPL-2.0
/*
 * abi_test.c - the running kernel against the literal ABI table
 *
 * util-vserver's binaries carry the ABI's numbers compiled in, so this
 * test must not see the project's uapi header: it speaks to vserver(2)
 * with the numbers, sizes and offsets of tests/abi_table.h only.  For
 * every command of the table it checks that:
 *
 *   - the command reaches a handler (anything but ENOSYS), or answers
 *     ENOSYS if the table says the project does not implement it;
 *   - a data buffer of exactly the table's size, ending at the last byte
 *     before an unmapped page, is accepted, and the same buffer moved one
 *     byte on (its last byte unmapped) gives EFAULT: the kernel reads and
 *     writes exactly that many bytes;
 *   - other versions of the command, and numbers that are no command,
 *     answer ENOSYS;
 *
 * and that the flag masks the kernel reports and the /proc/virtual files
 * util-vserver parses have the table's bits and format.
 */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../abi_table.h"
#include "kselftest_harness.h"

#ifdef _UAPI_LINUX_VSERVER_H
#error "abi_test.c must not include the project's uapi header"
#endif

/* The test's context and network context, and ids never in use. */
#define XID		4714
#define NID		4714
#define XID_UNUSED	4713
#define NID_UNUSED	4713

/* Offsets by name: ABI_OFF_<struct>_<field>. */
#define ABI_OFF_ENUM(st, f, off, size) ABI_OFF_##st##_##f = (off),
enum { ABI_FIELDS(ABI_OFF_ENUM) };

struct abi_cmd {
	const char *name;
	uint32_t cmd;
	unsigned int size;
	int use;
	int idk;
	int answer;
};

#define ABI_ROW(n, num, st, sz, u, k, a) \
	{ .name = #n, .cmd = (num), .size = (sz), .use = (u), .idk = (k), \
	  .answer = (a) },
static const struct abi_cmd abi_cmds[] = { ABI_COMMANDS(ABI_ROW) };
#define ABI_NCMDS (sizeof(abi_cmds) / sizeof(abi_cmds[0]))

#define ABI_ABSENT_ROW(n, num) { .name = #n, .cmd = (num) },
static const struct abi_cmd abi_absent[] = { ABI_ABSENT(ABI_ABSENT_ROW) };

#define ABI_OR(name, value) | (value)

static long vs(uint32_t cmd, uint32_t id, void *data)
{
	long ret = syscall(ABI_SYSCALL_NR, cmd, id, data);

	return ret < 0 ? -errno : ret;
}

static bool abi_known(uint32_t cmd)
{
	unsigned int i;

	for (i = 0; i < ABI_NCMDS; i++)
		if (abi_cmds[i].cmd == cmd)
			return true;
	for (i = 0; i < sizeof(abi_absent) / sizeof(abi_absent[0]); i++)
		if (abi_absent[i].cmd == cmd)
			return true;
	return false;
}

static void put32(uint8_t *buf, unsigned int off, uint32_t v)
{
	memcpy(buf + off, &v, sizeof(v));
}

static void put64(uint8_t *buf, unsigned int off, uint64_t v)
{
	memcpy(buf + off, &v, sizeof(v));
}

static uint32_t get32(const uint8_t *buf, unsigned int off)
{
	uint32_t v;

	memcpy(&v, buf + off, sizeof(v));
	return v;
}

static uint64_t get64(const uint8_t *buf, unsigned int off)
{
	uint64_t v;

	memcpy(&v, buf + off, sizeof(v));
	return v;
}

/*
 * A child that creates network context NID and context XID (in that
 * order: after ctx_create it is no longer on the host) and waits until
 * its pipe closes.
 */
struct abi_holder {
	pid_t pid;
	int release;
	long xid, nid;
};

static int holder_start(struct abi_holder *h)
{
	int up[2], down[2];
	long r[2];
	char c;

	if (pipe(up) || pipe(down))
		return -1;
	h->pid = fork();
	if (h->pid < 0)
		return -1;
	if (!h->pid) {
		uint8_t arg[8] = { 0 };

		close(up[0]);
		close(down[1]);
		r[1] = vs(0x19010001, NID, arg);
		put64(arg, 0, ABI_CFLAGS_CREATE);
		r[0] = vs(0x09010001, XID, arg);
		if (write(up[1], r, sizeof(r)) != sizeof(r))
			_exit(2);
		while (read(down[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	h->release = down[1];
	if (read(up[0], r, sizeof(r)) != sizeof(r))
		r[0] = r[1] = -EIO;
	close(up[0]);
	h->xid = r[0];
	h->nid = r[1];
	return 0;
}

static void holder_stop(struct abi_holder *h)
{
	close(h->release);
	waitpid(h->pid, NULL, 0);
}

/*
 * The id and data a probe of @c uses: the test's contexts where the
 * command only reads or changes nothing, an id that makes it fail after
 * reading its data where it would move the caller (create, migrate).
 */
static uint32_t probe_setup(const struct abi_cmd *c, uint8_t *buf, int fd,
			    const char *root)
{
	memset(buf, 0, c->size);
	switch (c->cmd) {
	case 0x00000000:			/* get_version */
		return 63;
	case 0x09010000: case 0x09010001:	/* ctx_create: invalid xid */
		return 1;
	case 0x19010000: case 0x19010001:	/* net_create: invalid nid */
		return 1;
	case 0x0b010000: case 0x0b010001:	/* ctx_migrate: no such xid */
		return XID_UNUSED;
	case 0x1b010000:			/* net_migrate: no such nid */
		return NID_UNUSED;
	case 0x30630000:			/* wait_exit: see its own test */
		return XID_UNUSED;
	case 0x0a030000:			/* set_space v0: default mask */
		return XID_UNUSED;
	case 0x26010001: case 0x26020001:	/* get/set_iattr: a name */
		put64(buf, ABI_OFF_vcmd_ctx_iattr_name, (uintptr_t)root);
		return 0;
	case 0x3c010000: case 0x28010000:	/* get_rlimit, rlimit_stat */
		put32(buf, 0, ABI_RLIMIT_NPROC);
		return XID;
	case 0x3c020000:			/* set_rlimit: keep all */
		put32(buf, ABI_OFF_vcmd_ctx_rlimit_id, ABI_RLIMIT_NPROC);
		put64(buf, ABI_OFF_vcmd_ctx_rlimit_minimum, 0xfffffffffffffffeULL);
		put64(buf, ABI_OFF_vcmd_ctx_rlimit_softlimit, 0xfffffffffffffffeULL);
		put64(buf, ABI_OFF_vcmd_ctx_rlimit_maximum, 0xfffffffffffffffeULL);
		return XID;
	case 0x0c010000:			/* ctx_kill: signal 0 to all */
		return XID;
	}
	switch (c->idk) {
	case ABI_ID_XID:
		return XID;
	case ABI_ID_NID:
		return NID;
	case ABI_ID_FD:
		return fd;
	}
	return 0;
}

FIXTURE(abi) {
	struct abi_holder h;
	uint8_t *page;		/* one page, followed by an unmapped one */
	long pagesize;
	int fd;
};

FIXTURE_SETUP(abi)
{
	self->pagesize = sysconf(_SC_PAGESIZE);
	self->page = mmap(NULL, 2 * self->pagesize, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, self->page);
	ASSERT_EQ(0, munmap(self->page + self->pagesize, self->pagesize));
	self->fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, holder_start(&self->h));
	ASSERT_EQ(XID, self->h.xid);
	ASSERT_EQ(NID, self->h.nid);
}

FIXTURE_TEARDOWN(abi)
{
	holder_stop(&self->h);
	close(self->fd);
	munmap(self->page, self->pagesize);
}

TEST_F(abi, every_command_reaches_its_handler)
{
	uint8_t buf[256];
	unsigned int i;
	uint32_t id;
	long ret;

	for (i = 0; i < ABI_NCMDS; i++) {
		const struct abi_cmd *c = &abi_cmds[i];

		id = probe_setup(c, buf, self->fd, "/");
		ret = vs(c->cmd, id, c->use == ABI_NONE ? NULL : buf);
		if (c->answer == ABI_ENOSYS) {
			EXPECT_EQ(-ENOSYS, ret) {
				TH_LOG("%s (0x%08x) should be ENOSYS", c->name,
				       c->cmd);
			}
		} else {
			EXPECT_NE(-ENOSYS, ret) {
				TH_LOG("%s (0x%08x) is ENOSYS", c->name, c->cmd);
			}
		}
	}
	for (i = 0; i < sizeof(abi_absent) / sizeof(abi_absent[0]); i++)
		EXPECT_EQ(-ENOSYS, vs(abi_absent[i].cmd, XID_UNUSED, NULL)) {
			TH_LOG("0x%08x should be ENOSYS", abi_absent[i].cmd);
		}
}

TEST_F(abi, data_is_exactly_the_table_size)
{
	uint8_t buf[256], *at;
	unsigned int i;
	uint32_t id;
	long ret;

	for (i = 0; i < ABI_NCMDS; i++) {
		const struct abi_cmd *c = &abi_cmds[i];

		if (c->use == ABI_NONE || c->answer == ABI_ENOSYS ||
		    c->cmd == 0x30630000)	/* wait_exit blocks */
			continue;
		/* The whole struct, up to the last mapped byte. */
		id = probe_setup(c, buf, self->fd, "/");
		at = self->page + self->pagesize - c->size;
		memcpy(at, buf, c->size);
		ret = vs(c->cmd, id, at);
		EXPECT_NE(-EFAULT, ret) {
			TH_LOG("%s (0x%08x): %u bytes fault", c->name, c->cmd,
			       c->size);
		}
		EXPECT_NE(-ENOSYS, ret);
		/* One byte on: the last byte is unmapped. */
		id = probe_setup(c, buf, self->fd, "/");
		at = self->page + self->pagesize - c->size + 1;
		memcpy(at, buf, c->size - 1);
		EXPECT_EQ(-EFAULT, vs(c->cmd, id, at)) {
			TH_LOG("%s (0x%08x): a %u-byte buffer is enough",
			       c->name, c->cmd, c->size - 1);
		}
		/* No buffer at all (create and migrate take NULL as none). */
		if (c->cmd != 0x09010001 && c->cmd != 0x19010001 &&
		    c->cmd != 0x0b010001) {
			EXPECT_EQ(-EFAULT, vs(c->cmd, id, NULL)) {
				TH_LOG("%s (0x%08x): NULL data", c->name,
				       c->cmd);
			}
		}
	}
}

TEST_F(abi, wait_exit_writes_its_size)
{
	uint8_t *at = self->page + self->pagesize - 8 + 1;
	int status;
	pid_t pid;

	/* A waiter with a short buffer faults once the context is gone. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		close(self->h.release);
		_exit(vs(0x30630000, XID, at) == -EFAULT ? 0 : 1);
	}
	usleep(200000);
	holder_stop(&self->h);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	/* The fixture's teardown stops it again: harmless. */
	ASSERT_EQ(0, holder_start(&self->h));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		close(self->h.release);
		_exit(vs(0x30630000, XID,
			 self->page + self->pagesize - 8) == 0 ? 0 : 1);
	}
	usleep(200000);
	holder_stop(&self->h);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	ASSERT_EQ(0, holder_start(&self->h));
}

TEST_F(abi, other_versions_and_numbers_are_enosys)
{
	static const uint32_t versions[] = { 1, 2, 3, 5, 0xfff };
	unsigned int i, v, cat, num;
	uint32_t cmd;

	for (i = 0; i < ABI_NCMDS; i++)
		for (v = 0; v < sizeof(versions) / sizeof(versions[0]); v++) {
			cmd = (abi_cmds[i].cmd & ~0xfffU) |
			      ((abi_cmds[i].cmd + versions[v]) & 0xfff);
			if (abi_known(cmd))
				continue;
			EXPECT_EQ(-ENOSYS, vs(cmd, XID_UNUSED, NULL)) {
				TH_LOG("0x%08x (%s, other version)", cmd,
				       abi_cmds[i].name);
			}
		}
	/* Every number of every category at version 0, but the table's. */
	for (cat = 0; cat < 64; cat++)
		for (num = 0; num < 256; num++) {
			cmd = cat << 24 | num << 16;
			if (abi_known(cmd))
				continue;
			EXPECT_EQ(-ENOSYS, vs(cmd, XID_UNUSED, NULL)) {
				TH_LOG("0x%08x", cmd);
			}
		}
	/* Bits above the category field are no command either. */
	EXPECT_EQ(-ENOSYS, vs(0x40000000, 0, NULL));
	EXPECT_EQ(-ENOSYS, vs(0x80010000, 0, NULL));
	EXPECT_EQ(-ENOSYS, vs(0xffffffff, 0, NULL));
}

TEST_F(abi, version_and_features)
{
	long vci = vs(0x00010000, 0, NULL);
	uint64_t known = 0 ABI_VCI(ABI_OR) | ABI_VCI_TAGGED_FIELD;

	EXPECT_LE(ABI_VERSION_MIN, vs(0x00000000, 63, NULL));
	ASSERT_LE(0, vci);
	EXPECT_EQ(0, (uint64_t)vci & ~known);
	/* Dynamic contexts work: NO_DYNAMIC is clear. */
	EXPECT_EQ(0, vci & 0x1);
	/* 0x01000000 is VSETUP 0, no command: get_vci is 0x00010000. */
	EXPECT_EQ(-ENOSYS, vs(0x01000000, 0, NULL));
}

TEST_F(abi, reported_masks_are_the_table_bits)
{
	uint8_t buf[64];
	uint64_t all, mask;

	/* A context in setup: every flag may still change. */
	ASSERT_EQ(0, vs(0x34010000, XID, buf));
	all = 0 ABI_CFLAGS(ABI_OR);
	EXPECT_EQ(ABI_CFLAGS_CREATE,
		  get64(buf, ABI_OFF_vcmd_ctx_flags_flagword) &
		  ABI_CFLAGS_ONE_TIME);
	EXPECT_EQ(all, get64(buf, ABI_OFF_vcmd_ctx_flags_mask));

	ASSERT_EQ(0, vs(0x34030001, XID, buf));
	EXPECT_EQ(0 ABI_CCAPS(ABI_OR), get64(buf, ABI_OFF_vcmd_ctx_caps_cmask));

	ASSERT_EQ(0, vs(0x34050000, NID, buf));
	all = 0 ABI_NFLAGS(ABI_OR);
	mask = get64(buf, ABI_OFF_vcmd_net_flags_mask);
	EXPECT_EQ(0, mask & ~all);
	EXPECT_EQ(all & ~ABI_NFLAGS_ONE_TIME, mask & ~ABI_NFLAGS_ONE_TIME);

	ASSERT_EQ(0, vs(0x34070000, NID, buf));
	EXPECT_EQ(0 ABI_NCAPS(ABI_OR), get64(buf, ABI_OFF_vcmd_net_caps_cmask));

	ASSERT_EQ(0, vs(0x36000001, 0, buf));
	mask = get64(buf, ABI_OFF_vcmd_space_mask_v1_mask);
	EXPECT_EQ(0, mask & ~(0 ABI_SPACE(ABI_OR)));
	/* What util-vserver's vnamespace enters: mount and fs. */
	EXPECT_EQ(0x20200, mask & 0x20200);
	ASSERT_EQ(0, vs(0x36010000, 0, buf));
	EXPECT_EQ(0, get64(buf, 0) & ~mask);

	memset(buf, 0, sizeof(buf));
	put64(buf, ABI_OFF_vcmd_ctx_iattr_name, (uintptr_t)"/");
	ASSERT_EQ(0, vs(0x26010001, 0, buf));
	EXPECT_EQ(0, get32(buf, ABI_OFF_vcmd_ctx_iattr_mask) &
		     ~(uint32_t)(0 ABI_IATTR(ABI_OR)));
	EXPECT_EQ(0, get32(buf, ABI_OFF_vcmd_ctx_iattr_flags) &
		     ~(uint32_t)(0 ABI_IATTR(ABI_OR)));

	/* The bounding set starts with every capability the kernel has. */
	ASSERT_EQ(0, vs(0x34090000, XID, buf));
	EXPECT_EQ(get64(buf, ABI_OFF_vcmd_bcaps_bmask),
		  get64(buf, ABI_OFF_vcmd_bcaps_bcaps));
}

TEST_F(abi, fields_are_at_the_table_offsets)
{
	uint8_t buf[128];

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_EQ(0, vs(0x28000000, XID, buf));
	EXPECT_EQ(1, get32(buf, ABI_OFF_vcmd_ctx_stat_tasks));
	EXPECT_LE(1, get32(buf, ABI_OFF_vcmd_ctx_stat_usecnt));

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_EQ(0, vs(0x2e050000, XID, buf));
	EXPECT_EQ(XID, get32(buf, ABI_OFF_vcmd_vx_info_xid));
	EXPECT_EQ(0, get32(buf, ABI_OFF_vcmd_vx_info_initpid));

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_EQ(0, vs(0x2e060000, NID, buf));
	EXPECT_EQ(NID, get32(buf, ABI_OFF_vcmd_nx_info_nid));

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_EQ(0, vs(0x28030000, XID, buf));
	EXPECT_EQ(1, get32(buf, ABI_OFF_vcmd_virt_stat_nr_threads));
	EXPECT_EQ(0, get32(buf, ABI_OFF_vcmd_virt_stat_nr_onhold));
	EXPECT_GT(30ULL * 1000000000, get64(buf, ABI_OFF_vcmd_virt_stat_uptime));

	memset(buf, 0, sizeof(buf));
	put32(buf, ABI_OFF_vcmd_vhi_name_field, 0);
	strcpy((char *)buf + ABI_OFF_vcmd_vhi_name_name, "/etc/vservers/abi");
	ASSERT_EQ(0, vs(0x02010000, XID, buf));
	memset(buf + ABI_OFF_vcmd_vhi_name_name, 0xa5, 65);
	ASSERT_EQ(0, vs(0x02020000, XID, buf));
	EXPECT_STREQ("/etc/vservers/abi",
		     (char *)buf + ABI_OFF_vcmd_vhi_name_name);

	memset(buf, 0xa5, sizeof(buf));
	put32(buf, ABI_OFF_vcmd_rlimit_stat_id, ABI_RLIMIT_NPROC);
	ASSERT_EQ(0, vs(0x28010000, XID, buf));
	EXPECT_EQ(ABI_RLIMIT_NPROC, get32(buf, ABI_OFF_vcmd_rlimit_stat_id));
	EXPECT_EQ(0, get32(buf, ABI_OFF_vcmd_rlimit_stat_hits));
	EXPECT_EQ(1, get64(buf, ABI_OFF_vcmd_rlimit_stat_value));
	EXPECT_EQ(1, get64(buf, ABI_OFF_vcmd_rlimit_stat_minimum));
	EXPECT_EQ(1, get64(buf, ABI_OFF_vcmd_rlimit_stat_maximum));

	memset(buf, 0xa5, sizeof(buf));
	put32(buf, ABI_OFF_vcmd_ctx_rlimit_id, ABI_RLIMIT_NPROC);
	ASSERT_EQ(0, vs(0x3c010000, XID, buf));
	EXPECT_EQ(0, get64(buf, ABI_OFF_vcmd_ctx_rlimit_minimum));
	EXPECT_EQ(~0ULL, get64(buf, ABI_OFF_vcmd_ctx_rlimit_softlimit));
	EXPECT_EQ(~0ULL, get64(buf, ABI_OFF_vcmd_ctx_rlimit_maximum));

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_EQ(0, vs(0x3c030000, XID, buf));
	EXPECT_EQ(0, get32(buf, ABI_OFF_vcmd_ctx_rlimit_mask_minimum));
	EXPECT_EQ(1U << ABI_RLIMIT_NPROC, get32(buf,
		  ABI_OFF_vcmd_ctx_rlimit_mask_maximum) &
		  (1U << ABI_RLIMIT_NPROC));
	EXPECT_EQ(0xa5a5a5a5, get32(buf, 12));
}

/* Whether every line of a file is "Key:\tvalue". */
static int key_tab_value(const char *path)
{
	char line[512], *colon, *space;
	int lines = 0;
	FILE *f = fopen(path, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		colon = strchr(line, ':');
		space = strchr(line, ' ');
		if (!colon || colon == line || colon[1] != '\t' ||
		    (space && space < colon)) {
			fclose(f);
			return -2;
		}
		lines++;
	}
	fclose(f);
	return lines;
}

/* The n-th whitespace-separated word of the line starting with key. */
static long proc_word(const char *path, const char *key, int n, int base)
{
	char line[512], *tok, *save;
	long v = -1;
	FILE *f = fopen(path, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, strlen(key)))
			continue;
		tok = strtok_r(line, " \t\n", &save);
		while (tok && --n)
			tok = strtok_r(NULL, " \t\n", &save);
		if (tok)
			v = strtol(tok, NULL, base);
		break;
	}
	fclose(f);
	return v;
}

TEST_F(abi, proc_virtual_as_util_vserver_reads_it)
{
	char path[64], want[64], line[128];
	struct dirent *d;
	bool found = false;
	const char *p;
	long ver;
	DIR *dir;
	FILE *f;

	/*
	 * vserver-stat takes every numeric entry as an xid; the init
	 * script's kill_contexts skips exactly "info" and "status".
	 */
	dir = opendir("/proc/virtual");
	ASSERT_NE(NULL, dir);
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..") ||
		    !strcmp(d->d_name, "info") || !strcmp(d->d_name, "status"))
			continue;
		for (p = d->d_name; isdigit((unsigned char)*p); p++)
			;
		EXPECT_EQ('\0', *p) {
			TH_LOG("/proc/virtual/%s is no xid", d->d_name);
		}
		if (atoi(d->d_name) == XID)
			found = true;
	}
	closedir(dir);
	EXPECT_TRUE(found);

	ver = vs(0x00000000, 63, NULL);
	f = fopen("/proc/virtual/info", "re");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	snprintf(want, sizeof(want), "VCIVersion:\t%04lx:%04lx\n",
		 ver >> 16, ver & 0xffff);
	EXPECT_STREQ(want, line);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	EXPECT_STREQ("VCISyscall:\t236\n", line);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	snprintf(want, sizeof(want), "VCIKernel:\t%08lx\n",
		 vs(0x00010000, 0, NULL));
	EXPECT_STREQ(want, line);
	fclose(f);
	EXPECT_LT(0, key_tab_value("/proc/virtual/info"));
	EXPECT_LT(0, key_tab_value("/proc/virtual/status"));

	/* scripts/functions: set -- $(grep '^Tasks:' .../status); $2 */
	snprintf(path, sizeof(path), "/proc/virtual/%d/status", XID);
	EXPECT_EQ(1, proc_word(path, "Tasks:", 2, 10));
	EXPECT_LT(0, key_tab_value(path));
	snprintf(path, sizeof(path), "/proc/virtual/%d/info", XID);
	EXPECT_EQ(XID, proc_word(path, "ID:", 2, 10));
	EXPECT_LT(0, key_tab_value(path));
	snprintf(path, sizeof(path), "/proc/virtual/%d/cvirt", XID);
	EXPECT_LT(0, key_tab_value(path));
	snprintf(path, sizeof(path), "/proc/virtual/%d/limit", XID);
	EXPECT_EQ(1, proc_word(path, "PROC:", 2, 10));
}

TEST_HARNESS_MAIN
