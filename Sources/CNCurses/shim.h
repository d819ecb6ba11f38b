// SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here.
#ifndef TOKENMAN_CNCURSES_SHIM_H
#define TOKENMAN_CNCURSES_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

// Macros do not import into Swift: expose the ones we use as functions.
static inline attr_t tm_a_bold(void) { return A_BOLD; }
static inline attr_t tm_a_reverse(void) { return A_REVERSE; }
static inline attr_t tm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tm_a_dim(void) { return A_DIM; }
static inline attr_t tm_a_normal(void) { return A_NORMAL; }
static inline attr_t tm_color_pair(int n) { return COLOR_PAIR(n); }
static inline int tm_key_resize(void) { return KEY_RESIZE; }
static inline int tm_key_code_yes(void) { return KEY_CODE_YES; }
static inline int tm_err(void) { return ERR; }
#endif
