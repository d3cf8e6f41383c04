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
    mutating func bind(_ v: Int?) { if let v { bind(v) } else { bindNull() } }
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

/// Reads the rows of a prepared (cached) query straight from SQLite: GRDB's `Row` copies or adapts each row and boxes
/// every value it hands out (the catch-up reads an author's `person` row per new mention). Columns count from 0.
struct RowReader {
    private let stmt: OpaquePointer
    private let db: Database

    /// The statement reset, its bindings cleared, `id` bound as its one parameter.
    init(_ statement: Statement, in db: Database, id: Int64) {
        (stmt, self.db) = (statement.sqliteStatement, db)
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        sqlite3_bind_int64(stmt, 1, id)
    }

    /// Steps to the next row: false when there is none (the statement is then reset); throws what SQLite says.
    func next() throws -> Bool {
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        let message = rc == SQLITE_DONE ? "" : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(stmt)
        guard rc == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message) }
        return false
    }

    /// Done with the statement: reset, so it holds no read transaction open.
    func reset() { sqlite3_reset(stmt) }

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(stmt, i) == SQLITE_NULL }
    func isBlob(_ i: Int32) -> Bool { sqlite3_column_type(stmt, i) == SQLITE_BLOB }
    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(stmt, i) }
    func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(stmt, i)) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(stmt, i) }
    func intOrNil(_ i: Int32) -> Int? { isNull(i) ? nil : int(i) }

    /// The column's text as UTF-8 (invalid bytes repaired, as GRDB reads them).
    func string(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i))), as: UTF8.self)
    }

    func stringOrNil(_ i: Int32) -> String? { isNull(i) ? nil : string(i) }

    /// Whether the column's text is `s`, byte for byte (nothing is copied out).
    func text(_ i: Int32, equals s: String) -> Bool {
        let p = sqlite3_column_text(stmt, i)
        let n = Int(sqlite3_column_bytes(stmt, i))
        var s = s
        return s.withUTF8 { u in
            guard u.count == n else { return false }
            guard n > 0, let p, let b = u.baseAddress else { return n == 0 }
            return memcmp(p, b, n) == 0
        }
    }
}
