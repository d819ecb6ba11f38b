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
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
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
static inline int tm_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t tm_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tm_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tm_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tm_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t tm_button1_triple_clicked(void) { return BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t tm_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tm_button5_pressed(void) { return BUTTON5_PRESSED; }

// Globals that Swift 6 rejects as unsafe (or that are macros in reentrant builds).
static inline WINDOW *tm_stdscr(void) { return stdscr; }
static inline int tm_colors(void) { return COLORS; }
static inline int tm_color_pairs(void) { return COLOR_PAIRS; }
static inline int tm_key_f(int n) { return KEY_F(n); }

// The size of the terminal on fd (ioctl is variadic, which Swift cannot call).
// Returns 0 and fills rows/cols, or -1 when fd is not a terminal.
static inline int tm_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

// Crash guard: on a fatal signal, put the terminal back (saved termios, leave the alternate
// screen, show the cursor) with async-signal-safe calls only, then hand the signal to the
// previous handler (the Swift runtime's backtracer, or the default action).
// The state lives in a function-local static (file-scope statics in an imported header are
// not emitted by Swift); only NCursesBackend's CrashGuard.swift calls these, so it exists once.
struct tm_crash_state {
    struct termios termios;
    int fd;
    struct sigaction previous[NSIG];
};

static inline struct tm_crash_state *tm_crash_state(void) {
    static struct tm_crash_state state = { .fd = -1 };
    return &state;
}

static inline const int *tm_crash_signals(unsigned *count) {
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    *count = sizeof signals / sizeof signals[0];
    return signals;
}

static inline void tm_crash_handler(int sig) {
    struct tm_crash_state *state = tm_crash_state();
    if (state->fd >= 0) {
        // Mouse reporting off too (X10/normal, button-event, any-event, SGR), or the shell
        // would get escape sequences for every click.
        static const char reset[] = "\033[0m\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?25h\033[?1049l\r\n";
        tcsetattr(state->fd, TCSANOW, &state->termios);
        ssize_t ignored = write(state->fd, reset, sizeof reset - 1);
        (void)ignored;
    }
    sigaction(sig, &state->previous[sig], NULL);
    raise(sig);
}

// Saves fd's current (sane) modes; call before ncurses changes them.
static inline int tm_crash_guard_install(int fd) {
    struct tm_crash_state *state = tm_crash_state();
    if (tcgetattr(fd, &state->termios) != 0) return -1;
    state->fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tm_crash_handler;
    sigemptyset(&action.sa_mask);
    unsigned count = 0;
    const int *signals = tm_crash_signals(&count);
    for (unsigned i = 0; i < count; i++) {
        sigaction(signals[i], &action, &state->previous[signals[i]]);
    }
    return 0;
}

static inline void tm_crash_guard_remove(void) {
    struct tm_crash_state *state = tm_crash_state();
    if (state->fd < 0) return;
    unsigned count = 0;
    const int *signals = tm_crash_signals(&count);
    for (unsigned i = 0; i < count; i++) {
        sigaction(signals[i], &state->previous[signals[i]], NULL);
    }
    state->fd = -1;
}
#endif
