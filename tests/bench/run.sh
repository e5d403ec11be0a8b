#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - `make bench`: run the benchmarks in a guest on the fast kernel
#
# Usage: run.sh <bzImage> <initramfs> <output dir> [<unpatched bzImage>]
#
# Writes <output dir>/report.md and report.json, with the machine the run
# was on, and prints the report.  With the unpatched kernel, the host-side
# micro-benchmarks also run on it and on the patched kernel without the
# module (two more boots), for the zero-overhead comparison: unpatched vs.
# patched without the module vs. module loaded (host tasks) vs. inside a
# context.

set -eu
kernel=$1 initrd=$2 out=$3 vanilla=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
rm -f "$out/bench.json" "$out/net.json" "$out/fs.json" "$out/scale.json" \
	"$out/report.md" "$out/report.json" "$out"/*.tsv "$out/vanilla.json" \
	"$out/nomodule.json" "$out/overhead.md" "$out/overhead.json" "$out"/clock.*

# The baselines: host tasks on the unpatched kernel and on the patched
# kernel without the module.
# TCG's TSC can fail the clocksource watchdog under load, and the kernel
# then falls back to jiffies: 4 ms steps that ruin every timing.  The
# benchmark boots trust the TSC, and each records its clocksource.
append="tsc=reliable"
clock="cat /sys/devices/system/clocksource/clocksource0/current_clocksource"

# Two boots of each, alternately, best of both: a boot's memory layout
# moves TCG's numbers by a few percent.
if [ -n "$vanilla" ]; then
	for pass in 1 2; do
		for side in vanilla nomodule; do
			k=$kernel
			[ $side = vanilla ] && k=$vanilla
			CMD="/tests/bench -H -r 5 -j /mnt/share/$side.json -t /mnt/share/$side.$pass.tsv &&
				$clock >/mnt/share/clock.$side.$pass" \
				SHARE=$out APPEND="vs.nomodule $append" TIMEOUT=1200 \
				"$here/../qemu/vm.sh" "$k" "$initrd" >"$out/$side.md"
		done
	done
	for side in vanilla nomodule; do
		# Only boots that kept the TSC count, unless none did.
		files=""
		for pass in 1 2; do
			[ "$(cat "$out/clock.$side.$pass")" = tsc ] &&
				files="$files $out/$side.$pass.tsv"
		done
		[ -n "$files" ] || files="$out/$side.1.tsv $out/$side.2.tsv"
		# shellcheck disable=SC2086 # $files is a list of paths
		awk -F '\t' 'BEGIN { OFS = "\t" }
			!($1 in best) { order[++n] = $1; best[$1] = $2; next }
			$2 < best[$1] { best[$1] = $2 }
			END { for (i = 1; i <= n; i++) print order[i], best[order[i]], "-" }' \
			$files >"$out/$side.tsv"
	done
fi

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

CMD="/tests/bench -r 5 -j /mnt/share/bench.json -t /mnt/share/module.tsv && echo &&
	/tests/netbench -r 5 -j /mnt/share/net.json && echo &&
	/tests/fsbench -r 3 -H '$hlcmd' -j /mnt/share/fs.json && echo &&
	/tests/scalebench -n 10000 -m 100 -j /mnt/share/scale.json &&
	$clock >/mnt/share/clock.module" SHARE=$out APPEND="$append" TIMEOUT=2400 \
	"$here/../qemu/vm.sh" "$kernel" "$initrd" >"$out/guest.md"

# One table: each kernel and side against the unpatched kernel.
if [ -n "$vanilla" ]; then
	awk -F '\t' -v md="$out/overhead.md" -v js="$out/overhead.json" '
	FILENAME ~ /vanilla/ { v[$1] = $2; order[++n] = $1; next }
	FILENAME ~ /nomodule/ { nm[$1] = $2; next }
	{ h[$1] = $2; c[$1] = $3 }
	END {
		print "## Zero overhead: against the unpatched kernel (ns/op; ratio)\n" >md
		print "| benchmark | unpatched | patched, no module | module loaded, host task | task in a context |" >md
		print "|---|---:|---:|---:|---:|" >md
		printf "[" >js
		for (i = 1; i <= n; i++) {
			k = order[i]
			printf "| %s | %.0f | %.0f (%.3f) | %.0f (%.3f) | %.0f (%.3f) |\n", k, v[k],
				nm[k], nm[k] / v[k], h[k], h[k] / v[k], c[k], c[k] / v[k] >md
			printf "%s{\"name\": \"%s\", \"unpatched_ns\": %s, \"nomodule_ns\": %s, \"module_host_ns\": %s, \"context_ns\": %s, \"nomodule_ratio\": %.4f, \"module_host_ratio\": %.4f, \"context_ratio\": %.4f}", \
				(i > 1 ? ", " : ""), k, v[k], nm[k], h[k], c[k], nm[k] / v[k], h[k] / v[k], c[k] / v[k] >js
		}
		print "]" >js
		print "\nUnpatched and patched without the module: best of 5 rounds in each of" >md
		print "two boots (a boot that lost its TSC clocksource is left out); the" >md
		print "module columns: best of 5 in one boot.  Targets:" >md
		print "patched without the module within 1% of unpatched, host tasks with the" >md
		print "module within 2%.  The columns come from separate boots, and under TCG" >md
		print "a boot moves the numbers by a few percent either way, more than the" >md
		print "targets: read the ratios of several runs." >md
	}' "$out/vanilla.tsv" "$out/nomodule.tsv" "$out/module.tsv"
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
accel=$(sed -n 2p "${VS_CACHE:-$HOME/.cache/vserver}/kvm-probe" 2>/dev/null || echo tcg)
{
	echo "# vserver benchmark report"
	echo
	echo "Host: $(uname -srm), $(nproc) CPUs ($cpu), QEMU accel: $accel;"
	echo "guest: the fast kernel, 2 vCPUs, 1 GiB.  Ratios compare both sides of"
	echo "one run; absolute numbers under TCG are not native speed."
	echo "Clocksource at the end of each boot: $(cd "$out" && for f in clock.*; do
		printf '%s %s; ' "${f#clock.}" "$(cat "$f")"; done)"
	if grep -qv '^tsc$' "$out"/clock.* 2>/dev/null; then
		echo
		echo "**A boot lost its TSC clocksource: its timings have 4 ms steps.**"
	fi
	echo
	[ -f "$out/overhead.md" ] && cat "$out/overhead.md" && echo
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
	printf ', "overhead": '
	cat "$out/overhead.json" 2>/dev/null || printf 'null'
	echo "}"
} >"$out/report.json"
cat "$out/report.md"
echo
echo "bench: report in $out/report.md and $out/report.json"
