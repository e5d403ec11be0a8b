// SPDX-License-Identifier: GPL-2.0
/*
 * abi_static_check.c - the uapi header against the literal ABI table
 *
 * Compiled (never run) by `make test` and `make check`: every command
 * number, structure size, field offset and size, and flag bit of
 * kernel/uapi/linux/vserver.h must equal tests/abi_table.h, which is
 * written from the reference ABI and not from the header.  A mismatch
 * fails the build with the name of what differs.
 */

#include <stddef.h>

#include <linux/vserver.h>

#include "abi_table.h"

/* The type of each table struct; "none" (no data) has size 0. */
#define ABI_TYPEDEF(st, size) typedef struct st abi_t_##st;
ABI_STRUCTS(ABI_TYPEDEF)
typedef struct { } abi_t_none;

#define ABI_CHECK_CMD(name, num, st, size, use, idk, answer)		\
	_Static_assert(VCMD_##name == (num), "number of " #name);	\
	_Static_assert(sizeof(abi_t_##st) == (size), "data size of " #name);
ABI_COMMANDS(ABI_CHECK_CMD)

#define ABI_CHECK_STRUCT(st, size)					\
	_Static_assert(sizeof(struct st) == (size), "size of " #st);
ABI_STRUCTS(ABI_CHECK_STRUCT)

#define ABI_CHECK_FIELD(st, f, off, size)				\
	_Static_assert(offsetof(struct st, f) == (off),			\
		       "offset of " #st "." #f);			\
	_Static_assert(sizeof(((struct st *)0)->f) == (size),		\
		       "size of " #st "." #f);
ABI_FIELDS(ABI_CHECK_FIELD)

#define ABI_CHECK_BIT(name, value)					\
	_Static_assert((unsigned long long)(name) == (value), "value of " #name);
ABI_VCI(ABI_CHECK_BIT)
ABI_CFLAGS(ABI_CHECK_BIT)
ABI_CCAPS(ABI_CHECK_BIT)
ABI_NFLAGS(ABI_CHECK_BIT)
ABI_NCAPS(ABI_CHECK_BIT)
ABI_IATTR(ABI_CHECK_BIT)
ABI_NXA(ABI_CHECK_BIT)
ABI_SPACE(ABI_CHECK_BIT)
ABI_VALUES(ABI_CHECK_BIT)

/* The header's "all" masks are exactly the table's bits. */
#define ABI_OR(name, value) | (value)
_Static_assert(VXF_ALL == (0 ABI_CFLAGS(ABI_OR)), "VXF_ALL");
_Static_assert(VXC_ALL == (0 ABI_CCAPS(ABI_OR)), "VXC_ALL");
_Static_assert(NXF_ALL == (0 ABI_NFLAGS(ABI_OR)), "NXF_ALL");
_Static_assert(NXC_ALL == (0 ABI_NCAPS(ABI_OR)), "NXC_ALL");
_Static_assert(VC_SPACE_ALL == (0 ABI_SPACE(ABI_OR)), "VC_SPACE_ALL");
_Static_assert(VXF_ONE_TIME == ABI_CFLAGS_ONE_TIME, "VXF_ONE_TIME");
_Static_assert(NXF_ONE_TIME == ABI_NFLAGS_ONE_TIME, "NXF_ONE_TIME");
_Static_assert(VXF_INIT_SET == ABI_CFLAGS_CREATE, "VXF_INIT_SET");

/* The header does not define what the project does not implement. */
#define ABI_CHECK_ABSENT(name, num)					\
	_Static_assert(VC_CMD(VC_CATEGORY(num), VC_COMMAND(num),		\
			      VC_VERSION(num)) == (num), "encoding of " #name);
ABI_ABSENT(ABI_CHECK_ABSENT)
#ifdef VCMD_task_tag
#error "VCMD_task_tag is defined: move it into ABI_COMMANDS"
#endif
#ifdef VCMD_tag_migrate
#error "VCMD_tag_migrate is defined: move it into ABI_COMMANDS"
#endif
#ifdef VCMD_set_sched
#error "VCMD_set_sched is defined: move it into ABI_COMMANDS"
#endif
