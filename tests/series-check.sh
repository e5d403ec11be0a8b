#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# series-check.sh - does the series build patch by patch, in every
# configuration that changes what the patches compile?
#
# Usage: tests/series-check.sh [FLAVOUR...]
#
# Flavours (tests/series/<name>.config on top of the fast test kernel's
# configuration): ipv6y, ipv6m (IPv6 and the protocols that inline a
# call-out built as modules), ipv6n (no IPv6), novs (CONFIG_VSERVER_HOOKS
# off).  Default: all four.
#
# 1. The whole series is applied to a source tree of its own
#    ($VS_CACHE/linux-<version>-series) and each flavour is built in full,
#    bzImage and modules: this catches link and modpost errors (a call-out
#    that a module reaches but that is not exported).
# 2. The series is reversed, then applied again one patch at a time.
#    After each patch, every C file the patch touches is compiled in each
#    flavour that builds that file (its object exists after step 1).
#    Headers are checked through the files of the same patch that use
#    them.
#
# Both steps are incremental across runs: files whose content a step
# leaves as it was get their timestamps back, and the objects that step 2
# compiled from intermediate states are removed.  A full per-patch kernel build
# would rebuild nearly everything for most patches (include/linux/sched.h
# includes vserver_hooks.h, which 33 patches touch): days on two cores.
#
# Ends with "series-check: N failed"; exits 1 if N > 0.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${VS_CACHE:-$HOME/.cache/vserver}
jobs=${JOBS:-$(nproc)}
cfgdir=$top/tests/qemu/config
flavours=${*:-ipv6y ipv6m ipv6n novs}

msg() { printf 'series-check: %s\n' "$*" >&2; }
die() { msg "error: $*"; exit 1; }

for f in $flavours; do
	[ -f "$top/tests/series/$f.config" ] || die "unknown flavour '$f'"
done
tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || die "$tarball is missing: install linux-source-6.1 (make deps)"
ver=$(dpkg-query -W -f='${Version}' linux-source-6.1) ||
	die "cannot query the linux-source-6.1 package version"

src=$cache/linux-$ver-series
state=$src/.vs-series
mkdir -p "$cache"
exec 9>"$cache/.series-lock"
flock 9

# A fresh tree has the tarball's old timestamps: objects of an earlier run
# would look newer than their sources, so they go too.
if [ ! -f "$src/Makefile" ]; then
	msg "unpacking linux-source-6.1 $ver into $src"
	rm -rf "$src" "$src.tmp" "$cache"/series-build-*
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" -xf "$tarball"
	mv "$src.tmp/linux-source-6.1" "$src"
	rmdir "$src.tmp"
fi
mkdir -p "$state"

# Take back whatever an earlier run left applied, newest first.  patch(1)
# gives every file it changes a new timestamp, so make sees each change.
reverse_all() {
	[ -s "$state/applied" ] || return 0
	for p in $(sed '1!G;h;$!d' "$state/applied"); do
		patch -d "$src" -p1 -R -s -f --no-backup-if-mismatch \
			<"$state/$p" >/dev/null ||
			die "cannot reverse $p: remove $src and run again"
	done
	: >"$state/applied"
}

apply_one() {
	p=$1
	cp "$top/patches/$p" "$state/$p"
	if ! patch -d "$src" -p1 -N -s -f --no-backup-if-mismatch \
		<"$state/$p" >"$state/patch.log" 2>&1; then
		cat "$state/patch.log" >&2
		die "$p does not apply"
	fi
	echo "$p" >>"$state/applied"
}

series=$(grep -v '^#' "$top/patches/series" | sed '/^$/d')
skey=$(cd "$top/patches" && cat series $series | sha256sum | cut -c1-16)

patched_files() {
	[ $# -gt 0 ] || return 0
	sed -n 's|^+++ b/\([^	]*\).*|\1|p; s|^--- a/\([^	]*\).*|\1|p' "$@" 2>/dev/null |
		sort -u
}

# Copies of the files the patches touch, with their timestamps: after a
# round of reversing and applying, a file with the same content gets its
# timestamp back, so make does not rebuild what did not change.
stash_files() {
	rm -rf "$state/stash"
	mkdir -p "$state/stash"
	for f in $(patched_files "$state"/*.patch "$top"/patches/*.patch); do
		[ -f "$src/$f" ] || continue
		mkdir -p "$state/stash/$(dirname "$f")"
		cp -p "$src/$f" "$state/stash/$f"
	done
}

restore_times() {
	(cd "$state/stash" && find . -type f) | while read -r f; do
		cmp -s "$state/stash/$f" "$src/$f" && touch -r "$state/stash/$f" "$src/$f"
	done
	rm -rf "$state/stash"
}

if [ "$(cat "$state/key" 2>/dev/null)" != "$skey" ]; then
	stash_files
	reverse_all
	for p in $series; do
		apply_one "$p"
	done
	restore_times
	echo "$skey" >"$state/key"
fi

configure() {
	f=$1
	out=$2
	frags="$cfgdir/base.config $cfgdir/fast.config $top/tests/series/$f.config"
	# shellcheck disable=SC2086
	key=$(cat $frags | sha256sum | cut -c1-16)
	if [ "$(cat "$out/.vs-config-key" 2>/dev/null)" = "$key" ] &&
		[ -f "$out/.config.full" ]; then
		return 0
	fi
	msg "configuring $f"
	make -s -C "$src" O="$out" tinyconfig >/dev/null
	# shellcheck disable=SC2086
	(cd "$out" && KCONFIG_CONFIG=.config \
		"$src/scripts/kconfig/merge_config.sh" -m -O "$out" .config \
		$frags >/dev/null)
	make -s -C "$src" O="$out" olddefconfig >/dev/null
	bad=""
	# shellcheck disable=SC2086
	for opt in $(sed -n 's/^\(CONFIG_[A-Z0-9_]*=.*\)$/\1/p' $top/tests/series/$f.config); do
		name=${opt%%=*}
		if [ "${opt#*=}" = n ]; then
			grep -q "^$name=" "$out/.config" && bad="$bad $opt"
		else
			grep -qx "$opt" "$out/.config" || bad="$bad $opt"
		fi
	done
	[ -z "$bad" ] || die "options not satisfied in the $f config:$bad"
	cp "$out/.config" "$out/.config.full"
	echo "$key" >"$out/.vs-config-key"
}

failed=0
fail() {
	msg "FAIL: $*"
	failed=$((failed + 1))
}

# Step 1: the whole series, every flavour, in full.
for f in $flavours; do
	out=$cache/series-build-$f
	mkdir -p "$out"
	configure "$f" "$out"
	cp "$out/.config.full" "$out/.config"
	start=$(date +%s)
	if make -C "$src" O="$out" -j"$jobs" bzImage modules \
		>"$out/build.log" 2>&1; then
		msg "$f: whole series built in $(( $(date +%s) - start )) s"
	else
		grep -E 'error|ERROR' "$out/build.log" | head -20 >&2
		fail "$f: the whole series does not build (log: $out/build.log)"
	fi
done

# Step 2: patch by patch.  The tree ends at the whole series again.
stash_files
reverse_all
n=0
for p in $series; do
	n=$((n + 1))
	apply_one "$p"
	files=$(sed -n 's|^+++ b/\([^	]*\.c\).*|\1|p' "$state/$p" | sort -u)
	for f in $flavours; do
		out=$cache/series-build-$f
		targets=""
		for c in $files; do
			o=${c%.c}.o
			[ -f "$out/$(dirname "$o")/.$(basename "$o").cmd" ] &&
				targets="$targets $o"
		done
		[ -n "$targets" ] || continue
		echo "$targets" >>"$out/.vs-step2-objs"
		# Kconfig may have changed: the flavour's options come back
		# on top of whatever this patch defines.
		cp "$out/.config.full" "$out/.config"
		# shellcheck disable=SC2086
		if ! make -C "$src" O="$out" -j"$jobs" $targets \
			>"$out/patch.log" 2>&1; then
			grep -E 'error|ERROR' "$out/patch.log" | head -10 >&2
			fail "$f: $p does not build on its own:$targets"
		fi
	done
	msg "$(printf '%02d' "$n") $p"
done

# The objects compiled from intermediate states must not pass for the
# whole series' ones: the next step 1 compiles them again.
restore_times
for f in $flavours; do
	out=$cache/series-build-$f
	[ -f "$out/.vs-step2-objs" ] || continue
	for o in $(cat "$out/.vs-step2-objs"); do
		rm -f "$out/$o" "$out/$(dirname "$o")/.$(basename "$o").cmd"
	done
	rm -f "$out/.vs-step2-objs" "$out/.config"
	cp "$out/.config.full" "$out/.config"
done

msg "$failed failed"
[ "$failed" -eq 0 ]
