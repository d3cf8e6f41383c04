#ifndef CSQLITESHIM_H
#define CSQLITESHIM_H

/// The index's SQLite settings that only a variadic C call reaches (Swift cannot call `sqlite3_db_config`).
/// `db` is the `sqlite3 *` connection handle (GRDB's `Database.sqliteConnection`).

/// Sets SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE on the connection (on = 1: closing the last connection leaves the
/// write-ahead log as it is instead of checkpointing it). Returns SQLite's result code.
int csqliteshim_no_checkpoint_on_close(void *db, int on);

/// Sets SQLITE_FCNTL_PERSIST_WAL on the connection's main database (on = 1: the `-wal` file stays after the last
/// connection closes). Returns SQLite's result code.
int csqliteshim_persist_wal(void *db, int on);

#endif
