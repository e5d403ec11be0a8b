#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# util-vserver's start chain, run with our tools: the steps its
# vserver.start runs for a fakeinit guest, in the same order (chbind,
# vspace --new --default, vcontext --create, vspace --set --default,
# vuname, vattribute --set --secure, vcontext --migrate-self --endsetup
# --initpid), then what "vserver NAME running/enter/exec/stop" do from the
# host.  Between the steps a probe records what the step left; each record
# is checked against what the reference ABI (abi.md) says the original
# kernel did at that point.  Prints TAP.

. "$(dirname "$0")/tap.sh"

xid=800
log=/tmp/chain.log
fifo=/tmp/chain.fifo
probe=/tmp/chain-probe
rm -f "$log" "$fifo"
mkfifo "$fifo"

# chain-probe STEP -- PROGRAM...: record the caller's state, exec the rest.
cat >"$probe" <<'EOF'
#!/bin/sh
step=$1
shift
[ "$1" = -- ] && shift
x=$(sed -n 's/^XID:\t//p' /proc/virtual/info)
n=$(sed -n 's/^NID:\t//p' /proc/virtnet/info)
f=- s=- b=-
if [ "$x" != 0 ]; then
	f=$(sed -n 's/^Flags:\t//p' /proc/virtual/$x/status)
	s=$(sed -n 's/^Spaces:\t\([0-9a-f]*\).*/\1/p' /proc/virtual/$x/status)
	b=$(sed -n 's/^BCaps:\t//p' /proc/virtual/$x/status)
fi
echo "$step xid=$x nid=$n flags=$f space0=$s bcaps=$b" \
	"mnt=$(readlink /proc/self/ns/mnt) uts=$(readlink /proc/self/ns/uts)" \
	"node=$(uname -n)" >>/tmp/chain.log
exec "$@"
EOF
chmod 755 "$probe"

# field STEP KEY: the value of KEY= in the record of STEP.
field() {
	awk -v s="$1" -v k="$2=" '$1 == s {
		for (i = 2; i <= NF; i++)
			if (index($i, k) == 1)
				print substr($i, length(k) + 1)
	}' "$log"
}

# bit HEX MASK: 0 if any bit of MASK is set in the hex number HEX.
bit() {
	[ "$(( 0x$1 & $2 ))" != 0 ]
}

host_mnt=$(readlink /proc/self/ns/mnt)
host_uts=$(readlink /proc/self/ns/uts)
host_node=$(uname -n)

chbind --silent --secure --nid $xid --ip 10.80.0.1/24 -- \
	$probe chbind -- \
	vspace --new --default -- \
	$probe vspace-new -- \
	vcontext --create --silent --xid $xid -- \
	$probe vcontext-create -- \
	vspace --set --default -- \
	$probe vspace-set -- \
	vuname --xid self -s -t nodename=chain$xid -t context=/etc/vservers/chain -- \
	$probe vuname -- \
	vattribute --set --secure --flag fakeinit -- \
	$probe vattribute -- \
	env -i PATH="$PATH" \
	vcontext --migrate-self --endsetup --initpid --silent -- \
	$probe endsetup -- \
	sh -c 'echo "init pid=$$" >>/tmp/chain.log; read x <'$fifo &
chain=$!

# Wait for the guest's init to be there.
i=0
while ! grep -q "^init " "$log" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
sed 's/^/# /' "$log"

# chbind: a network context of its own, still on the host (xid 0).
[ "$(field chbind nid)" = $xid ] && [ "$(field chbind xid)" = 0 ]
ok $? "chbind: network context $xid, security context still the host's"
grep -q "10.80.0.1" /proc/virtnet/$xid/info
ok $? "chbind: the address is the network context's"
bit "$(sed -n 's/^Flags:\t//p' /proc/virtnet/$xid/status)" 0x2000000
ok $? "chbind --secure: the network context hides foreign interfaces"

# vspace --new --default: new mount and uts namespaces, no context yet.
[ "$(field vspace-new mnt)" != "$host_mnt" ] &&
	[ "$(field vspace-new uts)" != "$host_uts" ] &&
	[ "$(field vspace-new xid)" = 0 ]
ok $? "vspace --new --default: new mount and uts namespaces"

# vcontext --create: in the new context, created with SETUP|INIT|ADMIN.
[ "$(field vcontext-create xid)" = $xid ]
ok $? "vcontext --create: the chain runs in context $xid"
f=$(field vcontext-create flags)
[ -n "$f" ] && [ "$(( 0x$f & 0x700000000 ))" = "$((0x700000000))" ]
ok $? "vcontext --create: STATE_SETUP, STATE_INIT, STATE_ADMIN are set ($f)"
[ "$(field vcontext-create space0)" = 00000000 ]
ok $? "vcontext --create: no space is kept yet"

# vspace --set --default: space 0 holds the default mask (get_space_default).
[ "$(field vspace-set space0)" = 0c020200 ]
ok $? "vspace --set --default: space 0 is mount, fs, uts and ipc"

# vuname: the name in the guest's uts namespace only.
[ "$(field vuname node)" = chain$xid ] && [ "$(uname -n)" = "$host_node" ]
ok $? "vuname --xid self -s: the guest's node name, not the host's"
[ "$(vuname --xid $xid context)" = /etc/vservers/chain ]
ok $? "vuname --xid $xid context: the configuration directory (running check)"

# vattribute --set --secure --flag fakeinit.
f=$(field vattribute flags)
bit "$f" 0x10 && bit "$f" 0x2000000
ok $? "vattribute: INFO_INIT and HIDE_NETIF are set ($f)"
b=$(field vattribute bcaps)
! bit "$b" $((1 << 21)) && ! bit "$b" $((1 << 16)) && bit "$b" $((1 << 0))
ok $? "vattribute --secure: no SYS_ADMIN or SYS_MODULE in the bounding set ($b)"
bit "$f" 0x100000000
ok $? "vattribute: still in setup"

# vcontext --migrate-self --endsetup --initpid.
f=$(field endsetup flags)
! bit "$f" 0x100000000
ok $? "vcontext --endsetup: STATE_SETUP is cleared ($f)"
[ "$(field endsetup xid)" = $xid ] && [ "$(field endsetup nid)" = $xid ]
ok $? "vcontext --migrate-self: still in context and network context $xid"
grep -q "^init pid=1$" "$log"
ok $? "--initpid with fakeinit: the guest's init is process 1 to itself"

# vserver NAME running: Tasks: in /proc/virtual/XID/status.
set -- $(grep '^Tasks:' /proc/virtual/$xid/status)
[ "$2" = 1 ]
ok $? "running: /proc/virtual/$xid/status has Tasks: 1"
vserver-stat | grep -q "^$xid "
ok $? "vserver-stat lists the guest"

# vserver NAME enter/exec: vspace --enter, ncontext/vcontext --migrate.
out=$(vspace --enter $xid -- ncontext --migrate --nid $xid -- \
	vcontext --migrate --silent --xid $xid -- \
	sh -c 'echo $(uname -n) $(sed -n "s/^XID:\t//p" /proc/virtual/info) $(sed -n "s/^NID:\t//p" /proc/virtnet/info)')
[ "$out" = "chain$xid $xid $xid" ]
ok $? "exec: enters the guest's spaces and contexts ($out)"
vspace --enter $xid -- vcontext --migrate --silent --xid $xid -- \
	vcontext --create --silent --xid $((xid + 1)) -- true 2>/dev/null
[ $? = 255 ]
ok $? "exec: the guest cannot create a context"
vcontext --migrate --silent --xid $xid -- sh -c 'kill -0 1' 2>/dev/null
ok $? "exec: the guest's init is process 1 for its members"

# vserver NAME stop, fakeinit style: vwait in the background, SIGINT to
# the guest's init with vkill (this init, a background job of a script,
# ignores it), then the kill sequence to every process of the context,
# and vwait reports the end.
vwait --timeout 20 --status-fd 3 $xid 3>/tmp/chain.status &
waiter=$!
sleep 0.5
vkill -s INT --xid $xid 1
ok $? "stop: vkill -s INT --xid $xid 1 reaches the guest's init"
vkill -s 15 --xid $xid
ok $? "stop: vkill -s 15 --xid $xid signals the whole context"
wait $waiter
rc=$?
[ $rc = 0 ] && grep -q "^FINISHED" /tmp/chain.status
ok $? "stop: vwait reports the guest finished (status $rc: $(cat /tmp/chain.status))"
[ -e /proc/virtual/$xid ] && vkill -s KILL --xid $xid
wait $chain
[ ! -e /proc/virtual/$xid ]
ok $? "stop: the context is gone"
[ ! -e /proc/virtnet/$xid ]
ok $? "stop: the network context is gone"

rm -f "$log" "$fifo" "$probe" /tmp/chain.status
tap_done
