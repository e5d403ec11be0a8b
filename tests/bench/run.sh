#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - `make bench`: run the benchmarks in a guest on the fast kernel
#
# Usage: run.sh <bzImage> <initramfs> <output dir>
#
# Writes <output dir>/report.md and report.json, with the machine the run
# was on, and prints the report.

set -eu
kernel=$1 initrd=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
rm -f "$out/bench.json" "$out/net.json" "$out/fs.json" "$out/scale.json" \
	"$out/report.md" \
	"$out/report.json"

# util-linux's hardlink runs in the guest with the host's C library.
hl=$(command -v hardlink || true)
hlcmd=true
if [ -n "$hl" ]; then
	cp "$hl" "$out/hardlink"
	for lib in $(ldd "$hl" | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\).*/\1/p'); do
		cp "$lib" "$out/"
	done
	ld=$(ldd "$hl" | sed -n 's/^[[:space:]]*\(\/[^ ]*ld-linux[^ ]*\).*/\1/p')
	hlcmd="/mnt/share/$(basename "$ld") --library-path /mnt/share /mnt/share/hardlink"
fi

CMD="/tests/bench -r 5 -j /mnt/share/bench.json && echo &&
	/tests/netbench -r 5 -j /mnt/share/net.json && echo &&
	/tests/fsbench -r 3 -H '$hlcmd' -j /mnt/share/fs.json && echo &&
	/tests/scalebench -n 10000 -m 100 -j /mnt/share/scale.json" SHARE=$out TIMEOUT=2400 \
	"$here/../qemu/vm.sh" "$kernel" "$initrd" >"$out/guest.md"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
accel=$(sed -n 2p "${VS_CACHE:-$HOME/.cache/vserver}/kvm-probe" 2>/dev/null || echo tcg)
{
	echo "# vserver benchmark report"
	echo
	echo "Host: $(uname -srm), $(nproc) CPUs ($cpu), QEMU accel: $accel;"
	echo "guest: the fast kernel, 2 vCPUs, 1 GiB.  Ratios compare both sides of"
	echo "one run; absolute numbers under TCG are not native speed."
	echo
	cat "$out/guest.md"
} >"$out/report.md"
{
	printf '{"host": {"uname": "%s", "cpus": %s, "cpu": "%s", "accel": "%s"}, "guest": ' \
		"$(uname -srm)" "$(nproc)" "$cpu" "$accel"
	cat "$out/bench.json"
	printf ', "net": '
	cat "$out/net.json"
	printf ', "fs": '
	cat "$out/fs.json" 2>/dev/null || printf 'null'
	printf ', "scale": '
	cat "$out/scale.json" 2>/dev/null || printf 'null'
	echo "}"
} >"$out/report.json"
cat "$out/report.md"
echo
echo "bench: report in $out/report.md and $out/report.json"
