#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# boot.sh - boot a guest kernel with an initramfs in QEMU
#
# Usage: boot.sh [options] <bzImage> <initramfs>
#
#   -m MODE     guest mode: test, vm or run (default vm)
#   -o DIR      where to write console.log, result (ttyS1) and status (ttyS2)
#   -t SECONDS  kill QEMU after this long (default 1200); 0 for no limit
#   -s DIR      share DIR read-write with the guest, mounted on /mnt/share
#   -d FILE     attach FILE as a virtio disk (/dev/vda in the guest)
#   -i          interactive: the console is this terminal
#   -a ARGS     more kernel command line arguments
#
# KVM is used only if it works: the first boot on a machine probes it with
# a short run and remembers the answer for the machine's uptime.  Set
# VS_ACCEL=tcg or VS_ACCEL=kvm to skip the probe.
#
# Exits 0 when QEMU exited by itself, 124 on timeout, or QEMU's status.

set -eu

mode=vm out="" limit=1200 share="" disk="" interactive=0 extra=""
while getopts m:o:t:s:d:ia: opt; do
	case $opt in
	m) mode=$OPTARG ;;
	o) out=$OPTARG ;;
	t) limit=$OPTARG ;;
	s) share=$OPTARG ;;
	d) disk=$OPTARG ;;
	i) interactive=1 ;;
	a) extra=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: boot.sh [options] <bzImage> <initramfs>" >&2; exit 2; }
kernel=$1
initrd=$2
cache=${VS_CACHE:-$HOME/.cache/vserver}
[ -n "$out" ] || out=$(mktemp -d)
mkdir -p "$out"

accel() {
	case ${VS_ACCEL:-} in
	tcg|kvm) echo "$VS_ACCEL"; return ;;
	esac
	if [ ! -w /dev/kvm ]; then
		echo tcg
		return
	fi
	stamp=$cache/kvm-probe
	boot_id=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo unknown)
	if [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$boot_id" ]; then
		sed -n 2p "$stamp"
		return
	fi
	# A kernel without a root file system panics at once and reboots,
	# which with -no-reboot ends QEMU: if that happens in time, KVM works.
	result=tcg
	if (timeout 30 qemu-system-x86_64 -accel kvm -cpu max -m 256 -nodefaults \
		-nographic -no-reboot -monitor none -serial stdio -nic none \
		-kernel "$kernel" -append "console=ttyS0 panic=-1" \
		</dev/null 2>/dev/null | grep -q "Kernel panic") 2>/dev/null; then
		result=kvm
	fi
	mkdir -p "$cache"
	printf '%s\n%s\n' "$boot_id" "$result" >"$stamp"
	echo "$result"
}

acc=$(accel)
if [ "$acc" = kvm ]; then
	cpu="-accel kvm -cpu max"
else
	cpu="-accel tcg -cpu max"
fi

# ACPI finds the second CPU.  Its PCI interrupt routing (_PRT) runs AML
# loops that time out under TCG on a busy machine (pci=noacpi: the BIOS's
# routing instead), and with the IO-APIC an interrupt early in boot hit
# an irq descriptor that was not set up yet (a KASAN report in
# handle_edge_irq(), about one boot in four): noapic keeps the 8259 PIC.
# AppArmor is stacked as Debian stacks it (tinyconfig's CONFIG_LSM lacks
# it, so it is named here).
append="console=ttyS0 panic=-1 oops=panic panic_on_warn=1 pci=noacpi noapic vs.mode=$mode"
append="$append lsm=landlock,lockdown,yama,loadpin,safesetid,integrity,apparmor,bpf"
[ "$mode" = test ] || append="$append loglevel=4"
[ -n "$share" ] && append="$append vs.share"
append="$append $extra"

: >"$out/result"
: >"$out/status"
# The guest checks that it sees every CPU (run-guest): races need two.
cpus=2
append="$append vs.cpus=$cpus"
set -- -m 1024 -smp "$cpus" -nodefaults -no-reboot -nic none -display none \
	-kernel "$kernel" -initrd "$initrd" -append "$append"
if [ "$interactive" = 1 ]; then
	set -- "$@" -serial mon:stdio
else
	set -- "$@" -monitor none -serial "file:$out/console.log"
fi
set -- "$@" -serial "file:$out/result" -serial "file:$out/status"
if [ -n "$share" ]; then
	set -- "$@" -virtfs "local,path=$share,mount_tag=share,security_model=none,id=share"
fi
if [ -n "$disk" ]; then
	set -- "$@" -drive "file=$disk,if=virtio,format=raw"
fi

echo "boot.sh: booting $(basename "$kernel") in QEMU ($acc, mode $mode)" >&2
# shellcheck disable=SC2086
if [ "$interactive" = 1 ]; then
	exec qemu-system-x86_64 $cpu "$@"
fi
# Under TCG on a busy machine, an interrupt early in boot sometimes meets
# an irq descriptor that is not ready (a KASAN report in handle_*_irq()
# from start_kernel(), long before /init loads the module: none of our
# code can have run).  Such a boot is tried again, twice at most; its log
# is kept as console.early-N.log.
attempt=1
while :; do
	rc=0
	rm -f "$out/console.log"
	: >"$out/result"
	: >"$out/status"
	if [ "$limit" -gt 0 ]; then
		# shellcheck disable=SC2086
		timeout --foreground -k 10 "$limit" qemu-system-x86_64 $cpu "$@" </dev/null || rc=$?
	else
		# shellcheck disable=SC2086
		qemu-system-x86_64 $cpu "$@" </dev/null || rc=$?
	fi
	if [ "$attempt" -ge 3 ] ||
		! grep -q 'Kernel panic' "$out/console.log" 2>/dev/null ||
		grep -q '^vs-init: started' "$out/console.log"; then
		break
	fi
	cp "$out/console.log" "$out/console.early-$attempt.log"
	echo "boot.sh: the kernel panicked before /init (attempt $attempt, log in" \
		"console.early-$attempt.log): booting again" >&2
	attempt=$((attempt + 1))
done
exit "$rc"
