#ifndef DUBAO_CNCURSESW_SHIM_H
#define DUBAO_CNCURSESW_SHIM_H
// The wide-character API (cchar_t, wadd_wch, wget_wch) is only declared with this switched on.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

// Not visible through `import Glibc`.
extern int wcwidth(wchar_t c);

// Macros Swift cannot import, as functions. They return constants, so tests may call them
// without a terminal.
static inline attr_t dubao_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t dubao_A_BOLD(void) { return A_BOLD; }
static inline attr_t dubao_A_DIM(void) { return A_DIM; }
static inline attr_t dubao_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t dubao_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t dubao_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t dubao_A_COLOR(void) { return A_COLOR; }
static inline mmask_t dubao_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t dubao_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t dubao_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
static inline mmask_t dubao_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }
static inline int dubao_KEY_F(int n) { return KEY_F(n); }

// C globals that Swift 6 refuses to read (they are mutable shared state), behind functions.
// Only meaningful while a screen is set up.
static inline int dubao_COLORS(void) { return COLORS; }
static inline int dubao_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline WINDOW *dubao_stdscr(void) { return stdscr; }
static inline WINDOW *dubao_curscr(void) { return curscr; }

/// `newterm(term, stdout, stdin)`: the screen on our own standard output and input, or NULL
/// when the terminal type is unknown (unlike `initscr`, which exits the process).
static inline SCREEN *dubao_newterm(const char *term) { return newterm(term, stdout, stdin); }

#endif
