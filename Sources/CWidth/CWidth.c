#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include "CWidth.h"

int cwidth_scalar(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

int cwidth_setup_locale(void) {
    const char *loc = setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (loc == NULL || cs == NULL || strcmp(cs, "UTF-8") != 0) {
        if (setlocale(LC_ALL, "C.UTF-8") == NULL) setlocale(LC_ALL, "C.utf8");
        setlocale(LC_NUMERIC, "C");
        cs = nl_langinfo(CODESET);
        return cs != NULL && strcmp(cs, "UTF-8") == 0;
    }
    setlocale(LC_NUMERIC, "C");
    return 1;
}
