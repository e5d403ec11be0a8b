#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deb-check.sh - build the Debian packages and check them, print TAP
#
# Usage: deb-check.sh <out dir> <tools dir>
#
# Builds vserver-dkms and vserver-tools into <out dir> with
# packaging/deb/build.sh (from the tools in <tools dir>), then checks:
# lintian finds nothing but the documented overrides (pedantic and info
# tags included); the control fields carry VERSION; the contents hold the
# required files and conffiles (dpkg-deb -c, -I); dkms.conf agrees with
# Kbuild and kernel/Makefile (module name and place, every source file
# present) and with the patch series (the configuration symbol and header
# that mark a patched kernel); the packaged Makefile's kernel check
# refuses a tree without the series and accepts one with it; the
# maintainer scripts and kernel hooks parse; the tools report VERSION;
# bash completion offers verbs, options and the guests of /etc/vservers.
# Runs in about 15 seconds; make test runs it as the unit test deb_test.
#
# Ends with "N passed, N failed"; exits 0 only if nothing failed.

set -u

out=$1 tools=$2
top=$(cd "$(dirname "$0")/.." && pwd)
version=$(cat "$top/VERSION")
arch=$(dpkg --print-architecture)
dkms_deb=$out/vserver-dkms_${version}_all.deb
tools_deb=$out/vserver-tools_${version}_$arch.deb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
# check <description> <command>...: one TAP line for the command's status.
check() {
	desc=$1
	shift
	n=$((n + 1))
	if "$@" >"$tmp/log" 2>&1; then
		echo "ok $n $desc"
	else
		failed=$((failed + 1))
		echo "not ok $n $desc"
		sed 's/^/# /' "$tmp/log" | head -40
	fi
}
skip() {
	n=$((n + 1))
	echo "ok $n $1 # SKIP $2"
}

echo "TAP version 13"

check "packages build" "$top/packaging/deb/build.sh" "$out" "$tools" \
	vserver-dkms vserver-tools
if [ ! -f "$dkms_deb" ] || [ ! -f "$tools_deb" ]; then
	echo "1..$n"
	echo "$((n - failed)) passed, $failed failed"
	exit 1
fi

dpkg-deb -c "$dkms_deb" | awk '{ print $1, $6 }' | sed 's| \./| /|' \
	>"$tmp/dkms.list"
dpkg-deb -c "$tools_deb" | awk '{ print $1, $6 }' | sed 's| \./| /|' \
	>"$tmp/tools.list"
dpkg-deb -x "$dkms_deb" "$tmp/dkms"
dpkg-deb -x "$tools_deb" "$tmp/tools"
src=/usr/src/vserver-$version

# lintian: every tag it shows is an error; overrides are shown as O: and
# are fine.  Not installed: not ok, make test installs it (deps.sh).
lint() {
	command -v lintian >/dev/null || { echo "lintian is not installed"; return 1; }
	lintian --pedantic -I -E --display-experimental "$@" >"$tmp/lintian" 2>&1
	rc=$?
	cat "$tmp/lintian"
	[ $rc -eq 0 ] && ! grep -q '^[EWIPX]: ' "$tmp/lintian"
}
check "lintian: vserver-dkms is clean" lint "$dkms_deb"
check "lintian: vserver-tools is clean but for its overrides" lint "$tools_deb"

field() { dpkg-deb -f "$1" "$2"; }
check "control: both packages have version $version" \
	test "$(field "$dkms_deb" Version) $(field "$tools_deb" Version)" = \
	"$version $version"
check "control: vserver-dkms is arch all and depends on a dkms that skips with 77" \
	test "$(field "$dkms_deb" Architecture) $(field "$dkms_deb" Depends)" = \
	"all dkms (>= 3.0.10-8~)"
check "control: vserver-tools has postinst, vserver-dkms postinst and prerm" \
	sh -c "dpkg-deb -I '$tools_deb' | grep -q ' postinst ' &&
	       dpkg-deb -I '$dkms_deb' | grep -q ' postinst ' &&
	       dpkg-deb -I '$dkms_deb' | grep -q ' prerm '"
check "maintainer scripts and kernel hooks parse (sh -n)" sh -c "
	dpkg-deb -e '$dkms_deb' '$tmp/dkms.ctl' && dpkg-deb -e '$tools_deb' '$tmp/tools.ctl' &&
	for s in '$tmp'/dkms.ctl/postinst '$tmp'/dkms.ctl/prerm '$tmp'/tools.ctl/postinst \
		'$tmp'/dkms/usr/libexec/vserver-dkms/kernel-hook \
		'$tmp'/dkms/etc/kernel/*/vserver-dkms; do
		sh -n \"\$s\" || exit 1; done"
check "conffiles: vserver-dkms's kernel hooks, no other file in /etc" sh -c "
	test \"\$(cat '$tmp/dkms.ctl/conffiles')\" = '/etc/kernel/header_postinst.d/vserver-dkms
/etc/kernel/postinst.d/vserver-dkms' && ! test -e '$tmp/tools.ctl/conffiles' &&
	! dpkg-deb -c '$tools_deb' | grep -q '^-.* \./etc/'"

# has <list> <mode pattern> <path>: the listing has the path with the mode.
has() { grep -qx -e "$2 $3" "$tmp/$1.list" || { echo "missing: $2 $3"; return 1; }; }

# vserver-dkms: the source, dkms.conf against Kbuild and the series.
kbuild_dir=$(sed -n 's/^obj-m *+*:*= *\([^ ]*\/\) *$/\1/p' "$top/Kbuild")
mod=$(sed -n 's/^obj-m *:*= *\([^ ]*\)\.o *$/\1/p' "$top/kernel/Makefile")
conf=$tmp/dkms$src/dkms.conf
dkmsvar() { sed -n "s/^$1=\"\(.*\)\"$/\1/p" "$conf"; }
check "dkms: source tree with dkms.conf, Kbuild and the checking Makefile" sh -c "
	grep -qx '[-]rw-r--r-- $src/dkms.conf' '$tmp/dkms.list' &&
	grep -qx '[-]rw-r--r-- $src/Kbuild' '$tmp/dkms.list' &&
	grep -qx '[-]rw-r--r-- $src/Makefile' '$tmp/dkms.list' &&
	cmp '$top/Kbuild' '$tmp/dkms$src/Kbuild'"
check "dkms: every file of kernel/ is in the package, unchanged" sh -c "
	cd '$top' && for f in \$(find kernel -type f); do
		cmp \"\$f\" '$tmp/dkms$src/'\"\$f\" || exit 1; done"
check "dkms.conf: PACKAGE_NAME vserver, PACKAGE_VERSION $version" \
	test "$(dkmsvar PACKAGE_NAME) $(dkmsvar PACKAGE_VERSION)" = "vserver $version"
check "dkms.conf: BUILT_MODULE_NAME is kernel/Makefile's obj-m ($mod)" \
	test "$(dkmsvar 'BUILT_MODULE_NAME\[0\]')" = "$mod"
check "dkms.conf: BUILT_MODULE_LOCATION is Kbuild's obj-m directory ($kbuild_dir)" \
	test "$(dkmsvar 'BUILT_MODULE_LOCATION\[0\]')" = "$kbuild_dir"
objs_present() {
	for o in $(sed -n "s/^$mod-y *+*:*= *//p" "$top/kernel/Makefile"); do
		[ -f "$tmp/dkms$src/$kbuild_dir${o%.o}.c" ] ||
			{ echo "no source for $o"; return 1; }
	done
}
check "dkms: a source file for every object of $mod-y" objs_present
excl=$(dkmsvar BUILD_EXCLUSIVE_CONFIG)
check "dkms.conf: BUILD_EXCLUSIVE_CONFIG ($excl) is a symbol the series adds" \
	grep -q "^+config ${excl#CONFIG_}\$" "$top"/patches/*.patch
check "dkms: the Makefile's check tests $excl and a header the series adds" sh -c "
	grep -q '$excl=y' '$tmp/dkms$src/Makefile' &&
	h=\$(sed -n 's|.*/\(include/linux/[a-z_]*\.h\).*|\1|p' '$tmp/dkms$src/Makefile' | head -n 1) &&
	echo \"header: \$h\" && grep -q \"^+++ b/\$h\$\" '$top'/patches/*.patch &&
	grep -q \"#include <\${h#include/}>\" '$top'/kernel/*.c"
check "dkms.conf: no AUTOINSTALL; the kernel hooks build only for $excl=y" sh -c "
	! grep -q '^AUTOINSTALL' '$conf' &&
	grep -q '\^$excl=y' '$tmp/dkms/usr/libexec/vserver-dkms/kernel-hook' &&
	grep -qx 'exec /usr/libexec/vserver-dkms/kernel-hook \"\$1\"' '$tmp/dkms/etc/kernel/postinst.d/vserver-dkms' &&
	cmp '$tmp/dkms/etc/kernel/postinst.d/vserver-dkms' '$tmp/dkms/etc/kernel/header_postinst.d/vserver-dkms'"
check "dkms.conf: MAKE and CLEAN go through the checking Makefile" sh -c "
	grep -qx 'MAKE\[0\]=\"make KDIR=\${kernel_source_dir}\"' '$conf' &&
	grep -qx 'CLEAN=\"make KDIR=\${kernel_source_dir} clean\"' '$conf'"

# The packaged Makefile's check on fake kernel trees: Debian's split
# headers without the series, then with it (config and header).
fake=$tmp/kdir
mkdir -p "$fake/include/config" "$tmp/common/include/linux"
echo "include $tmp/common/Makefile" >"$fake/Makefile"
echo "CONFIG_MODULES=y" >"$fake/include/config/auto.conf"
check "dkms: an unpatched kernel fails the check with a clear message" sh -c "
	! make -s -C '$tmp/dkms$src' KDIR='$fake' check 2>'$tmp/err' &&
	cat '$tmp/err' && grep -q 'not a kernel with the vserver patch series' '$tmp/err'"
echo "CONFIG_VSERVER_HOOKS=y" >>"$fake/include/config/auto.conf"
check "dkms: the series' config without its header still fails" \
	sh -c "! make -s -C '$tmp/dkms$src' KDIR='$fake' check"
touch "$tmp/common/include/linux/vserver_hooks.h"
check "dkms: a patched kernel (split headers) passes the check" \
	make -s -C "$tmp/dkms$src" KDIR="$fake" check

# vserver-tools: programs, man pages, directories, small files.
tools_present() {
	for f in "$tools"/*; do
		[ -f "$f" ] && [ -x "$f" ] || continue
		grep -q "^[-h]rwxr-xr-x /usr/sbin/${f##*/}\$" "$tmp/tools.list" ||
			{ echo "missing: /usr/sbin/${f##*/}"; return 1; }
	done
}
check "tools: every program of the tools build is in /usr/sbin" tools_present
man_present() {
	for m in "$top"/userspace/man/*.[1-8]; do
		p=/usr/share/man/man${m##*.}/${m##*/}.gz
		has tools '-rw-r--r--' "$p" || return 1
		zcmp "$tmp/tools$p" "$m" || return 1
	done
	for f in "$tmp"/tools/usr/sbin/*; do
		ls "$tmp"/tools/usr/share/man/man*/"${f##*/}".*.gz >/dev/null 2>&1 ||
			{ echo "no man page for ${f##*/}"; return 1; }
	done
}
check "tools: every man page gzipped in its section; every program has one" \
	man_present
check "tools: /etc/vservers, and /vservers with mode 000" sh -c "
	grep -qx 'drwxr-xr-x /etc/vservers/' '$tmp/tools.list' &&
	grep -qx 'd--------- /vservers/' '$tmp/tools.list'"
check "tools: modules-load.d loads vserver" \
	grep -qx vserver "$tmp/tools/usr/lib/modules-load.d/vserver.conf"
check "tools: postinst sets the barrier on /vservers and tolerates failure" \
	sh -c "grep -q 'setattr --barrier \"\$vdir\"' '$tmp/tools.ctl/postinst' &&
	       grep -q '^vdir=/vservers\$' '$tmp/tools.ctl/postinst'"
check "tools: the programs report version $version" sh -c "
	'$tmp/tools/usr/sbin/vserver' --version | grep -qx 'vserver from vserver $version' &&
	'$tmp/tools/usr/sbin/chbind' --version | grep -qx 'chbind from vserver $version' &&
	'$tmp/tools/usr/sbin/busybox-template' --version | grep -qx 'busybox-template from vserver $version'"

# Bash completion: "complete WORD..." prints the candidates for the last
# word of "vserver WORD...".
cat >"$tmp/complete" <<'EOF'
. "$COMP_FILE"
COMP_WORDS=(vserver "$@")
COMP_CWORD=$#
_vserver
echo "${COMPREPLY[*]}"
EOF
export COMP_FILE="$tmp/tools/usr/share/bash-completion/completions/vserver"
# expect <candidates> WORD...: completing "vserver WORD..." offers exactly
# <candidates>.
expect() {
	want=$1
	shift
	got=$(bash "$tmp/complete" "$@")
	[ "$got" = "$want" ] || { echo "vserver $*: got '$got', want '$want'"; return 1; }
}
check "completion: verbs after the name" expect "start stop status" web1 st
check "completion: build's options" expect "--rootdir" web1 build --ro
check "completion: build's methods" expect "template" web1 build -m t
check "completion: start's and delete's options" sh -c "
	bash '$tmp/complete' web1 start '' | grep -qx -- --rescue &&
	bash '$tmp/complete' web1 delete '' | grep -qx -- --force"
# The guests come from /etc/vservers: a tmpfs on it (or on /etc) in a
# mount namespace of its own, so that the host's stays as it is.
guests() {
	unshare -m sh -c '
		if [ -d /etc/vservers ]; then mount -t tmpfs none /etc/vservers
		else mount -t tmpfs none /etc; fi || exit 1
		mkdir -p /etc/vservers/web1 /etc/vservers/mail /etc/vservers/.defaults
		touch /etc/vservers/notadir
		bash "$0" ""' "$tmp/complete" >"$tmp/guests" || return 1
	[ "$(cat "$tmp/guests")" = "mail web1" ] ||
		{ echo "got '$(cat "$tmp/guests")', want 'mail web1'"; return 1; }
}
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	check "completion: guest names from /etc/vservers" guests
else
	skip "completion: guest names from /etc/vservers" "needs root and unshare"
fi

echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
