#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# fuzz.sh - `make fuzz`: fuzz vserver(2) in a guest on the debug kernel
#
# Usage: fuzz.sh <bzImage> <initramfs> <seconds> [<seed>]
#
# Runs tests/guest/fuzz.c for the given time, then kmemleak, and fails if
# the guest's kernel log has a splat (tests/qemu/splat.re).  The seed is
# printed; give it again to replay the run.

set -u
kernel=$1 initrd=$2 secs=$3 seed=${4:-$(date +%s)}
here=$(cd "$(dirname "$0")" && pwd)
splat=$(cat "$here/splat.re")

export CMD="/tests/fuzz -t $secs -s $seed; rc=\$?;
	echo scan >/sys/kernel/debug/kmemleak 2>/dev/null; sleep 6;
	echo scan >/sys/kernel/debug/kmemleak 2>/dev/null;
	if dmesg | grep -Eq '$splat'; then
		dmesg | grep -E -B5 -A30 '$splat' | head -80; echo 'fuzz: kernel splat'; exit 1;
	fi; exit \$rc"
TIMEOUT=$((secs + 300)) "$here/vm.sh" "$kernel" "$initrd"
rc=$?
if [ $rc = 0 ]; then
	echo "fuzz: $secs s with seed $seed, no splat"
else
	echo "fuzz: FAILED (seed $seed; make fuzz SECONDS=$secs SEED=$seed replays it)"
fi
exit $rc
