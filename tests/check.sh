#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check.sh - `make check`: static checks of the whole project
#
# Usage: check.sh <kernel build dir>
#
#   - checkpatch.pl --strict on every patch and every file of kernel/
#     (ENOSYS is ignored: it is the ABI's answer for a missing module or
#     command, exactly the case the warning leaves to the author)
#   - sparse on the module (make C=2)
#   - kernel-doc warnings on kernel/
#   - the uapi header against the literal ABI table (abi_static_check.c)
#   - the tools built with -Werror, and cppcheck on userspace/
#
# Prints one line per check and exits non-zero if any fails.

set -u
kout=$1
src=$kout/source
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${VS_CACHE:-$HOME/.cache/vserver}
fails=0

result() {
	if [ "$1" = 0 ]; then
		echo "check: $2: ok"
	else
		echo "check: $2: FAILED"
		fails=$((fails + 1))
	fi
}

cp="perl $src/scripts/checkpatch.pl --strict --no-tree --ignore ENOSYS --quiet"
# spdxcheck.py wants python3-ply; Debian's python3 has it.
PATH=/usr/bin:$PATH
export PATH

rc=0
for p in $(cat "$top/patches/series"); do
	$cp "$top/patches/$p" || rc=1
done
result $rc "checkpatch --strict on patches/"

rc=0
for f in "$top"/kernel/*.[ch] "$top"/kernel/uapi/linux/*.h; do
	$cp -f "$f" || rc=1
done
result $rc "checkpatch --strict on kernel/"

mod=$cache/out/module-check
mkdir -p "$mod/kernel"
cp -p "$top/Kbuild" "$mod/"
cp -pr "$top/kernel/." "$mod/kernel/"
out=$(make -s -C "$kout" M="$mod" C=2 W=1 modules 2>&1)
rc=$?
echo "$out" | grep -E "warning|error" && rc=1
result $rc "sparse and W=1 on vserver.ko"

out=$("$src/scripts/kernel-doc" -none "$top"/kernel/*.[ch] "$top"/kernel/uapi/linux/*.h 2>&1)
rc=0
[ -n "$out" ] && { echo "$out"; rc=1; }
result $rc "kernel-doc on kernel/"

${CC:-cc} -std=gnu11 -Wall -Wextra -Werror -I"$top/kernel/uapi" -c \
	-o /dev/null "$top/tests/abi_static_check.c"
result $? "uapi header equals the literal ABI table (tests/abi_table.h)"

make -s -C "$top/userspace" O="$cache/out/tools-check" >/dev/null
result $? "userspace builds with -Wall -Wextra -Werror"

rc=0
if command -v cppcheck >/dev/null 2>&1; then
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance \
		--inline-suppr -I "$top/userspace" -I "$top/kernel/uapi" \
		"$top/userspace" "$top/tests/unit" || rc=1
else
	echo "cppcheck is not installed"
	rc=1
fi
result $rc "cppcheck on userspace/"

echo "check: $fails failed"
[ "$fails" -eq 0 ]
