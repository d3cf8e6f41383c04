#include "CSignalPipe.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t sb_fd[65];
static volatile sig_atomic_t sb_byte[65];

static void sb_signal_handler(int sig) {
    int saved = errno;
    if (sig > 0 && sig < 65) {
        int fd = (int)sb_fd[sig];
        unsigned char c = (unsigned char)sb_byte[sig];
        if (fd >= 0) { ssize_t r = write(fd, &c, 1); (void)r; }
    }
    errno = saved;
}

int sb_signal_to_pipe(int sig, int fd, unsigned char byte) {
    if (sig <= 0 || sig >= 65) { errno = EINVAL; return -1; }
    sb_fd[sig] = fd;
    sb_byte[sig] = byte;
    struct sigaction act;
    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_handler = sb_signal_handler;
    act.sa_flags = SA_RESTART;
    return sigaction(sig, &act, NULL);
}

int sb_signal_default(int sig) {
    if (sig <= 0 || sig >= 65) { errno = EINVAL; return -1; }
    struct sigaction act;
    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_handler = SIG_DFL;
    int r = sigaction(sig, &act, NULL);
    sb_fd[sig] = -1;
    return r;
}
