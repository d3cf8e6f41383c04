#ifndef CSIGNALPIPE_H
#define CSIGNALPIPE_H
/// Installs, at once and synchronously, a handler for `sig` that writes `byte` to `fd` (a pipe's write end):
/// the only async-signal-safe work there is. Unlike a dispatch signal source (registered later, on another
/// thread, after the signal was set to SIG_IGN), no signal that arrives after this call returns is lost.
/// Returns 0, or -1 with errno set.
int sb_signal_to_pipe(int sig, int fd, unsigned char byte);
/// Puts the default action back for `sig` (the pipe is no longer written).
int sb_signal_default(int sig);
#endif
