// Wakes a thread asleep in poll(2) when the terminal is resized (DECISIONS.md, 2026-11-29, session 6).
//
// ncurses installs its own SIGWINCH handler in newterm; it only sets a flag that the next wget_wch
// turns into KEY_RESIZE. The handler installed here calls that handler first, then writes one byte to
// a descriptor (a self-pipe the UI thread polls), so the resize is drawn at once instead of at the
// UI thread's next timed wake-up. Written in C because a signal handler may only do async-signal-safe
// work on static state.
#ifndef CRESIZEWAKE_H
#define CRESIZEWAKE_H

/// Installs the chained handler, writing to `descriptor` (non-blocking) on each SIGWINCH; 0 on success.
int dcs_wake_on_resize(int descriptor);
/// Puts back the handler that was there before `dcs_wake_on_resize`; safe to call when not installed.
void dcs_stop_waking_on_resize(void);

#endif
