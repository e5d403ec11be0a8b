// SPDX-License-Identifier: GPL-2.0
/*
 * naddress - add addresses to a network context, or remove them
 *
 * Command-line compatible with util-vserver's naddress; see naddress(8).
 */

#include <arpa/inet.h>
#include <getopt.h>
#include <ifaddrs.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/parse.h"
#include "lib/vserver.h"

#define EXIT_NA_FAILURE	255
#define MAX_ENTRIES	256

enum {
	OPT_ADD = CHAR_MAX + 1,
	OPT_REMOVE,
	OPT_SET,
	OPT_NID,
	OPT_SILENT,
	OPT_IP,
	OPT_MASK,
	OPT_RANGE,
	OPT_BCAST,
	OPT_LBACK,
};

/**
 * struct entry - one address argument
 * @v6: IPv6 (else IPv4)
 * @type: NXA_TYPE_* | NXA_MOD_*
 * @a4: IPv4 address and second word (mask, or end of a range)
 * @a6: IPv6 address
 * @prefix: the prefix length
 * @text: the argument as printed
 */
struct entry {
	bool v6;
	uint16_t type;
	struct in_addr a4[2];
	struct in6_addr a6;
	unsigned int prefix;
	char text[INET6_ADDRSTRLEN * 2 + 8];
};

static struct options {
	int mode;		/* OPT_ADD, OPT_REMOVE or OPT_SET */
	bool silent, have_nid;
	uint32_t nid;
	unsigned int n;
	struct entry e[MAX_ENTRIES];
} opts;

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s (--add|--remove|--set) [--nid <nid>] [--silent] <address>...\n"
		"          [-- <program> [<arg>...]]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Add addresses to a network context or remove them, then run a program.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --add            add the addresses\n", out);
	fputs("     --remove         remove the addresses\n", out);
	fputs("     --set            remove every address first, then add\n", out);
	fputs("     --nid <nid>      network context number, 'self' or vserver name\n"
	      "                        (default: the current one)\n", out);
	fputs("     --silent         do not print what is done\n", out);
	fputs("\nAddresses:\n", out);
	fputs("     --ip <addr>[/<len>|/<mask>]\n"
	      "                      one IPv4 or IPv6 address on the given network,\n"
	      "                        or every address of a network interface\n", out);
	fputs("     --mask <addr>/<len>|/<mask>\n"
	      "                      every address of a network\n", out);
	fputs("     --range <first>-<last>\n"
	      "                      every IPv4 address from first to last\n", out);
	fputs("     --bcast <addr>   the broadcast address of the context\n", out);
	fputs("     --lback <addr>   the loopback address of the context (127.x.y.z)\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("naddress(8)"), out);
	exit(EXIT_SUCCESS);
}

static struct entry *new_entry(void)
{
	if (opts.n >= MAX_ENTRIES)
		errx(EXIT_NA_FAILURE, "too many addresses (at most %d)",
		     MAX_ENTRIES);
	return &opts.e[opts.n++];
}

/* Parse "len" or a dotted netmask after the slash; returns the length. */
static int parse_prefix(const char *s, bool v6)
{
	struct in_addr m;
	uint64_t v;
	uint32_t h;

	if (!v6 && strchr(s, '.')) {
		if (inet_pton(AF_INET, s, &m) != 1)
			return -1;
		h = ntohl(m.s_addr);
		if (~h & (~h + 1))
			return -1;
		return __builtin_popcount(h);
	}
	if (vs_parse_u64(s, v6 ? 128 : 32, &v))
		return -1;
	return v;
}

/* Fill @e from "addr[/prefix]"; returns false if it is no address. */
static bool parse_addr(const char *arg, uint16_t type, struct entry *e)
{
	char buf[INET6_ADDRSTRLEN + 20];
	char *slash;
	int len = -1;

	if (strlen(arg) >= sizeof(buf))
		return false;
	strcpy(buf, arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = 0;
	memset(e, 0, sizeof(*e));
	e->type = type;
	if (inet_pton(AF_INET, buf, &e->a4[0]) == 1) {
		e->v6 = false;
	} else if (inet_pton(AF_INET6, buf, &e->a6) == 1) {
		e->v6 = true;
	} else {
		return false;
	}
	if (slash) {
		len = parse_prefix(slash, e->v6);
		if (len < 0)
			errx(EXIT_NA_FAILURE, "invalid prefix '%s' in '%s'", slash,
			     arg);
	}
	e->prefix = len >= 0 ? (unsigned int)len : e->v6 ? 128 : 32;
	if (!e->v6)
		e->a4[1].s_addr = htonl(e->prefix ? ~0U << (32 - e->prefix) : 0);
	if (slash)
		snprintf(e->text, sizeof(e->text), "%s/%u", buf, e->prefix);
	else
		snprintf(e->text, sizeof(e->text), "%s", buf);
	return true;
}

/* --ip with an interface name: every address of that interface. */
static void add_interface(const char *name)
{
	struct ifaddrs *ifa, *i;
	bool found = false;

	if (getifaddrs(&ifa) < 0)
		err(EXIT_NA_FAILURE, "cannot list the network interfaces");
	for (i = ifa; i; i = i->ifa_next) {
		char addr[INET6_ADDRSTRLEN], spec[INET6_ADDRSTRLEN + 16];
		int len = 0;
		const void *a;

		if (strcmp(i->ifa_name, name) || !i->ifa_addr)
			continue;
		if (i->ifa_addr->sa_family == AF_INET) {
			a = &((struct sockaddr_in *)i->ifa_addr)->sin_addr;
			if (i->ifa_netmask)
				len = __builtin_popcount(((struct sockaddr_in *)
						i->ifa_netmask)->sin_addr.s_addr);
		} else if (i->ifa_addr->sa_family == AF_INET6) {
			const struct in6_addr *a6 =
				&((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr;

			if (IN6_IS_ADDR_LINKLOCAL(a6))
				continue;
			a = a6;
			for (int b = 0; i->ifa_netmask && b < 16; b++)
				len += __builtin_popcount(((struct sockaddr_in6 *)
						i->ifa_netmask)->sin6_addr.s6_addr[b]);
		} else {
			continue;
		}
		inet_ntop(i->ifa_addr->sa_family, a, addr, sizeof(addr));
		snprintf(spec, sizeof(spec), "%s/%d", addr, len);
		parse_addr(spec, NXA_TYPE_ADDR, new_entry());
		found = true;
	}
	freeifaddrs(ifa);
	if (!found)
		errx(EXIT_NA_FAILURE, "'%s' is neither an address nor an interface with addresses",
		     name);
}

static void parse_range(const char *arg)
{
	char buf[2 * INET_ADDRSTRLEN + 2], *dash;
	struct entry *e = new_entry();

	if (strlen(arg) >= sizeof(buf))
		errx(EXIT_NA_FAILURE, "invalid range '%s'", arg);
	strcpy(buf, arg);
	dash = strchr(buf, '-');
	if (dash)
		*dash++ = 0;
	memset(e, 0, sizeof(*e));
	e->type = NXA_TYPE_RANGE;
	if (!dash || inet_pton(AF_INET, buf, &e->a4[0]) != 1 ||
	    inet_pton(AF_INET, dash, &e->a4[1]) != 1)
		errx(EXIT_NA_FAILURE, "invalid range '%s' (IPv4 first-last)", arg);
	snprintf(e->text, sizeof(e->text), "%s-%s", buf, dash);
}

static void parse_one(const char *arg, uint16_t type, const char *what)
{
	struct entry *e = new_entry();

	if (!parse_addr(arg, type, e))
		errx(EXIT_NA_FAILURE, "invalid %s address '%s'", what, arg);
	if (e->v6 && (type & ~0xff))
		errx(EXIT_NA_FAILURE, "%s must be an IPv4 address: '%s'", what, arg);
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "add", no_argument, NULL, OPT_ADD },
		{ "remove", no_argument, NULL, OPT_REMOVE },
		{ "set", no_argument, NULL, OPT_SET },
		{ "nid", required_argument, NULL, OPT_NID },
		{ "silent", no_argument, NULL, OPT_SILENT },
		{ "ip", required_argument, NULL, OPT_IP },
		{ "mask", required_argument, NULL, OPT_MASK },
		{ "range", required_argument, NULL, OPT_RANGE },
		{ "bcast", required_argument, NULL, OPT_BCAST },
		{ "lback", required_argument, NULL, OPT_LBACK },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_ADD:
		case OPT_REMOVE:
		case OPT_SET:
			if (opts.mode && opts.mode != c) {
				warnx("only one of --add, --remove and --set");
				errtryhelp(EXIT_NA_FAILURE);
			}
			opts.mode = c;
			break;
		case OPT_NID:
			opts.nid = vs_nid_arg(optarg, EXIT_NA_FAILURE);
			opts.have_nid = true;
			break;
		case OPT_SILENT:
			opts.silent = true;
			break;
		case OPT_IP:
			if (!parse_addr(optarg, NXA_TYPE_ADDR, new_entry())) {
				opts.n--;
				add_interface(optarg);
			}
			break;
		case OPT_MASK:
			parse_one(optarg, NXA_TYPE_MASK, "network");
			break;
		case OPT_RANGE:
			parse_range(optarg);
			break;
		case OPT_BCAST:
			parse_one(optarg, NXA_TYPE_ADDR | NXA_MOD_BCAST, "--bcast");
			break;
		case OPT_LBACK:
			parse_one(optarg, NXA_TYPE_ADDR | NXA_MOD_LBACK, "--lback");
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_NA_FAILURE);
		}
	}
	if (!opts.mode) {
		warnx("one of --add, --remove and --set is needed");
		errtryhelp(EXIT_NA_FAILURE);
	}
}

static void print_list(const char *verb)
{
	unsigned int i;

	if (opts.silent || !opts.n)
		return;
	printf("%s", verb);
	for (i = 0; i < opts.n; i++)
		printf(" %s", opts.e[i].text);
	printf("\n");
	fflush(stdout);
}

static void apply(bool add)
{
	unsigned int i;

	for (i = 0; i < opts.n; i++) {
		const struct entry *e = &opts.e[i];
		int ret;

		if (e->v6) {
			struct vcmd_net_addr_ipv6 a = {
				.type = e->type, .prefix = e->prefix,
			};

			memcpy(a.ip, &e->a6, sizeof(a.ip));
			ret = vc_net_ipv6(opts.nid, add, &a);
		} else {
			struct vcmd_net_addr_ipv4 a = {
				.type = e->type,
				.ip = e->a4[0].s_addr,
				.mask = e->a4[1].s_addr,
			};

			ret = vc_net_ipv4(opts.nid, add, &a);
		}
		if (ret < 0)
			err(EXIT_NA_FAILURE, "cannot %s %s %s network context %u",
			    add ? "add" : "remove", e->text, add ? "to" : "from",
			    opts.nid);
	}
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);

	if (!opts.have_nid) {
		long nid = vc_task_nid(0);

		if (nid < 0)
			err(EXIT_NA_FAILURE, "cannot get the current network context");
		if (!nid)
			errx(EXIT_NA_FAILURE, "not in a network context: give --nid");
		opts.nid = nid;
	}

	if (opts.mode == OPT_SET) {
		struct vcmd_net_addr_ipv4 all4 = { .type = NXA_TYPE_ANY };
		struct vcmd_net_addr_ipv6 all6 = { .type = NXA_TYPE_ANY };

		if (vc_net_ipv4(opts.nid, 0, &all4) < 0 ||
		    vc_net_ipv6(opts.nid, 0, &all6) < 0)
			err(EXIT_NA_FAILURE,
			    "cannot remove the addresses of network context %u",
			    opts.nid);
	}
	print_list(opts.mode == OPT_REMOVE ? "Removing" : "Adding");
	apply(opts.mode != OPT_REMOVE);

	if (optind < argc) {
		execvp(argv[optind], argv + optind);
		errexec(argv[optind]);
	}
	return EXIT_SUCCESS;
}
