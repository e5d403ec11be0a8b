# SPDX-License-Identifier: GPL-2.0
#
# oom-filter.awk - drop the kernel's reports of OOM kills inside a memory
# cgroup from a guest log before it is searched for splats: a guest that
# reaches its memory.max is killed with a stack dump, which is the limit
# working.  A global OOM's report is kept.

/invoked oom-killer:/ { buf = $0 "\n"; inrep = 1; next }
inrep {
	buf = buf $0 "\n"
	if ($0 ~ /Memory cgroup out of memory: Killed process/) {
		inrep = 0
		buf = ""
	} else if ($0 ~ /Out of memory: Killed process/) {
		printf "%s", buf
		inrep = 0
		buf = ""
	}
	next
}
{ print }
END { printf "%s", buf }
