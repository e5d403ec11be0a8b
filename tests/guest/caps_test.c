// SPDX-License-Identifier: GPL-2.0
/*
 * caps_test.c - a context's capability bounding set holds root back
 *
 * A root process in a context whose bounding set is util-vserver's secure
 * set (what `vattribute --secure` sets) tries what a guest must not do.
 */

#include <fcntl.h>
#include <sys/io.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <linux/capability.h>
#include <linux/reboot.h>
#include <net/if.h>
#include <sched.h>
#include <sys/klog.h>

#include <sys/resource.h>
#include <termios.h>

#include "common.h"
#include "kselftest_harness.h"

static int errno_of(long ret)
{
	return ret < 0 ? -errno : (int)ret;
}

static long set_bcaps(uint32_t xid, uint64_t bcaps, uint64_t mask)
{
	struct vcmd_bcaps arg = { .bcaps = bcaps, .bmask = mask };

	return vs_call(VCMD_set_bcaps, xid, &arg);
}

static uint64_t get_bcaps(uint32_t xid)
{
	struct vcmd_bcaps arg = { 0 };

	if (vs_call(VCMD_get_bcaps, xid, &arg))
		return 0xdead;
	return arg.bcaps;
}

/* Enter a secure context as root and end its setup. */
static void enter_secure(struct __test_metadata *_metadata, uint32_t xid)
{
	ASSERT_EQ(xid, vs_create(xid, VXF_INIT_SET));
	ASSERT_EQ(0, set_bcaps(VC_SAME_ID, SECURE_BCAPS, ~0ULL));
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP));
}

TEST(bounding_set_starts_full_and_only_shrinks)
{
	struct vcmd_bcaps arg;

	ASSERT_EQ(500, vs_create(500, VXF_INIT_SET));
	ASSERT_EQ(0, vs_call(VCMD_get_bcaps, VC_SAME_ID, &arg));
	EXPECT_EQ(arg.bmask, arg.bcaps);
	EXPECT_EQ((1ULL << (CAP_LAST_CAP + 1)) - 1, arg.bcaps);
	ASSERT_EQ(0, set_bcaps(VC_SAME_ID, 0, 1ULL << CAP_SYS_ADMIN));
	EXPECT_EQ(arg.bcaps & ~(1ULL << CAP_SYS_ADMIN), get_bcaps(VC_SAME_ID));
	/* Asking for it back does nothing. */
	ASSERT_EQ(0, set_bcaps(VC_SAME_ID, ~0ULL, ~0ULL));
	EXPECT_EQ(arg.bcaps & ~(1ULL << CAP_SYS_ADMIN), get_bcaps(VC_SAME_ID));
}

TEST(bounding_set_applies_after_setup)
{
	ASSERT_EQ(501, vs_create(501, VXF_INIT_SET));
	ASSERT_EQ(0, set_bcaps(VC_SAME_ID, 0, 1ULL << CAP_MKNOD));
	/* In setup the context is still fully privileged. */
	EXPECT_EQ(0, mknod("/tmp/caps-null-1", S_IFCHR | 0600, makedev(1, 3)));
	unlink("/tmp/caps-null-1");
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP));
	EXPECT_EQ(-EPERM, errno_of(mknod("/tmp/caps-null-2", S_IFCHR | 0600,
					 makedev(1, 3))));
}

TEST(secure_root_cannot_mknod_mount_or_load_modules)
{
	int fd;

	enter_secure(_metadata, 502);
	EXPECT_EQ(0, getuid());
	EXPECT_EQ(-EPERM, errno_of(mknod("/tmp/caps-mem", S_IFCHR | 0600,
					 makedev(1, 1))));
	EXPECT_EQ(-EPERM, errno_of(mount("none", "/mnt", "tmpfs", 0, NULL)));
	EXPECT_EQ(-EPERM, errno_of(umount2("/proc", MNT_DETACH)));
	fd = open("/lib/modules/vserver.ko", O_RDONLY);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-EPERM, errno_of(syscall(SYS_finit_module, fd, "", 0)));
	close(fd);
	EXPECT_EQ(-EPERM, errno_of(syscall(SYS_delete_module, "vserver",
					   O_NONBLOCK)));
}

TEST(secure_root_cannot_change_clock_or_reboot)
{
	struct timeval tv;

	enter_secure(_metadata, 503);
	ASSERT_EQ(0, gettimeofday(&tv, NULL));
	EXPECT_EQ(-EPERM, errno_of(settimeofday(&tv, NULL)));
	/* Harmless if it were allowed: only switches Ctrl-Alt-Del off. */
	EXPECT_EQ(-EPERM, errno_of(reboot(RB_DISABLE_CAD)));
	EXPECT_EQ(-EPERM, errno_of(sethostname("guest", 5)));
}

/*
 * util-vserver adds CAP_SYS_BOOT to the secure set when the kernel keeps
 * reboot(2) inside the context: restart and power off end the guest's
 * processes, never the machine (this test would not finish otherwise).
 */
static int reboot_in_context(uint32_t xid, int how, int report)
{
	int res[4];

	if (vs_create(xid, VXF_INIT_SET) != xid ||
	    set_bcaps(VC_SAME_ID, SECURE_BCAPS | (1ULL << CAP_SYS_BOOT), ~0ULL) ||
	    vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 10;
	/* A sibling in the context, which must go down with it. */
	if (fork() == 0) {
		pause();
		_exit(0);
	}
	res[0] = errno_of(reboot(RB_DISABLE_CAD));
	res[1] = errno_of(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1,
				  LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_KEXEC,
				  NULL));
	res[2] = errno_of(reboot(RB_SW_SUSPEND));
	res[3] = errno_of(reboot(0x12345678));
	if (write(report, res, sizeof(res)) != sizeof(res))
		return 11;
	reboot(how);
	return 12;	/* still alive: the reboot did nothing */
}

TEST(sys_boot_in_a_context_reboots_only_the_context)
{
	static const int hows[] = { RB_AUTOBOOT, RB_POWER_OFF };
	struct vcmd_vx_info info;
	struct holder other;
	int i, status, res[4], p[2];
	pid_t pid;

	ASSERT_EQ(522, holder_start(&other, 522, VXF_INIT_SET, 0));
	for (i = 0; i < 2; i++) {
		ASSERT_EQ(0, pipe(p));
		pid = fork();
		ASSERT_LE(0, pid);
		if (!pid)
			_exit(reboot_in_context(520 + i, hows[i], p[1]));
		close(p[1]);
		ASSERT_EQ(sizeof(res), read(p[0], res, sizeof(res)));
		close(p[0]);
		/* Ctrl-Alt-Del is the host console's; kexec is refused. */
		EXPECT_EQ(0, res[0]);
		EXPECT_EQ(-EPERM, res[1]);
		EXPECT_EQ(-EPERM, res[2]);
		EXPECT_EQ(-EINVAL, res[3]);
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		/* The sibling went too: the context ends. */
		for (int t = 0; t < 250 && !vs_call(VCMD_vx_info, 520 + i, &info); t++)
			usleep(20000);
		EXPECT_EQ(-ESRCH, errno_of(vs_call(VCMD_vx_info, 520 + i, &info)));
	}
	/* Another context lives on. */
	EXPECT_EQ(0, kill(other.pid, 0));
	EXPECT_EQ(0, holder_stop(&other));
}

/* The spectator context changes nothing, not even Ctrl-Alt-Del. */
static int spectator_reboot(void *arg)
{
	(void)arg;
	if (vs_migrate(VC_XID_SPECTATOR, 0))
		return 10;
	return errno_of(reboot(RB_DISABLE_CAD)) == -EPERM ? 0 : 11;
}

TEST(spectator_cannot_reboot)
{
	EXPECT_EQ(0, in_child(spectator_reboot, NULL));
}

TEST(secure_root_has_no_raw_io)
{
	enter_secure(_metadata, 504);
	EXPECT_EQ(-EPERM, errno_of(iopl(3)));
	EXPECT_EQ(-EPERM, errno_of(ioperm(0x80, 1, 1)));
	EXPECT_EQ(-EPERM, errno_of(open("/dev/mem", O_RDONLY)));
}

TEST(secure_root_cannot_change_host_network)
{
	struct ifreq ifr = { 0 };
	int s;

	enter_secure(_metadata, 505);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	ASSERT_LE(0, s);
	strcpy(ifr.ifr_name, "lo");
	ASSERT_EQ(0, ioctl(s, SIOCGIFFLAGS, &ifr));
	EXPECT_EQ(-EPERM, errno_of(ioctl(s, SIOCSIFFLAGS, &ifr)));
	ifr.ifr_mtu = 1280;
	EXPECT_EQ(-EPERM, errno_of(ioctl(s, SIOCSIFMTU, &ifr)));
	close(s);
	EXPECT_EQ(-EPERM, errno_of(socket(AF_PACKET, SOCK_RAW, 0)));
}

TEST(secure_root_cannot_regain_capabilities)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];
	struct vcmd_ctx_flags flags = { 0 };

	enter_secure(_metadata, 506);
	/* The credentials still hold every capability... */
	ASSERT_EQ(0, syscall(SYS_capget, &hdr, data));
	EXPECT_NE(0, data[0].effective & (1U << CAP_MKNOD));
	/* ...but using them is refused, and so is growing the set. */
	EXPECT_EQ(-EPERM, errno_of(mknod("/tmp/caps-null-3", S_IFCHR | 0600,
					 makedev(1, 3))));
	EXPECT_EQ(-EPERM, errno_of(set_bcaps(VC_SAME_ID, ~0ULL, ~0ULL)));
	EXPECT_EQ(SECURE_BCAPS, get_bcaps(VC_SAME_ID));
	/* Setup cannot be entered again. */
	flags.flagword = flags.mask = VXF_STATE_SETUP;
	EXPECT_EQ(-EPERM, vs_call(VCMD_set_cflags, VC_SAME_ID, &flags));
	EXPECT_EQ(-EPERM, vs_create(507, VXF_INIT_SET));
}

TEST(secure_root_keeps_the_harmless_capabilities)
{
	enter_secure(_metadata, 508);
	/* CAP_CHOWN and CAP_FOWNER are in the secure set. */
	ASSERT_EQ(0, mkdir("/tmp/caps-dir", 0700));
	EXPECT_EQ(0, chown("/tmp/caps-dir", 65534, 65534));
	EXPECT_EQ(0, chmod("/tmp/caps-dir", 0755));
	EXPECT_EQ(0, rmdir("/tmp/caps-dir"));
}

TEST(ccaps_get_and_set)
{
	struct vcmd_ctx_caps arg = { 0 };

	ASSERT_EQ(509, vs_create(509, VXF_INIT_SET));
	ASSERT_EQ(0, vs_call(VCMD_get_ccaps, VC_SAME_ID, &arg));
	EXPECT_EQ(0, arg.ccaps);
	EXPECT_EQ(VXC_ALL, arg.cmask);
	arg.ccaps = VXC_SET_UTSNAME | VXC_RAW_ICMP;
	arg.cmask = VXC_SET_UTSNAME | VXC_RAW_ICMP | VXC_SYSLOG;
	ASSERT_EQ(0, vs_call(VCMD_set_ccaps, VC_SAME_ID, &arg));
	ASSERT_EQ(0, vs_call(VCMD_get_ccaps, VC_SAME_ID, &arg));
	EXPECT_EQ(VXC_SET_UTSNAME | VXC_RAW_ICMP, arg.ccaps);
	arg.cmask = 1ULL << 40;
	EXPECT_EQ(-EINVAL, vs_call(VCMD_set_ccaps, VC_SAME_ID, &arg));
	EXPECT_EQ(-EFAULT, vs_call(VCMD_set_ccaps, VC_SAME_ID, (void *)1));
	ASSERT_EQ(0, vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP));
	arg.cmask = VXC_SYSLOG;
	EXPECT_EQ(-EPERM, vs_call(VCMD_set_ccaps, VC_SAME_ID, &arg));
}

static long set_ccaps(uint64_t ccaps, uint64_t mask)
{
	struct vcmd_ctx_caps arg = { .ccaps = ccaps, .cmask = mask };

	return vs_call(VCMD_set_ccaps, VC_SAME_ID, &arg);
}

/* A secure guest with its own uts namespace, with or without set_utsname. */
static int name_itself(uint32_t xid, uint64_t ccaps, int own_uts)
{
	char name[65] = "";

	if (own_uts && unshare(CLONE_NEWUTS))
		return 100;
	if (vs_create(xid, VXF_INIT_SET) != (long)xid ||
	    set_bcaps(VC_SAME_ID, SECURE_BCAPS, ~0ULL) ||
	    set_ccaps(ccaps, VXC_ALL) ||
	    vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 101;
	if (sethostname("guest-named", 11))
		return -errno;
	if (gethostname(name, sizeof(name)) || strcmp(name, "guest-named"))
		return 102;
	return 0;
}

static int name_with_ccap(void *arg)
{
	return name_itself(511, VXC_SET_UTSNAME, 1);
}

static int name_without_ccap(void *arg)
{
	return name_itself(512, 0, 1) == -EPERM ? 0 : 1;
}

static int name_host_with_ccap(void *arg)
{
	return name_itself(513, VXC_SET_UTSNAME, 0) == -EPERM ? 0 : 1;
}

TEST(ccap_set_utsname_lets_a_secure_guest_name_itself)
{
	char before[65], after[65];

	ASSERT_EQ(0, gethostname(before, sizeof(before)));
	EXPECT_EQ(0, in_child(name_with_ccap, NULL));
	EXPECT_EQ(0, in_child(name_without_ccap, NULL));
	/* Never the host's name, whatever the context capabilities. */
	EXPECT_EQ(0, in_child(name_host_with_ccap, NULL));
	ASSERT_EQ(0, gethostname(after, sizeof(after)));
	EXPECT_STREQ(before, after);
}

/* A secure guest (xid @xid, ccaps @ccaps) out of setup, or 101. */
static int secure_guest(uint32_t xid, uint64_t ccaps)
{
	if (vs_create(xid, VXF_INIT_SET) != (long)xid ||
	    set_bcaps(VC_SAME_ID, SECURE_BCAPS, ~0ULL) ||
	    set_ccaps(ccaps, VXC_ALL) ||
	    vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 101;
	return 0;
}

static int read_log(uint32_t xid, uint64_t ccaps)
{
	char buf[256];

	if (secure_guest(xid, ccaps))
		return 101;
	/* SYSLOG_ACTION_READ_ALL */
	return klogctl(3, buf, sizeof(buf)) < 0 ? -errno : 0;
}

static int log_with_ccap(void *arg)
{
	return read_log(514, VXC_SYSLOG);
}

static int log_without_ccap(void *arg)
{
	return read_log(515, 0) == -EPERM ? 0 : 1;
}

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

TEST(ccap_syslog_lets_a_secure_guest_read_the_log)
{
	ASSERT_EQ(0, write_file("/proc/sys/kernel/dmesg_restrict", "1"));
	EXPECT_EQ(0, in_child(log_with_ccap, NULL));
	EXPECT_EQ(0, in_child(log_without_ccap, NULL));
	EXPECT_EQ(0, write_file("/proc/sys/kernel/dmesg_restrict", "0"));
}

/* Raise the hard limit of open files in a secure guest: 0 or -errno. */
static int raise_limit(uint32_t xid, uint64_t ccaps)
{
	struct rlimit r;

	if (getrlimit(RLIMIT_NOFILE, &r))
		return 102;
	/* Lower it first, on the host side of the fence. */
	r.rlim_max = r.rlim_cur = 256;
	if (setrlimit(RLIMIT_NOFILE, &r) || secure_guest(xid, ccaps))
		return 101;
	r.rlim_max = r.rlim_cur = 512;
	return setrlimit(RLIMIT_NOFILE, &r) ? -errno : 0;
}

static int rlimit_with_ccap(void *arg)
{
	return raise_limit(516, VXC_SET_RLIMIT);
}

static int rlimit_without_ccap(void *arg)
{
	return raise_limit(517, 0) == -EPERM ? 0 : 1;
}

TEST(ccap_set_rlimit_lets_a_secure_guest_raise_hard_limits)
{
	EXPECT_EQ(0, in_child(rlimit_with_ccap, NULL));
	EXPECT_EQ(0, in_child(rlimit_without_ccap, NULL));
}

/*
 * Push a character into the process's own controlling terminal (a fresh
 * pty), on the host (@xid 0) or in a guest: 0 or -errno.
 */
static int push_input(uint32_t xid, uint64_t ccaps)
{
	int master, slave, ret;
	char c = 'x';

	/* Closing the master hangs up its session: that is us. */
	signal(SIGHUP, SIG_IGN);
	if (setsid() < 0)
		return 103;
	master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0 || unlockpt(master))
		return 104;
	slave = ioctl(master, TIOCGPTPEER, O_RDWR);
	if (slave < 0 || ioctl(slave, TIOCSCTTY, 0))
		return 105;
	if (xid && secure_guest(xid, ccaps))
		return 101;
	ret = ioctl(slave, TIOCSTI, &c) ? -errno : 0;
	close(slave);
	close(master);
	return ret;
}

static int tiocsti_on_host(void *arg)
{
	return push_input(0, 0);
}

static int tiocsti_with_ccap(void *arg)
{
	return push_input(518, VXC_TIOCSTI);
}

static int tiocsti_without_ccap(void *arg)
{
	return push_input(519, 0) == -EPERM ? 0 : 1;
}

TEST(tiocsti_needs_the_ccap_in_a_guest)
{
	EXPECT_EQ(0, in_child(tiocsti_on_host, NULL));
	EXPECT_EQ(0, in_child(tiocsti_with_ccap, NULL));
	EXPECT_EQ(0, in_child(tiocsti_without_ccap, NULL));
}

/* In a secure guest: 0 if unshare() works and setns() does not. */
static int make_namespaces(uint32_t xid, uint64_t ccaps)
{
	int fd = open("/proc/self/ns/uts", O_RDONLY);

	if (fd < 0 || secure_guest(xid, ccaps))
		return 101;
	if (unshare(CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNS))
		return -errno;
	/* Joining a namespace is not creating one. */
	return setns(fd, CLONE_NEWUTS) == -1 && errno == EPERM ? 0 : 102;
}

static int namespaces_with_ccap(void *arg)
{
	return make_namespaces(520, VXC_NAMESPACE);
}

static int namespaces_without_ccap(void *arg)
{
	return make_namespaces(521, 0) == -EPERM ? 0 : 1;
}

TEST(ccap_namespace_lets_a_secure_guest_create_namespaces)
{
	EXPECT_EQ(0, in_child(namespaces_with_ccap, NULL));
	EXPECT_EQ(0, in_child(namespaces_without_ccap, NULL));
}

/* Clear @cap from current's effective set: 0 or -1. */
static int drop_effective(int cap)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d))
		return -1;
	d[cap / 32].effective &= ~(1U << (cap % 32));
	return syscall(SYS_capset, &h, d);
}

/* clone() with @flags (the copy_namespaces() path): 0 or -errno. */
static int clone_with(unsigned long flags)
{
	int status;
	long pid = syscall(SYS_clone, flags | SIGCHLD, 0, NULL, NULL, 0);

	if (pid < 0)
		return -errno;
	if (!pid)
		_exit(0);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 110;
	return WEXITSTATUS(status);
}

/* A secure guest whose unshare mask names uts and ipc namespaces. */
static int namespaces_in_umask(void *arg)
{
	struct vcmd_umask um = {
		.umask = VC_SPACE_NEWUTS | VC_SPACE_NEWIPC,
		.mask = VC_UMASK_ALL,
	};
	struct vcmd_umask got = { 0 };

	if (vs_create(522, VXF_INIT_SET) != 522 ||
	    vs_call(VCMD_set_umask, VC_SAME_ID, &um) ||
	    vs_call(VCMD_get_umask, VC_SAME_ID, &got) ||
	    set_bcaps(VC_SAME_ID, SECURE_BCAPS, ~0ULL) ||
	    vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 101;
	if (got.umask != um.umask || got.mask != VC_UMASK_ALL)
		return 102;
	/* Kinds outside the mask, alone or with kinds inside. */
	if (unshare(CLONE_NEWNET) != -1 || errno != EPERM)
		return 103;
	if (unshare(CLONE_NEWUTS | CLONE_NEWNS) != -1 || errno != EPERM)
		return 104;
	if (clone_with(CLONE_NEWPID) != -EPERM)
		return 105;
	if (clone_with(CLONE_NEWUTS | CLONE_NEWIPC))
		return 106;
	if (unshare(CLONE_NEWUTS | CLONE_NEWIPC))
		return 107;
	/* Without CAP_SYS_ADMIN effective the mask gives nothing. */
	if (drop_effective(CAP_SYS_ADMIN))
		return 108;
	if (unshare(CLONE_NEWUTS) != -1 || errno != EPERM)
		return 109;
	return 0;
}

/* A new context starts with an empty mask; unknown bits are refused. */
static int umask_starts_empty(void *arg)
{
	struct vcmd_umask um = { .umask = 0, .mask = 1ULL << 0 };
	struct vcmd_umask got = { 1, 1 };

	if (vs_create(523, VXF_INIT_SET) != 523)
		return 101;
	if (vs_call(VCMD_get_umask, VC_SAME_ID, &got) || got.umask)
		return 1;
	return vs_call(VCMD_set_umask, VC_SAME_ID, &um) == -EINVAL ? 0 : 2;
}

TEST(umask_lets_a_secure_guest_create_the_namespaces_it_names)
{
	EXPECT_EQ(0, in_child(namespaces_in_umask, NULL));
	EXPECT_EQ(0, in_child(umask_starts_empty, NULL));
}

/*
 * A secure guest with @ccaps; in a mount namespace of its own unless
 * @host_ns.  Mounts it makes there do not propagate to the host.
 */
static int mount_guest(uint32_t xid, uint64_t ccaps, int host_ns)
{
	if (vs_create(xid, VXF_INIT_SET) != (long)xid)
		return 101;
	if (!host_ns && (unshare(CLONE_NEWNS) ||
			 mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL)))
		return 102;
	if (set_bcaps(VC_SAME_ID, SECURE_BCAPS, ~0ULL) ||
	    set_ccaps(ccaps, VXC_ALL) ||
	    vs_set_cflags(VC_SAME_ID, 0, VXF_STATE_SETUP))
		return 103;
	mkdir("/tmp/mnt-a", 0755);
	mkdir("/tmp/mnt-b", 0755);
	return 0;
}

static unsigned long mount_flags(const char *path)
{
	struct statvfs st;

	return statvfs(path, &st) ? ~0UL : st.f_flag;
}

/* SECURE_MOUNT alone: new mounts (nodev), binds, unmounts; no more. */
static int secure_mount_only(void *arg)
{
	if (mount_guest(530, VXC_SECURE_MOUNT, 0))
		return 100;
	if (mount("t", "/tmp/mnt-a", "tmpfs", 0, NULL))
		return 1;
	if (!(mount_flags("/tmp/mnt-a") & ST_NODEV))
		return 2;
	if (mount("/tmp/mnt-a", "/tmp/mnt-b", NULL, MS_BIND, NULL))
		return 3;
	if (mount("t", "/tmp/mnt-a", NULL, MS_REMOUNT | MS_RDONLY, NULL) !=
	    -1 || errno != EPERM)
		return 4;
	if (mount("t", "/tmp/mnt-a", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY,
		  NULL) != -1 || errno != EPERM)
		return 5;
	/* A filesystem on a block device needs DEV_MOUNT. */
	if (mount("/dev/loop7", "/tmp/mnt-b", "ext2", 0, NULL) != -1 ||
	    errno != EPERM)
		return 6;
	/* The new mount API stays closed. */
	if (syscall(SYS_fsopen, "tmpfs", 0) != -1 || errno != EPERM)
		return 7;
	if (umount("/tmp/mnt-b") || umount("/tmp/mnt-a"))
		return 8;
	/* Without CAP_SYS_ADMIN effective nothing. */
	if (drop_effective(CAP_SYS_ADMIN))
		return 9;
	if (mount("t", "/tmp/mnt-a", "tmpfs", 0, NULL) != -1 ||
	    errno != EPERM)
		return 10;
	return 0;
}

static int mount_without_ccap(void *arg)
{
	if (mount_guest(531, 0, 0))
		return 100;
	return mount("t", "/tmp/mnt-a", "tmpfs", 0, NULL) == -1 &&
	       errno == EPERM ? 0 : 1;
}

/* In the host's mount namespace even SECURE_MOUNT allows nothing. */
static int mount_in_host_ns(void *arg)
{
	if (mount_guest(532, VXC_SECURE_MOUNT, 1))
		return 100;
	return mount("t", "/tmp/mnt-a", "tmpfs", 0, NULL) == -1 &&
	       errno == EPERM ? 0 : 1;
}

static int secure_remount(void *arg)
{
	if (mount_guest(533, VXC_SECURE_MOUNT | VXC_SECURE_REMOUNT, 0))
		return 100;
	if (mount("t", "/tmp/mnt-a", "tmpfs", 0, NULL))
		return 1;
	/* A filesystem's own options are shared by all its mounts: no. */
	if (!mount("t", "/tmp/mnt-a", NULL, MS_REMOUNT | MS_RDONLY, NULL) ||
	    errno != EPERM)
		return 2;
	/* A bind remount may add restrictions ... */
	if (mount(NULL, "/tmp/mnt-a", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY,
		  NULL))
		return 3;
	if (!(mount_flags("/tmp/mnt-a") & ST_RDONLY))
		return 4;
	/* ... never lift them, and device nodes stay ignored. */
	if (!mount(NULL, "/tmp/mnt-a", NULL, MS_REMOUNT | MS_BIND, NULL) ||
	    errno != EPERM)
		return 5;
	if (mount(NULL, "/tmp/mnt-a", NULL,
		  MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID, NULL))
		return 6;
	if (!(mount_flags("/tmp/mnt-a") & ST_NODEV))
		return 7;
	return 0;
}

static int dev_mount(void *arg)
{
	if (mount_guest(534, VXC_SECURE_MOUNT | VXC_DEV_MOUNT, 0))
		return 100;
	if (mount("/dev/loop7", "/tmp/mnt-b", "ext2", 0, NULL))
		return 1;
	return mount_flags("/tmp/mnt-b") & ST_NODEV ? 0 : 2;
}

TEST(secure_mount_lets_a_guest_mount_in_its_own_namespace)
{
	EXPECT_EQ(0, in_child(secure_mount_only, NULL));
	EXPECT_EQ(0, in_child(mount_without_ccap, NULL));
	EXPECT_EQ(0, in_child(mount_in_host_ns, NULL));
	/* Nothing the guests mounted shows on the host. */
	EXPECT_EQ(0, system("! grep -q mnt- /proc/self/mountinfo"));
}

TEST(secure_remount_lets_a_guest_change_its_mounts)
{
	EXPECT_EQ(0, in_child(secure_remount, NULL));
}

TEST(dev_mount_lets_a_guest_mount_block_devices)
{
	ASSERT_EQ(0, system("dd if=/dev/zero of=/tmp/ext.img bs=1k count=1024 2>/dev/null && "
			    "mke2fs -q -F /tmp/ext.img >/dev/null 2>&1 && "
			    "losetup /dev/loop7 /tmp/ext.img"));
	EXPECT_EQ(0, in_child(dev_mount, NULL));
	EXPECT_EQ(0, system("losetup -d /dev/loop7 && rm /tmp/ext.img"));
}

TEST_HARNESS_MAIN
