/* SPDX-License-Identifier: GPL-2.0 */
/*
 * disconnect.h - --disconnect: go on in the background, report failures
 */

#ifndef VS_DISCONNECT_H
#define VS_DISCONNECT_H

void vs_disconnect(int status);
int vs_disconnect_fd(void);

#endif /* VS_DISCONNECT_H */
