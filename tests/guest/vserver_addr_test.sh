#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guests' addresses of one subnet on one host device outlive each other's
# start and stop, in any order.  The first IPv4 address of a subnet on a
# device is its primary, the later ones secondaries, and the kernel drops
# the secondaries with the primary unless promote_secondaries is set:
# without it, stopping the first-started guest cut the others off.
#
#   host: vat0 (dummy), promote_secondaries 0 as a fresh host has it
#     g1  192.0.2.31/24  2001:db8::31/64   started first: the primary
#     g2  192.0.2.32/24  2001:db8::32/64
#     g3  192.0.2.33/24  2001:db8::33/64
#
# Each guest serves its name with busybox httpd; the host fetches it.
# Prints TAP.

. "$(dirname "$0")/tap.sh"

mount -t tmpfs vservers /vservers || exit 1
rm -rf /etc/vservers
ip link del vat0 2>/dev/null
ip link add vat0 type dummy && ip link set vat0 up || exit 1
conf=/proc/sys/net/ipv4/conf
all_before=$(cat $conf/all/promote_secondaries)
echo 0 >$conf/all/promote_secondaries && echo 0 >$conf/vat0/promote_secondaries ||
	exit 1
tpl=/tmp/addr-tpl
busybox-template $tpl || exit 1

# serves NAME: the guest NAME answers on its IPv4 and its IPv6 address.
serves() {
	i=${1#g}
	[ "$(wget -q -O - "http://192.0.2.3$i/")" = "$1" ] &&
		[ "$(wget -q -O - "http://[2001:db8::3$i]/")" = "$1" ]
}
# has ADDR: the host device carries ADDR.
has() { ip addr show dev vat0 | grep -qE "inet6? $1/"; }

for i in 1 2 3; do
	vserver g$i build -m template --context 22$i \
		--interface vat0:192.0.2.3$i/24 --interface vat0:2001:db8::3$i/64 \
		-- -t $tpl >/dev/null &&
		echo g$i >/vservers/g$i/www/index.html || exit 1
done

vserver --silent g1 start && vserver --silent g2 start &&
	vserver --silent g3 start && serves g1 && serves g2 && serves g3
ok $? "three guests with addresses of one subnet on one device serve"
ip -4 addr show dev vat0 | grep "inet 192.0.2.31/24 " | grep -qv secondary &&
	ip -4 addr show dev vat0 | grep "inet 192.0.2.32/24 " | grep -q secondary &&
	[ "$(cat $conf/vat0/promote_secondaries)" = 1 ]
ok $? "the first-started guest's address is the primary; start set promote_secondaries"

vserver --silent g1 stop && ! has 192.0.2.31 && ! has 2001:db8::31 &&
	has 192.0.2.32 && has 192.0.2.33 && serves g2 && serves g3
ok $? "stopping the first-started guest leaves the others' addresses: they serve"
ip -4 route show dev vat0 | grep -q "^192.0.2.0/24 "
ok $? "the subnet's route stays with the promoted address"

vserver --silent g1 start && serves g1 && serves g2 && serves g3 &&
	vserver --silent g2 stop && ! has 192.0.2.32 && serves g1 && serves g3
ok $? "g1 again, then stop g2 (the primary now): g1 and g3 serve"
vserver --silent g3 stop && has 192.0.2.31 && serves g1 &&
	vserver --silent g2 start && serves g2 && vserver --silent g1 stop &&
	serves g2 && ! has 192.0.2.31
ok $? "any order: stop g3, start g2, stop g1; the one left serves"
vserver --silent g2 stop && ! ip addr show dev vat0 | grep -qE "192\.0\.2\.3|2001:db8::3"
ok $? "stopping the last guest leaves no address on the device"

for i in 1 2 3; do
	vserver --silent g$i delete --force
done
echo "$all_before" >$conf/all/promote_secondaries
ip link del vat0
umount /vservers
tap_done
