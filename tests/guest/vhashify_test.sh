#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# setattr, showattr and vhashify on a tmpfs with three guest trees, then
# vhashify against guests that attack it while it runs.
# Prints TAP.

. "$(dirname "$0")/tap.sh"

top=/tmp/vh
mkdir -p $top && mount -t tmpfs vh $top || exit 1
mkfile() {
	# mkfile PATH BYTES CHAR [MODE]
	mkdir -p "$(dirname "$1")"
	head -c "$2" /dev/zero | tr '\0' "$3" >"$1"
	chmod "${4:-644}" "$1"
	touch -d "2026-01-01 00:00:00" "$1"
}
for g in g1 g2 g3; do
	mkfile $top/$g/usr/bin/tool 8192 t 755
	mkfile $top/$g/usr/lib/lib.so 20000 l
	mkfile $top/$g/etc/passwd 100 p
	mkfile $top/$g/usr/share/tiny 10 s
	ln -s tool $top/$g/usr/bin/link
done
mkfile $top/g3/usr/lib/lib.so 20000 L		# other content
mkfile $top/g2/usr/bin/tool 8192 t 700		# other mode
echo x >>$top/g1/usr/share/doc 2>/dev/null; mkfile $top/g1/usr/share/doc 64 d
mkfile $top/g2/usr/share/doc 64 d
touch -d "2026-02-02 00:00:00" $top/g2/usr/share/doc	# other mtime
ino() { stat -c %i "$1"; }

# --- setattr / showattr
[ "$(showattr -d $top/g1)" = "----bui-- $top/g1" ] &&
	[ "$(showattr $top/g1/usr/bin/tool)" = "-----uic- $top/g1/usr/bin/tool" ]
ok $? "showattr prints the letters of what a file supports"
setattr --iunlink $top/g1/etc/passwd &&
	[ "$(showattr $top/g1/etc/passwd)" = "-----UIc- $top/g1/etc/passwd" ] &&
	setattr --~iunlink $top/g1/etc/passwd &&
	[ "$(showattr $top/g1/etc/passwd)" = "-----uic- $top/g1/etc/passwd" ]
ok $? "setattr --iunlink and --~iunlink"
setattr --barrier $top/g1/etc && [ "$(showattr -d $top/g1/etc)" = "----Bui-- $top/g1/etc" ] &&
	setattr --!barrier $top/g1/etc && [ "$(showattr -d $top/g1/etc)" = "----bui-- $top/g1/etc" ]
ok $? "setattr --barrier and --!barrier on a directory"
setattr -R --immutable --cow $top/g3/etc &&
	[ "$(showattr $top/g3/etc/passwd)" = "-----uIC- $top/g3/etc/passwd" ] &&
	[ "$(showattr -d $top/g3/etc)" = "----buI-- $top/g3/etc" ] &&
	setattr -R --~immutable --~cow $top/g3/etc
ok $? "setattr -R gives each file only what it can have"
showattr -d /nonexistent >/tmp/vh.out 2>/dev/null
[ $? = 1 ] && grep -q "^ERR " /tmp/vh.out
ok $? "showattr of a missing file prints ERR and exits 1"
setattr $top/g1/etc 2>/dev/null
[ $? = 255 ]
ok $? "setattr without an attribute exits 255"
setattr --barrier $top/g1/etc/passwd 2>/dev/null
[ $? = 1 ]
ok $? "setattr of an attribute the file lacks exits 1"

# --- vhashify
before=$(ino $top/g1/usr/bin/tool)
out=$(vhashify -n -d $top/.hash $top/g1 $top/g2 $top/g3)
rc=$?
[ $rc = 0 ] && [ "$(ino $top/g1/usr/bin/tool)" = "$before" ] && [ ! -e $top/.hash ] &&
	echo "$out" | grep -q "^dry run: 11 files, 8 unified"
ok $? "--dry-run changes nothing and counts what it would do ($(echo "$out" | tail -1))"

out=$(vhashify -v -d $top/.hash $top/g1 $top/g2 $top/g3)
rc=$?
[ $rc = 0 ]
ok $? "vhashify exits 0 ($(echo "$out" | tail -1))"
t1=$(ino $top/g1/usr/bin/tool) t3=$(ino $top/g3/usr/bin/tool)
[ "$t1" = "$t3" ] && [ "$(stat -c %h $top/g1/usr/bin/tool)" = 3 ] &&
	[ "$(ino $top/g1/usr/lib/lib.so)" = "$(ino $top/g2/usr/lib/lib.so)" ]
ok $? "identical files are one inode, with the hash entry"
[ "$(showattr $top/g1/usr/bin/tool)" = "-----UIC- $top/g1/usr/bin/tool" ]
ok $? "shared files are IXUNLINK, IMMUTABLE and COW"
[ "$(ino $top/g2/usr/bin/tool)" != "$t1" ] &&
	[ "$(ino $top/g3/usr/lib/lib.so)" != "$(ino $top/g1/usr/lib/lib.so)" ] &&
	[ "$(ino $top/g1/usr/share/doc)" != "$(ino $top/g2/usr/share/doc)" ]
ok $? "files that differ in content, mode or mtime stay apart"
[ "$(ino $top/g1/etc/passwd)" != "$(ino $top/g2/etc/passwd)" ] &&
	[ "$(ino $top/g1/usr/share/tiny)" != "$(ino $top/g2/usr/share/tiny)" ] &&
	[ -L $top/g1/usr/bin/link ]
ok $? "excluded paths, tiny files and symlinks are left alone"
echo "$out" | grep -q "^unifying   '$top/g2/usr/lib/lib.so'$" &&
	echo "$out" | tail -1 | grep -q "8192 bytes saved\|28192 bytes saved\|bytes saved"
ok $? "-v names each unified file"
echo changed >>$top/g1/usr/bin/tool &&
	[ "$(ino $top/g1/usr/bin/tool)" != "$t1" ] &&
	[ "$(ino $top/g3/usr/bin/tool)" = "$t1" ] &&
	[ "$(head -c 8192 $top/g3/usr/bin/tool | tr -d t | wc -c)" = 0 ] &&
	[ "$(wc -c <$top/g3/usr/bin/tool)" = 8192 ]
ok $? "a write breaks the link and leaves the other guests' file alone"
rm -f $top/g3/usr/lib/lib.so && [ ! -e $top/g3/usr/lib/lib.so ]
ok $? "a guest may delete its shared file"

cp -a $top/g2 $top/g4
out=$(vhashify -d $top/.hash $top/g4)
[ "$(ino $top/g4/usr/lib/lib.so)" = "$(ino $top/g2/usr/lib/lib.so)" ]
ok $? "a new guest links to the existing entries ($(echo "$out" | tail -1))"
out=$(vhashify --ignore-mtime --refresh -d $top/.hash $top/g1 $top/g2 2>&1)
[ "$(ino $top/g1/usr/share/doc)" = "$(ino $top/g2/usr/share/doc)" ]
ok $? "--ignore-mtime merges files that differ only in mtime"

vhashify -d $top/.hash /nonexistent >/dev/null 2>&1
[ $? = 1 ]
ok $? "a missing guest exits 1"
mkdir -p /tmp/vh2 && mount -t tmpfs vh2 /tmp/vh2 && cp -a $top/g2 /tmp/vh2/g5 &&
	cp -a $top/g2 /tmp/vh2/g6 && vhashify -d $top/.hash /tmp/vh2/g5 2>/dev/null; rc=$?
vhashify -d $top/.hash -d /tmp/vh2/.hash $top/g1 /tmp/vh2/g5 /tmp/vh2/g6 >/dev/null &&
	[ $rc = 1 ] &&
	[ "$(ino /tmp/vh2/g5/usr/lib/lib.so)" = "$(ino /tmp/vh2/g6/usr/lib/lib.so)" ] &&
	[ -d /tmp/vh2/.hash ]
ok $? "one hash directory per filesystem"
vhashify -d $top/.hash -d $top/.hash2 $top/g1 >/dev/null 2>&1
[ $? = 1 ]
ok $? "two hash directories on one filesystem exit 1"
setattr -R --~iunlink --~cow /tmp/vh2 >/dev/null 2>&1
umount /tmp/vh2
vhashify --bogus >/dev/null 2>&1
[ $? = 255 ]
ok $? "a bad option exits 255"
mkdir -p /etc/vservers/vhweb && ln -s $top/g1 /etc/vservers/vhweb/vdir &&
	vhashify -d $top/.hash vhweb >/dev/null
ok $? "a vserver name finds its root through its vdir"
rm -rf /etc/vservers/vhweb

# --- a hostile guest: vhashify runs as host root over trees the guest's
# root controls.  $top/host stands for a directory of the host, on the
# filesystem of the hash directory so that a link to it would work; its
# lib.so has the content, mode, owner and mtime of the guests' lib.so.
mkfile $top/host/usr/lib/lib.so 20000 l
hostlib=$top/host/usr/lib/lib.so
host_state() {
	echo "$(ino $hostlib) $(stat -c %h $hostlib) $(showattr $hostlib)"
}
host0=$(host_state)
# swap NAME MAKE...: until $top/stop exists, keep putting what
# "MAKE... NAME" makes in the place of NAME, and NAME back.
swap() {
	f=$1
	shift
	while [ ! -e $top/stop ]; do
		mv "$f" "$f.away" && "$@" "$f" && rm -f "$f"
		mv "$f.away" "$f"
	done
}

# A directory that is a symlink to the host's before the run.
mkfile $top/h1/usr/lib64/lib.so 20000 l
mkdir -p $top/h1/usr && ln -s $top/host/usr/lib $top/h1/usr/lib
out=$(vhashify -v -d $top/.hash $top/h1)
rc=$?
[ $rc = 0 ] && [ "$(host_state)" = "$host0" ] &&
	[ "$(stat -c %h $top/h1/usr/lib64/lib.so)" -gt 1 ] &&
	! echo "$out" | grep -q "h1/usr/lib/"
ok $? "a symlink to a host directory is not followed ($host0)"

# The guest waits until vhashify is busy in its usr (reading a big file),
# then swaps usr for a symlink to the host's: a walk by path names would
# go on in the host's usr and link its lib.so.
mkfile $top/h2/usr/aaa/big $((32 << 20)) a
mkfile $top/h2/usr/lib/lib.so 20000 l
vhashify -d $top/.hash $top/h2 >/tmp/vh.out 2>&1 &
vpid=$!
seen=no i=0
while [ $i -lt 3000 ] && read -r vstat </proc/$vpid/stat; do
	case $vstat in *") Z "*) break ;; esac
	if ls -l /proc/$vpid/fd 2>/dev/null | grep -q aaa/big; then
		seen=yes
		break
	fi
	i=$((i + 1))
done 2>/dev/null
mv $top/h2/usr $top/h2/usr.real && ln -s $top/host/usr $top/h2/usr
wait $vpid
rc=$?
[ $seen = yes ] && [ $rc = 0 ] && [ "$(host_state)" = "$host0" ] &&
	[ "$(stat -c %h $top/h2/usr.real/lib/lib.so)" -gt 1 ]
ok $? "a directory swapped for a symlink during the run: the walk stays in the guest (caught reading: $seen, $(tail -1 /tmp/vh.out))"

# FIFOs, devices and sparse files, there before the run.
mkfile $top/h3/usr/lib/lib.so 20000 l
mkfifo $top/h3/usr/lib/pipe.so
mkdir -p $top/h3/dev && mknod $top/h3/dev/zero c 1 5 &&
	ln $top/h3/dev/zero $top/h3/usr/lib/zero.so
out=$(timeout 20 vhashify -vvvvvv -d $top/.hash $top/h3 2>&1)
rc=$?
[ $rc = 0 ] && [ -p $top/h3/usr/lib/pipe.so ] &&
	echo "$out" | grep -q "^  skipping '$top/h3/usr/lib/pipe.so' (not a regular file)$"
ok $? "a FIFO named like a library does not block the run (exit $rc)"
[ $rc = 0 ] && [ -c $top/h3/usr/lib/zero.so ] &&
	[ "$(stat -c %h $top/h3/usr/lib/zero.so)" = 2 ] &&
	echo "$out" | grep -q "^  skipping '$top/h3/usr/lib/zero.so' (not a regular file)$"
ok $? "a hard link to a character device is skipped"

mkdir -p $top/h4
for f in s1 s2 s3; do
	truncate -s $((1 << 40)) $top/h4/$f
done
for f in s1 s2; do
	printf 'data in the middle of a hole' |
		dd of=$top/h4/$f bs=1048576 seek=1024 conv=notrunc 2>/dev/null
done
printf 'data in the middle of a hole' |
	dd of=$top/h4/s3 bs=1048576 seek=2048 conv=notrunc 2>/dev/null
head -c 65536 /dev/zero >$top/h4/filled
truncate -s 65536 $top/h4/hole
touch -d "2026-01-01 00:00:00" $top/h4/s1 $top/h4/s2 $top/h4/s3 \
	$top/h4/filled $top/h4/hole
out=$(timeout 20 vhashify -d $top/.hash $top/h4 2>&1)
rc=$?
[ $rc = 0 ] && [ "$(ino $top/h4/s1)" = "$(ino $top/h4/s2)" ] &&
	[ "$(ino $top/h4/s3)" != "$(ino $top/h4/s1)" ] &&
	[ "$(stat -c %s $top/h4/s1)" = $((1 << 40)) ]
ok $? "1 TiB sparse files: only their data is read, and equal ones are linked (exit $rc, $(echo "$out" | tail -1))"
[ "$(ino $top/h4/filled)" != "$(ino $top/h4/hole)" ] &&
	[ "$(stat -c %b $top/h4/hole)" = 0 ]
ok $? "written zeros and a hole of the same bytes are not the same file"

# Swapped while vhashify runs, again and again: a directory for a symlink
# to the host's, a file for a FIFO, a file for a link to a device.  The
# big file keeps a walk in h5/usr for a while, so that a walk by path
# names would often find usr a symlink by the time it gets to usr/lib.
mkfile $top/h5/usr/aaa/big $((2 << 20)) a
mkfile $top/h5/usr/lib/lib.so 20000 l
mkfile $top/h6/usr/bin/tool 8192 t 755
mkfile $top/h6/usr/bin/zcat 8192 z 755
mkdir -p $top/h6/dev && mknod $top/h6/dev/zero c 1 5
rm -f $top/stop
swap $top/h5/usr ln -s $top/host/usr &
p1=$!
swap $top/h6/usr/bin/tool mkfifo &
p2=$!
swap $top/h6/usr/bin/zcat ln $top/h6/dev/zero &
p3=$!
roots=$(for i in $(seq 5); do echo $top/h5 $top/h6; done)
bad=
for i in $(seq 10); do
	timeout 20 vhashify --refresh -d $top/.hash $roots >/tmp/vh.out 2>&1
	rc=$?
	[ $rc = 0 ] || [ $rc = 3 ] || { bad="run $i exits $rc"; break; }
done
touch $top/stop
wait $p1 $p2 $p3
[ -z "$bad" ]
ok $? "runs finish while the guest swaps in FIFOs and devices ${bad:-(10 runs)}"
[ "$(host_state)" = "$host0" ]
ok $? "the host's file is untouched while the guest swaps a directory for a symlink ($(host_state))"

setattr -R --~iunlink --~cow $top >/dev/null 2>&1
umount $top
tap_done
