#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# race.sh - `make race`: stress and fuzz on the KCSAN kernel, on every CPU
#
# Usage: race.sh <bzImage> <initramfs> <seconds> [<seed>]
#
# Boots the KCSAN kernel with the module and runs the concurrent tests
# (stress_test, net_stress_test, the CoW and unload stress of fs_test and
# module_test) and then the fuzzer for the given time.  Every KCSAN report
# is sorted: a race with a frame of vserver.ko or of a call-out (vs_*,
# __vs_*) in it is ours and fails the run; the others are the core
# kernel's own, listed but not counted (Documentation/testing.rst).  Any
# other splat fails the run.

set -u
kernel=$1 initrd=$2 secs=$3 seed=${4:-$(date +%s)}
here=$(cd "$(dirname "$0")" && pwd)
out=${VS_CACHE:-$HOME/.cache/vserver}/out/race
rm -rf "$out"
mkdir -p "$out"
# fs_test's ext4 variant needs a disk, as in make test.
mkfs.ext4 -q -F -b 1024 "$out/fs.img" 64M >/dev/null 2>&1 || {
	echo "race: cannot make the ext4 disk" >&2
	exit 1
}

export CMD="cd /tests || exit 1;
	n=\$(nproc); echo \"race: \$n CPUs\";
	for t in stress_test net_stress_test fs_test module_test; do
		./\$t >/tmp/\$t.log 2>&1; echo \"race: \$t exit \$?\";
		grep '^not ok' /tmp/\$t.log;
	done;
	./fuzz -t $secs -s $seed >/tmp/fuzz.log 2>&1; echo \"race: fuzz exit \$?\";
	dmesg >/tmp/dmesg.txt; cat /tmp/dmesg.txt; echo race-done"
# boot.sh panics on the first warning; here KCSAN's reports of the core
# kernel are to be counted, not to end the run (an oops still panics).
DISK=$out/fs.img APPEND="log_buf_len=8M panic_on_warn=0 ${APPEND:-}" TIMEOUT=$((secs + 1500)) \
	"$here/vm.sh" "$kernel" "$initrd" >"$out/log" 2>&1
qrc=$?
tr -d '\r' <"$out/log" >"$out/log.txt"

grep '^race: ' "$out/log.txt"
# KCSAN must be on and must find the races of its own boot self-test,
# or a run without reports proves nothing.
if ! grep -q 'kcsan: selftest: [0-9]*/[0-9]* tests passed' "$out/log.txt" ||
	grep -q 'kcsan: selftest: .*FAIL' "$out/log.txt"; then
	echo "race: KCSAN is not working in this kernel (no passed self-test)"
	grep -i 'kcsan' "$out/log.txt" | head -5 | sed 's/^/#   /'
	exit 1
fi
grep '^not ok' "$out/log.txt" | sed 's/^/race: failed test: /'

# Split the KCSAN reports (between lines of '=') and sort them.
awk -v dir="$out" '
	/^=+$/ { if (inrep) { close(f); inrep = 0 } next }
	/BUG: KCSAN:/ { n++; f = dir "/kcsan." n; inrep = 1 }
	inrep { print > f }
' "$out/log.txt"
ours=0 theirs=0
for r in "$out"/kcsan.*; do
	[ -f "$r" ] || continue
	if grep -Eq '\[vserver\]|(^| )_?_?vs_[a-z_]+\+' "$r"; then
		ours=$((ours + 1))
		echo "race: OURS: $(head -n 1 "$r")"
		sed 's/^/#   /' "$r" | head -40
	else
		theirs=$((theirs + 1))
		echo "race: core kernel: $(head -n 1 "$r")"
	fi
done

# Other splats: the debug patterns without KCSAN's own reports.
other=$(grep -v 'KCSAN' "$out/log.txt" | grep -Ec "$(cat "$here/splat.re")")
fails=$(grep -c '^not ok' "$out/log.txt")
grep -q '^race-done' "$out/log.txt" || {
	echo "race: the guest did not finish (QEMU status $qrc)"
	tail -40 "$out/log.txt" | sed 's/^/#   /'
	fails=$((fails + 1))
}
echo "race: $secs s of fuzz with seed $seed; KCSAN reports: $ours ours," \
	"$theirs core kernel; other splats: $other; failed tests: $fails" \
	"(log: $out/log.txt)"
[ "$ours" -eq 0 ] && [ "$other" -eq 0 ] && [ "$fails" -eq 0 ]
