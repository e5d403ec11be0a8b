#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# vm.sh - `make vm`: boot a guest with vserver.ko loaded and the tools on PATH
#
# Usage: vm.sh <bzImage> <initramfs>
#
# Environment (make variables):
#   CMD    (VS_CMD from make) run this shell command in the guest, print its output and exit
#          with its status; without CMD, an interactive shell on the terminal
#   SHARE  a host directory, visible read-write in the guest at /mnt/share
#   DISK   a disk image, /dev/vda in the guest
#   TIMEOUT  seconds before a CMD run is killed (default 600)
#   APPEND   more kernel command line words, such as vs.nomodule

set -eu

kernel=$1 initrd=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

set --
[ -n "${SHARE:-}" ] && set -- "$@" -s "$(cd "$SHARE" && pwd)"
[ -n "${DISK:-}" ] && set -- "$@" -d "$DISK"
[ -n "${APPEND:-}" ] && set -- "$@" -a "$APPEND"

CMD=${VS_CMD-${CMD:-}}
if [ -z "$CMD" ]; then
	exec "$here/boot.sh" -i -t 0 "$@" "$kernel" "$initrd"
fi

# The command travels as a second cpio archive appended to the initramfs.
mkdir -p "$out/extra/vs"
printf '%s\n' "$CMD" >"$out/extra/vs/cmd"
(cd "$out/extra" && find . | cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$out/cmd.cpio.gz"
cat "$initrd" "$out/cmd.cpio.gz" >"$out/initrd"

rc=0
"$here/boot.sh" -m vm -o "$out" -t "${TIMEOUT:-600}" "$@" "$kernel" "$out/initrd" || rc=$?
tr -d '\r' <"$out/result"
status=$(tr -dc '0-9' <"$out/status")
if [ -z "$status" ]; then
	echo "vm.sh: the guest did not finish the command (QEMU status $rc); console:" >&2
	sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$out/console.log" | tail -30 >&2
	exit 125
fi
[ "$status" -eq 0 ] || echo "vm.sh: the command exited with status $status" >&2
exit "$status"
