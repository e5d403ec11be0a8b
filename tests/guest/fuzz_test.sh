#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A short round of the vserver(2) fuzzer (make fuzz runs longer ones).
# The harness fails the run on any kernel splat it causes.  Prints TAP.

. "$(dirname "$0")/tap.sh"

out=$("$(dirname "$0")/fuzz" -t 20 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
ok $rc "fuzz: 20 s of random vserver(2) calls, context churn and cow breaks"
tap_done
