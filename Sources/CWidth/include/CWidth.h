#ifndef CWIDTH_H
#define CWIDTH_H
/// Column width of one Unicode scalar as the C library (and so ncurses) sees it; -1 for non-printable.
/// Cached per scalar; the first call sets up a UTF-8 locale when none is active (wcwidth needs one).
int cwidth_scalar(unsigned int scalar);
/// Sets LC_ALL from the environment and falls back to C.UTF-8 when that is not a UTF-8 locale
/// (LC_NUMERIC stays "C"). Returns 1 when UTF-8 is active. Clears the width cache.
int cwidth_setup_locale(void);
#endif
