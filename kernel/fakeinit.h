/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vserver - a context's init shown as process 1
 */

#ifndef _VS_FAKEINIT_H
#define _VS_FAKEINIT_H

#include <linux/types.h>

pid_t vc_map_pid(pid_t nr);
pid_t vc_rmap_pid(pid_t nr);

#endif /* _VS_FAKEINIT_H */
