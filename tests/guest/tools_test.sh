#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# vattribute, vkill and vwait: output, exit codes and effect.  Prints TAP.

. "$(dirname "$0")/tap.sh"

# A guest that waits for a line on a fifo, in context $1.
start_guest() {
	rm -f /tmp/tools.$1
	mkfifo /tmp/tools.$1
	vcontext --create --silent --xid "$1" -- sh -c "read x </tmp/tools.$1" &
	sleep 1
}
stop_guest() {
	echo >/tmp/tools.$1 2>/dev/null
	rm -f /tmp/tools.$1
	wait 2>/dev/null
}

# --- vattribute
start_guest 600
out=$(vattribute --xid 600 --get)
rc=$?
[ $rc = 0 ] && [ "$(echo "$out" | sed -n 1p)" = "bcapabilities:" ] &&
	echo "$out" | sed -n 2p | grep -q "^CHOWN,DAC_OVERRIDE," &&
	[ "$(echo "$out" | sed -n 3p)" = "ccapabilities:" ] &&
	[ "$(echo "$out" | sed -n 5p)" = "flags:" ] &&
	[ "$(echo "$out" | sed -n 6p)" = "state_setup,state_init,state_admin" ]
ok $? "vattribute --get prints bcapabilities, ccapabilities and flags"

vattribute --xid 600 --set --bcap '~SYS_ADMIN,~CAP_MKNOD' --ccap set_utsname,ping --flag persistent
ok $? "vattribute --set with names, prefixes and negation"
out=$(vattribute --xid 600 --get)
! echo "$out" | sed -n 2p | grep -Eq "(^|,)(SYS_ADMIN|MKNOD)(,|$)" &&
	echo "$out" | sed -n 2p | grep -q "SYS_CHROOT"
ok $? "... removes the capabilities from the bounding set"
[ "$(echo "$out" | sed -n 4p)" = "set_utsname,raw_icmp" ]
ok $? "... sets the context capabilities"
echo "$out" | sed -n 6p | grep -q "persistent"
ok $? "... sets the flags"

vattribute --xid 600 --set --secure
out=$(vattribute --xid 600 --get)
[ "$(echo "$out" | sed -n 2p)" = "CHOWN,DAC_OVERRIDE,DAC_READ_SEARCH,FOWNER,FSETID,KILL,SETGID,SETUID,NET_BIND_SERVICE,SYS_CHROOT,SYS_PTRACE,SYS_BOOT,SYS_TTY_CONFIG,LEASE,AUDIT_WRITE,SETFCAP" ] &&
	[ "$(echo "$out" | sed -n 4p)" = "" ] &&
	echo "$out" | sed -n 6p | grep -q "hide_netif"
ok $? "vattribute --secure sets the secure bounding set and hide_netif"

vattribute --xid 600 --set --flag '~persistent'
vattribute --xid 600 --set --flag bogus 2>/tmp/tools.err
[ $? = 1 ] && grep -q "unknown flag 'bogus'" /tmp/tools.err
ok $? "vattribute names an unknown flag and exits 1"
vattribute --xid 601 --get 2>/dev/null
[ $? = 1 ]
ok $? "vattribute on a missing context exits 1"
vattribute --bogus 2>/dev/null
[ $? = 255 ]
ok $? "vattribute with an unknown option exits 255"
out=$(vcontext --create --silent --xid 602 -- vattribute --get -- echo then)
[ "$(echo "$out" | tail -n 1)" = "then" ]
ok $? "vattribute defaults to the current context and runs the program"

# --- vkill
stop_guest 600
start_guest 603
vkill --xid 603 -s KILL
ok $? "vkill --xid -s KILL signals the whole context"
sleep 1
vattribute --xid 603 --get >/dev/null 2>&1
[ $? = 1 ]
ok $? "... and the context is gone"
rm -f /tmp/tools.603
wait
vkill --xid 604 2>/dev/null
[ $? = 1 ]
ok $? "vkill on a missing context exits 1"
vkill -s BOGUS 1 2>/dev/null
[ $? = 1 ]
ok $? "vkill with a bad signal exits 1"
vkill 2>/dev/null
[ $? = 1 ]
ok $? "vkill without pid and --xid exits 1"

# --- vwait
start_guest 605
(sleep 1; echo >/tmp/tools.605) &
out=$(vwait --status-fd 1 605)
[ $? = 0 ] && [ "$out" = "FINISHED 0" ]
ok $? "vwait returns FINISHED when the context ends"
wait
rm -f /tmp/tools.605
start_guest 606
out=$(vwait --timeout 1 --status-fd 1 606)
[ $? = 2 ] && [ "$out" = "TIMEOUT" ]
ok $? "vwait --timeout exits 2 with TIMEOUT"
out=$(vwait --timeout 1 --terminate --status-fd 1 606)
[ $? = 1 ] && [ "$out" = "KILLED" ]
ok $? "vwait --terminate kills the context and exits 1"
sleep 1
vattribute --xid 606 --get >/dev/null 2>&1
[ $? = 1 ]
ok $? "... and the context is gone"
rm -f /tmp/tools.606
wait
out=$(vwait --status-fd 1 607 2>/dev/null)
[ $? = 127 ] && [ "$out" = "ERROR 3" ]
ok $? "vwait on a missing context exits 127 with ERROR errno"

# --- vspace / vnamespace / vuname
rm -f /tmp/tools.610
mkfifo /tmp/tools.610
vspace --new --mount --uts -- sh -c '
	mount -t tmpfs guest /mnt && touch /mnt/in-guest && hostname guest610 &&
	vcontext --create --silent --xid 610 -- vspace --set --mount --uts --fs -- sh -c "read x </tmp/tools.610"' &
sleep 1
[ "$(vuname --xid 610 nodename)" = "guest610" ]
ok $? "vuname prints the node name of the context's space"
vuname --xid 610 -s -t nodename=renamed -t context=/etc/vservers/t
ok $? "vuname -s -t sets names"
out=$(vuname --xid 610 context NODE)
[ "$out" = "/etc/vservers/t renamed" ]
ok $? "vuname tags are case-insensitive prefixes, printed space-separated"
[ "$(vuname --xid 610 | cut -d' ' -f1-3)" = "/etc/vservers/t Linux renamed" ] &&
	vuname --xid 610 | grep -q " $(uname -m) (none)\$"
ok $? "vuname without tags prints all seven names in order"
[ "$(hostname)" != "renamed" ]
ok $? "... and the host's name did not change"
vnamespace --enter 610 -- test -e /mnt/in-guest
ok $? "vnamespace --enter sees the guest's mounts"
[ ! -e /mnt/in-guest ]
ok $? "... which the host does not see"
[ "$(vspace --enter 610 --uts -- hostname)" = "renamed" ]
ok $? "vspace --enter --uts gives the guest's node name"
vspace --enter 611 -- true 2>/dev/null
[ $? = 255 ]
ok $? "vspace --enter on a missing context exits 255"
vspace --enter 610 --index 1 -- true 2>/dev/null
[ $? = 255 ]
ok $? "vspace --enter of an empty space exits 255"
vuname --xid 610 -s -t bogus=1 2>/dev/null
[ $? = 255 ]
ok $? "vuname with an unknown tag exits 255"
# --- vserver-info
[ "$(vserver-info - APIVER)" = "$(printf '0x%08x' 0x00020304)" ]
ok $? "vserver-info - APIVER prints the API version"
vserver-info 610 RUNNING >/dev/null && ! vserver-info -q 612 RUNNING
ok $? "vserver-info RUNNING answers by exit status"
[ "$(vserver-info 610 XIDTYPE)" = static ] && [ "$(vserver-info 60000 XIDTYPE)" = dynamic ] &&
	[ "$(vserver-info 1 XIDTYPE)" = watch ] && vserver-info -q 610 XIDTYPE static dynamic &&
	! vserver-info -q 610 XIDTYPE dynamic
ok $? "vserver-info XIDTYPE names and filters xid types"
[ "$(vserver-info 610 UTS nodename)" = renamed ]
ok $? "vserver-info UTS nodename"
vserver-info - FEATURE vkill && vserver-info - FEATURE namespace &&
	vserver-info - FEATURE vnet && vserver-info - FEATURE iattr &&
	! vserver-info - FEATURE sched
ok $? "vserver-info FEATURE tells what this kernel really has"
vserver-info | grep -q "VS-API: 0x00020304"
ok $? "vserver-info without a tag prints the system information"

# --- vserver-stat and vps
out=$(vserver-stat)
[ "$(echo "$out" | sed -n 1p)" = "CTX   PROC    VSZ    RSS  userTIME   sysTIME    UPTIME NAME" ] &&
	echo "$out" | grep -Eq '^0 +[0-9]+ .* root server$' &&
	echo "$out" | grep -Eq '^610 +1 +[0-9.]+[KMGT] +[0-9.]+[KMGT] +[0-9]+m[0-9]{2}s[0-9]{2} .* t$'
ok $? "vserver-stat lists the host and the guest with its processes and name"
out=$(vps)
echo "$out" | sed -n 1p | grep -q "PID CONTEXT" &&
	echo "$out" | grep -Eq "^ *[0-9]+ +610 t +.*read x"
ok $? "vps shows the context of every process"
out=$(vcontext --migrate --xid 610 -- vps)
! echo "$out" | grep -q MAIN
ok $? "vps in a guest shows only the guest's processes"

# --- vserver-stat --json: the table's contexts, one object a line
num='[0-9]+' sec='[0-9]+\.[0-9]{2}'
obj="[{]\"xid\": $num, \"name\": \"([^\"\\\\[:cntrl:]]|\\\\[\"\\\\]|\\\\u00[0-9a-f]{2})*\", \"processes\": $num, \"vsz\": $num, \"rss\": $num, \"utime\": $sec, \"stime\": $sec, \"uptime\": $sec[}]"
out=$(vserver-stat --json)
rc=$?
[ $rc = 0 ] && [ "$(echo "$out" | sed -n 1p)" = '{"contexts": [' ] &&
	[ "$(echo "$out" | sed -n '$p')" = ']}' ] &&
	[ "$(echo "$out" | wc -l)" -ge 4 ] &&
	! echo "$out" | sed '1d;$d' | sed '$s/$/,/' | grep -Evq "^ $obj,\$"
ok $? "vserver-stat --json prints one JSON object with the context objects"
echo "$out" | grep -q '^ {"xid": 0, "name": "root server", "processes": [1-9]' &&
	echo "$out" | grep -q '^ {"xid": 610, "name": "t", "processes": 1, "vsz": [1-9][0-9]*, "rss": [1-9]'
ok $? "... with the host and the guest with its process count, memory and name"
[ "$(vserver-stat | sed 1d | cut -d' ' -f1)" = \
	"$(vserver-stat -j | sed -n 's/^ {"xid": \([0-9]*\),.*/\1/p')" ]
ok $? "vserver-stat -j lists the table's contexts in its order"
vuname --xid 610 -s -t "context=/etc/vservers/q\"b\\s$(printf '\t')e"
vserver-stat --json | grep -Fq ' {"xid": 610, "name": "q\"b\\s\u0009e", "processes": 1, '
ok $? "vserver-stat --json escapes quote, backslash and control characters"

echo >/tmp/tools.610
wait
rm -f /tmp/tools.610

tap_done
