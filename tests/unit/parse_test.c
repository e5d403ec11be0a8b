// SPDX-License-Identifier: GPL-2.0
/*
 * parse_test.c - host-side unit tests of the tools' argument parsers
 *
 * Prints TAP.  Exits non-zero if any check fails.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/parse.h"
#include "lib/vserver.h"

static int nr_tests, nr_failed;

static void check(int ok, const char *what)
{
	nr_tests++;
	if (!ok)
		nr_failed++;
	printf("%sok %d %s\n", ok ? "" : "not ", nr_tests, what);
}

static void test_u64(void)
{
	uint64_t v = 0;

	check(!vs_parse_u64("42", 100, &v) && v == 42, "u64: decimal");
	check(!vs_parse_u64("0x10", 100, &v) && v == 16, "u64: hexadecimal");
	check(vs_parse_u64("101", 100, &v) == -ERANGE, "u64: above max is ERANGE");
	check(vs_parse_u64("18446744073709551616", UINT64_MAX, &v) == -ERANGE,
	      "u64: overflow is ERANGE");
	check(vs_parse_u64("-1", 100, &v) == -EINVAL, "u64: negative is EINVAL");
	check(vs_parse_u64("", 100, &v) == -EINVAL, "u64: empty is EINVAL");
	check(vs_parse_u64("12a", 100, &v) == -EINVAL, "u64: trailing junk is EINVAL");
	check(vs_parse_u64(" 1", 100, &v) == -EINVAL, "u64: leading space is EINVAL");
}

static void test_xid(void)
{
	char dir[] = "/tmp/vs-unit-XXXXXX", path[256];
	uint32_t xid = 0;
	FILE *f;

	check(!vs_parse_xid("42", VS_CONFDIR, &xid) && xid == 42, "xid: number");
	check(!vs_parse_xid("65535", VS_CONFDIR, &xid) && xid == 65535,
	      "xid: largest");
	check(vs_parse_xid("65536", VS_CONFDIR, &xid) == -ERANGE,
	      "xid: 65536 is out of range");
	check(vs_parse_xid("", VS_CONFDIR, &xid) == -EINVAL, "xid: empty");

	if (!mkdtemp(dir)) {
		check(0, "xid: mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/web", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/web/context", dir);
	f = fopen(path, "w");
	if (f) {
		fputs("1234\n", f);
		fclose(f);
	}
	check(!vs_parse_xid("web", dir, &xid) && xid == 1234,
	      "xid: name from NAME/context");
	xid = 0;
	check(!vs_parse_xid(":web", dir, &xid) && xid == 1234,
	      "xid: :name from NAME/context");
	check(vs_parse_xid("nosuch", dir, &xid) == -ENOENT,
	      "xid: unknown name is ENOENT");
	check(vs_parse_xid("../web", dir, &xid) == -EINVAL,
	      "xid: name with a slash is EINVAL");
	check(vs_parse_xid("..", dir, &xid) == -EINVAL, "xid: .. is EINVAL");
	unlink(path);
	snprintf(path, sizeof(path), "%s/web", dir);
	rmdir(path);
	rmdir(dir);
}

static void test_list(void)
{
	uint64_t set = 0, clear = 0;
	const char *bad = NULL;
	size_t badlen = 0;
	char buf[256];

	check(!vs_parse_list("fakeinit,persistent", vs_cflag_names, NULL, &set,
			     &clear, &bad, &badlen) &&
	      set == (VXF_INFO_INIT | VXF_PERSISTENT) && !clear,
	      "list: names");
	set = clear = 0;
	check(!vs_parse_list("~state_setup,!LOCK", vs_cflag_names, NULL, &set,
			     &clear, &bad, &badlen) &&
	      !set && clear == (VXF_STATE_SETUP | VXF_INFO_LOCK),
	      "list: negation with ~ and !, any case");
	set = clear = 0;
	check(!vs_parse_list("^3,0x10", vs_cflag_names, NULL, &set, &clear,
			     &bad, &badlen) && set == 0x18,
	      "list: ^bit and numbers");
	set = clear = 0;
	check(!vs_parse_list("all", vs_cflag_names, NULL, &set, &clear, &bad,
			     &badlen) && set == VXF_ALL,
	      "list: all is every named bit");
	set = clear = 0;
	check(!vs_parse_list("none", vs_cflag_names, NULL, &set, &clear, &bad,
			     &badlen) && !set && clear == VXF_ALL,
	      "list: none clears every named bit");
	set = clear = 0;
	check(!vs_parse_list("VXF_lock", vs_cflag_names, "VXF_", &set, &clear,
			     &bad, &badlen) && set == VXF_INFO_LOCK,
	      "list: optional prefix");
	check(vs_parse_list("lock,bogus,nproc", vs_cflag_names, NULL, &set,
			    &clear, &bad, &badlen) == -EINVAL &&
	      badlen == 5 && !strncmp(bad, "bogus", 5),
	      "list: unknown name is EINVAL and named");
	check(vs_parse_list("lock,", vs_cflag_names, NULL, &set, &clear, &bad,
			    &badlen) == -EINVAL, "list: trailing comma is EINVAL");
	check(vs_parse_list("^64", vs_cflag_names, NULL, &set, &clear, &bad,
			    &badlen) == -EINVAL, "list: ^64 is EINVAL");
	check(vs_parse_list("!", vs_cflag_names, NULL, &set, &clear, &bad,
			    &badlen) == -EINVAL, "list: lone ! is EINVAL");

	check(!vs_format_list(VXF_INFO_LOCK | VXF_PERSISTENT | (1ULL << 63),
			      vs_cflag_names, buf, sizeof(buf)) &&
	      !strcmp(buf, "lock,persistent,^63"),
	      "format: names then unknown bits");
	check(vs_format_list(VXF_ALL, vs_cflag_names, buf, 8) == -ERANGE,
	      "format: short buffer is ERANGE");
}

static void test_limit(void)
{
	uint64_t v = 0;

	check(!vs_parse_limit("inf", &v) && v == UINT64_MAX, "limit: inf");
	check(!vs_parse_limit("10k", &v) && v == 10000, "limit: k is 1000");
	check(!vs_parse_limit("10K", &v) && v == 10240, "limit: K is 1024");
	check(!vs_parse_limit("2m", &v) && v == 2000000, "limit: m is 10^6");
	check(!vs_parse_limit("2M", &v) && v == 2097152, "limit: M is 2^20");
	check(!vs_parse_limit("1G", &v) && v == 1073741824, "limit: G is 2^30");
	check(vs_parse_limit("99999999999999999999G", &v) == -ERANGE,
	      "limit: overflow is ERANGE");
	check(vs_parse_limit("17179869184G", &v) == -ERANGE,
	      "limit: overflow by the suffix is ERANGE");
	check(vs_parse_limit("K", &v) == -EINVAL, "limit: suffix alone");
	check(vs_parse_limit("1x", &v) == -EINVAL, "limit: unknown suffix");
}

int main(void)
{
	printf("TAP version 13\n");
	test_u64();
	test_xid();
	test_list();
	test_limit();
	printf("1..%d\n", nr_tests);
	return nr_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
