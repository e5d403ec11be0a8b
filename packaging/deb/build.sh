#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# build.sh - build the vserver Debian packages with dpkg-deb
#
# Usage: build.sh <out dir> <tools dir> <package>...
#
# <package> is vserver-dkms (the module source for DKMS) or vserver-tools
# (the tools of <tools dir>, as make -C userspace O=<tools dir> builds
# them, with the man pages, /etc/vservers, /vservers, modules-load.d and
# bash completion).  Each package is laid out in
# <out dir>/../deb-stage/<package> and written as
# <out dir>/<package>_<version>_<arch>.deb.  The version is the
# repository's VERSION; file times are those of the last commit, so the
# same commit and tools give the same packages.

set -eu

[ $# -ge 3 ] || { echo "usage: build.sh <out dir> <tools dir> <package>..." >&2; exit 2; }
out=$1 tools=$2
shift 2

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
version=$(cat "$top/VERSION")
maintainer="Seed d3d5cd1c maintainers <maintainers@users.noreply.r-seed-d3d5cd1c.example>"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
year=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)

mkdir -p "$out"

# subst <file> <arch> <size>: the file with the @...@ fields filled in.
subst() {
	sed -e "s/@VERSION@/$version/g" -e "s/@ARCH@/$2/g" -e "s/@SIZE@/$3/g" \
		-e "s/@YEAR@/$year/g" -e "s/@MAINTAINER@/$maintainer/g" "$1"
}

# doc <stage> <package>: copyright and the changelog of a native package.
doc() {
	d=$1/usr/share/doc/$2
	mkdir -p "$d"
	subst "$here/copyright" - - >"$d/copyright"
	{
		echo "vserver ($version) unstable; urgency=medium"
		echo
		echo "  * Version $version, built from the vserver repository (its git log"
		echo "    has the changes)."
		echo
		echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
	} | gzip -9n >"$d/changelog.gz"
}

# stage_dkms <stage>: /usr/src/vserver-<version> with the module source.
stage_dkms() {
	src=$1/usr/src/vserver-$version
	mkdir -p "$src"
	cp -p "$top/Kbuild" "$src/Kbuild"
	(cd "$top" && find kernel -type f \( -name '*.[ch]' -o -name Makefile \) \
		-print) | while read -r f; do
		mkdir -p "$src/$(dirname "$f")"
		cp -p "$top/$f" "$src/$f"
	done
	subst "$here/vserver-dkms/dkms.conf" - - >"$src/dkms.conf"
	cp "$here/vserver-dkms/Makefile" "$src/Makefile"
	mkdir -p "$1/usr/libexec/vserver-dkms"
	subst "$here/vserver-dkms/kernel-hook" - - \
		>"$1/usr/libexec/vserver-dkms/kernel-hook"
	for d in postinst.d header_postinst.d; do
		mkdir -p "$1/etc/kernel/$d"
		cp "$here/vserver-dkms/kernel-hook.etc" "$1/etc/kernel/$d/vserver-dkms"
	done
	doc "$1" vserver-dkms
}

# stage_tools <stage>: the tools, stripped (hard links kept), their man
# pages, the directories and the small files of the package.
stage_tools() {
	sbin=$1/usr/sbin
	mkdir -p "$sbin"
	progs=""
	for f in "$tools"/*; do
		[ -f "$f" ] && [ -x "$f" ] && progs="$progs $f"
	done
	# One cp, so that hard links stay hard links.
	# shellcheck disable=SC2086 # the tools' names have no blanks
	cp -a $progs "$sbin/"
	# Hard links (vnamespace and vspace, showattr and setattr) stay one
	# file: strip each inode once, writing over it in place.
	seen=" "
	for f in "$sbin"/*; do
		ino=$(stat -c %i "$f")
		case $seen in *" $ino "*) continue ;; esac
		seen="$seen$ino "
		if head -c 4 "$f" | grep -q ELF; then
			strip --strip-unneeded --remove-section=.comment \
				--remove-section=.note -o "$f.stripped" "$f"
			cat "$f.stripped" >"$f"
			rm "$f.stripped"
		fi
	done
	for m in "$top"/userspace/man/*.[1-8]; do
		sec=${m##*.}
		mkdir -p "$1/usr/share/man/man$sec"
		gzip -9n <"$m" >"$1/usr/share/man/man$sec/${m##*/}.gz"
	done
	# A program without a page of its own is a link to another name of
	# the same program (vnamespace is vspace): its page links to that one.
	for f in "$sbin"/*; do
		name=${f##*/}
		ls "$1"/usr/share/man/man*/"$name".*.gz >/dev/null 2>&1 && continue
		for g in "$sbin"/*; do
			[ "$g" != "$f" ] || continue
			[ "$(stat -c %i "$g")" = "$(stat -c %i "$f")" ] || continue
			for p in "$1"/usr/share/man/man*/"${g##*/}".*.gz; do
				[ -f "$p" ] || continue
				page=${p##*/}
				ln -s "$page" "${p%/*}/$name.${page#"${g##*/}".}"
			done
		done
	done
	mkdir -p "$1/etc/vservers" "$1/vservers" \
		"$1/usr/lib/modules-load.d" \
		"$1/usr/share/bash-completion/completions" \
		"$1/usr/share/lintian/overrides"
	cp "$here/vserver-tools/modules-load.conf" \
		"$1/usr/lib/modules-load.d/vserver.conf"
	cp "$here/vserver-tools/vserver.bash-completion" \
		"$1/usr/share/bash-completion/completions/vserver"
	cp "$here/vserver-tools/lintian-overrides" \
		"$1/usr/share/lintian/overrides/vserver-tools"
	doc "$1" vserver-tools
}

for pkg in "$@"; do
	stage=$(dirname "$out")/deb-stage/$pkg
	rm -rf "$stage"
	mkdir -p "$stage/DEBIAN"
	case $pkg in
	vserver-dkms) arch=all; stage_dkms "$stage" ;;
	vserver-tools) arch=$(dpkg --print-architecture); stage_tools "$stage" ;;
	*) echo "build.sh: no package $pkg" >&2; exit 2 ;;
	esac

	# Modes as dpkg expects them; /vservers is closed (mode 000, as
	# vserver build makes it), the barrier comes in postinst.
	find "$stage" -type d -exec chmod 755 {} +
	find "$stage" -type f -exec chmod 644 {} +
	for x in usr/sbin usr/libexec/vserver-dkms etc/kernel; do
		[ -d "$stage/$x" ] && find "$stage/$x" -type f -exec chmod 755 {} +
	done
	[ -d "$stage/vservers" ] && chmod 000 "$stage/vservers"

	for s in postinst prerm postrm; do
		[ -f "$here/$pkg/$s" ] || continue
		subst "$here/$pkg/$s" - - >"$stage/DEBIAN/$s"
		chmod 755 "$stage/DEBIAN/$s"
	done
	(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print |
		sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) >"$stage/DEBIAN/md5sums"
	chmod 644 "$stage/DEBIAN/md5sums"
	# Every file in /etc is a conffile.
	if [ -d "$stage/etc" ]; then
		(cd "$stage" && find etc -type f | LC_ALL=C sort | sed 's|^|/|') \
			>"$stage/DEBIAN/conffiles"
		[ -s "$stage/DEBIAN/conffiles" ] || rm "$stage/DEBIAN/conffiles"
	fi
	[ -f "$stage/DEBIAN/conffiles" ] && chmod 644 "$stage/DEBIAN/conffiles"
	size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
	subst "$here/$pkg/control" "$arch" "$size" >"$stage/DEBIAN/control"

	find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
	deb=$out/${pkg}_${version}_$arch.deb
	dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
	echo "deb: $deb"
done
