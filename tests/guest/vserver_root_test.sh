#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# vserver(8) on a guest root laid out as distributions lay theirs out:
# full of absolute symbolic links that mean something only inside the
# guest.  Every path the tool looks at in a guest must resolve in the
# guest's root; the host has decoys at the same paths, which must stay
# untouched and unused.
#
#   guest root                          host
#   bin -> usr/bin, lib -> usr/lib
#   sbin -> /usr/sbin
#   usr/sbin/init -> /lib/ginit/init    (none)
#   etc/init.d/rc -> /lib/init/rc       /lib/init/rc: writes a marker
#   etc/passwd -> /usr/lib/pw/passwd    (its own /etc/passwd)
#   var/run -> /run
#
# Then fstab lines with bind,ro: a directory with a mount below it
# (rbind), a file, and a mount point reached through var/run.  Prints TAP.

. "$(dirname "$0")/tap.sh"

mount -t tmpfs vservers /vservers || exit 1
rm -rf /etc/vservers
mounts_before=$(wc -l </proc/mounts)

tpl=/tmp/dist-tpl
rm -rf $tpl /tmp/dist-bb /tmp/host-rc-ran
busybox-template /tmp/dist-bb >/dev/null || exit 1
mkdir -p $tpl/usr/lib/init $tpl/usr/lib/ginit $tpl/usr/lib/pw $tpl/usr/sbin \
	$tpl/etc/init.d $tpl/var/log $tpl/run $tpl/root $tpl/mnt/ro &&
	cp -a /tmp/dist-bb/bin $tpl/usr/bin && cp /tmp/dist-bb/etc/group $tpl/etc/ &&
	ln -s usr/bin $tpl/bin && ln -s usr/lib $tpl/lib && ln -s /usr/sbin $tpl/sbin &&
	ln -s /run $tpl/var/run && ln -s /usr/bin/busybox $tpl/usr/lib/ginit/init &&
	ln -s /lib/ginit/init $tpl/usr/sbin/init &&
	ln -s /lib/init/rc $tpl/etc/init.d/rc &&
	ln -s /usr/lib/pw/passwd $tpl/etc/passwd &&
	touch $tpl/mnt/rofile || exit 1
cat >$tpl/usr/lib/init/rc <<'RC'
#!/bin/sh
echo "guest rc $1" >>/var/log/rc.log
[ "$1" != 3 ] || echo $$ >/var/run/rc.pid
RC
chmod 755 $tpl/usr/lib/init/rc
{ cat /tmp/dist-bb/etc/passwd; echo "guestonly:x:4242:4242::/root:/bin/sh"; } \
	>$tpl/usr/lib/pw/passwd
printf '::sysinit:/etc/init.d/rc 3\n::shutdown:/etc/init.d/rc 6\n' >$tpl/etc/inittab

# The host's decoys: what resolving on the host's root would find.
hostrc=0
if [ ! -e /lib/init ]; then
	mkdir -p /lib/init && hostrc=1
	printf '#!/bin/sh\necho "$0 $*" >>/tmp/host-rc-ran\n' >/lib/init/rc
	cp /lib/init/rc /lib/init/nosuch && chmod 755 /lib/init/rc /lib/init/nosuch
fi
mkdir -p /tmp/hostonly
ls -la /usr/sbin >/tmp/usr-sbin-before

# --- build
vserver dist build -m template --context 231 -- -t $tpl >/dev/null &&
	[ "$(readlink /vservers/dist/sbin)" = /usr/sbin ] &&
	[ "$(readlink /vservers/dist/bin)" = usr/bin ] &&
	[ -d /vservers/dist/usr/sbin ] && [ -c /vservers/dist/dev/null ] &&
	[ "$(stat -c %a /vservers/dist/tmp)" = 1777 ] &&
	ls -la /usr/sbin | cmp -s - /tmp/usr-sbin-before
ok $? "build keeps a template's absolute links to its directories, followed in its root"
rm -rf /tmp/dist-bad && cp -a $tpl /tmp/dist-bad && rm /tmp/dist-bad/sbin &&
	ln -s /tmp/hostonly /tmp/dist-bad/sbin
out=$(vserver bad build -m template --context 232 -- -t /tmp/dist-bad 2>&1)
rc=$?
[ $rc = 1 ] && echo "$out" | grep -q "sbin: not a directory in the guest's root" &&
	[ ! -e /etc/vservers/bad ] && [ ! -e /vservers/bad ] &&
	[ -z "$(ls -A /tmp/hostonly)" ]
ok $? "build: a link to a directory only the host has stops the build"

# --- start and stop in the sysv style
vserver --silent dist start &&
	[ "$(cat /vservers/dist/var/log/rc.log)" = "guest rc 3" ] &&
	[ -s /vservers/dist/run/rc.pid ] && [ ! -e /tmp/host-rc-ran ]
ok $? "start runs the guest's rc through its absolute link, not the host's"
[ "$(vserver dist exec /bin/sh -c 'echo $0')" = /bin/sh ] &&
	[ "$(vserver dist suexec guestonly id -u)" = 4242 ] &&
	echo 'id -un' | vserver dist enter 2>/dev/null | grep -q '^root$'
ok $? "exec, suexec and enter find the guest's /bin and /etc/passwd through its links"
vserver --silent dist stop &&
	[ "$(tail -n 1 /vservers/dist/var/log/rc.log)" = "guest rc 6" ] &&
	[ ! -e /tmp/host-rc-ran ] && ! vserver dist running
ok $? "stop runs the guest's rc 6 through its link"
ln -sfn /lib/init/nosuch /vservers/dist/etc/init.d/rc
out=$(vserver dist start 2>&1)
rc=$?
ln -sfn /lib/init/rc /vservers/dist/etc/init.d/rc
[ $rc = 1 ] && echo "$out" | grep -q "no start command" &&
	! vserver dist running && [ ! -e /tmp/host-rc-ran ]
ok $? "an rc link to a file only the host has: no start command, nothing runs"

# --- the plain style: /sbin/init through two absolute links
vserver plain build -m template --context 233 --initstyle plain -- -t $tpl \
	>/dev/null && vserver --silent plain start
ok $? "start a plain guest whose /sbin/init is a link to a guest-only file"
i=0
while [ $i -lt 50 ] && [ ! -s /vservers/plain/var/log/rc.log ]; do
	sleep 0.2
	i=$((i + 1))
done
[ "$(vserver plain exec cat /proc/1/comm)" = init ] &&
	[ "$(cat /vservers/plain/var/log/rc.log)" = "guest rc 3" ] &&
	vserver --silent plain stop && ! vserver plain running &&
	[ ! -e /tmp/host-rc-ran ]
ok $? "its init is the guest's, ran the guest's rc; stop ends it"

# --- bind,ro: an rbind with a mount below it, a file, and a mount
# point reached through the guest's var/run -> /run
rm -rf /tmp/rosrc /tmp/rofile && mkdir -p /tmp/rosrc/sub &&
	mount -t tmpfs rosub /tmp/rosrc/sub && echo shared >/tmp/rosrc/f &&
	echo below >/tmp/rosrc/sub/g && echo file >/tmp/rofile &&
	mkdir -p /vservers/dist/run/ro &&
	cat >>/etc/vservers/dist/fstab <<EOF &&
/tmp/rosrc	/mnt/ro		none	rbind,ro	0 0
/tmp/rofile	/mnt/rofile	none	bind,ro		0 0
/tmp/rosrc	/var/run/ro	none	bind,ro,nosuid	0 0
EOF
	vserver --silent dist start
ok $? "start a guest with bind,ro and rbind,ro lines in its fstab"
w() { vserver dist exec sh -c "$1" 2>&1 | grep -q "Read-only file system"; }
[ "$(vserver dist exec cat /mnt/ro/f /mnt/ro/sub/g /mnt/rofile /run/ro/f)" = \
	"$(printf 'shared\nbelow\nfile\nshared')" ]
ok $? "bind,ro: the guest reads the sources"
w 'touch /mnt/ro/new' && w 'touch /mnt/ro/sub/new' && w 'echo x >>/mnt/rofile' &&
	w 'touch /run/ro/new' && w 'echo x >>/mnt/ro/f' &&
	vserver dist exec touch /root/w /run/w
ok $? "bind,ro: every write under them is EROFS (rbind: the mount below too); the rest of the root is writable"
echo host >>/tmp/rosrc/f && touch /tmp/rosrc/sub/host && echo host >>/tmp/rofile &&
	[ ! -e /tmp/rosrc/new ] && [ ! -e /tmp/rosrc/sub/new ] &&
	[ "$(vserver dist exec tail -n 1 /mnt/ro/f)" = host ]
ok $? "bind,ro: the host's copies stay writable, and the guest sees the writes"
! grep -qE " /mnt/ro | /vservers/dist" /proc/mounts && ! grep -q "/tmp/rosrc/sub.* ro[, ]" /proc/mounts
ok $? "the read-only binds exist in the guest's namespace only"
vserver --silent dist stop
umount /tmp/rosrc/sub
[ "$(wc -l </proc/mounts)" = "$mounts_before" ]
ok $? "no mount is left on the host"

vserver --silent dist delete --force
vserver --silent plain delete --force
[ $hostrc = 1 ] && rm -rf /lib/init
rm -rf /tmp/hostonly /tmp/dist-bad /tmp/rosrc /tmp/rofile /tmp/usr-sbin-before
umount /vservers
tap_done
