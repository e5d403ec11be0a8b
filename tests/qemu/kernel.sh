#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernel.sh - build the patched guest kernel, incrementally and out of tree
#
# Usage: tests/qemu/kernel.sh debug|fast|kcsan|vanilla
#
# The Debian linux-source-6.1 tarball is unpacked once per package version
# into $VS_CACHE (default ~/.cache/vserver).  The series in patches/ is
# applied to it; when the series changes, the old one is reversed and the
# new one applied, and every file whose content did not change gets its old
# timestamp back, so that make rebuilds only what the change touched.  Each
# flavour is built in its own output directory from `make tinyconfig` plus
# the fragments in tests/qemu/config/.  The key of a build (a hash of the
# patches and the fragments) is written to $out/.vs-key and printed.
#
# "vanilla" builds the fast configuration on a separate unpatched tree; it
# is the baseline of the benchmarks.
#
# Prints the output directory on the last line of stdout.

set -eu

flavor=${1:?usage: kernel.sh debug|fast|kcsan|vanilla}
top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${VS_CACHE:-$HOME/.cache/vserver}
jobs=${JOBS:-$(nproc)}
cfgdir=$top/tests/qemu/config

msg() { printf 'kernel.sh: %s\n' "$*" >&2; }
die() { msg "error: $*"; exit 1; }

case $flavor in
debug|fast|kcsan) frags="$cfgdir/base.config $cfgdir/$flavor.config" ;;
vanilla) frags="$cfgdir/base.config $cfgdir/fast.config" ;;
*) die "unknown flavour '$flavor' (debug, fast, kcsan or vanilla)" ;;
esac

tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || die "$tarball is missing: install linux-source-6.1 (make deps)"
ver=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) ||
	die "cannot query the linux-source-6.1 package version"

mkdir -p "$cache"

# One build at a time per cache: a second run would change the sources
# under the first one's make.
exec 9>"$cache/.lock"
if ! flock -n 9; then
	msg "waiting for another build in $cache"
	flock 9
fi

unpack() {
	dest=$1
	msg "unpacking linux-source-6.1 $ver into $dest"
	rm -rf "$dest" "$dest.tmp"
	mkdir -p "$dest.tmp"
	tar -C "$dest.tmp" -xf "$tarball"
	mv "$dest.tmp/linux-source-6.1" "$dest"
	rmdir "$dest.tmp"
}

patched_files() {
	# Paths touched by the patches given as arguments.
	[ $# -gt 0 ] || return 0
	sed -n 's|^+++ b/\([^	]*\).*|\1|p; s|^--- a/\([^	]*\).*|\1|p' "$@" |
		sort -u
}

# Bring the source tree $1 to the series in $2 (a directory holding the
# patches and a file named series).
sync_series() {
	src=$1
	want=$2
	applied=$src/.vs-applied
	newkey=$(cd "$want" && cat series $(cat series) | sha256sum | cut -c1-16)
	oldkey=$(cat "$applied/key" 2>/dev/null || echo none)
	[ "$newkey" = "$oldkey" ] && return 0

	stash=$src/.vs-stash
	rm -rf "$stash"
	mkdir -p "$stash"
	old=""
	[ -f "$applied/series" ] && old=$(sed "s|^|$applied/|" "$applied/series")
	new=$(sed "s|^|$want/|" "$want/series")
	# shellcheck disable=SC2086
	for f in $(patched_files $old $new); do
		[ -f "$src/$f" ] || continue
		mkdir -p "$stash/$(dirname "$f")"
		cp -p "$src/$f" "$stash/$f"
	done

	if [ -n "$old" ]; then
		msg "reversing the previously applied series ($oldkey)"
		for p in $(sed '1!G;h;$!d' "$applied/series"); do
			if ! patch -d "$src" -p1 -R -s -f --no-backup-if-mismatch \
				<"$applied/$p" >/dev/null; then
				msg "cannot reverse $p: unpacking a fresh tree"
				unpack "$src"
				break
			fi
		done
	fi
	rm -rf "$applied"

	while read -r p; do
		[ -n "$p" ] || continue
		[ -f "$want/$p" ] || die "patches/series names $p, which does not exist"
		if ! patch -d "$src" -p1 -N -s -f --no-backup-if-mismatch \
			<"$want/$p" >"$cache/patch.log" 2>&1; then
			cat "$cache/patch.log" >&2
			msg "patch $p does not apply to linux-source-6.1 $ver"
			unpack "$src"
			die "patch $p does not apply"
		fi
	done <"$want/series"

	# Files whose content is unchanged keep their timestamps.
	(cd "$stash" && find . -type f) | while read -r f; do
		if cmp -s "$stash/$f" "$src/$f"; then
			touch -r "$stash/$f" "$src/$f"
		fi
	done
	rm -rf "$stash"

	mkdir -p "$applied"
	(cd "$want" && cp series $(cat series) "$applied/")
	echo "$newkey" >"$applied/key"
	msg "applied series $newkey"
}

if [ "$flavor" = vanilla ]; then
	src=$cache/linux-$ver-vanilla
	[ -f "$src/Makefile" ] || unpack "$src"
	out=$cache/build-$ver-vanilla
	pkey=vanilla
else
	src=$cache/linux-$ver
	[ -f "$src/Makefile" ] || unpack "$src"
	sync_series "$src" "$top/patches"
	out=$cache/build-$ver-$flavor
	pkey=$(cat "$src/.vs-applied/key")
fi

# shellcheck disable=SC2086
ckey=$(cat $frags | sha256sum | cut -c1-16)
key="$pkey-$ckey"
mkdir -p "$out"

if [ "$(cat "$out/.vs-config-key" 2>/dev/null)" != "$ckey" ] || [ ! -f "$out/.config" ]; then
	msg "configuring $flavor: tinyconfig + $(echo $frags | sed "s|$cfgdir/||g")"
	make -s -C "$src" O="$out" tinyconfig >/dev/null
	# shellcheck disable=SC2086
	(cd "$out" && KCONFIG_CONFIG=.config \
		"$src/scripts/kconfig/merge_config.sh" -m -O "$out" .config $frags >/dev/null)
	make -s -C "$src" O="$out" olddefconfig >/dev/null
	# Every requested option must have survived the dependency resolution.
	bad=""
	# shellcheck disable=SC2086
	for opt in $(cat $frags | sed -n 's/^\(CONFIG_[A-Z0-9_]*=.*\)$/\1/p'); do
		name=${opt%%=*}
		val=${opt#*=}
		# The unpatched tree has no option of ours.
		[ "$flavor" = vanilla ] && [ "${name#CONFIG_VSERVER}" != "$name" ] &&
			continue
		if [ "$val" = n ]; then
			grep -q "^$name=" "$out/.config" && bad="$bad $opt"
		else
			grep -qx "$opt" "$out/.config" || bad="$bad $opt"
		fi
	done
	[ -z "$bad" ] || die "options not satisfied in the $flavor config:$bad"
	echo "$ckey" >"$out/.vs-config-key"
fi

msg "building the $flavor kernel $ver (key $key) in $out"
start=$(date +%s)
if ! make -C "$src" O="$out" -j"$jobs" bzImage modules >"$out/build.log" 2>&1; then
	tail -40 "$out/build.log" >&2
	die "kernel build failed; full log in $out/build.log"
fi
msg "built in $(( $(date +%s) - start )) s"
echo "$key" >"$out/.vs-key"
echo "$out"
