/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vlogin.h - --vlogin: run a program on a terminal of its own
 */

#ifndef VS_VLOGIN_H
#define VS_VLOGIN_H

void __attribute__((__noreturn__)) vs_vlogin(char **argv, int status);
void __attribute__((__noreturn__))
vs_vlogin_guest(char **(*setup)(void *arg), void *arg, int status);

#endif /* VS_VLOGIN_H */
