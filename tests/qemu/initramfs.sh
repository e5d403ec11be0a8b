#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# initramfs.sh - pack the guest's initramfs
#
# Usage: initramfs.sh <output.cpio.gz> <vserver.ko> <tools dir> [<tests dir>]
#
# The archive holds busybox (static, from busybox-static), /init from this
# directory, the module in /lib/modules, the static tools in
# /usr/local/sbin, and the guest tests in /tests.

set -eu

outfile=$1 module=$2 tools=$3 tests=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
busybox=/bin/busybox
[ -x "$busybox" ] || busybox=/usr/bin/busybox
file -L "$busybox" 2>/dev/null | grep -q "statically linked" ||
	ldd "$busybox" 2>&1 | grep -q "not a dynamic" ||
	{ echo "initramfs.sh: $busybox is not static: install busybox-static" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"
mkdir -p "$stage/bin" "$stage/sbin" "$stage/usr/bin" "$stage/usr/sbin" \
	"$stage/usr/local/sbin" "$stage/usr/share/vserver" "$stage/lib/modules" \
	"$stage/etc" "$stage/proc" "$stage/sys" "$stage/dev" "$stage/tmp" \
	"$stage/root" "$stage/tests" "$stage/vservers"
cp "$busybox" "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
cp "$here/init" "$stage/init"
cp "$module" "$stage/lib/modules/vserver.ko"
for f in "$tools"/*; do
	[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$stage/usr/local/sbin/"
done
if [ -n "$tests" ]; then
	cp "$here/run-guest" "$stage/tests/run-guest"
	for f in "$tests"/*; do
		[ -f "$f" ] && cp -p "$f" "$stage/tests/"
	done
fi
[ -f "$here/demo" ] && cp "$here/demo" "$stage/usr/share/vserver/demo"
cat >"$stage/etc/passwd" <<PW
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PW
cat >"$stage/etc/group" <<GR
root:x:0:
nogroup:x:65534:
GR
echo "/bin/sh" >"$stage/etc/shells"

(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) |
	gzip -1 >"$outfile.tmp"
mv "$outfile.tmp" "$outfile"
