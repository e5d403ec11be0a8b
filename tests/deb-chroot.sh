#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deb-chroot.sh - install the Debian packages in a Debian 12 chroot, print TAP
#
# Usage: deb-chroot.sh <deb dir> [<patched kernel build dir>]
#
# What dpkg and DKMS do with vserver-dkms and vserver-tools, away from the
# host's own package state: a chroot made with debootstrap (minbase, with
# dkms and Debian's linux-headers-amd64, a kernel without the vserver
# series; cached as $VS_CACHE/deb-chroot-base.tar.gz) gets both packages
# with apt-get install.  DKMS must skip Debian's kernel with a message and
# leave both packages configured, dpkg --audit quiet; removal must be
# refused while a context exists or the module has users (a fake /proc
# and /sys in the chroot), and both packages must then purge without a
# trace.  With a patched kernel's build directory (make's kernel-debug),
# mounted read-only in the chroot, DKMS must build and install vserver.ko
# for it.  The chroot is deleted at the end; the host's /proc is only
# bind-mounted into it.  Needs root and, the first time, the Debian
# archive (VS_DEB_MIRROR, default deb.debian.org).
#
# Ends with "N passed, N failed"; exits 0 only if nothing failed.

set -u

debs=$(cd "$1" && pwd)
version=$(cat "$(dirname "$0")/../VERSION")
kout=${2:-}
cache=${VS_CACHE:-$HOME/.cache/vserver}
base=$cache/deb-chroot-base.tar.gz
mirror=${VS_DEB_MIRROR:-http://deb.debian.org/debian}
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8

mkdir -p "$cache"
root=$(mktemp -d "$cache/deb-chroot.XXXXXX")
log=$root.log

# Unmount everything below the chroot before deleting it, and never cross
# into another filesystem while deleting.
cleanup() {
	grep -o " $root/[^ ]*" /proc/self/mounts | sort -r | while read -r m; do
		umount -l "$m"
	done
	if grep -q " $root/" /proc/self/mounts; then
		echo "# deb-chroot.sh: mounts left under $root, not deleting it" >&2
	else
		rm -rf --one-file-system "$root"
	fi
	rm -f "$log"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

n=0 failed=0
check() {
	desc=$1
	shift
	n=$((n + 1))
	if "$@" >"$log" 2>&1; then
		echo "ok $n $desc"
	else
		failed=$((failed + 1))
		echo "not ok $n $desc"
		sed 's/^/# /' "$log" | tail -30
	fi
}
in_root() { chroot "$root" /bin/sh -c "$1"; }
finish() {
	echo "1..$n"
	echo "$((n - failed)) passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

echo "TAP version 13"

# The base: Debian 12 minbase with dkms and the stock kernel's headers.
make_base() {
	new=$cache/deb-chroot-base.new
	rm -rf --one-file-system "$new"
	command -v debootstrap >/dev/null ||
		apt-get install -y -q --no-install-recommends debootstrap ||
		return 1
	debootstrap --variant=minbase bookworm "$new" "$mirror" || return 1
	mount --bind /proc "$new/proc" || return 1
	chroot "$new" sh -c 'apt-get update -q &&
		apt-get install -y -q --no-install-recommends dkms linux-headers-amd64 &&
		apt-get clean'
	rc=$?
	umount "$new/proc"
	[ $rc -eq 0 ] || return 1
	tar -C "$new" -czf "$base.tmp" . && mv "$base.tmp" "$base" &&
		rm -rf --one-file-system "$new"
}
if [ ! -f "$base" ]; then
	check "base chroot: debootstrap bookworm, dkms, linux-headers-amd64" make_base
fi
check "chroot unpacked" tar -C "$root" -xzf "$base"
mount --bind /proc "$root/proc" || finish
mkdir -p "$root/tmp/debs"
cp "$debs"/vserver-dkms_*.deb "$debs"/vserver-tools_*.deb "$root/tmp/debs/" ||
	finish
stock=$(ls "$root/lib/modules" | head -n 1)

install_debs() {
	in_root 'apt-get install -y -q --no-install-recommends /tmp/debs/*.deb' \
		>"$root/install.log" 2>&1
	rc=$?
	cat "$root/install.log"
	return $rc
}
check "apt-get install ./vserver-dkms ./vserver-tools" install_debs
check "DKMS skips $stock: dkms's BUILD_EXCLUSIVE message and ours" sh -c "
	grep -q 'BUILD_EXCLUSIVE directive which does not match' '$root/install.log' &&
	grep -q '^Skipped\.' '$root/install.log' &&
	grep -q 'kernel $stock lacks the vserver patch series' '$root/install.log'"
check "both packages are configured, dpkg --audit is quiet" sh -c "
	chroot '$root' dpkg-query -W -f='\${db:Status-Abbrev}\n' vserver-dkms vserver-tools |
		tee /dev/stderr | grep -c '^ii' | grep -qx 2 &&
	test -z \"\$(chroot '$root' dpkg --audit)\""
check "dkms status: added, not built for $stock" sh -c "
	chroot '$root' dkms status | tee /dev/stderr | grep -qx 'vserver/[^:]*: added'"
# What a kernel package runs when it or its headers are installed: no
# failure for a kernel without the series (Debian 12's dkms would fail its
# autoinstall on a module that BUILD_EXCLUSIVE skips; vserver has none).
kernel_hooks() {
	in_root "run-parts --report --exit-on-error --arg=$1 /etc/kernel/header_postinst.d &&
		run-parts --report --exit-on-error --arg=$1 --arg=/boot/vmlinuz-$1 /etc/kernel/postinst.d" \
		>"$root/hooks.log" 2>&1
	rc=$?
	cat "$root/hooks.log"
	return $rc
}
stock_hooks() {
	kernel_hooks "$stock" &&
		grep -q "kernel $stock lacks the vserver patch series" "$root/hooks.log"
}
check "kernel hooks for $stock succeed, naming it as lacking the series" \
	stock_hooks
check "vserver-tools: /vservers has mode 000, postinst said the barrier is missing" sh -c "
	test \"\$(stat -c %a '$root/vservers')\" = 0 &&
	grep -q 'no chroot barrier on /vservers yet' '$root/install.log'"

# Removal while contexts exist: a fake /proc with context 42.
umount "$root/proc"
mount -t tmpfs fakeproc "$root/proc"
mkdir -p "$root/proc/virtual/42" "$root/proc/virtnet"
touch "$root/proc/virtual/info" "$root/proc/virtual/status" \
	"$root/proc/virtnet/info" "$root/proc/virtnet/status"
refused() {
	in_root 'dpkg -r vserver-dkms' >"$root/remove.log" 2>&1 && return 1
	cat "$root/remove.log"
	grep -q "refusing to remove the vserver module: $1" "$root/remove.log" &&
		chroot "$root" dpkg-query -W -f='${Status}\n' vserver-dkms |
		grep -q ' installed$' && test -z "$(chroot "$root" dpkg --audit)"
}
check "removal refused while /proc/virtual/42 exists; still installed" \
	refused "contexts exist: virtual/42"
rmdir "$root/proc/virtual/42"
mkdir -p "$root/sys/module/vserver"
echo 2 >"$root/sys/module/vserver/refcnt"
check "removal refused while the module has users" \
	refused "the loaded module vserver has 2 users"
rm -rf "$root/sys/module"
umount "$root/proc"
mount --bind /proc "$root/proc"

# A patched kernel: its build directory (and the source it points to)
# read-only in the chroot, as that kernel's /lib/modules/*/build.
if [ -n "$kout" ] && [ -f "$kout/include/config/kernel.release" ]; then
	krel=$(cat "$kout/include/config/kernel.release")
	bind_ro() {
		mkdir -p "$root$2" && mount --bind "$1" "$root$2" &&
			mount -o remount,bind,ro "$root$2"
	}
	src=$(readlink -f "$kout/source")
	if bind_ro "$kout" /usr/src/linux-vserver &&
		{ [ -z "$src" ] || [ "$src" = "$kout" ] || bind_ro "$src" "$src"; }; then
		mkdir -p "$root/lib/modules/$krel"
		ln -sfn /usr/src/linux-vserver "$root/lib/modules/$krel/build"
		check "kernel hooks for the patched $krel build and install vserver.ko" \
			kernel_hooks "$krel"
		check "dkms status: installed for $krel" sh -c "
			chroot '$root' dkms status -k $krel | tee /dev/stderr |
			grep -q '^vserver/$version, $krel, [^:]*: installed'"
		check "vserver.ko in /lib/modules/$krel/updates/dkms, vermagic $krel" \
			sh -c "chroot '$root' sh -c 'modinfo -F vermagic /lib/modules/$krel/updates/dkms/vserver.ko*' |
				tee /dev/stderr | grep -q '^$krel '"
	else
		check "patched kernel tree mounted read-only" false
	fi
else
	echo "# no patched kernel build directory given: the DKMS build itself is not tried"
fi

purge() {
	in_root 'apt-get purge -y -q vserver-dkms vserver-tools' || return 1
	! chroot "$root" dpkg-query -W -f='${Status}\n' vserver-dkms \
		vserver-tools 2>/dev/null | grep -v ' not-installed$' &&
	test -z "$(chroot "$root" dpkg --audit)" &&
	! ls -d "$root"/usr/src/vserver-* "$root/var/lib/dkms/vserver" \
		"$root/vservers" "$root/etc/vservers" 2>/dev/null &&
	! ls "$root"/lib/modules/*/updates/dkms/vserver.ko* 2>/dev/null
}
check "both packages purge: no files, no DKMS tree, dpkg --audit quiet" purge

finish
