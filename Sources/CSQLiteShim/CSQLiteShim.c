#include "CSQLiteShim.h"
#include <sqlite3.h>

int csqliteshim_no_checkpoint_on_close(void *db, int on) {
    int now = -1;
    return sqlite3_db_config((sqlite3 *)db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on, &now);
}

int csqliteshim_persist_wal(void *db, int on) {
    int value = on;
    return sqlite3_file_control((sqlite3 *)db, "main", SQLITE_FCNTL_PERSIST_WAL, &value);
}
