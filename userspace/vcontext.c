// SPDX-License-Identifier: GPL-2.0
/*
 * vcontext - create or enter a security context and run a program in it
 *
 * Command-line compatible with util-vserver's vcontext; see vcontext(8).
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "lib/c.h"
#include "lib/disconnect.h"
#include "lib/parse.h"
#include "lib/vlogin.h"
#include "lib/vserver.h"

/* util-vserver's wrapper exit codes */
#define EXIT_VC_FAILURE	255
#define EXIT_VC_EXISTS	254

enum {
	OPT_CREATE = CHAR_MAX + 1,
	OPT_MIGRATE,
	OPT_MIGRATE_SELF,
	OPT_XID,
	OPT_SILENT,
	OPT_SILENTEXIST,
	OPT_DISCONNECT,
	OPT_ENDSETUP,
	OPT_CHROOT,
	OPT_NAMESPACE,
	OPT_PIVOT_ROOT,
	OPT_INITPID,
	OPT_UID,
	OPT_CLOSEFD,
	OPT_SYNCSOCK,
	OPT_SYNCMSG,
	OPT_PERS_TYPE,
	OPT_PERS_FLAGS,
	OPT_VLOGIN,
};

/* The mount namespace and root directory: what --namespace keeps. */
#define VC_MOUNT_SPACE	(VC_SPACE_NEWNS | VC_SPACE_FS)

/**
 * struct options - what the command line asked for
 * @create: --create
 * @migrate: --migrate or --migrate-self
 * @migrate_self: --migrate-self
 * @xid: the --xid argument, VC_DYNAMIC_ID when not given
 * @have_xid: --xid was given
 * @silent: --silent
 * @silentexist: --silentexist
 * @disconnect: --disconnect
 * @endsetup: --endsetup
 * @chroot: --chroot
 * @namespace: --namespace
 * @pivot_root: --pivot-root
 * @initpid: --initpid
 * @vlogin: --vlogin
 * @uid: the --uid argument, -1 when not given
 * @closefd: --closefd
 * @syncsock: the --syncsock socket, or NULL
 * @syncmsg: the --syncmsg message
 * @personality: the --personality-type and --personality-flags value, or
 *               -1 when no type was given
 * @pers_flags: the --personality-flags bits
 */
static struct options {
	bool create, migrate, migrate_self, have_xid;
	bool silent, silentexist, disconnect, endsetup, chroot, namespace;
	bool pivot_root, initpid, vlogin, closefd;
	uint32_t xid;
	long long uid;
	const char *syncsock, *syncmsg;
	long long personality;
	unsigned long pers_flags;
} opts = {
	.xid = VC_DYNAMIC_ID,
	.uid = -1,
	.syncmsg = "ok",
	.personality = -1,
};

static void __attribute__((__noreturn__)) usage(void)
{
	FILE *out = stdout;

	fputs(USAGE_HEADER, out);
	fprintf(out,
		" %1$s --create [--xid <xid>] [<options>] -- <program> [<arg>...]\n"
		" %1$s --migrate --xid <xid> [<options>] -- <program> [<arg>...]\n"
		" %1$s --migrate-self [<options>] -- <program> [<arg>...]\n",
		program_invocation_short_name);
	fputs(USAGE_SEPARATOR, out);
	fputs("Create a security context, or move into one, and run a program in it.\n", out);
	fputs(USAGE_OPTIONS, out);
	fputs("     --create         create a new context and enter it\n", out);
	fputs("     --migrate        enter the existing context given by --xid\n", out);
	fputs("     --migrate-self   stay in the current context (apply the other options)\n", out);
	fputs("     --xid <xid>      context number, 'self' or vserver name;\n"
	      "                        without it --create picks a dynamic xid\n", out);
	fputs("     --endsetup       end the setup phase of the context\n", out);
	fputs("     --initpid        make the program the init of the context\n"
	      "                        (with --migrate or --migrate-self)\n", out);
	fputs("     --chroot         chroot into the current directory\n", out);
	fputs("     --namespace      with --chroot: keep (--migrate-self) or enter\n"
	      "                        (--migrate) the context's mount namespace and root\n", out);
	fputs("     --pivot-root     enter the context's pivoted root, or pivot into\n"
	      "                        the current directory and keep it for the context\n", out);
	fputs("     --uid <uid>      change to the numeric user id before running\n", out);
	fputs("     --personality-type <type>\n"
	      "                      run the program with this personality (linux32, ...)\n", out);
	fputs("     --personality-flags <list>\n"
	      "                      personality flags (uname26, addr_limit_3gb, ...)\n", out);
	fputs("     --disconnect     run the program in the background, in a new session;\n"
	      "                        return once it runs, or with its failure\n", out);
	fputs("     --syncsock <path>\n"
	      "                      before running the program, send a message to this\n"
	      "                        unix stream socket and wait until it is closed\n", out);
	fputs("     --syncmsg <msg>  the message for --syncsock (default: ok)\n", out);
	fputs("     --vlogin         run the program on a terminal of its own\n", out);
	fputs("     --closefd        close every file descriptor above 2\n", out);
	fputs("     --silent         do not print the new context's number\n", out);
	fputs("     --silentexist    be silent when the context exists already\n", out);
	fputs(USAGE_SEPARATOR, out);
	fputs(USAGE_HELP, out);
	fputs(USAGE_VERSION, out);
	fputs(USAGE_MAN_TAIL("vcontext(8)"), out);
	exit(EXIT_SUCCESS);
}

static void parse_personality_type(const char *arg)
{
	uint64_t v;

	if (vs_lookup_name(arg, vs_personality_names, "PER_", &v))
		errx(EXIT_VC_FAILURE, "unknown personality type '%s'", arg);
	opts.personality = v;
}

static void parse_personality_flags(const char *arg)
{
	struct vs_change c = { 0, 0 };

	vs_change_arg(arg, vs_personality_flag_names, NULL,
		      "personality flag", &c, EXIT_VC_FAILURE);
	opts.pers_flags |= c.value & c.mask;
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "create", no_argument, NULL, OPT_CREATE },
		{ "migrate", no_argument, NULL, OPT_MIGRATE },
		{ "migrate-self", no_argument, NULL, OPT_MIGRATE_SELF },
		{ "xid", required_argument, NULL, OPT_XID },
		{ "ctx", required_argument, NULL, OPT_XID },
		{ "silent", no_argument, NULL, OPT_SILENT },
		{ "silentexist", no_argument, NULL, OPT_SILENTEXIST },
		{ "disconnect", no_argument, NULL, OPT_DISCONNECT },
		{ "endsetup", no_argument, NULL, OPT_ENDSETUP },
		{ "chroot", no_argument, NULL, OPT_CHROOT },
		{ "namespace", no_argument, NULL, OPT_NAMESPACE },
		{ "pivot-root", no_argument, NULL, OPT_PIVOT_ROOT },
		{ "initpid", no_argument, NULL, OPT_INITPID },
		{ "fakeinit", no_argument, NULL, OPT_INITPID },
		{ "uid", required_argument, NULL, OPT_UID },
		{ "closefd", no_argument, NULL, OPT_CLOSEFD },
		{ "syncsock", required_argument, NULL, OPT_SYNCSOCK },
		{ "syncmsg", required_argument, NULL, OPT_SYNCMSG },
		{ "personality-type", required_argument, NULL, OPT_PERS_TYPE },
		{ "personality-flags", required_argument, NULL, OPT_PERS_FLAGS },
		{ "vlogin", no_argument, NULL, OPT_VLOGIN },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t v;
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CREATE:
			opts.create = true;
			break;
		case OPT_MIGRATE:
			opts.migrate = true;
			break;
		case OPT_MIGRATE_SELF:
			opts.migrate = opts.migrate_self = true;
			break;
		case OPT_XID:
			opts.xid = vs_xid_arg(optarg, EXIT_VC_FAILURE);
			opts.have_xid = true;
			break;
		case OPT_SILENT:
			opts.silent = true;
			break;
		case OPT_SILENTEXIST:
			opts.silentexist = true;
			break;
		case OPT_DISCONNECT:
			opts.disconnect = true;
			break;
		case OPT_ENDSETUP:
			opts.endsetup = true;
			break;
		case OPT_CHROOT:
			opts.chroot = true;
			break;
		case OPT_NAMESPACE:
			opts.namespace = true;
			break;
		case OPT_PIVOT_ROOT:
			opts.pivot_root = true;
			break;
		case OPT_INITPID:
			opts.initpid = true;
			break;
		case OPT_UID:
			if (vs_parse_u64(optarg, UINT32_MAX - 1, &v))
				errx(EXIT_VC_FAILURE, "invalid uid '%s'", optarg);
			opts.uid = v;
			break;
		case OPT_CLOSEFD:
			opts.closefd = true;
			break;
		case OPT_SYNCSOCK:
			opts.syncsock = optarg;
			break;
		case OPT_SYNCMSG:
			opts.syncmsg = optarg;
			break;
		case OPT_PERS_TYPE:
			parse_personality_type(optarg);
			break;
		case OPT_PERS_FLAGS:
			parse_personality_flags(optarg);
			break;
		case OPT_VLOGIN:
			opts.vlogin = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_VC_FAILURE);
		}
	}

	if (opts.create == opts.migrate) {
		warnx("exactly one of --create and --migrate is needed");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (opts.migrate && !opts.migrate_self && !opts.have_xid) {
		warnx("--migrate needs --xid");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (opts.initpid && !opts.migrate) {
		warnx("--initpid can only be used with --migrate or --migrate-self");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (opts.chroot && opts.pivot_root) {
		warnx("--chroot and --pivot-root exclude each other");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (opts.pers_flags && opts.personality < 0) {
		warnx("--personality-flags needs --personality-type");
		errtryhelp(EXIT_VC_FAILURE);
	}
	if (optind >= argc) {
		warnx("no program given");
		errtryhelp(EXIT_VC_FAILURE);
	}
}

static void do_create(void)
{
	long xid = vc_ctx_create(opts.xid, VXF_INIT_SET);

	if (xid < 0) {
		if (errno == EEXIST || errno == EBUSY) {
			if (opts.silentexist)
				exit(EXIT_VC_EXISTS);
			err(EXIT_VC_EXISTS, "cannot create context %u", opts.xid);
		}
		if (opts.xid == VC_DYNAMIC_ID)
			err(EXIT_VC_FAILURE, "cannot create a dynamic context");
		err(EXIT_VC_FAILURE, "cannot create context %u", opts.xid);
	}
	opts.xid = xid;
	if (!opts.silent) {
		printf("New security context is %ld\n", xid);
		fflush(stdout);
	}
}

/* --chroot: the current directory becomes the root; --namespace keeps it. */
static void do_chroot(void)
{
	if (chroot(".") < 0)
		err(EXIT_VC_FAILURE, "cannot chroot into the current directory");
	if (chdir("/") < 0)
		err(EXIT_VC_FAILURE, "cannot chdir to /");
	if (!opts.namespace || opts.create)
		return;
	if (opts.migrate_self) {
		if (vc_set_space(opts.xid, VC_MOUNT_SPACE, 0) < 0)
			err(EXIT_VC_FAILURE,
			    "cannot keep the mount namespace of context %u",
			    opts.xid);
	} else if (vc_enter_space(opts.xid, VC_MOUNT_SPACE, 0) < 0) {
		err(EXIT_VC_FAILURE,
		    "cannot enter the mount namespace of context %u", opts.xid);
	}
}

/*
 * --pivot-root: enter the context's pivoted root (space 1); if it has
 * none, pivot into the current directory in a mount namespace of its own
 * and keep that as space 1.  The old root is detached.
 */
static void do_pivot_root(void)
{
	bool existed = false;

	if (vc_enter_space(opts.xid, VC_MOUNT_SPACE, 1) == 0)
		return;
	if (unshare(CLONE_NEWNS) < 0)
		err(EXIT_VC_FAILURE, "cannot create a mount namespace");
	/* pivot_root() refuses shared mounts; keep receiving the host's. */
	if (mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0)
		err(EXIT_VC_FAILURE, "cannot make the mounts slaves");
	if (mkdir(".oldroot", 0700) < 0) {
		if (errno != EEXIST)
			err(EXIT_VC_FAILURE, "cannot create .oldroot");
		existed = true;
	}
	if (syscall(SYS_pivot_root, ".", ".oldroot") < 0)
		err(EXIT_VC_FAILURE, "cannot pivot the root into the current directory");
	if (chdir("/") < 0)
		err(EXIT_VC_FAILURE, "cannot chdir to /");
	if (umount2("/.oldroot", MNT_DETACH) < 0)
		err(EXIT_VC_FAILURE, "cannot detach the old root");
	if (!existed && rmdir("/.oldroot") < 0)
		err(EXIT_VC_FAILURE, "cannot remove /.oldroot");
	if (vc_set_space(opts.xid, VC_MOUNT_SPACE, 1) < 0)
		err(EXIT_VC_FAILURE, "cannot keep the root of context %u",
		    opts.xid);
}

/* The STATE flags the options clear: INIT makes the caller the init. */
static void clear_state_flags(void)
{
	uint64_t mask = (opts.initpid ? VXF_STATE_INIT : 0) |
			(opts.endsetup ? VXF_STATE_SETUP : 0);

	if (mask && vc_set_cflags(opts.xid, 0, mask) < 0)
		err(EXIT_VC_FAILURE, "cannot change the flags of context %u",
		    opts.xid);
}

/* --syncsock: connect at the start, so that the peer knows we run. */
static int sync_connect(void)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (!opts.syncsock)
		return -1;
	if (strlen(opts.syncsock) >= sizeof(addr.sun_path))
		errx(EXIT_VC_FAILURE, "socket path too long: %s", opts.syncsock);
	strcpy(addr.sun_path, opts.syncsock);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		err(EXIT_VC_FAILURE, "cannot create a socket");
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		err(EXIT_VC_FAILURE, "cannot connect to %s", opts.syncsock);
	return fd;
}

/* Send the message, then wait until the peer closes without a word. */
static void sync_wait(int fd)
{
	size_t len = strlen(opts.syncmsg), off = 0;
	ssize_t n;
	char c;

	if (fd < 0)
		return;
	while (off < len) {
		n = send(fd, opts.syncmsg + off, len - off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err(EXIT_VC_FAILURE, "cannot send to %s", opts.syncsock);
		off += n;
	}
	if (shutdown(fd, SHUT_WR) < 0)
		err(EXIT_VC_FAILURE, "cannot shut down %s", opts.syncsock);
	do
		n = recv(fd, &c, 1, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		err(EXIT_VC_FAILURE, "cannot read from %s", opts.syncsock);
	if (n > 0)
		errx(EXIT_VC_FAILURE, "unexpected synchronization message on %s",
		     opts.syncsock);
	close(fd);
}

static void close_fds(void)
{
	long max = sysconf(_SC_OPEN_MAX);
	int fd;

	if (max < 0 || max > 65536)
		max = 65536;
	for (fd = 3; fd < max; fd++)
		if (fd != vs_disconnect_fd())
			close(fd);
}

int main(int argc, char **argv)
{
	int sync_fd;

	parse_args(argc, argv);

	/* Everything below happens in the process that runs the program. */
	if (opts.disconnect)
		vs_disconnect(EXIT_VC_FAILURE);
	sync_fd = sync_connect();

	if (opts.create) {
		do_create();
	} else if (opts.migrate_self) {
		long xid = vc_task_xid(0);

		if (xid < 0)
			err(EXIT_VC_FAILURE, "cannot get the current context");
		opts.xid = xid;
	}

	if (opts.chroot)
		do_chroot();
	else if (opts.pivot_root)
		do_pivot_root();

	clear_state_flags();
	if (opts.migrate && !opts.migrate_self &&
	    vc_ctx_migrate(opts.xid, opts.initpid ? VXM_SET_INIT : 0) < 0)
		err(EXIT_VC_FAILURE, "cannot enter context %u", opts.xid);

	if (opts.uid >= 0 && setuid((uid_t)opts.uid) < 0)
		err(EXIT_VC_FAILURE, "cannot change to uid %lld", opts.uid);

	if (opts.personality >= 0 &&
	    personality((unsigned long)opts.personality | opts.pers_flags) < 0)
		err(EXIT_VC_FAILURE, "cannot change the personality");

	if (opts.closefd)
		close_fds();

	sync_wait(sync_fd);
	if (opts.vlogin)
		vs_vlogin(argv + optind, EXIT_VC_FAILURE);
	execvp(argv[optind], argv + optind);
	errexec(argv[optind]);
}
