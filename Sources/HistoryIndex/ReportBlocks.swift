import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

/// The people of a report in O(accounts), not O(hours × accounts): each account's tally summed over aligned blocks of
/// hours (`report_block`: a UTC day and 8 days, `sizes`), made from the hours' sums (`report_sum`) beside them, so a
/// 30-day report adds a few blocks and the hours at its edges instead of 720 hours' tallies. And the people numbered
/// when their accounts are first written (`report_person`, `report_account`: `ReportAuthor.byAccount`'s id as a
/// number), so a report sums and ranks them as numbers and makes the names of the shown ones only.
///
/// A block is true while it exists: writing an hour deletes the blocks it lies in (`writeReportHours`), forgetting
/// the hours deletes them all; the next refresh makes the missing blocks of its hours again (`makeBlocks`), after
/// the hours, under the same lock.
enum ReportBlocks {
    /// Block sizes in hours, largest first (aligned to hour 0).
    static let sizes: [Int64] = [192, 24]

    static let tables = [
        // Entries as the hours' sums keep their accounts (`PeopleSums.encode`): the not private ones, the private.
        """
        CREATE TABLE IF NOT EXISTS report_block (
            hour INTEGER NOT NULL, hours INTEGER NOT NULL, people BLOB NOT NULL, PRIMARY KEY (hour, hours)
        ) WITHOUT ROWID
        """,
        // A person: `ReportAuthor.id(platform:handle:)` as UTF-8, and its number. Only ever looked up by the key, so
        // the key is the table (schema 12: a table by number with a unique index of the keys beside it kept every key
        // twice, 2 MB at 100k); the numbers are given out in order, the next one in meta `report_people`.
        "CREATE TABLE IF NOT EXISTS report_person (key BLOB PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID",
        // An account of `report_name` (kind 1) and its person.
        "CREATE TABLE IF NOT EXISTS report_account (id INTEGER PRIMARY KEY, person INTEGER NOT NULL)",
    ]

    static let tableNames = ["report_block", "report_person", "report_account"]

    static func create(_ db: Database) throws {
        for sql in tables { try db.execute(sql: sql) }
    }

    /// The blocks of `size` hours that lie whole in `hours`.
    static func blocks(size: Int64, in hours: ClosedRange<Int64>) -> StrideThrough<Int64> {
        let first = (hours.lowerBound + size - 1) / size * size
        return stride(from: first, through: hours.upperBound - size + 1, by: Int(size))
    }

    /// How many blocks lie whole in `hours`.
    static func expected(_ hours: ClosedRange<Int64>) -> Int {
        sizes.reduce(0) { $0 + blocks(size: $1, in: hours).underestimatedCount }
    }

    /// True when every block that lies whole in `hours` is there (and so are the people's tables).
    static func complete(_ db: Database, _ hours: ClosedRange<Int64>) throws -> Bool {
        guard try db.tableExists("report_account"), try db.tableExists("report_block") else { return false }
        let have =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM report_block WHERE hour >= ? AND hour + hours - 1 <= ?",
                arguments: [hours.lowerBound, hours.upperBound]) ?? 0
        return have == expected(hours)
    }

    /// Deletes the blocks hour `h` lies in (its sums are written anew).
    static func forget(_ db: Database, hour h: Int64) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM report_block WHERE hour = ? AND hours = ?")
        for size in sizes { try delete.execute(arguments: [h / size * size, size]) }
    }

    /// Makes the missing blocks that lie whole in `hours` from the hours' sums (all of them there and fresh: the
    /// caller made them first, in the same transaction). Holds one block's tallies at a time.
    static func make(_ db: Database, _ hours: ClosedRange<Int64>) throws {
        try create(db)
        let ids = Int(try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM report_name") ?? 0) + 1
        var groups = [PeopleSums(ids: ids), PeopleSums(ids: ids)]
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM report_block WHERE hour = ? AND hours = ?")
        let read = try db.cachedStatement(sql: "SELECT sums FROM report_sum WHERE hour BETWEEN ? AND ?")
        let write = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO report_block(hour, hours, people) VALUES (?, ?, ?)")
        for size in sizes {
            for start in blocks(size: size, in: hours) {
                guard try Int.fetchOne(exists, arguments: [start, size]) == nil else { continue }
                let s = read.sqliteStatement
                sqlite3_reset(s)
                try read.setArguments([start, start + size - 1])
                var n = 0
                while try HistoryIndex.step(s, db) {
                    n += 1
                    let p = UnsafeRawBufferPointer(
                        start: sqlite3_column_blob(s, 0), count: Int(sqlite3_column_bytes(s, 0)))
                    guard let (sums, at) = ReportHourSumsBuilder.decode(p) else {
                        throw SwitchboardError("the report's hour sums are damaged; run: switchboard reindex")
                    }
                    let counts = sums.groups.map(\.count)
                    for k in 0..<2 {
                        guard groups[k].add(p, at: at, groups: counts, take: { $0 == k }) else {
                            throw SwitchboardError("the report's hour sums are damaged; run: switchboard reindex")
                        }
                    }
                }
                sqlite3_reset(s)
                // An hour missing: no block (the hours come first; a report never asks for this one).
                guard n == Int(size) else {
                    var none: [UInt8] = []
                    groups[0].encode(into: &none)
                    groups[1].encode(into: &none)
                    continue
                }
                var out: [UInt8] = []
                groups[0].encode(into: &out)
                groups[1].encode(into: &out)
                try write.execute(arguments: [start, size, Data(out)])
            }
        }
    }

    /// Numbers the people of the accounts that have none yet (the new ones of `writeReportHours`, or every account
    /// of an index made before the people were numbered): by `ReportAuthor.id(platform:handle:)`.
    static func numberPeople(_ db: Database) throws {
        try create(db)
        var networks: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM report_name WHERE kind = 0") {
            networks[row[0]] = String(decoding: row[1] as Data, as: UTF8.self)
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.name FROM report_name n
                WHERE n.kind = 1 AND NOT EXISTS (SELECT 1 FROM report_account a WHERE a.id = n.id)
                """)
        try number(
            db,
            rows.compactMap { row in
                account(row[1], networks).map { (row[0], $0.platform, $0.handle) }
            })
    }

    /// Numbers the people of `accounts` (ids of `report_name`, network as stored, handle as written).
    static func number(_ db: Database, _ accounts: [(id: Int64, platform: String, handle: String)]) throws {
        guard !accounts.isEmpty else { return }
        try create(db)
        let find = try db.cachedStatement(sql: "SELECT id FROM report_person WHERE key = ?")
        let insert = try db.cachedStatement(sql: "INSERT INTO report_person(key, id) VALUES (?, ?)")
        let link = try db.cachedStatement(sql: "INSERT OR REPLACE INTO report_account(id, person) VALUES (?, ?)")
        let last = try Int64.fetchOne(db, sql: "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'report_people'") ?? 0
        var next = last + 1
        for a in accounts {
            let key = Data(ReportAuthor.id(platform: a.platform, handle: a.handle).utf8)
            var person = try Int64.fetchOne(find, arguments: [key])
            if person == nil {
                try insert.execute(arguments: [key, next])
                person = next
                next += 1
            }
            try link.execute(arguments: [a.id, person])
        }
        if next != last + 1 {
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('report_people', ?)", arguments: ["\(next - 1)"])
        }
    }

    /// An account's name (`report_name` kind 1: the handle, then its network's id in 4 bytes).
    static func account(_ name: Data, _ networks: [Int64: String]) -> (platform: String, handle: String)? {
        guard name.count >= 4 else { return nil }
        let bytes = [UInt8](name)
        let net = bytes.suffix(4).withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) }
        return (networks[Int64(net)] ?? "", String(decoding: bytes.prefix(bytes.count - 4), as: UTF8.self))
    }

    /// Each account's person by global id (-1: none), and how many people there are; nil before they are numbered.
    static func persons(_ db: Database, ids: Int) throws -> (of: [Int32], count: Int)? {
        guard try db.tableExists("report_account") else { return nil }
        var of = [Int32](repeating: -1, count: ids)
        var count = 0
        let statement = try db.makeStatement(sql: "SELECT id, person FROM report_account")
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while try HistoryIndex.step(s, db) {
            let id = Int(sqlite3_column_int64(s, 0)), person = Int(sqlite3_column_int64(s, 1))
            guard id >= 0, id < ids, person >= 0, person < Int(Int32.max) else { continue }
            of[id] = Int32(person)
            count = max(count, person + 1)
        }
        return (of, count)
    }
}

extension HistoryIndex {
    /// Makes the report's hours, their sums and the people's blocks over the whole history (its last
    /// `ReportHours.maxHours`) for this team and these options, as the first report would: what `reindex` calls at
    /// the end of a rebuild, so that no report has to (8 days of rows in memory at a time). False when the
    /// index keeps no hours for them (the options read more than the index keeps, a mute list, a read-only index).
    @discardableResult
    public func prepareReports(team: TeamConfig, options: ReportOptions) throws -> Bool {
        guard reportAsColumns, reportFromHours, options.readsIndexedParts, ReportColumns.answers(options, team: team)
        else { return false }
        let terms = VoiceTerms(team: team)
        guard terms.fits else { return false }
        try refreshVoice(terms)
        let (span, vocabulary) = try pool.read { db in
            (
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT min(created), max(created) FROM mention INDEXED BY mention_created WHERE present = 1
                        """),
                try HistoryIndex.vocabulary(db)
            )
        }
        guard let span, let lo = span[0] as Double?, let hi = span[1] as Double? else { return true }
        let last = ReportHours.hour(hi)
        let first = max(ReportHours.hour(lo), last - ReportHours.maxHours + 1, 1)
        guard first <= last else { return true }
        return try makeReportHours(first...last, team: team, vocabulary: vocabulary, band: options.band)
    }
}
