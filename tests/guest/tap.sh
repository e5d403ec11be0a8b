# SPDX-License-Identifier: GPL-2.0
#
# tap.sh - TAP helpers for the shell tests; source it, call ok for each
# check, and finish with tap_done.

n=0 fails=0

# ok STATUS DESCRIPTION: one test, passed if STATUS is 0.
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n $2"
	else
		echo "not ok $n $2"
		fails=$((fails + 1))
	fi
}

# tap_done: print the plan and exit non-zero if anything failed.
tap_done() {
	echo "1..$n"
	[ "$fails" = 0 ]
	exit
}
