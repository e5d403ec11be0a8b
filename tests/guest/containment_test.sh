#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Containment: root and an unprivileged user inside guests started by
# vserver(8) with the configuration `vserver NAME build` writes try the
# host-wide interfaces of the threat model (Documentation/security.rst);
# each attempt must fail and leave the host as it was.  Positive checks
# prove that what a guest may do still works (its own ipc sysctls, TCP,
# rtnetlink, its own abstract socket names, rootless user namespaces).
# Prints TAP.

. "$(dirname "$0")/tap.sh"

B=/tests/breakout
mount -t tmpfs vservers /vservers || exit 1
ip link del vsc0 2>/dev/null
ip link add vsc0 type dummy && ip link set vsc0 up || exit 1
rm -rf /etc/vservers
busybox-template /tmp/ctpl >/dev/null || exit 1
cp $B /tmp/ctpl/bin/breakout || exit 1

# jail: the default configuration.  mounter: the same, plus the context
# capabilities that let a guest mount (to try the filesystem allowlist).
vserver jail build -m template --context 301 \
	--interface vsc0:192.0.2.31/24 -- -t /tmp/ctpl >/dev/null &&
	vserver mounter build -m template --context 302 \
		--interface vsc0:192.0.2.32/24 -- -t /tmp/ctpl >/dev/null &&
	printf 'SECURE_MOUNT\nSECURE_REMOUNT\n' \
		>/etc/vservers/mounter/ccapabilities &&
	mkdir -p /vservers/mounter/mnt /vservers/mounter/sys &&
	echo "none /sys sysfs nosuid,nodev,noexec 0 0" \
		>>/etc/vservers/mounter/fstab &&
	sed -i 's|-u www:www ;;|-u www:www; sleep 1001 \& ;;|' /vservers/jail/etc/init.d/rc &&
	grep -q "sleep 1001" /vservers/jail/etc/init.d/rc &&
	vserver --silent jail start && vserver --silent mounter start
ok $? "build and start two guests"

# The host's state that no attempt may change.
core=$(cat /proc/sys/kernel/core_pattern)
modprobe=$(cat /proc/sys/kernel/modprobe 2>/dev/null)
fwd=$(cat /proc/sys/net/ipv4/ip_forward)
shmmax=$(cat /proc/sys/kernel/shmmax)
host_name=$(hostname)
mounts=$(wc -l </proc/mounts)

# root in the guest, a user in the guest, the spectator
g() { vserver jail exec /bin/breakout "$@"; }
gu() { vserver jail suexec 1000 /bin/breakout "$@"; }
spec() { vcontext --migrate --xid 1 -- $B "$@"; }
# refused CMD...: the attempt ran and the kernel refused it (exit 1)
refused() { "$@" 2>/dev/null >/dev/null; [ $? = 1 ]; }

# --- sysctl
refused g write /proc/sys/kernel/core_pattern '|/tmp/x' &&
	refused spec write /proc/sys/kernel/core_pattern '|/tmp/x' &&
	[ "$(cat /proc/sys/kernel/core_pattern)" = "$core" ]
ok $? "kernel.core_pattern: refused to guest root and the spectator"
refused g write /proc/sys/kernel/modprobe /tmp/x &&
	[ "$(cat /proc/sys/kernel/modprobe 2>/dev/null)" = "$modprobe" ]
ok $? "kernel.modprobe: refused"
refused g write /proc/sys/net/ipv4/ip_forward 1 &&
	[ "$(cat /proc/sys/net/ipv4/ip_forward)" = "$fwd" ]
ok $? "net.ipv4.ip_forward of the host's network namespace: refused"
refused g write /proc/sys/kernel/hostname evil &&
	refused g write /proc/sys/kernel/domainname evil &&
	[ "$(vserver jail exec hostname)" = jail ] &&
	[ "$(hostname)" = "$host_name" ]
ok $? "kernel.hostname/domainname without VXC_SET_UTSNAME: refused"
g write /proc/sys/kernel/shmmax 4096 &&
	[ "$(vserver jail exec cat /proc/sys/kernel/shmmax)" = 4096 ] &&
	[ "$(cat /proc/sys/kernel/shmmax)" = "$shmmax" ]
ok $? "kernel.shmmax of the guest's own ipc namespace: allowed, host unchanged"
g open-read /proc/sys/kernel/core_pattern
ok $? "reading sysctls stays allowed"

# --- /proc and sysfs files of the machine
refused g open-write /proc/sysrq-trigger && refused gu open-write /proc/sysrq-trigger
ok $? "/proc/sysrq-trigger: refused"
refused spec open-write /proc/sysrq-trigger
ok $? "/proc/sysrq-trigger: refused to the spectator"
refused vserver mounter exec /bin/breakout open-write /sys/class/net/lo/mtu &&
	vserver mounter exec /bin/breakout open-read /sys/class/net/lo/mtu &&
	$B open-write /sys/class/net/lo/mtu
ok $? "sysfs the host mounted in a guest: readable, writes refused"

# --- the kernel log
refused g syslog && refused gu syslog && refused g open-read /proc/kmsg
ok $? "syslog(2) and /proc/kmsg: refused to root and users"
$B syslog >/dev/null
ok $? "syslog(2) on the host still works"

# --- file handles
refused g fhandle
ok $? "open_by_handle_at(): refused"
$B fhandle
ok $? "open_by_handle_at() on the host still works"

# --- keyrings
key=$($B add-key)
[ -n "$key" ] && refused g read-key "$key" && refused g add-key &&
	refused gu add-key
ok $? "keyrings: the host root's user keyring unreachable, no new keys"

# --- loading into the kernel
refused g kexec
ok $? "kexec_load(): refused although CAP_SYS_BOOT is in the bounding set"

# --- sockets
for p in mptcp sctp udplite sock-diag alg; do
	refused g "$p" && refused gu "$p"
	ok $? "socket: $p refused in a network context"
done
g tcp && g rtnetlink && gu tcp
ok $? "socket: TCP and rtnetlink still work"

# --- abstract unix sockets
$B abstract-listen vs-host-secret >/tmp/abs.out &
abs=$!
i=0
while [ ! -s /tmp/abs.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$($B abstract-connect vs-host-secret)" = host-secret ] &&
	refused g abstract-connect vs-host-secret &&
	refused gu abstract-connect vs-host-secret
ok $? "abstract unix: a guest cannot reach the host's names"
g abstract-bind vs-host-secret &&
	[ "$($B abstract-connect vs-host-secret)" = host-secret ]
ok $? "abstract unix: a guest's name is its own; the host keeps reaching its socket"
vserver mounter exec /bin/breakout abstract-listen vs-guest >/tmp/abs2.out &
abs2=$!
i=0
while [ ! -s /tmp/abs2.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(vserver mounter exec /bin/breakout abstract-connect vs-guest)" = host-secret ] &&
	refused g abstract-connect vs-guest && refused $B abstract-connect vs-guest
ok $? "abstract unix: another guest's names unreachable, from a guest and the host"
! vserver jail exec grep -q vs-host-secret /proc/net/unix &&
	grep -q @vs-host-secret /proc/net/unix
ok $? "/proc/net/unix: the host's sockets are not listed in a guest"
kill $abs
vserver mounter exec killall breakout 2>/dev/null
wait $abs $abs2 2>/dev/null

# --- a host process that entered the guest
$B enter-and-wait 301 >/tmp/enter.out &
ent=$!
i=0
while [ ! -s /tmp/enter.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
epid=$(cat /tmp/enter.out)
vserver jail exec sleep 1000 &
sleep1000() { vserver jail exec ps | awk '/sleep 1000/ && !/awk/ { print $1; exit }'; }
i=0
while [ -z "$(sleep1000)" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
own=$(sleep1000)
# The relay of that exec (standard error is a terminal) is not in the guest.
! vserver jail exec ps | grep -v grep | grep -q vserver
ok $? "exec: the relay between the terminals is invisible to the guest"
[ -n "$epid" ] && vserver jail exec kill -0 "$epid" &&
	refused g readlink "/proc/$epid/exe" &&
	refused g open-read "/proc/$epid/fd/1" &&
	refused g open-read "/proc/$epid/environ"
ok $? "a host binary in a guest: its exe, descriptors and environment unreachable"
[ -n "$own" ] && g readlink "/proc/$own/exe" >/dev/null &&
	g open-read "/proc/$own/fd/0"
ok $? "the guest's own processes stay open to its root"
vserver jail exec kill "$own"
kill $ent
wait $ent 2>/dev/null

# --- the spectator
refused spec prlimit 1
ok $? "the spectator cannot change the resource limits of the host's init"
oom=$(cat /proc/1/oom_score_adj)
filt=$(cat /proc/1/coredump_filter)
refused spec write /proc/1/oom_score_adj -500 &&
	refused spec write /proc/1/coredump_filter 0 &&
	refused spec write /proc/1/clear_refs 1 &&
	[ "$(cat /proc/1/oom_score_adj)" = "$oom" ] &&
	[ "$(cat /proc/1/coredump_filter)" = "$filt" ]
ok $? "the spectator cannot write the /proc files of the host's init"
g write /proc/self/oom_score_adj 100
ok $? "a guest's root still writes the /proc files of its own processes"

# --- the host's sockets and locks as /proc shows them
pgr=$(cat /proc/sys/net/ipv4/ping_group_range)
echo "0 0" >/proc/sys/net/ipv4/ping_group_range
lockf=/vservers/jail/var/tmp/lockf
$B hold $lockf >/tmp/hold.out &
hld=$!
i=0
while [ ! -s /tmp/hold.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
hpid=$(cat /tmp/hold.out)
lines() { vserver jail exec cat "$1" | wc -l; }
[ -n "$hpid" ] && [ "$(wc -l </proc/net/packet)" -gt 1 ] &&
	[ "$(wc -l </proc/net/icmp)" -gt 1 ] &&
	[ "$(wc -l </proc/net/netlink)" -gt 1 ] &&
	[ "$(lines /proc/net/packet)" = 1 ] && [ "$(lines /proc/net/icmp)" = 1 ] &&
	[ "$(lines /proc/net/netlink)" = 1 ]
ok $? "/proc/net/{packet,icmp,netlink}: the host's sockets are not listed in a guest"
[ -n "$hpid" ] && grep -q " $hpid " /proc/locks &&
	[ "$(lines /proc/locks)" = 0 ] &&
	[ "$($B getlk $lockf)" = "$hpid" ] && [ "$(g getlk /var/tmp/lockf)" = 0 ]
ok $? "/proc/locks and F_GETLK: a guest does not learn the host's lock owners"
kill $hld
wait $hld 2>/dev/null
echo "$pgr" >/proc/sys/net/ipv4/ping_group_range

# --- capabilities in the credentials of a guest's programs
bnd=$(vserver jail exec grep CapBnd /proc/self/status | awk '{ print $2 }')
sl=$(ps | awk '/sleep 1001/ && !/awk/ { print $1; exit }')
eff=$(awk '/^CapEff/ { print $2 }' /proc/$sl/status 2>/dev/null)
[ -n "$bnd" ] && [ -n "$eff" ] &&
	[ $((0x$bnd & (1 << 16))) = 0 ] && [ $((0x$eff & (1 << 16))) = 0 ] &&
	[ $((0x$bnd & (1 << 0))) != 0 ] && [ $((0x$eff & (1 << 0))) != 0 ]
ok $? "a guest's programs hold only its bounding set (no CAP_SYS_MODULE; CAP_CHOWN kept)"

# --- mounts (the mounter guest has SECURE_MOUNT and SECURE_REMOUNT)
m() { vserver mounter exec "$@" 2>/dev/null; }
mu() { vserver mounter suexec 1000 "$@" 2>/dev/null; }
m mount -t tmpfs none /mnt && m umount /mnt
ok $? "mount: tmpfs allowed with VXC_SECURE_MOUNT"
for t in sysfs binfmt_misc debugfs configfs securityfs bpf cgroup2; do
	! m mount -t $t none /mnt
	ok $? "mount: $t refused"
done
! m mount -o remount,ro /
ok $? "mount: remounting a filesystem the host shares is refused"
m mount -t tmpfs none /mnt && m mount -o remount,bind,ro /mnt &&
	! m mount -o remount,bind,rw /mnt && m umount /mnt
ok $? "mount: a bind remount adds restrictions, never lifts them"
! mu unshare -U -r mount -t tmpfs none /tmp
ok $? "ccaps: a user's own user namespace does not count for the guest's mounts"
[ "$(mu unshare -U -r -m sh -c 'mount -t tmpfs none /mnt && echo rootless')" = rootless ]
ok $? "rootless: unshare -Urm and a mount in it work for a guest's user"
[ "$(vserver jail suexec 1000 unshare -U -r id -u)" = 0 ]
ok $? "rootless: a user namespace in the default guest"

# --- the host's tools against a hostile guest tree
echo 'evil:x:0:0:evil:/evilhome:/bin/sh' >/tmp/hostpw
mv /vservers/jail/etc/passwd /vservers/jail/etc/passwd.orig &&
	ln -s /proc/1/root/tmp/hostpw /vservers/jail/etc/passwd
vserver jail suexec evil true 2>/dev/null
rc=$?
rm /vservers/jail/etc/passwd && mv /vservers/jail/etc/passwd.orig /vservers/jail/etc/passwd
[ $rc != 0 ]
ok $? "enter: the guest's /etc/passwd is read inside the guest, not through /proc/1/root"
(exec 5</etc; vserver jail exec sh -c 'test -e /proc/self/fd/5')
[ $? != 0 ]
ok $? "a descriptor the caller left open does not reach the guest's command"
# The harness's standard error is a serial terminal: it stands in for the
# administrator's.
if [ -t 2 ]; then
	tty=$(readlink /proc/self/fd/2)
	in=$(vserver jail exec sh -c 'readlink /proc/self/fd/2')
	case $in in
	*/dev/pts/*) ! echo "$in" | grep -q "$tty" ;;
	*) false ;;
	esac
	ok $? "exec: the guest's command gets a terminal of its own, not the caller's ($in)"
else
	ok 0 "exec: the guest's command gets a terminal of its own # SKIP no terminal"
fi
# The daemon the jail's rc started (sleep 1001) kept its standard output.
if [ -t 1 ]; then
	tty1=$(readlink /proc/self/fd/1)
	sl=$(vserver jail exec ps | awk '/sleep 1001/ && !/awk/ { print $1; exit }')
	[ -n "$sl" ] && [ "$(readlink /proc/$sl/fd/1)" != "$tty1" ]
	ok $? "start: a daemon of the guest's rc does not keep the caller's terminal"
else
	ok 0 "start: a daemon of the guest's rc does not keep the caller's terminal # SKIP no terminal"
fi
mkdir -p /etc/vservers/slashes && echo 303 >/etc/vservers/slashes/context &&
	echo // >/etc/vservers/slashes/vdir
out=$(vserver slashes start 2>&1)
rc=$?
rm -r /etc/vservers/slashes
[ $rc = 1 ] && echo "$out" | grep -q "slashes/vdir: '//' is not a canonical"
ok $? "a vdir of // is refused"
mkdir -p /tmp/hostdir && chmod 755 /tmp/hostdir
vserver rooted build -m skeleton --rootdir /tmp/hostdir >/dev/null 2>&1
rc=$?
[ $rc = 1 ] && [ "$(stat -c %a /tmp/hostdir)" = 755 ] &&
	[ ! -e /etc/vservers/rooted ]
ok $? "build --rootdir refuses an existing host directory without the barrier"

# hostile templates
cp -a /tmp/ctpl /tmp/evtpl && mkdir -p /tmp/evtpl/dev /tmp/evtpl/lib &&
	mknod /tmp/evtpl/dev/mem c 1 1 && mknod /tmp/evtpl/lib/disk b 7 0 &&
	tar -czf /tmp/evtpl.tar.gz -C /tmp/evtpl . && rm -rf /tmp/evtpl
out=$(vserver nodes build -m template --context 304 -- -t /tmp/evtpl.tar.gz 2>&1)
rc=$?
[ $rc = 0 ] && [ ! -e /vservers/nodes/dev/mem ] && [ ! -e /vservers/nodes/lib/disk ] &&
	[ -c /vservers/nodes/dev/null ] && echo "$out" | grep -q "2 device nodes of the source were not created"
ok $? "build: a tarball's device nodes are not created, the standard ones made"
vserver nodes delete --force >/dev/null 2>&1
etcmode=$(stat -c %a /etc)
cp -a /tmp/ctpl /tmp/evtpl && rm -rf /tmp/evtpl/tmp && ln -s /etc /tmp/evtpl/tmp
vserver tmplink build -m template --context 305 -- -t /tmp/evtpl >/dev/null 2>&1
rc=$?
rm -rf /tmp/evtpl
[ $rc = 1 ] && [ "$(stat -c %a /etc)" = "$etcmode" ] &&
	[ ! -e /etc/vservers/tmplink ] && [ ! -e /vservers/tmplink ]
ok $? "build: a template's tmp -> /etc stops the build; the host's /etc keeps its mode"
cp -a /tmp/ctpl /tmp/evtpl && mkdir -p /tmp/hostbin && touch /tmp/hostbin/null &&
	rm -rf /tmp/evtpl/dev && ln -s /tmp/hostbin /tmp/evtpl/dev
vserver devlink build -m template --context 306 -- -t /tmp/evtpl >/dev/null 2>&1
rc=$?
rm -rf /tmp/evtpl
[ $rc = 1 ] && [ -f /tmp/hostbin/null ] && [ ! -e /etc/vservers/devlink ]
ok $? "build: a template's dev -> host directory stops the build; host files stay"

# --- the host afterwards
[ "$(cat /proc/sys/kernel/core_pattern)" = "$core" ] &&
	[ "$(cat /proc/sys/kernel/shmmax)" = "$shmmax" ] &&
	[ "$(hostname)" = "$host_name" ] && kill -0 1 &&
	[ "$(wc -l </proc/mounts)" = "$mounts" ]
ok $? "the host's sysctls, name, mounts and init are as before"

# A guest at its pids.max can still be entered and stopped cleanly.
cg=/sys/fs/cgroup/vserver/jail
cat $cg/pids.current >$cg/pids.max
vserver jail exec true
ok $? "exec into a guest at its pids.max"
vserver --silent jail stop 2>/dev/null &&
	grep -q "rc 6" /vservers/jail/var/log/rc.log &&
	vserver --silent mounter stop
ok $? "stop both guests; the one at pids.max still ran its stop command"
vserver jail delete --force >/dev/null && vserver mounter delete --force >/dev/null
ip link del vsc0
umount /vservers
tap_done
