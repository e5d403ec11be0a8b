/* SPDX-License-Identifier: GPL-2.0 */
/*
 * c.h - small helpers shared by the vserver tools
 */

#ifndef VS_C_H
#define VS_C_H

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* PACKAGE_VERSION comes from ../VERSION through the Makefile. */

#define USAGE_HEADER	"\nUsage:\n"
#define USAGE_OPTIONS	"\nOptions:\n"
#define USAGE_SEPARATOR	"\n"
#define USAGE_HELP	" -h, --help           display this help\n"
#define USAGE_VERSION	" -V, --version        display version\n"
#define USAGE_MAN_TAIL(man) "\nFor more details see " man ".\n"

/**
 * errtryhelp() - point the user at --help and exit
 * @code: the exit status
 */
#define errtryhelp(code) do { \
	fprintf(stderr, "Try '%s --help' for more information.\n", \
		program_invocation_short_name); \
	exit(code); \
} while (0)

/**
 * print_version() - print "<tool> from vserver <version>" and exit 0
 */
#define print_version() do { \
	printf("%s from vserver %s\n", program_invocation_short_name, \
	       PACKAGE_VERSION); \
	exit(EXIT_SUCCESS); \
} while (0)

/**
 * errexec() - report a failed execvp() and exit like a shell would
 * @name: the program that could not be run
 *
 * Exits 127 if the program was not found, 126 otherwise.
 */
/* err(3) with an error code instead of errno (BSD; glibc has them late). */
#ifndef warnc
#define warnc(code, ...) do { errno = (code); warn(__VA_ARGS__); } while (0)
#endif
#ifndef errc
#define errc(status, code, ...) do { \
	errno = (code); \
	err(status, __VA_ARGS__); \
} while (0)
#endif

/* snprintf() for paths and names that must be whole: exits if cut. */
#define xsnprintf(buf, size, ...) do { \
	int n_ = snprintf(buf, size, __VA_ARGS__); \
	if (n_ < 0 || (size_t)n_ >= (size_t)(size)) \
		errx(EXIT_FAILURE, "name too long: %s...", buf); \
} while (0)

#define errexec(name) err(errno == ENOENT ? 127 : 126, \
			  "failed to execute %s", name)

#endif /* VS_C_H */
