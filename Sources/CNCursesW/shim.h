#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* What Swift cannot import from ncurses (macros, globals, varargs), as static inline functions, plus the
   async-signal-safe pieces NCursesTerminal needs (SIGWINCH forwarding, emergency restore on a crash). */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <termios.h>
#include <curses.h>
#include <term.h>

/* Globals Swift 6 refuses to read. */
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline WINDOW *sb_curscr(void) { return curscr; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *sb_stdout(void) { return stdout; }
static inline FILE *sb_stdin(void) { return stdin; }
static inline void sb_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

/* Attributes. */
static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }
static inline attr_t sb_a_italic(void) { return A_ITALIC; }

/* Keys. */
static inline int sb_key_f(int n) { return KEY_F(n); }
static inline int sb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sb_key_resize(void) { return KEY_RESIZE; }
static inline int sb_key_mouse(void) { return KEY_MOUSE; }

/* Mouse. */
static inline mmask_t sb_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int sb_mouse_is_press(mmask_t m) { return (m & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int sb_mouse_is_release(mmask_t m) { return (m & BUTTON1_RELEASED) != 0; }
static inline int sb_mouse_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int sb_mouse_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }

/* Terminal check before newterm: 0 usable, 1 unknown type, 2 cannot address the cursor (no cup, a
   hardcopy or generic terminal such as "dumb"), 3 no terminfo database. */
static inline int sb_check_terminal(const char *term, int fd) {
    int err = 0;
    if (setupterm((char *)term, fd, &err) != OK) {
        if (err == 1) return 2;
        if (err == -1) return 3;
        return strcmp(term, "dumb") == 0 ? 2 : 1;
    }
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    del_curterm(cur_term);
    return usable ? 0 : 2;
}

/* A terminfo string capability, or NULL. */
static inline const char *sb_tigetstr(const char *cap) {
    const char *s = tigetstr(cap);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

/* State for the signal handlers lives in function-local statics: Swift emits static inline functions
   with their bodies, but not a header's static variables. */
static inline struct sigaction *sb_previous_winch(void) { static struct sigaction a; return &a; }
static inline volatile int *sb_winch_fd(void) { static volatile int fd = -1; return &fd; }
static inline char *sb_crash_reset(void) { static char reset[512]; return reset; }
static inline volatile int *sb_crash_fd(void) { static volatile int fd = -1; return &fd; }
static inline struct termios *sb_crash_termios(void) { static struct termios t; return &t; }
static inline volatile int *sb_crash_have_termios(void) { static volatile int have = 0; return &have; }
/* The handlers that were there before ours (e.g. the Swift runtime's backtracer), indexed by signal. */
static inline struct sigaction *sb_crash_previous(int sig) { static struct sigaction a[65]; return &a[sig & 63]; }

/* SIGWINCH: ncurses keeps its handler (it queues KEY_RESIZE); ours also writes a byte to the wake-up
   pipe so that poll() returns. (A DispatchSource would replace ncurses's handler and break KEY_RESIZE.) */
static inline void sb_winch_handler(int sig) {
    int saved = errno;
    struct sigaction *prev = sb_previous_winch();
    if (!(prev->sa_flags & SA_SIGINFO) && prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN
        && prev->sa_handler != NULL)
        prev->sa_handler(sig);
    int fd = *sb_winch_fd();
    if (fd >= 0) { char c = 'r'; ssize_t r = write(fd, &c, 1); (void)r; }
    errno = saved;
}
static inline int sb_forward_sigwinch(int fd) {
    struct sigaction act;
    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_handler = sb_winch_handler;
    *sb_winch_fd() = fd;
    return sigaction(SIGWINCH, &act, sb_previous_winch());
}

/* Emergency restore on a crash (the terminal must never be left in raw mode on the alternate screen):
   write a precomputed reset string to the tty, restore the saved termios, then die by the signal. */
static inline void sb_crash_handler(int sig) {
    int fd = *sb_crash_fd();
    if (fd >= 0) {
        const char *reset = sb_crash_reset();
        ssize_t r = write(fd, reset, strlen(reset)); (void)r;
        if (*sb_crash_have_termios()) tcsetattr(fd, TCSANOW, sb_crash_termios());
    }
    /* Hand the signal to whoever handled it before us (or the default action) and let it happen again. */
    sigaction(sig, sb_crash_previous(sig), NULL);
    raise(sig);
    /* Still here (the previous handler returned, e.g. for a signal sent with kill): die by the signal. */
    signal(sig, SIG_DFL);
    raise(sig);
}
/* Before newterm: remember the terminal modes to go back to. */
static inline void sb_save_termios(int fd) {
    if (tcgetattr(fd, sb_crash_termios()) == 0) *sb_crash_have_termios() = 1;
}
static inline void sb_install_crash_restore(int fd, const char *reset) {
    char *buf = sb_crash_reset();
    strncpy(buf, reset, 511);
    buf[511] = 0;
    *sb_crash_fd() = fd;
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction act;
        memset(&act, 0, sizeof act);
        sigemptyset(&act.sa_mask);
        act.sa_handler = sb_crash_handler;
        act.sa_flags = SA_RESETHAND | SA_NODEFER;
        sigaction(sigs[i], &act, sb_crash_previous(sigs[i]));
    }
}
static inline void sb_disarm_crash_restore(void) { *sb_crash_fd() = -1; }
#endif
