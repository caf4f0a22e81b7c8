// Shim over the wide-character ncurses (ncursesw) for Swift.
// Swift 6 cannot use the curses globals (stdscr, LINES, COLS, ESCDELAY) nor the A_* / COLOR_PAIR
// macros directly, so they are exposed here as small inline functions.
#ifndef DCSWATCH_CNCURSESW_SHIM_H
#define DCSWATCH_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *dcs_stdscr(void) { return stdscr; }
static inline int dcs_lines(void) { return LINES; }
static inline int dcs_cols(void) { return COLS; }
static inline void dcs_set_escdelay(int ms) { set_escdelay(ms); }
static inline int dcs_colors(void) { return COLORS; }
static inline int dcs_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t dcs_a_normal(void) { return A_NORMAL; }
static inline attr_t dcs_a_bold(void) { return A_BOLD; }
static inline attr_t dcs_a_dim(void) { return A_DIM; }
static inline attr_t dcs_a_reverse(void) { return A_REVERSE; }
static inline attr_t dcs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dcs_a_standout(void) { return A_STANDOUT; }
static inline attr_t dcs_color_pair(int n) { return COLOR_PAIR(n); }

static inline int dcs_key_resize(void) { return KEY_RESIZE; }
static inline int dcs_key_up(void) { return KEY_UP; }
static inline int dcs_key_down(void) { return KEY_DOWN; }
static inline int dcs_key_left(void) { return KEY_LEFT; }
static inline int dcs_key_right(void) { return KEY_RIGHT; }
static inline int dcs_key_ppage(void) { return KEY_PPAGE; }
static inline int dcs_key_npage(void) { return KEY_NPAGE; }
static inline int dcs_key_home(void) { return KEY_HOME; }
static inline int dcs_key_end(void) { return KEY_END; }
static inline int dcs_key_enter(void) { return KEY_ENTER; }
static inline int dcs_key_backspace(void) { return KEY_BACKSPACE; }
static inline int dcs_key_dc(void) { return KEY_DC; }
static inline int dcs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int dcs_err(void) { return ERR; }

/// Sets one cell from a UTF-8-free wide string (up to CCHARW_MAX code points: base + combining).
static inline int dcs_mvadd_wch_str(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

#endif
