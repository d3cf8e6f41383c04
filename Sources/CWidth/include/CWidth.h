#ifndef CWIDTH_H
#define CWIDTH_H
/// Column width of one Unicode scalar as the C library (and so ncurses) sees it; -1 for non-printable.
int cwidth_scalar(unsigned int scalar);
/// Sets LC_CTYPE from the environment and falls back to C.UTF-8 when that is not a UTF-8 locale. Returns 1 when UTF-8 is active.
int cwidth_setup_locale(void);
#endif
