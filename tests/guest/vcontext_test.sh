#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# vcontext: output, exit codes and options, as util-vserver scripts use them.
# Prints TAP.

. "$(dirname "$0")/tap.sh"
check() {
	# check "description" expected-output expected-status command...
	desc=$1 want=$2 wantrc=$3
	shift 3
	got=$("$@" 2>/tmp/vcontext.err)
	rc=$?
	if [ "$got" = "$want" ] && [ "$rc" = "$wantrc" ]; then
		ok 0 "$desc"
	else
		ok 1 "$desc"
		echo "#   want status $wantrc, output: $want"
		echo "#   got  status $rc, output: $got"
		sed 's/^/#   stderr: /' /tmp/vcontext.err
	fi
}

check "--create --xid prints the new context and runs the program" \
	"New security context is 300
300" 0 vcontext --create --xid 300 -- sh -c 'cat /proc/virtual/info | sed -n "s/^XID:\t//p"'

check "--silent prints nothing of its own" \
	"301" 0 vcontext --create --silent --xid 301 -- sh -c 'sed -n "s/^XID:\t//p" /proc/virtual/info'

out=$(vcontext --create -- sh -c 'sed -n "s/^XID:\t//p" /proc/virtual/info')
first=$(echo "$out" | sed -n 's/^New security context is //p')
inside=$(echo "$out" | sed -n 2p)
[ -n "$first" ] && [ "$first" -ge 49152 ] && [ "$first" -le 65535 ] && [ "$first" = "$inside" ]
ok $? "--create without --xid picks a dynamic xid ($first)"

check "the program's exit status is passed through" "" 7 \
	vcontext --create --silent --xid 302 -- sh -c 'exit 7'

# A context that exists: 254, and --silentexist hides the message.
mkfifo /tmp/vc.fifo
vcontext --create --silent --xid 303 -- sh -c 'read x </tmp/vc.fifo' &
holder=$!
sleep 1
check "--create of an existing context exits 254" "" 254 \
	vcontext --create --xid 303 -- true
[ -s /tmp/vcontext.err ]
ok $? "... and says why"
check "--silentexist exits 254 silently" "" 254 \
	vcontext --create --silentexist --xid 303 -- true
[ ! -s /tmp/vcontext.err ]
ok $? "... with nothing on stderr"

check "--migrate enters the existing context" "303" 0 \
	vcontext --migrate --xid 303 -- sh -c 'sed -n "s/^XID:\t//p" /proc/virtual/info'
echo >/tmp/vc.fifo
wait $holder
rm -f /tmp/vc.fifo

check "--migrate into a missing context exits 255" "" 255 \
	vcontext --migrate --xid 304 -- true
check "--create and --migrate together exit 255" "" 255 \
	vcontext --create --migrate --xid 305 -- true
check "--migrate without --xid exits 255" "" 255 vcontext --migrate -- true
check "--initpid without --migrate exits 255" "" 255 \
	vcontext --create --initpid -- true
check "--chroot with --pivot-root exits 255" "" 255 \
	vcontext --create --chroot --pivot-root -- true
check "an unknown personality exits 255" "" 255 \
	vcontext --create --personality-type bogus -- true
check "--personality-flags without a type exits 255" "" 255 \
	vcontext --create --personality-flags uname26 -- true
check "no program exits 255" "" 255 vcontext --create --xid 306
check "an unknown option exits 255" "" 255 vcontext --bogus --create -- true
check "a bad xid exits 255" "" 255 vcontext --create --xid 70000 -- true
check "an xid out of the static range exits 255" "" 255 \
	vcontext --create --xid 1 -- true
check "a program that does not exist exits 127" "" 127 \
	vcontext --create --silent --xid 307 -- /nonexistent
check "a program that cannot run exits 126" "" 126 \
	vcontext --create --silent --xid 308 -- /proc

# --endsetup: the context can no longer change its own flags.
check "--endsetup ends the setup phase" "" 0 \
	vcontext --create --silent --endsetup --xid 309 -- true

mkdir -p /tmp/vc-root/bin
cp /bin/busybox /tmp/vc-root/bin/
ln -sf busybox /tmp/vc-root/bin/sh
ln -sf busybox /tmp/vc-root/bin/ls
echo inside >/tmp/vc-root/marker
check "--chroot runs the program in the current directory" "inside" 0 \
	sh -c 'cd /tmp/vc-root && vcontext --create --silent --chroot --xid 310 -- /bin/sh -c "read l </marker; echo \$l"'
rm -rf /tmp/vc-root

vcontext --create --silent --disconnect --xid 311 -- sh -c 'sleep 1; sed -n "s/^XID:\t//p" /proc/virtual/info >/tmp/vc.disc' &
wait $!
rc=$?
[ "$rc" = 0 ] && [ ! -s /tmp/vc.disc ]
ok $? "--disconnect returns at once"
sleep 2
[ "$(cat /tmp/vc.disc 2>/dev/null)" = 311 ]
ok $? "... and the program runs on in the context"
rm -f /tmp/vc.disc

check "--disconnect reports a program that does not exist (127)" "" 127 \
	vcontext --create --silent --disconnect --xid 313 -- /nonexistent
check "--disconnect reports a program that cannot run (126)" "" 126 \
	vcontext --create --silent --disconnect --xid 314 -- /proc
check "--uid changes the user" "65534" 0 \
	vcontext --create --silent --uid 65534 --xid 312 -- id -u

check "--personality-type runs the program with it" "i686" 0 \
	vcontext --create --silent --xid 315 --personality-type linux32 -- uname -m
check "--personality-flags adds flags (uname26)" "2.6" 0 \
	vcontext --create --silent --xid 316 --personality-type linux \
	--personality-flags uname26 -- sh -c 'uname -r | cut -c1-3'

# --initpid from inside (util-vserver's plain init style): with the
# fakeinit flag the program is process 1 to the context, without it the
# context's Init: is its real number.
check "--migrate-self --initpid makes the program the context's init" "yes" 0 \
	vcontext --create --silent --xid 317 -- vcontext --migrate-self --initpid \
	-- sh -c 'test "$(sed -n "s/^Init:\t//p" /proc/virtual/317/info)" = $$ && echo yes'
check "... and with fakeinit it is process 1" "1" 0 \
	vcontext --create --silent --xid 318 -- vattribute --set --flag fakeinit \
	-- vcontext --migrate-self --initpid -- sh -c 'echo $$'

# --pivot-root: pivot_root() cannot leave the initramfs, so work in a
# chroot on a tmpfs of its own, with the guest root mounted below it.
mkdir -p /tmp/pv && mount -t tmpfs pv /tmp/pv
mkdir -p /tmp/pv/bin /tmp/pv/proc /tmp/pv/guest /tmp/pv/tmp
cp /bin/busybox /usr/local/sbin/vcontext /tmp/pv/bin/
ln -s busybox /tmp/pv/bin/sh
mount -t proc proc /tmp/pv/proc
mount -t tmpfs guest /tmp/pv/guest
mkdir /tmp/pv/guest/bin
cp /bin/busybox /tmp/pv/guest/bin/
ln -s busybox /tmp/pv/guest/bin/sh
echo pivoted >/tmp/pv/guest/marker
check "--pivot-root pivots into the current directory" "pivoted" 0 \
	chroot /tmp/pv /bin/sh -c 'cd /guest && vcontext --create --silent --xid 319 \
	--pivot-root -- /bin/sh -c "read l </marker; test ! -e /guest && test ! -e /.oldroot && echo \$l"'
chroot /tmp/pv /bin/sh -c 'cd /guest && exec vcontext --create --silent \
	--xid 324 --pivot-root -- /bin/busybox sleep 30' &
holder=$!
sleep 1
check "... and a later --pivot-root enters that root from anywhere" "pivoted" 0 \
	chroot /tmp/pv /bin/sh -c 'cd / && vcontext --migrate --xid 324 \
	--pivot-root -- /bin/sh -c "read l </marker; echo \$l"'
kill $holder
wait $holder 2>/dev/null
umount /tmp/pv/proc /tmp/pv/guest /tmp/pv
rmdir /tmp/pv

# --namespace with --chroot: --migrate-self keeps the root, --migrate
# enters it from anywhere.
mkdir -p /tmp/ns-root/bin
cp /bin/busybox /tmp/ns-root/bin/
ln -s busybox /tmp/ns-root/bin/sh
echo kept >/tmp/ns-root/marker
vcontext --create --silent --xid 325 -- sh -c 'cd /tmp/ns-root && exec vcontext \
	--migrate-self --chroot --namespace -- /bin/busybox sleep 30' &
holder=$!
sleep 1
check "--migrate --chroot --namespace enters the kept root" "kept" 0 \
	sh -c 'cd / && vcontext --migrate --xid 325 --chroot --namespace -- \
	/bin/sh -c "read l </marker; echo \$l"'
kill $holder
wait $holder 2>/dev/null
rm -rf /tmp/ns-root

# --vlogin: the program runs on a terminal of its own.
check "--vlogin gives the program a new terminal" "yes" 0 \
	sh -c 'vcontext --create --silent --xid 326 --vlogin -- sh -c \
	"test -t 0 && test -t 1 && tty | grep -q /dev/pts/ && echo yes" | tr -d "\r"'
check "--vlogin passes the exit status on" "" 3 \
	vcontext --create --silent --xid 327 --vlogin -- sh -c 'exit 3'

out=$(vcontext --help)
rc=$?
[ $rc = 0 ] && echo "$out" | grep -q -- "--silentexist"
ok $? "--help prints the options and exits 0"
vcontext --version | grep -q "^vcontext from vserver"
ok $? "--version"

tap_done
