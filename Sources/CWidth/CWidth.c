#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <pthread.h>
#include "CWidth.h"

/* Widths of the scalars below CWIDTH_TABLE_LIMIT (planes 0-2: every script, CJK and emoji), filled on
   first use from wcwidth so that they agree with ncurses. 127 = not looked up yet. Relaxed atomics:
   two threads filling one slot write the same value. */
#define CWIDTH_TABLE_LIMIT 0x30000u
#define CWIDTH_UNKNOWN 127
static signed char width_table[CWIDTH_TABLE_LIMIT];
static pthread_once_t width_once = PTHREAD_ONCE_INIT;
static int utf8_active = 0;

static void reset_table(void) { memset(width_table, CWIDTH_UNKNOWN, sizeof width_table); }

static int setup_locale_impl(void) {
    const char *loc = setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    int ok;
    if (loc == NULL || cs == NULL || strcmp(cs, "UTF-8") != 0) {
        if (setlocale(LC_ALL, "C.UTF-8") == NULL) setlocale(LC_ALL, "C.utf8");
        cs = nl_langinfo(CODESET);
        ok = cs != NULL && strcmp(cs, "UTF-8") == 0;
    } else {
        ok = 1;
    }
    setlocale(LC_NUMERIC, "C");
    reset_table();
    return ok;
}

static void first_use(void) {
    /* Nobody set a UTF-8 locale before the first width query: do it now (wcwidth needs one). */
    const char *cs = nl_langinfo(CODESET);
    if (cs != NULL && strcmp(cs, "UTF-8") == 0) { reset_table(); utf8_active = 1; }
    else utf8_active = setup_locale_impl();
}

int cwidth_scalar(unsigned int scalar) {
    pthread_once(&width_once, first_use);
    if (scalar < CWIDTH_TABLE_LIMIT) {
        signed char w = __atomic_load_n(&width_table[scalar], __ATOMIC_RELAXED);
        if (w != CWIDTH_UNKNOWN) return w;
        int v = wcwidth((wchar_t)scalar);
        __atomic_store_n(&width_table[scalar], (signed char)v, __ATOMIC_RELAXED);
        return v;
    }
    return wcwidth((wchar_t)scalar);
}

int cwidth_setup_locale(void) {
    pthread_once(&width_once, first_use);
    utf8_active = setup_locale_impl();
    return utf8_active;
}
