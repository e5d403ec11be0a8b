#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mutate.sh - show that each isolation check of vserver.ko has a test
#
# Usage: mutate.sh <kernel build dir> <bzImage> <tools dir> <tests dir> \
#                  <mutations file> [NAME...]
#
# For each mutation of the file (see tests/mutations), or only those named,
# builds vserver.ko with that one check removed, boots the debug kernel
# with it and runs the tests the mutation names.  The mutation is killed
# when a test fails or the guest does not finish; it survives when every
# test passes.  First the same tests run on the unchanged module: they
# must pass, or nothing can be learnt.
#
# Prints TAP and ends with "N killed, N survived"; exits 0 only if every
# mutation was killed.

set -u

kout=$1 kernel=$2 tools=$3 tests=$4 list=$5
shift 5
top=$(cd "$(dirname "$0")/.." && pwd)
qemu=$top/tests/qemu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME MODULE PROGRAMS: boot with MODULE, run PROGRAMS (comma list);
# prints the failed tests and returns 0 if all passed.
run() {
	name=$1 module=$2 progs=$3
	dir=$work/$name
	mkdir -p "$dir"
	"$qemu/initramfs.sh" "$dir/initramfs.cpio.gz" "$module" "$tools" \
		"$tests" || return 2
	# A fresh ext4 disk for fs_test, as in make test.
	mkfs.ext4 -q -F -b 1024 "$dir/fs.img" 64M >/dev/null 2>&1 || return 2
	"$qemu/boot.sh" -m test -o "$dir/out" -t 900 -a "vs.tests=$progs" \
		-d "$dir/fs.img" "$kernel" "$dir/initramfs.cpio.gz" >/dev/null 2>&1
	rm -f "$dir/fs.img"
	tr -d '\r' <"$dir/out/result" >"$dir/result" 2>/dev/null
	grep '^not ok' "$dir/result" | head -5 | sed 's/^/#   /'
	grep -q '^VS-GUEST-DONE' "$dir/result" || {
		echo "#   the guest did not finish"
		return 1
	}
	! grep -q '^not ok' "$dir/result"
}

# build DIR: vserver.ko from the sources copied into DIR.
build() {
	make -s -C "$kout" M="$1" modules >"$1/build.log" 2>&1 ||
		{ sed 's/^/#   /' "$1/build.log" | tail -20; return 1; }
}

fields() {
	# The mutation lines: name|file|function|statement|tests, trimmed.
	grep -v '^[[:space:]]*#' "$list" | grep '|' |
		sed 's/[[:space:]]*|[[:space:]]*/|/g; s/^[[:space:]]*//; s/[[:space:]]*$//'
}

# wanted NAME [SELECTED...]: whether NAME is to be tried.
wanted() {
	want=$1
	shift
	[ $# -eq 0 ] && return 0
	for w in "$@"; do [ "$w" = "$want" ] && return 0; done
	return 1
}

echo "TAP version 13"
all=""
fields >"$work/list"
while IFS='|' read -r name file func stmt progs; do
	wanted "$name" "$@" || continue
	all="$all,$progs"
done <"$work/list"
all=$(echo "$all" | tr , '\n' | sed '/^$/d' | sort -u | paste -sd, -)
[ -n "$all" ] || { echo "mutate.sh: no mutation to try" >&2; exit 2; }

base=$work/src-base
mkdir -p "$base"
cp "$top/Kbuild" "$base/" && cp -r "$top/kernel" "$base/"
build "$base" || { echo "Bail out! the unchanged module does not build"; exit 1; }
echo "# the unchanged module with $all"
if ! run base "$base/kernel/vserver.ko" "$all"; then
	echo "Bail out! the tests fail on the unchanged module"
	exit 1
fi

n=0 killed=0 survived=0
while IFS='|' read -r name file func stmt progs; do
	wanted "$name" "$@" || continue
	n=$((n + 1))
	src=$work/src-$name
	mkdir -p "$src"
	cp "$top/Kbuild" "$src/" && cp -r "$top/kernel" "$src/"
	# The statement goes after the "{" that opens the function's body.
	awk -v fn="$func" -v stmt="$stmt" '
		!done && index($0, fn) == 1 { found = 1 }
		{ print }
		found && !done && $0 == "{" { print "\t" stmt; done = 1 }
		END { exit done ? 0 : 1 }' "$top/$file" >"$src/$file" || {
		echo "not ok $n - $name: no function '$func' in $file"
		survived=$((survived + 1))
		continue
	}
	if ! build "$src"; then
		echo "not ok $n - $name: the mutated module does not build"
		survived=$((survived + 1))
		continue
	fi
	if run "$name" "$src/kernel/vserver.ko" "$progs"; then
		echo "not ok $n - $name survived: $progs pass without the check in $file"
		survived=$((survived + 1))
	else
		echo "ok $n - $name killed by $progs"
		killed=$((killed + 1))
	fi
done <"$work/list"
echo "1..$n"
echo "$killed killed, $survived survived"
[ "$survived" -eq 0 ]
