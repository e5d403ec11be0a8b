#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh - install the Debian packages the build and the tests need
#
# Installs only what is missing, and says what it installs.  Needs root
# (or sudo) when something is missing.

set -eu

pkgs="linux-source-6.1 qemu-system-x86 busybox-static bc bison flex
libelf-dev libssl-dev cpio kmod dwarves make gcc libc6-dev e2fsprogs
sparse cppcheck python3 python3-ply python3-git perl git lintian"

missing=""
for p in $pkgs; do
	status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
	case $status in
	ii*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps.sh: error: not root and no sudo; install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null; then
	$sudo apt-get update -q >/dev/null
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
fi
