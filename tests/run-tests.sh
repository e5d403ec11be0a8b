#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-tests.sh - run the host unit tests and the guest tests, print TAP
#
# Usage: run-tests.sh <bzImage> <initramfs> <unit test dir>
#
# With VS_CHECK_KOUT set to the debug kernel's build directory, the static
# checks of tests/check.sh count as tests too.
#
# The guest tests run in QEMU on the debug kernel.  Their TAP comes back on
# the guest's second serial port; the kernel log on the first is searched
# for splats (BUG, WARNING, KASAN, lockdep, refcount_t, kmemleak...), each
# of which fails the run.  A guest that does not finish in time fails too.
#
# Ends with the line "N passed, N failed"; exits 0 only if nothing failed.

set -u

kernel=$1 initrd=$2 unit=$3
out=${VS_CACHE:-$HOME/.cache/vserver}/out/test-run
limit=${VS_TEST_TIMEOUT:-1500}
rm -rf "$out"
mkdir -p "$out"

n=0 passed=0 failed=0
tap() {
	# tap ok|not-ok description
	n=$((n + 1))
	if [ "$1" = ok ]; then
		passed=$((passed + 1))
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
	fi
}

# Renumber the TAP of one or more programs from file $1 into ours.
# Program headers are "# program: NAME"; the programs' own results are
# "ok N name" or "not ok N name".  Sets done_seen when the guest's final
# marker is there.
parse_tap() {
	exec 3<"$1"
	prog=""
	while IFS= read -r line <&3; do
		line=$(printf '%s' "$line" | tr -d '\r')
		case $line in
		"# program: "*) prog=${line#\# program: } ;;
		"ok "*) tap ok "$prog: $(printf '%s' "$line" | sed 's/^ok [0-9]* *//')" ;;
		"not ok "*) tap not-ok "$prog: $(printf '%s' "$line" | sed 's/^not ok [0-9]* *//')" ;;
		"VS-GUEST-DONE "*) done_seen=1 ;;
		"#"*) echo "$line" ;;
		esac
	done
	exec 3<&-
}

echo "TAP version 13"

# Host unit tests.
for t in "$unit"/*_test; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	{ echo "# program: $name"; "$t" 2>&1; } >"$out/$name.tap"
	parse_tap "$out/$name.tap"
done

# The static checks of make check (checkpatch, sparse, kernel-doc,
# -Werror, cppcheck), when make test names the kernel tree.
if [ -n "${VS_CHECK_KOUT:-}" ]; then
	"$(dirname "$0")/check.sh" "$VS_CHECK_KOUT" >"$out/check.log" 2>&1
	while IFS= read -r line; do
		case $line in
		"check: "*": ok") tap ok "${line%: ok}" ;;
		"check: "*": FAILED") tap not-ok "${line%: FAILED}" ;;
		"check: "*) ;;
		*) echo "# $line" ;;
		esac
	done <"$out/check.log"
fi

# Guest tests, with an ext4 disk for the filesystem tests.
disk=""
if mkfs.ext4 -q -F -b 1024 "$out/fs.img" 64M >/dev/null 2>&1; then
	disk="-d $out/fs.img"
else
	echo "# cannot make the ext4 disk: the ext4 tests will skip"
fi
start=$(date +%s)
# shellcheck disable=SC2086 # $disk is empty or two words
"$(dirname "$0")/qemu/boot.sh" -m test -o "$out" -t "$limit" $disk \
	"$kernel" "$initrd"
qrc=$?
secs=$(( $(date +%s) - start ))
echo "# guest ran for $secs s (QEMU exit status $qrc)"

done_seen=0
parse_tap "$out/result"

if [ "$done_seen" = 1 ]; then
	tap ok "guest: ran to completion"
else
	tap not-ok "guest: ran to completion (timeout, panic or crash; see below)"
fi

# A second boot with the same disk: what the first left must be there.
if [ -n "$disk" ]; then
	mkdir -p "$out/reboot"
	# shellcheck disable=SC2086
	"$(dirname "$0")/qemu/boot.sh" -m test -o "$out/reboot" -t 300 \
		-a vs.tests=fs_reboot_test $disk "$kernel" "$initrd"
	done_seen=0
	parse_tap "$out/reboot/result"
	if [ "$done_seen" = 1 ]; then
		tap ok "guest after a reboot: ran to completion"
	else
		tap not-ok "guest after a reboot: ran to completion"
	fi
	cat "$out/reboot/console.log" >>"$out/console.log" 2>/dev/null
fi

# Kernel splats anywhere in the guest's log fail the run.
# Memory cgroup OOM kills (vserver_test's memory hog) are not splats.
sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\r//g' "$out/console.log" 2>/dev/null |
	awk -f "$(dirname "$0")/qemu/oom-filter.awk" >"$out/console.txt"
splat=$(cat "$(dirname "$0")/qemu/splat.re")
if grep -Eq "$splat" "$out/console.txt"; then
	tap not-ok "guest: kernel log is free of splats"
	grep -E -B5 -A30 "$splat" "$out/console.txt" | head -120 | sed 's/^/# /'
else
	tap ok "guest: kernel log is free of splats"
fi
if [ "$done_seen" != 1 ]; then
	echo "# last lines of the guest console:"
	tail -40 "$out/console.txt" | sed 's/^/# /'
fi

echo "1..$n"
echo "# logs: $out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
