#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# setattr, showattr and vhashify on a tmpfs with three guest trees.
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

setattr -R --~iunlink --~cow $top >/dev/null 2>&1
umount $top
tap_done
