#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ncontext, naddress, nattribute and chbind: output, exit codes and effect.
# Needs the addresses net_test sets up on vs0 (it adds them if missing).
# Prints TAP.

. "$(dirname "$0")/tap.sh"

if [ ! -d /proc/sys/net/ipv4/conf/vs0 ]; then
	ip link add vs0 type dummy && ip link set vs0 up &&
		ip addr add 192.0.2.1/24 dev vs0 && ip addr add 192.0.2.2/24 dev vs0
fi

# --- ncontext
out=$(ncontext --create --nid 700 -- cat /proc/virtnet/info)
[ $? = 0 ] && [ "$out" = "New network context is 700
NID:	700" ]
ok $? "ncontext --create prints the nid and runs the program in it"
out=$(ncontext --create --silent -- sh -c 'cat /proc/virtnet/info')
nid=${out#NID:	}
[ "$nid" -ge 49152 ] && [ "$nid" -le 65535 ]
ok $? "ncontext --create without --nid picks a dynamic nid ($nid)"

rm -f /tmp/ntools.fifo
mkfifo /tmp/ntools.fifo
ncontext --create --silent --nid 701 -- sh -c 'read x </tmp/ntools.fifo' &
sleep 1
ncontext --create --nid 701 -- true 2>/tmp/ntools.err
[ $? = 254 ] && grep -q "cannot create network context 701" /tmp/ntools.err
ok $? "ncontext --create of an existing nid exits 254 with a message"
ncontext --create --silentexist --nid 701 -- true 2>/tmp/ntools.err
[ $? = 254 ] && [ ! -s /tmp/ntools.err ]
ok $? "... silently with --silentexist"
out=$(ncontext --migrate --nid 701 -- cat /proc/virtnet/info)
[ "$out" = "NID:	701" ]
ok $? "ncontext --migrate enters an existing network context"
ncontext --migrate --nid 702 -- true 2>/dev/null
[ $? = 255 ]
ok $? "ncontext --migrate to a missing nid exits 255"
ncontext --bogus 2>/dev/null
[ $? = 255 ]
ok $? "ncontext with an unknown option exits 255"
ncontext --help | grep -q "^ ncontext --create"
ok $? "ncontext --help"

# --- naddress
out=$(naddress --nid 701 --add --ip 192.0.2.1/24 --ip 2001:db8::1/64 --bcast 192.0.2.255)
[ $? = 0 ] && [ "$out" = "Adding 192.0.2.1/24 2001:db8::1/64 192.0.2.255" ]
ok $? "naddress --add prints what it adds"
grep -q "^IPv4:	192.0.2.1/255.255.255.0 addr" /proc/virtnet/701/info &&
	grep -q "^IPv6:	2001:db8::1/64 addr" /proc/virtnet/701/info &&
	grep -q "^Bcast:	192.0.2.255" /proc/virtnet/701/info
ok $? "... and the addresses show in /proc/virtnet/701/info"
naddress --nid 701 --add --silent --ip 192.0.2.1/24 2>/tmp/ntools.err
[ $? = 255 ] && grep -q "cannot add 192.0.2.1/24 to network context 701: File exists" /tmp/ntools.err
ok $? "naddress --add of an address it has exits 255 and says why"
naddress --nid 701 --add --ip 192.0.2.300 2>/dev/null
[ $? = 255 ]
ok $? "naddress rejects a malformed address"
naddress --nid 701 --add --ip 127.0.0.1 >/dev/null 2>&1
[ $? = 255 ]
ok $? "naddress rejects a loopback address (kernel EINVAL)"
out=$(naddress --nid 701 --set --range 192.0.2.10-192.0.2.20 --mask 198.51.100.0/24)
[ "$out" = "Adding 192.0.2.10-192.0.2.20 198.51.100.0/24" ] &&
	! grep -q "192.0.2.1/\|2001:db8::1" /proc/virtnet/701/info &&
	grep -q "^IPv4:	192.0.2.10-192.0.2.20 range" /proc/virtnet/701/info &&
	grep -q "^IPv4:	198.51.100.0/255.255.255.0 mask" /proc/virtnet/701/info
ok $? "naddress --set replaces every address (range and network)"
out=$(naddress --nid 701 --remove --range 192.0.2.10-192.0.2.20)
[ "$out" = "Removing 192.0.2.10-192.0.2.20" ] &&
	! grep -q "range" /proc/virtnet/701/info
ok $? "naddress --remove"
naddress --nid 701 --add --silent --ip vs0 &&
	grep -q "192.0.2.1/255.255.255.0" /proc/virtnet/701/info &&
	grep -q "192.0.2.2/255.255.255.0" /proc/virtnet/701/info
ok $? "naddress --ip with an interface name adds its addresses"
naddress --add --ip 192.0.2.1 2>/tmp/ntools.err
[ $? = 255 ] && grep -q "not in a network context" /tmp/ntools.err
ok $? "naddress without --nid on the host exits 255"

# --- nattribute
out=$(nattribute --nid 701 --get)
[ $? = 0 ] && [ "$out" = "ncapabilities:

nflags:
hide_netif,state_admin" ]
ok $? "nattribute --get prints ncapabilities and nflags"
nattribute --nid 701 --set --ncap raw_icmp --flag lback_remap,NXF_PERSISTENT &&
	out=$(nattribute --nid 701 --get) &&
	[ "$out" = "ncapabilities:
raw_icmp
nflags:
lback_remap,hide_netif,state_admin,persistent" ]
ok $? "nattribute --set with names and prefixes"
nattribute --nid 701 --set --flag '~persistent,~lback_remap' --ncap '~raw_icmp' &&
	nattribute --nid 701 --get | sed -n 4p | grep -qx "hide_netif,state_admin"
ok $? "nattribute clears with ~"
nattribute --nid 701 --set --flag bogus 2>/tmp/ntools.err
[ $? = 1 ] && grep -q "unknown flag 'bogus'" /tmp/ntools.err
ok $? "nattribute names an unknown flag and exits 1"
nattribute --nid 703 --get 2>/dev/null
[ $? = 1 ]
ok $? "nattribute on a missing network context exits 1"
echo >/tmp/ntools.fifo
wait

# --- chbind
out=$(chbind --nid 704 --ip 192.0.2.2/24 --secure -- sh -c 'cat /proc/virtnet/704/info; nattribute --get')
echo "$out" | grep -q "^IPv4:	192.0.2.2/255.255.255.0 addr" &&
	echo "$out" | grep -qx "raw_icmp" &&
	echo "$out" | grep -q "hide_netif"
ok $? "chbind runs the program in a network context with the addresses"
out=$(chbind --silent --ip 192.0.2.2 -- sh -c 'cat /proc/virtnet/info')
[ "${out#NID:	}" -ge 49152 ]
ok $? "chbind without --nid uses a dynamic network context"
chbind --ip 192.0.2.2 2>/dev/null
[ $? = 255 ]
ok $? "chbind without a program exits 255"
chbind --ip 192.0.2.2 -- /nonexistent >/dev/null 2>&1
[ $? = 127 ]
ok $? "chbind with a missing program exits 127"

# --- vserver-info NID
[ "$(vserver-info - NID)" = 0 ] &&
	[ "$(ncontext --create --silent --nid 705 -- vserver-info - NID)" = 705 ]
ok $? "vserver-info - NID prints the caller's network context"
mkdir -p /etc/vservers/ntools
echo 42 >/etc/vservers/ntools/context
a=$(vserver-info ntools NID)
echo 43 >/etc/vservers/ntools/ncontext
b=$(vserver-info ntools NID)
[ "$a" = 42 ] && [ "$b" = 43 ]
ok $? "vserver-info NAME NID reads ncontext, else context"
rm -rf /etc/vservers/ntools

rm -f /tmp/ntools.fifo /tmp/ntools.err
tap_done
