/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parse.h - parsers for the command-line arguments of the vserver tools
 *
 * Every parser returns 0 on success or a negative errno value: -EINVAL for
 * text that is not of the expected form, -ERANGE for a number out of range,
 * -ENOENT for a name that cannot be resolved.
 */

#ifndef VS_PARSE_H
#define VS_PARSE_H

#include <stddef.h>
#include <stdint.h>

/**
 * struct vs_name - one named bit of a flag word
 * @name: the name, lower case, without prefix
 * @bit: the value of the bit (a mask with one or more bits set)
 */
struct vs_name {
	const char *name;
	uint64_t bit;
};

/**
 * struct vs_change - a value/mask pair collected from the command line
 * @value: the new values of the bits in @mask
 * @mask: the bits to change
 */
struct vs_change {
	uint64_t value;
	uint64_t mask;
};

/* The context flags, with util-vserver's names; NULL-terminated. */
extern const struct vs_name vs_cflag_names[];
/* Linux capabilities without the CAP_ prefix, upper case. */
extern const struct vs_name vs_bcap_names[];
/* The context capabilities, without the VXC_ prefix. */
extern const struct vs_name vs_ccap_names[];
/* The unshare mask: CLONE_FS and CLONE_NEW*, lower case, util-vserver's. */
extern const struct vs_name vs_umask_names[];
/* Personality types and flags (personality(2)), util-vserver's names. */
extern const struct vs_name vs_personality_names[];
extern const struct vs_name vs_personality_flag_names[];
/* The network flags and capabilities, without the NXF_/NXC_ prefix. */
extern const struct vs_name vs_nflag_names[];
extern const struct vs_name vs_ncap_names[];
/* The bounding set `vattribute --secure` gives a context. */
extern const uint64_t vs_secure_bcaps;

/* The default directory of vserver configurations. */
#define VS_CONFDIR "/etc/vservers"

int vs_parse_u64(const char *s, uint64_t max, uint64_t *val);
int vs_parse_xid(const char *s, const char *confdir, uint32_t *xid);
int vs_parse_nid(const char *s, const char *confdir, uint32_t *nid);
int vs_parse_list(const char *s, const struct vs_name *tab,
		  const char *prefix, uint64_t *set, uint64_t *clear,
		  const char **bad, size_t *badlen);
int vs_lookup_name(const char *s, const struct vs_name *tab,
		   const char *prefix, uint64_t *val);
int vs_parse_limit(const char *s, uint64_t *val);
uint32_t vs_xid_arg(const char *s, int status);
uint32_t vs_nid_arg(const char *s, int status);
int vs_format_list(uint64_t val, const struct vs_name *tab, char *buf,
		   size_t size);
void vs_change_arg(const char *arg, const struct vs_name *tab,
		   const char *prefix, const char *what, struct vs_change *c,
		   int status);
void vs_print_list(const char *name, uint64_t val, const struct vs_name *tab,
		   int status);

#endif /* VS_PARSE_H */
