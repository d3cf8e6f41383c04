import Foundation
import GRDB
import GRDBSQLite

/// Binds one row's values straight to a prepared (cached) statement and runs it: the catch-up writes a row per record,
/// and GRDB's `StatementArguments` costs an existential and a `DatabaseValue` per value (a tenth of a rebuild).
struct RowBinder {
    private let stmt: OpaquePointer
    private let db: Database
    private var column: Int32 = 0
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement, in db: Database) {
        (stmt, self.db) = (statement.sqliteStatement, db)
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
    }

    mutating func bind(_ v: String) {
        column += 1
        var v = v
        _ = v.withUTF8 { p in
            // An empty buffer may have no address, which SQLite would take for NULL.
            if p.isEmpty {
                sqlite3_bind_text(stmt, column, "", 0, RowBinder.transient)
            } else {
                sqlite3_bind_text(
                    stmt, column, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self),
                    Int32(p.count), RowBinder.transient)
            }
        }
    }

    mutating func bind(_ v: String?) { if let v { bind(v) } else { bindNull() } }

    mutating func bind(_ v: Int) {
        column += 1
        sqlite3_bind_int64(stmt, column, Int64(v))
    }

    mutating func bind(_ v: Int64) {
        column += 1
        sqlite3_bind_int64(stmt, column, v)
    }

    mutating func bind(_ v: Double) {
        column += 1
        sqlite3_bind_double(stmt, column, v)
    }

    mutating func bind(_ v: Int64?) { if let v { bind(v) } else { bindNull() } }
    mutating func bind(_ v: Double?) { if let v { bind(v) } else { bindNull() } }

    mutating func bind(_ v: Data) {
        column += 1
        if v.isEmpty {
            sqlite3_bind_zeroblob(stmt, column, 0)
        } else {
            _ = v.withUnsafeBytes {
                sqlite3_bind_blob(stmt, column, $0.baseAddress, Int32($0.count), RowBinder.transient)
            }
        }
    }

    mutating func bindNull() {
        column += 1
        sqlite3_bind_null(stmt, column)
    }

    /// Runs the statement (an insert or update: no rows); throws what SQLite says.
    func run() throws {
        let rc = sqlite3_step(stmt)
        guard rc == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(stmt)
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message)
        }
        sqlite3_reset(stmt)
    }
}
