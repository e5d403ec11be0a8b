# SPDX-License-Identifier: GPL-2.0
#
# vserver: Linux-VServer style contexts for Linux 6.1.
#
#   make            build the debug kernel, vserver.ko, the tools and the tests
#   make test       build what is missing, run the unit tests, the static
#                   checks of make check and the guest tests in QEMU on the
#                   debug kernel
#   make run        boot the fast kernel and show the demo, then a shell
#                   (without a terminal: end with the demo's status)
#   make vm         boot a guest with the module loaded (CMD=, SHARE=, DISK=,
#                   KERNEL=debug|fast)
#   make bench      benchmarks on the fast kernel, report in markdown and JSON
#   make fuzz       fuzz vserver(2) on the debug kernel (SECONDS=, SEED=)
#   make race       the concurrent tests and the fuzzer on the KCSAN kernel
#                   (SECONDS=, SEED=); a data race in our code fails
#   make check      static checks: checkpatch, sparse, kernel-doc, cppcheck
#   make mutate     remove each isolation check of the module in turn and
#                   show that a test fails (MUTATIONS= names a subset)
#   make series-check  build the series patch by patch with IPv6 built in,
#                   modular and off, and with the call-outs configured out
#                   (FLAVOURS= names a subset)
#   make docs       the ABI reference from kernel-doc, in $(VS_CACHE)/out/docs
#   make deb        the Debian packages vserver-dkms and vserver-tools, in
#                   $(VS_CACHE)/out/deb (DEB_PACKAGES: one sub-target each)
#   make deb-check  build the packages and check them: lintian, contents,
#                   dkms.conf against Kbuild (make test runs it as deb_test)
#   make deb-chroot install the packages in a Debian 12 chroot: DKMS skips
#                   the stock kernel cleanly, removal refuses while contexts
#                   exist, purge; builds vserver.ko for kernel-debug if built
#   make clean      remove the build output (not the kernel build cache)
#
# All build output goes to $(VS_CACHE) (default ~/.cache/vserver), outside
# the repository.  Missing Debian packages are installed on the way.

VS_CACHE ?= $(HOME)/.cache/vserver
export VS_CACHE

KERNEL ?= debug
B := $(VS_CACHE)/out
Q := tests/qemu

# The kernel build directory of a flavour; valid after kernel-<flavour>.
kout = $(shell cat $(VS_CACHE)/kernel-$(1).path 2>/dev/null)

all: build-debug

deps:
	@$(Q)/deps.sh

# The kernel: tests/qemu/kernel.sh rebuilds only what changed.
kernel-%: deps
	@mkdir -p $(VS_CACHE)
	@$(Q)/kernel.sh $* >$(VS_CACHE)/kernel-$*.out
	@tail -n 1 $(VS_CACHE)/kernel-$*.out >$(VS_CACHE)/kernel-$*.path.tmp
	@mv $(VS_CACHE)/kernel-$*.path.tmp $(VS_CACHE)/kernel-$*.path

# vserver.ko, built from a copy of kernel/ so that no object lands in the
# repository.
module-%: kernel-%
	@mkdir -p $(B)/module-$*
	@cp -p Kbuild $(B)/module-$*/Kbuild
	@mkdir -p $(B)/module-$*/kernel
	@cp -pr kernel/. $(B)/module-$*/kernel/
	@$(MAKE) -s -C $(call kout,$*) M=$(B)/module-$* modules W=1
	@echo "module: $(B)/module-$*/kernel/vserver.ko"

tools: deps
	@$(MAKE) -s -C userspace O=$(B)/tools

# Guest tests: C programs on the kernel tree's kselftest_harness.h, and
# shell tests.
TEST_CFLAGS := -static -O2 -g -std=gnu11 -Wall -Werror -D_GNU_SOURCE \
	-Ikernel/uapi -Iuserspace
guest-tests-%: kernel-%
	@mkdir -p $(B)/tests-$*
	@for t in tests/guest/*_test.c; do \
		o=$(B)/tests-$*/$$(basename $$t .c); \
		$(CC) $(TEST_CFLAGS) -I$(call kout,$*)/source/tools/testing/selftests \
			-o $$o $$t -lpthread || exit 1; \
	done
	@$(CC) $(TEST_CFLAGS) -o $(B)/tests-$*/bench tests/bench/bench.c
	@$(CC) $(TEST_CFLAGS) -o $(B)/tests-$*/netbench tests/bench/netbench.c
	@$(CC) $(TEST_CFLAGS) -o $(B)/tests-$*/fsbench tests/bench/fsbench.c
	@$(CC) $(TEST_CFLAGS) -o $(B)/tests-$*/scalebench tests/bench/scalebench.c
	@$(CC) $(TEST_CFLAGS) -o $(B)/tests-$*/fuzz tests/guest/fuzz.c -lpthread
	@$(CC) $(TEST_CFLAGS) -o $(B)/tests-$*/breakout tests/guest/breakout.c
	@install -m 755 tests/guest/*_test.sh $(B)/tests-$*/
	@install -m 644 tests/guest/tap.sh $(B)/tests-$*/

# The uapi header against the literal ABI table: a compile-time check.
unit-tests:
	@mkdir -p $(B)/unit
	@$(CC) -std=gnu11 -Wall -Wextra -Werror -Ikernel/uapi -c \
		-o $(B)/unit/abi_static_check.o tests/abi_static_check.c
	@$(CC) -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE -Iuserspace \
		-Ikernel/uapi -o $(B)/unit/parse_test tests/unit/parse_test.c \
		userspace/lib/parse.c userspace/lib/names.c userspace/lib/syscall.c
	@printf '#!/bin/sh\nexec %s/tests/deb-check.sh %s %s\n' \
		"$(CURDIR)" "$(DEB_OUT)" "$(B)/tools" >$(B)/unit/deb_test
	@chmod 755 $(B)/unit/deb_test

initramfs-%: module-% tools guest-tests-%
	@$(Q)/initramfs.sh $(B)/initramfs-$*.cpio.gz \
		$(B)/module-$*/kernel/vserver.ko $(B)/tools $(B)/tests-$*

build-%: initramfs-% unit-tests
	@echo "built: $(call kout,$*)/arch/x86/boot/bzImage, $(B)/initramfs-$*.cpio.gz"

test: build-debug
	@VS_CHECK_KOUT=$(call kout,debug) \
		tests/run-tests.sh $(call kout,debug)/arch/x86/boot/bzImage \
		$(B)/initramfs-debug.cpio.gz $(B)/unit

# CMD reaches vm.sh untouched: make would expand the '$' in it.
vm: export VS_CMD := $(value CMD)
vm: build-$(KERNEL)
	@$(Q)/vm.sh $(call kout,$(KERNEL))/arch/x86/boot/bzImage \
		$(B)/initramfs-$(KERNEL).cpio.gz

# The demo, then a shell on this terminal.  With no terminal on standard
# input (a script, CI, </dev/null) nobody would ever leave that shell: the
# guest powers off after the demo (vs.batch) and make ends with the demo's
# status, which the guest writes to its third serial port; RUN_TIMEOUT
# seconds (default 1200) bound such a run.
run: build-fast
	@if [ -t 0 ]; then \
		exec $(Q)/boot.sh -i -m run -t 0 \
			$(call kout,fast)/arch/x86/boot/bzImage \
			$(B)/initramfs-fast.cpio.gz; \
	fi; \
	out=$$(mktemp -d) || exit 1; \
	timeout -k 10 $(or $(RUN_TIMEOUT),1200) $(Q)/boot.sh -i -m run \
		-o "$$out" -a vs.batch $(call kout,fast)/arch/x86/boot/bzImage \
		$(B)/initramfs-fast.cpio.gz; \
	rc=$$?; \
	status=$$(tr -dc 0-9 <"$$out/status"); \
	rm -rf "$$out"; \
	if [ -z "$$status" ]; then \
		echo "make run: the demo did not finish (QEMU status $$rc)" >&2; \
		exit 1; \
	fi; \
	[ "$$status" = 0 ] || echo "make run: the demo failed (status $$status)" >&2; \
	exit "$$status"

# Fuzz vserver(2) on the debug kernel for SECONDS (default 60) with SEED;
# any kernel splat fails.  make test runs a short round (fuzz_test.sh).
fuzz: build-debug
	@tests/qemu/fuzz.sh $(call kout,debug)/arch/x86/boot/bzImage \
		$(B)/initramfs-debug.cpio.gz $(or $(SECONDS),60) $(SEED)

# The concurrent tests and SECONDS (default 60) of fuzzing on the KCSAN
# kernel, on every CPU; a KCSAN report in our code, another splat or a
# failed test fails.
race: build-kcsan
	@tests/qemu/race.sh $(call kout,kcsan)/arch/x86/boot/bzImage \
		$(B)/initramfs-kcsan.cpio.gz $(or $(SECONDS),60) $(SEED)

# Benchmarks on the fast kernel; the report goes to $(B)/bench/.
# The unpatched kernel (kernel-vanilla) is the baseline of the overhead
# comparison.
bench: build-fast kernel-vanilla
	@tests/bench/run.sh $(call kout,fast)/arch/x86/boot/bzImage \
		$(B)/initramfs-fast.cpio.gz $(B)/bench \
		$(call kout,vanilla)/arch/x86/boot/bzImage

check: kernel-debug
	@tests/check.sh $(call kout,debug)

# Each isolation check of the module removed in turn (tests/mutations):
# the tests the mutation names must fail.
mutate: build-debug
	@tests/mutate.sh $(call kout,debug) \
		$(call kout,debug)/arch/x86/boot/bzImage $(B)/tools \
		$(B)/tests-debug tests/mutations $(MUTATIONS)

# Each patch on its own, in each configuration that changes what the
# patches compile (tests/series-check.sh).
series-check: deps
	@tests/series-check.sh $(FLAVOURS)

# The ABI reference from the kernel-doc comments of the uapi header and
# the command handlers, as reStructuredText.
docs: kernel-debug
	@mkdir -p $(B)/docs
	@$(call kout,debug)/source/scripts/kernel-doc -rst -sphinx-version 3.4 \
		kernel/uapi/linux/vserver.h kernel/*cmd.c >$(B)/docs/abi-reference.rst
	@echo "docs: $(B)/docs/abi-reference.rst"

# Debian packages, written to $(DEB_OUT) by packaging/deb/build.sh (plain
# dpkg-deb).  Each package has a sub-target in DEB_PACKAGES; the
# linux-image and linux-headers packages of the patched distribution
# kernel are to join it as deb-kernel.
DEB_OUT := $(B)/deb
DEB_PACKAGES := deb-dkms deb-tools

deb: $(DEB_PACKAGES)

deb-dkms:
	@packaging/deb/build.sh $(DEB_OUT) $(B)/tools vserver-dkms

deb-tools: tools
	@packaging/deb/build.sh $(DEB_OUT) $(B)/tools vserver-tools

# Builds the packages itself, then lintian, contents, dkms.conf against
# Kbuild and the series (tests/deb-check.sh); make test runs the same as
# the unit test deb_test.
deb-check: tools
	@tests/deb-check.sh $(DEB_OUT) $(B)/tools

# The packages through apt, dpkg and DKMS in a throw-away Debian 12 chroot
# (tests/deb-chroot.sh; needs the Debian archive the first time).  The
# debug kernel's tree, when built, is the patched kernel DKMS builds for.
deb-chroot: deb
	@tests/deb-chroot.sh $(DEB_OUT) $(call kout,debug)

clean:
	rm -rf $(B)

.PHONY: all deps tools unit-tests test vm run bench check docs clean fuzz \
	mutate race series-check deb deb-check deb-chroot $(DEB_PACKAGES)
