#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The life cycle of two guests through vserver(8): build from a busybox
# template, start, isolation end to end, cgroup limits (vlimit, a fork
# bomb and a memory hog), restart, stop without leftovers, delete.
# Prints TAP.

. "$(dirname "$0")/tap.sh"

mount -t tmpfs vservers /vservers || exit 1
ip link del vst0 2>/dev/null
ip link add vst0 type dummy && ip link set vst0 up || exit 1
tpl=/tmp/tpl
busybox-template $tpl || exit 1
tar -czf /tmp/tpl.tar.gz -C $tpl . || exit 1

# What the host has before, to prove that nothing is left after.
mounts_before=$(wc -l </proc/mounts)
rm -rf /etc/vservers

vserver web1 build -m template --context 201 --hostname web1.example \
	--interface web=vst0:192.0.2.11/24 -- -t $tpl >/dev/null &&
	vserver web2 build -m template --context 202 \
		--interface vst0:192.0.2.12/24 --interface vst0:2001:db8::12/64 \
		-- -t /tmp/tpl.tar.gz >/dev/null
ok $? "build two guests from a template directory and a tarball"
[ "$(cat /etc/vservers/web1/context)" = 201 ] &&
	[ "$(cat /etc/vservers/web1/interfaces/0/ip)" = 192.0.2.11 ] &&
	[ "$(cat /etc/vservers/web1/interfaces/0/dev)" = vst0 ] &&
	[ -x /vservers/web1/bin/busybox ] && [ -c /vservers/web1/dev/null ] &&
	[ -L /vservers/web1/dev/ptmx ] && [ ! -e /vservers/web1/dev/mem ]
ok $? "build writes the configuration, the root and a minimal /dev"
showattr -d /vservers | grep -q '^----B' && [ "$(stat -c %a /vservers)" = 0 ]
ok $? "the roots' parent has the chroot barrier and mode 000"
vserver web1 build -m skeleton >/dev/null 2>&1
[ $? = 1 ]
ok $? "build refuses an existing vserver"
vserver web3 build -m nosuch >/dev/null 2>&1
[ $? = 2 ] && [ ! -e /etc/vservers/web3 ]
ok $? "build refuses an unknown method"

echo "hello from web1" >/vservers/web1/www/index.html
echo "hello from web2" >/vservers/web2/www/index.html
mkdir -p /etc/vservers/web2/cgroup
echo 40 >/etc/vservers/web2/cgroup/pids.max
echo 48M >/etc/vservers/web2/cgroup/memory.max

# --- status before start, errors
vserver web1 status >/dev/null
[ $? = 3 ]
ok $? "status of a stopped guest: exit status 3"
vserver web1 running
[ $? = 1 ]
ok $? "running of a stopped guest: exit status 1"
vserver nosuch status >/dev/null 2>&1
[ $? = 5 ]
ok $? "a missing configuration: exit status 5"
vserver web1 frobnicate >/dev/null 2>&1
[ $? = 2 ]
ok $? "an unknown verb: exit status 2"

# A bad file stops the start before anything happens.
echo 1 >/etc/vservers/web1/bogus
out=$(vserver web1 start 2>&1)
rc=$?
rm /etc/vservers/web1/bogus
[ $rc = 1 ] && echo "$out" | grep -q "web1/bogus: unknown file" &&
	! ip addr show dev vst0 | grep -q 192.0.2.11 &&
	[ ! -e /sys/fs/cgroup/vserver/web1 ]
ok $? "an unknown file is an error naming it; nothing is started"
mkdir -p /etc/vservers/web1/cgroup && echo lots >/etc/vservers/web1/cgroup/memory.max
out=$(vserver web1 start 2>&1)
rc=$?
rm -r /etc/vservers/web1/cgroup
[ $rc = 1 ] && echo "$out" | grep -q "cgroup/memory.max: 'lots'"
ok $? "a malformed limit is an error naming the file"
# A failure half way through undoes what was done.
mkdir -p /etc/vservers/web1/apps/init && echo /bin/false >/etc/vservers/web1/apps/init/cmd.start
vserver --silent web1 start 2>/dev/null
rc=$?
rm /etc/vservers/web1/apps/init/cmd.start
[ $rc = 1 ] && ! vserver web1 running &&
	! ip addr show dev vst0 | grep -q 192.0.2.11 &&
	[ ! -e /sys/fs/cgroup/vserver/web1 ] && [ ! -e /run/vservers/web1 ] &&
	! grep -q "^201 " /proc/virtual/status 2>/dev/null &&
	! vserver-stat | grep -q "^201 "
ok $? "a failing start command undoes the start"

# --- start
echo "none /mnt tmpfs noauto 0 0" >>/etc/vservers/web1/fstab
vserver --silent web1 start && vserver --silent web2 start
ok $? "start both guests (an fstab line with noauto is not mounted)"
[ "$(cat /vservers/web1/var/log/rc.log)" = "rc 3" ]
ok $? "the sysv style ran the guest's rc with runlevel 3"
vserver web1 status | grep -q "running at context '201'" &&
	vserver web1 running
ok $? "status and running of a started guest"
vserver-stat | grep -q "^201 .* web1$" && vserver-stat | grep -q "^202 .* web2$"
ok $? "vserver-stat lists both guests"
ip -4 addr show dev vst0 | grep -q "192.0.2.11/24 .*vst0:web" &&
	ip -4 addr show dev vst0 | grep -q "192.0.2.12/24"
ok $? "start adds the addresses to the host interface, with the label"
[ "$(wget -q -O - http://192.0.2.11/)" = "hello from web1" ] &&
	[ "$(wget -q -O - http://192.0.2.12/)" = "hello from web2" ]
ok $? "each guest serves http on port 80 of its own address"
ip -6 addr show dev vst0 | grep -q "2001:db8::12/64" &&
	[ "$(wget -q -O - 'http://[2001:db8::12]/')" = "hello from web2" ] &&
	! vserver web1 exec ip -6 addr | grep -q 2001:db8::12
ok $? "an IPv6 address of the configuration: on the host device, served"

# --- isolation
# busybox httpd's argv[0] is busybox: find it by its command line.
httpd_of() { vserver "$1" exec ps | awk '/httpd -p 80/ && !/awk/ { print $1; exit }'; }
pid2=$(httpd_of web2)
ps1=$(vserver web1 exec ps)
echo "$ps1" | grep -q httpd && [ "$(echo "$ps1" | grep -c httpd)" = 1 ] &&
	! echo "$ps1" | grep -q -e vserver_test -e run-guest
ok $? "ps in a guest shows only its own processes"
[ -n "$pid2" ] && kill -0 "$pid2" && ! vserver web1 exec kill -0 "$pid2" 2>/dev/null &&
	! vserver web1 exec ls /proc/"$pid2" >/dev/null 2>&1
ok $? "a guest cannot see or signal the other guest's server"
[ "$(vserver web1 exec hostname)" = web1.example ] &&
	[ "$(vserver web2 exec hostname)" = web2 ] && [ "$(hostname)" = vs-guest ]
ok $? "each guest has its own host name; the host keeps its own"
addrs=$(vserver web1 exec ip -4 addr)
echo "$addrs" | grep -q 192.0.2.11 && ! echo "$addrs" | grep -q 192.0.2.12
ok $? "a guest sees only its own address"
vserver web1 exec busybox httpd -p 192.0.2.11:81 -h /www &&
	! vserver web1 exec busybox httpd -p 192.0.2.12:81 -h /www 2>/dev/null &&
	! vserver web1 exec busybox httpd -p 198.51.100.1:81 -h /www 2>/dev/null
ok $? "a guest cannot bind the other guest's or a foreign address"
vserver web1 exec ls /www/index.html >/dev/null &&
	[ "$(vserver web1 exec stat -c %i /)" = "$(vserver web1 exec stat -c %i /..)" ] &&
	! vserver web1 exec ls /vservers >/dev/null 2>&1 &&
	! vserver web1 exec cat /etc/vservers/web1/context >/dev/null 2>&1
ok $? "a guest's / is its root: no way up to the host's files"
vserver web1 exec grep -q " /proc proc" /proc/mounts &&
	! grep -q "/vservers/web1/proc" /proc/mounts &&
	[ "$(wc -l </proc/mounts)" = "$mounts_before" ]
ok $? "the guest's mounts are in its own mount namespace only"
vserver web1 exec touch /tmp/file && ! vserver web1 exec mknod /tmp/mem c 1 1 2>/dev/null &&
	! vserver web1 exec hostname evil 2>/dev/null
ok $? "root in a guest cannot make devices or rename its host"
[ "$(vserver web1 suexec www id -u)" = 80 ] &&
	[ "$(vserver web1 exec id -u)" = 0 ]
ok $? "suexec runs a command as a user of the guest"
grep -q . /sys/fs/cgroup/vserver/web1/cgroup.procs &&
	[ "$(vserver web1 exec cat /proc/self/cgroup)" != "$(cat /proc/self/cgroup)" ]
ok $? "the guest's processes, and those entering it, are in its cgroup"

# --- hashify: the guests share identical files; a write unshares them
size=$(stat -c %s /vservers/web2/bin/busybox)
vserver web1 hashify >/dev/null && vserver web2 hashify >/dev/null &&
	[ "$(stat -c %i /vservers/web1/bin/busybox)" = "$(stat -c %i /vservers/web2/bin/busybox)" ] &&
	showattr /vservers/web2/bin/busybox | grep -q '^-----UIC-'
ok $? "hashify links the identical files of two guests"
vserver web1 exec sh -c 'echo >>/bin/busybox' &&
	[ "$(stat -c %i /vservers/web1/bin/busybox)" != "$(stat -c %i /vservers/web2/bin/busybox)" ] &&
	[ "$(stat -c %s /vservers/web1/bin/busybox)" = $((size + 1)) ] &&
	[ "$(stat -c %s /vservers/web2/bin/busybox)" = "$size" ] &&
	[ "$(vserver web2 exec echo still)" = still ]
ok $? "a guest's write to a shared file gets it a copy; the other keeps its own"

# --- limits
[ "$(cat /sys/fs/cgroup/vserver/web2/pids.max)" = 40 ] &&
	[ "$(cat /sys/fs/cgroup/vserver/web2/memory.max)" = $((48 << 20)) ]
ok $? "start applies the cgroup limits of the configuration"
vlimit web2 | grep -q "^pids.max *40$" && vlimit --xid 202 -a | grep -q "^memory.max"
ok $? "vlimit shows the limits of a running guest by name or xid"
vlimit web1 --pids.max 100 --memory.max 64M --cpu.max 50% >/dev/null &&
	[ "$(cat /sys/fs/cgroup/vserver/web1/pids.max)" = 100 ] &&
	[ "$(cat /sys/fs/cgroup/vserver/web1/memory.max)" = $((64 << 20)) ] &&
	[ "$(cat /sys/fs/cgroup/vserver/web1/cpu.max)" = "50000 100000" ]
ok $? "vlimit changes the limits of a running guest"
vlimit web1 --pids.max -5 2>/dev/null
[ $? = 255 ] && [ "$(cat /sys/fs/cgroup/vserver/web1/pids.max)" = 100 ]
ok $? "vlimit refuses a bad value and changes nothing"
mkdir -p /tmp/lim && printf '# a comment\n77\n' >/tmp/lim/pids.max &&
	vlimit web1 --dir /tmp/lim --pids.max 66 >/dev/null &&
	[ "$(cat /sys/fs/cgroup/vserver/web1/pids.max)" = 66 ] &&
	vlimit web1 --dir /tmp/lim >/dev/null &&
	[ "$(cat /sys/fs/cgroup/vserver/web1/pids.max)" = 77 ] &&
	vlimit web1 --dir /tmp/nolim --missingok >/dev/null &&
	! vlimit web1 --dir /tmp/nolim >/dev/null 2>&1
ok $? "vlimit --dir sets the files of a directory; the command line wins"
vlimit web3 2>/dev/null
[ $? = 255 ]
ok $? "vlimit of a guest that is not running fails"

# A fork bomb in web2 hits pids.max; the host and web1 stay responsive.
vserver web2 exec sh -c 'b() { b | b & }; b' >/dev/null 2>&1 &
sleep 3
t=0; for i in 1 2 3 4 5 6 7 8 9 10; do /bin/true && t=$((t + 1)); done
[ $t = 10 ] && [ "$(wget -q -O - http://192.0.2.11/)" = "hello from web1" ] &&
	[ "$(cat /sys/fs/cgroup/vserver/web2/pids.current)" -le 40 ] &&
	grep -q "^max [1-9]" /sys/fs/cgroup/vserver/web2/pids.events
ok $? "a fork bomb stops at pids.max; host and other guest respond"
vserver web2 exec true 2>/dev/null
vkill --xid 202 -s KILL 2>/dev/null	# ends the bomb (and web2's httpd)
sleep 1
wait

# A memory hog in web2 is killed inside its group only.
vserver web2 exec dd if=/dev/zero of=/dev/null bs=128M count=1 2>/dev/null
[ $? != 0 ] && grep -q "^oom_kill [1-9]" /sys/fs/cgroup/vserver/web2/memory.events &&
	[ "$(wget -q -O - http://192.0.2.11/)" = "hello from web1" ]
ok $? "a memory hog is killed at memory.max; the other guest serves on"

# --- restart and stop
vserver --silent web2 restart &&
	[ "$(wget -q -O - http://192.0.2.12/)" = "hello from web2" ] &&
	[ "$(ip -4 addr show dev vst0 | grep -c 192.0.2.12)" = 1 ]
ok $? "restart: the guest serves again, its address once"
pid1=$(httpd_of web1)
[ -n "$pid1" ] && kill -0 "$pid1" && ! vserver web2 exec kill -0 "$pid1" 2>/dev/null
ok $? "after a restart, still no view of the other guest"
vserver --silent web1 condrestart && vserver web1 running
ok $? "condrestart restarts a running guest"

# The same connection before and after the stop: it must work (once the
# restarted guest's server listens), then not.
up=1 i=0
while [ $up != 0 ] && [ $i -lt 50 ]; do
	/tests/breakout connect 192.0.2.11 80 2>/dev/null
	up=$?
	[ $up = 0 ] || sleep 0.2
	i=$((i + 1))
done
vserver --silent web1 stop
[ "$(tail -n 1 /vservers/web1/var/log/rc.log)" = "rc 6" ] &&
	! vserver web1 running && ! ip addr show dev vst0 | grep -q 192.0.2.11 &&
	[ ! -e /sys/fs/cgroup/vserver/web1 ] && [ ! -e /run/vservers/web1 ] &&
	! vserver-stat | grep -q "^201 " && ! nattribute --nid 201 --get >/dev/null 2>&1 &&
	[ "$(wc -l </proc/mounts)" = "$mounts_before" ] &&
	[ $up = 0 ] && ! /tests/breakout connect 192.0.2.11 80 2>/dev/null
ok $? "stop runs rc 6 and leaves no context, network context, address, cgroup or mount"
vserver --silent web1 stop 2>/dev/null
ok $? "stop of a stopped guest succeeds"
vserver --silent web1 condrestart && ! vserver web1 running
ok $? "condrestart leaves a stopped guest stopped"
vserver web2 running
ok $? "the other guest runs on"

# --- rescue, enter
vserver --silent web1 start --rescue && vserver web1 running &&
	[ "$(vserver web1 status | sed -n 's/^Number of processes: //p')" = 0 ] &&
	vserver-stat | grep -q "^201 *0 .* web1$" &&
	[ "$(echo 'echo in-$(hostname)' | vserver web1 enter 2>/dev/null | tail -n 1)" = in-web1.example ]
ok $? "start --rescue keeps an empty guest to enter"
rclines=$(wc -l </vservers/web1/var/log/rc.log)
vserver --silent web1 stop && ! vserver web1 running &&
	[ "$(wc -l </vservers/web1/var/log/rc.log)" = "$rclines" ]
ok $? "stop a rescue guest, without the stop command"
# vserver blocks Ctrl-C and friends while it starts and stops; the start
# command must not inherit that (restart blocks twice).
printf '/bin/grep\nSigBlk\n/proc/self/status\n' >/etc/vservers/web1/apps/init/cmd.start
out=$(vserver --silent web1 restart)
rc=$?
vserver --silent web1 stop
rm /etc/vservers/web1/apps/init/cmd.start
[ $rc = 0 ] && echo "$out" | grep -q "^SigBlk:[[:space:]]*0*$"
ok $? "the start command does not inherit the signals vserver blocks"

# --- the plain init style: busybox init as the guest's fake pid 1
vserver web3 build -m copy --context 203 --initstyle plain \
	--interface vst0:192.0.2.13/24 -- --source $tpl >/dev/null &&
	[ "$(cat /etc/vservers/web3/apps/init/style)" = plain ] &&
	vserver --silent web3 start
ok $? "build by copying a directory; start with the plain init style"
sleep 2
vserver web3 exec ps | grep -q "^ *1 .*init" &&
	[ "$(vserver web3 exec cat /proc/1/comm)" = init ] &&
	vserver web3 exec kill -0 1 &&
	[ "$(wget -q -O - http://192.0.2.13/)" = "guest from the busybox template" ]
ok $? "the guest's init is its pid 1 and started its services"
vserver --silent web3 stop && ! vserver web3 running &&
	[ ! -e /sys/fs/cgroup/vserver/web3 ] && ! ip addr show dev vst0 | grep -q 192.0.2.13
ok $? "stop ends a guest with its own init, and cleans up"
vserver --silent web3 delete --force
vserver web4 build -m skeleton --context 204 >/dev/null &&
	[ -d /vservers/web4/etc ] && [ -c /vservers/web4/dev/zero ] &&
	[ -z "$(ls /vservers/web4/bin)" ] &&
	[ ! -e /etc/vservers/web4/interfaces ] &&
	vserver --silent web4 delete --force && [ ! -e /vservers/web4 ]
ok $? "build -m skeleton makes an empty root"
vserver web5 build -m template -- -t /nonexistent >/dev/null 2>&1
[ $? = 1 ] && [ ! -e /etc/vservers/web5 ] && [ ! -e /vservers/web5 ]
ok $? "a failing build leaves nothing behind"

# --- delete
echo n | vserver web2 delete >/dev/null
[ $? = 2 ] && vserver web2 running && [ -d /vservers/web2 ]
ok $? "delete asks, and no keeps the guest"
vserver --silent web2 delete --force &&
	[ ! -e /vservers/web2 ] && [ ! -e /etc/vservers/web2 ] &&
	! ip addr show dev vst0 | grep -q 192.0.2.12 &&
	[ ! -e /sys/fs/cgroup/vserver/web2 ] && ! vserver-stat | grep -q "^202 " &&
	! ip -6 addr show dev vst0 | grep -q 2001:db8::12
ok $? "delete --force stops the guest and removes it"
vserver web2 status >/dev/null 2>&1
[ $? = 5 ]
ok $? "a deleted guest is gone"
vserver --silent web1 delete --force && [ ! -e /vservers/web1 ]
ok $? "delete a stopped guest"
vserver web1 build -m template --context 201 --interface vst0:192.0.2.11/24 \
	-- -t $tpl >/dev/null && vserver --silent web1 start &&
	[ "$(wget -q -O - http://192.0.2.11/)" = "guest from the busybox template" ] &&
	vserver --silent web1 delete --force
ok $? "a guest of the same name can be built and started after a delete"

# --- hostile templates, copy sources and fstab lines; the host afterwards
# tarpatch TAR OFFSET STRING: overwrite bytes of an uncompressed tarball
# and fix the checksum of their header (member names busybox tar -c
# would not write: ../x, /abs, a hard link to a host file).
tarpatch() {
	printf '%s' "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
	h=$(($2 / 512 * 512))
	printf '        ' | dd of="$1" bs=1 seek=$((h + 148)) conv=notrunc 2>/dev/null
	sum=$(dd if="$1" bs=512 skip=$((h / 512)) count=1 2>/dev/null |
		od -An -v -tu1 | awk '{ for (i = 1; i <= NF; i++) s += $i } END { print s }')
	printf '%06o\000 ' "$sum" | dd of="$1" bs=1 seek=$((h + 148)) conv=notrunc 2>/dev/null
}
rm -rf /tmp/evhost /tmp/evst /tmp/evroots && mkdir -p /tmp/evhost &&
	echo host >/tmp/evhost/secret && chmod 600 /tmp/evhost/secret
# One header each: a device node, ../x, /abs, and a hard link to a host
# file on the filesystem of the guest roots (--rootdir below /tmp).
mkdir -p /tmp/evst/dev /tmp/evst/XX /tmp/evst/Ytmp/evhost /tmp/evst/etc &&
	mknod /tmp/evst/dev/mem c 1 1 && : >/tmp/evst/XX/x && : >/tmp/evst/Xvs-evil-abs &&
	: >/tmp/evst/Ytmp/evhost/secret && ln /tmp/evst/Ytmp/evhost/secret /tmp/evst/etc/stolen &&
	tar -cf /tmp/evil.tar -C /tmp/evst dev/mem XX/x Xvs-evil-abs \
		Ytmp/evhost/secret etc/stolen &&
	tarpatch /tmp/evil.tar 512 .. && tarpatch /tmp/evil.tar 1024 / &&
	tarpatch /tmp/evil.tar $((4 * 512 + 157)) / &&
	tar -tvf /tmp/evil.tar 2>/dev/null | grep -q "etc/stolen -> /tmp/evhost/secret"
ok $? "a hostile template tarball (device, ../x, /abs, hard link out)"
vserver evil build -m template --context 211 --rootdir /tmp/evroots \
	-- -t /tmp/evil.tar >/dev/null 2>&1
[ "$(stat -c %h /tmp/evhost/secret)" = 1 ] && [ "$(cat /tmp/evhost/secret)" = host ] &&
	[ ! -e /vs-evil-abs ] && [ ! -e /tmp/evroots/x ] && [ ! -e /tmp/x ] &&
	[ ! -e /tmp/evroots/evil/dev/mem ] &&
	{ [ ! -e /tmp/evroots/evil ] || [ -c /tmp/evroots/evil/dev/null ]; }
ok $? "the hostile tarball reaches no host file and makes no device node"
vserver --silent evil delete --force 2>/dev/null
# A symlink to a host directory, then a file through it.
rm -rf /tmp/evst && mkdir -p /tmp/evst/m && ln -s /tmp/evhost /tmp/evst/l &&
	echo evil >/tmp/evst/m/evil && tar -cf /tmp/evil.tar -C /tmp/evst l m/evil &&
	tarpatch /tmp/evil.tar 512 l && tar -tf /tmp/evil.tar | grep -q "^l/evil$"
ok $? "a template tarball with a symlink and a member written through it"
vserver evil build -m template --context 211 --rootdir /tmp/evroots \
	-- -t /tmp/evil.tar >/dev/null 2>&1
[ ! -e /tmp/evhost/evil ] && [ "$(ls /tmp/evhost)" = secret ]
ok $? "the member through the symlink does not reach the host directory"
vserver --silent evil delete --force 2>/dev/null

rm -rf /tmp/evsrc && cp -a $tpl /tmp/evsrc && mkdir -p /tmp/evsrc/lib /tmp/evsrc/dev &&
	mknod /tmp/evsrc/dev/mem c 1 1 && mknod /tmp/evsrc/lib/disk b 7 0 &&
	ln -s /tmp/evhost /tmp/evsrc/hostlink
out=$(vserver evcopy build -m copy --context 212 -- --source /tmp/evsrc 2>&1)
rc=$?
[ $rc = 0 ] && [ -L /vservers/evcopy/hostlink ] &&
	[ "$(readlink /vservers/evcopy/hostlink)" = /tmp/evhost ] &&
	[ -z "$(find /vservers/evcopy -name secret)" ] &&
	[ ! -e /vservers/evcopy/dev/mem ] && [ ! -e /vservers/evcopy/lib/disk ] &&
	[ -c /vservers/evcopy/dev/null ] &&
	echo "$out" | grep -q "2 device nodes of the source were not created"
ok $? "copy: a symlink to a host directory stays a symlink; device nodes are not created"
vserver --silent evcopy delete --force 2>/dev/null

# fstab: a host directory bound read-only; then bind and overlay sources
# whose path in a guest tree is a symlink to the host's /etc.
rm -rf /tmp/evshare && mkdir -p /tmp/evshare && echo shared >/tmp/evshare/f &&
	vserver fst build -m template --context 213 -- -t $tpl >/dev/null &&
	mkdir -p /vservers/fst/mnt/ro &&
	echo "/tmp/evshare /mnt/ro none bind,ro 0 0" >>/etc/vservers/fst/fstab &&
	vserver --silent fst start
ok $? "start a guest with a bind,ro line in its fstab"
out=$(vserver fst exec sh -c 'cat /mnt/ro/f; touch /mnt/ro/new' 2>&1)
echo "$out" | grep -q shared && echo "$out" | grep -q "Read-only file system" &&
	[ ! -e /tmp/evshare/new ] && touch /tmp/evshare/hostwrite &&
	vserver fst exec touch /root/w
ok $? "bind,ro: the guest reads and gets EROFS on a write; the host still writes"
vserver --silent fst delete --force 2>/dev/null
touch /etc/vs-host-marker &&
	vserver fst build -m template --context 213 -- -t $tpl >/dev/null &&
	mkdir -p /vservers/fst/mnt/etc /vservers/fst/mnt/ov /vservers/fst/ovu \
		/vservers/fst/ovw &&
	ln -s /etc /vservers/fst/hostetc &&
	cat >>/etc/vservers/fst/fstab <<EOF &&
/vservers/fst/hostetc /mnt/etc none bind 0 0
none /mnt/ov overlay lowerdir=/vservers/fst/hostetc,upperdir=/vservers/fst/ovu,workdir=/vservers/fst/ovw 0 0
EOF
	vserver --silent fst start
ok $? "start a guest whose fstab sources go through its symlink to /etc"
! vserver fst exec test -e /mnt/etc/vs-host-marker &&
	vserver fst exec test -e /mnt/etc/passwd &&
	! vserver fst exec test -e /mnt/ov/vs-host-marker &&
	vserver fst exec test -e /mnt/ov/passwd
ok $? "bind and overlay sources through a guest's symlink stay in the guest"
vserver --silent fst delete --force 2>/dev/null
rm -f /etc/vs-host-marker

ip link del vst0
umount /vservers
tap_done
