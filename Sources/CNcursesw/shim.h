#ifndef DUBAO_CNCURSESW_SHIM_H
#define DUBAO_CNCURSESW_SHIM_H
// The wide-character API (cchar_t, wadd_wch, wget_wch) is only declared with this switched on.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <curses.h>
#endif
