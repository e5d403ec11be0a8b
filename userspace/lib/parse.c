// SPDX-License-Identifier: GPL-2.0
/*
 * parse.c - parsers for the command-line arguments of the vserver tools
 */

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse.h"
#include "vserver.h"

/**
 * vs_parse_u64() - parse an unsigned number
 * @s: decimal, or hexadecimal with 0x, or octal with a leading 0
 * @max: the largest value allowed
 * @val: the result
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int vs_parse_u64(const char *s, uint64_t max, uint64_t *val)
{
	unsigned long long v;
	char *end;

	if (!s || !*s || isspace((unsigned char)*s) || *s == '-' || *s == '+')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (*end)
		return -EINVAL;
	if (errno == ERANGE || v > max)
		return -ERANGE;
	*val = v;
	return 0;
}

static int read_context_file(const char *path, uint32_t *xid)
{
	char line[64], *nl;
	uint64_t v;
	FILE *f;
	int ret;

	f = fopen(path, "re");
	if (!f)
		return -ENOENT;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return -EINVAL;
	}
	fclose(f);
	nl = strchr(line, '\n');
	if (nl)
		*nl = '\0';
	ret = vs_parse_u64(line, VC_XID_DYNAMIC_MAX, &v);
	if (ret)
		return ret;
	*xid = v;
	return 0;
}

/*
 * Parse a context or network context argument: a number, "self" (the
 * caller's own, from @self), or a vserver name whose id is read from the
 * first of @files in @confdir/NAME that exists.
 */
static int parse_id(const char *s, const char *confdir, long (*self)(pid_t),
		    const char *const *files, uint32_t *id)
{
	char path[4096];
	uint64_t v;
	long ret;

	if (!s || !*s)
		return -EINVAL;
	if (isdigit((unsigned char)*s)) {
		ret = vs_parse_u64(s, VC_XID_DYNAMIC_MAX, &v);
		if (!ret)
			*id = v;
		return ret;
	}
	if (!strcmp(s, "self")) {
		ret = self(0);
		if (ret < 0)
			return -errno;
		*id = ret;
		return 0;
	}
	if (*s == ':')
		s++;
	if (!*s || strchr(s, '/') || !strcmp(s, ".") || !strcmp(s, ".."))
		return -EINVAL;
	for (ret = -ENOENT; *files && ret == -ENOENT; files++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s/%s", confdir, s,
				     *files) >= sizeof(path))
			return -EINVAL;
		ret = read_context_file(path, id);
	}
	return ret;
}

/**
 * vs_parse_xid() - parse a context argument
 * @s: a number (0..65535), "self" for the caller's context, or a vserver
 *     name, optionally prefixed with ':', whose static xid is read from
 *     @confdir/NAME/context
 * @confdir: the configuration directory, VS_CONFDIR normally
 * @xid: the result
 *
 * Return: 0, -EINVAL, -ERANGE, -ENOENT (no such vserver), or the error of
 * the task_xid command for "self".
 */
int vs_parse_xid(const char *s, const char *confdir, uint32_t *xid)
{
	static const char *const files[] = { "context", NULL };

	return parse_id(s, confdir, vc_task_xid, files, xid);
}

/**
 * vs_parse_nid() - parse a network context argument
 * @s: as for vs_parse_xid(); a name's nid is read from @confdir/NAME/ncontext,
 *     or from @confdir/NAME/context if there is none (the nid of a vserver
 *     is its xid unless configured otherwise)
 * @confdir: the configuration directory, VS_CONFDIR normally
 * @nid: the result
 *
 * Return: as for vs_parse_xid().
 */
int vs_parse_nid(const char *s, const char *confdir, uint32_t *nid)
{
	static const char *const files[] = { "ncontext", "context", NULL };

	return parse_id(s, confdir, vc_task_nid, files, nid);
}

static const struct vs_name *lookup_name(const struct vs_name *tab,
					 const char *prefix, const char *tok,
					 size_t len)
{
	size_t plen = prefix ? strlen(prefix) : 0;

	if (plen && len > plen && !strncasecmp(tok, prefix, plen)) {
		tok += plen;
		len -= plen;
	}
	for (; tab->name; tab++)
		if (strlen(tab->name) == len && !strncasecmp(tab->name, tok, len))
			return tab;
	return NULL;
}

/**
 * vs_lookup_name() - the value of one name of a table
 * @s: the name; case does not matter, @prefix may be put in front
 * @tab: the names, NULL-terminated
 * @prefix: an optional prefix such as "PER_", or NULL
 * @val: the result
 *
 * Return: 0 or -EINVAL.
 */
int vs_lookup_name(const char *s, const struct vs_name *tab,
		   const char *prefix, uint64_t *val)
{
	const struct vs_name *n = lookup_name(tab, prefix, s, strlen(s));

	if (!n)
		return -EINVAL;
	*val = n->bit;
	return 0;
}

static uint64_t table_mask(const struct vs_name *tab)
{
	uint64_t all = 0;

	for (; tab->name; tab++)
		all |= tab->bit;
	return all;
}

/**
 * vs_parse_list() - parse a comma-separated list of flag names
 * @s: the list; each item is a name from @tab (case does not matter, and
 *     @prefix may be put in front), "all" or "any" (every bit of @tab),
 *     "none" (clears every bit of @tab), "^N" (bit N), or a number; a
 *     leading '!' or '~' moves the item from @set to @clear
 * @tab: the names, NULL-terminated
 * @prefix: an optional prefix such as "CAP_", or NULL
 * @set: receives the bits to set (ORed in)
 * @clear: receives the bits to clear (ORed in)
 * @bad: on -EINVAL, points at the item that could not be parsed
 * @badlen: on -EINVAL, the length of that item
 *
 * Return: 0 or -EINVAL.
 */
int vs_parse_list(const char *s, const struct vs_name *tab,
		  const char *prefix, uint64_t *set, uint64_t *clear,
		  const char **bad, size_t *badlen)
{
	const char *tok = s;

	if (!s)
		return -EINVAL;
	while (*tok) {
		size_t len = strcspn(tok, ",");
		const char *item = tok;
		size_t ilen = len;
		const struct vs_name *n;
		uint64_t bits, v;
		char num[32];
		int neg = 0;

		if (*item == '!' || *item == '~') {
			neg = 1;
			item++;
			ilen--;
		}
		if (!ilen) {
			goto bad;
		} else if ((ilen == 3 && !strncasecmp(item, "all", 3)) ||
			   (ilen == 3 && !strncasecmp(item, "any", 3))) {
			bits = table_mask(tab);
		} else if (ilen == 4 && !strncasecmp(item, "none", 4)) {
			bits = table_mask(tab);
			neg = !neg;
		} else if (*item == '^' || isdigit((unsigned char)*item)) {
			int caret = *item == '^';

			if (ilen - caret >= sizeof(num) || ilen - caret == 0)
				goto bad;
			memcpy(num, item + caret, ilen - caret);
			num[ilen - caret] = '\0';
			if (vs_parse_u64(num, caret ? 63 : UINT64_MAX, &v))
				goto bad;
			bits = caret ? 1ULL << v : v;
		} else {
			n = lookup_name(tab, prefix, item, ilen);
			if (!n)
				goto bad;
			bits = n->bit;
		}
		if (neg)
			*clear |= bits;
		else
			*set |= bits;

		tok += len;
		if (*tok == ',') {
			tok++;
			if (!*tok)
				goto bad_empty;
		}
		continue;
bad:
		*bad = tok;
		*badlen = len;
		return -EINVAL;
bad_empty:
		*bad = tok;
		*badlen = 0;
		return -EINVAL;
	}
	return 0;
}

/**
 * vs_parse_limit() - parse a limit value
 * @s: "inf", or a number with an optional suffix: k (10^3), K (2^10),
 *     m (10^6), M (2^20), g (10^9), G (2^30)
 * @val: the result; "inf" is UINT64_MAX
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int vs_parse_limit(const char *s, uint64_t *val)
{
	static const struct { char c; uint64_t mul; } suffixes[] = {
		{ 'k', 1000ULL }, { 'K', 1ULL << 10 },
		{ 'm', 1000000ULL }, { 'M', 1ULL << 20 },
		{ 'g', 1000000000ULL }, { 'G', 1ULL << 30 },
	};
	char num[32];
	uint64_t mul = 1, v;
	size_t len, i;
	int ret;

	if (!s)
		return -EINVAL;
	if (!strcasecmp(s, "inf")) {
		*val = UINT64_MAX;
		return 0;
	}
	len = strlen(s);
	if (!len || len >= sizeof(num))
		return -EINVAL;
	memcpy(num, s, len + 1);
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if (num[len - 1] == suffixes[i].c) {
			mul = suffixes[i].mul;
			num[--len] = '\0';
			break;
		}
	}
	ret = vs_parse_u64(num, UINT64_MAX, &v);
	if (ret)
		return ret;
	if (v > UINT64_MAX / mul)
		return -ERANGE;
	*val = v * mul;
	return 0;
}

/**
 * vs_format_list() - format a flag word as a comma-separated list of names
 * @val: the flag word
 * @tab: the names, NULL-terminated; bits without a name print as "^N"
 * @buf: the output buffer
 * @size: its size
 *
 * Return: 0, or -ERANGE if @buf is too small.
 */
int vs_format_list(uint64_t val, const struct vs_name *tab, char *buf,
		   size_t size)
{
	const struct vs_name *n;
	size_t used = 0;
	int i, w;

	if (!size)
		return -ERANGE;
	buf[0] = '\0';
	for (n = tab; n->name; n++) {
		if (!n->bit || (val & n->bit) != n->bit)
			continue;
		w = snprintf(buf + used, size - used, "%s%s",
			     used ? "," : "", n->name);
		if (w < 0 || (size_t)w >= size - used)
			return -ERANGE;
		used += w;
		val &= ~n->bit;
	}
	for (i = 0; i < 64; i++) {
		if (!(val & (1ULL << i)))
			continue;
		w = snprintf(buf + used, size - used, "%s^%d",
			     used ? "," : "", i);
		if (w < 0 || (size_t)w >= size - used)
			return -ERANGE;
		used += w;
	}
	return 0;
}

/**
 * vs_xid_arg() - parse a context argument of a tool, or exit
 * @s: the argument, as vs_parse_xid() takes it (names from VS_CONFDIR)
 * @status: the exit status if it cannot be parsed
 *
 * Return: the xid.
 */
uint32_t vs_xid_arg(const char *s, int status)
{
	uint32_t xid;
	int ret = vs_parse_xid(s, VS_CONFDIR, &xid);

	if (ret) {
		errno = -ret;
		err(status, "invalid xid '%s'", s);
	}
	return xid;
}

/**
 * vs_nid_arg() - parse a network context argument of a tool, or exit
 * @s: the argument, as vs_parse_nid() takes it (names from VS_CONFDIR)
 * @status: the exit status if it cannot be parsed
 *
 * Return: the nid.
 */
uint32_t vs_nid_arg(const char *s, int status)
{
	uint32_t nid;
	int ret = vs_parse_nid(s, VS_CONFDIR, &nid);

	if (ret) {
		errno = -ret;
		err(status, "invalid nid '%s'", s);
	}
	return nid;
}

/**
 * vs_change_arg() - add a list option to a value/mask change, or exit
 * @arg: the list, as vs_parse_list() takes it
 * @tab: the names
 * @prefix: an optional prefix of the names, or NULL
 * @what: what the names are, for the error message
 * @c: the change, updated
 * @status: the exit status for an unknown name
 */
void vs_change_arg(const char *arg, const struct vs_name *tab,
		   const char *prefix, const char *what, struct vs_change *c,
		   int status)
{
	uint64_t set = 0, clear = 0;
	const char *bad = NULL;
	size_t badlen = 0;

	if (vs_parse_list(arg, tab, prefix, &set, &clear, &bad, &badlen))
		errx(status, "unknown %s '%.*s'", what, (int)badlen, bad);
	c->value = (c->value | set) & ~clear;
	c->mask |= set | clear;
}

/**
 * vs_print_list() - print "NAME:" and the names of the bits set, or exit
 * @name: the heading
 * @val: the bits
 * @tab: their names
 * @status: the exit status if the list does not fit
 */
void vs_print_list(const char *name, uint64_t val, const struct vs_name *tab,
		   int status)
{
	char buf[2048];

	if (vs_format_list(val, tab, buf, sizeof(buf)))
		errx(status, "cannot format the %s", name);
	printf("%s:\n%s\n", name, buf);
}
