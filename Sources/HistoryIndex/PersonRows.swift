import Foundation
import GRDB
import SwitchboardCore

/// The `person` rows (`PersonTally`) a block of log lines touches, in memory until the block's end (`LogApplier`):
/// a new mention is counted into its author's row, a re-analysis takes the old analysis out and puts the new one in.
/// Rows are read by id or key when first touched and written back by `flush` (one write per identity and block). A
/// rebuild (`bulk`) keeps them across blocks, up to `bulkRows`, so each identity is written about once (at 1M, a write
/// per identity and block cost a rebuild ~25 CPU-s).
struct PersonRows {
    /// Whether rows stay in memory across blocks (a bulk load), up to `bulkRows` of them.
    var bulk = false
    static let bulkRows = 200_000
    /// Identity key → row id, for the keys seen in this block.
    private var ids: [String: Int64] = [:]
    /// The rows touched in this block.
    private var rows: [Int64: PersonTally] = [:]
    /// Which of them were read from the table (written back with an `UPDATE`; the others are new rows).
    private var stored: Set<Int64> = []
    /// The id a new identity gets next (read at the first new one of the block).
    private var next: Int64?
    /// The first id given to a new identity since the last flush: ids from it on have no row in the table yet.
    private var firstNew: Int64?
    /// Whether the table held no row at the first look-up since the last flush (a first import, a rebuild): then
    /// no key is looked up in it (at 100k, two look-ups per new identity were ~0.5 CPU-s of an `ingest`).
    private var tableEmpty: Bool?

    /// The row id of identity `key`; a new identity gets the next id (its row is written when a mention is counted).
    mutating func id(of key: String, _ db: Database) throws -> Int64 {
        if let id = ids[key] { return id }
        if tableEmpty == nil {
            tableEmpty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM person)") ?? false
        }
        let id: Int64
        if tableEmpty == false,
            let known = try Int64.fetchOne(
                try db.cachedStatement(sql: "SELECT id FROM person WHERE key = ?"), arguments: [key])
        {
            id = known
        } else {
            if next == nil {
                next = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM person") ?? 1
                firstNew = next
            }
            id = next!
            next! += 1
        }
        ids[key] = id
        return id
    }

    /// Whether row `id` was given out since the last flush (so the table has no row of it to read).
    private func isNew(_ id: Int64) -> Bool { firstNew.map { id >= $0 } ?? false }

    /// Counts a mention stored for the first time into row `id` (its author's, from `id(of:)`).
    mutating func add(_ m: Mention, id: Int64, _ db: Database) throws {
        if rows[id] == nil, !isNew(id), let row = try PersonRows.load(id, db) {
            rows[id] = row
            stored.insert(id)
        }
        if rows[id] == nil {
            guard let t = PersonTally(first: m) else { return }
            rows[id] = t
        } else {
            rows[id]!.add(m)
        }
    }

    /// A counted mention of row `id` analysed anew (`old`: the row's sentiment code and score before, 0 for none).
    mutating func reanalyzed(id: Int64, oldCode: Int, oldScore: Double?, to new: Analysis, _ db: Database) throws {
        if rows[id] == nil {
            guard let row = try PersonRows.load(id, db) else { return }
            rows[id] = row
            stored.insert(id)
        }
        let old = PersonRows.sentiment(code: oldCode).map { ($0, oldScore ?? 0) }
        rows[id]!.reanalyzed(from: old, to: new)
    }

    /// The sentiment a `mention.sentiment` code stands for (`QueryMatcher.sentimentCode`; 0: no analysis).
    static func sentiment(code: Int) -> Sentiment? {
        switch code {
        case 1: return .negative
        case 2: return .neutral
        case 3: return .positive
        default: return nil
        }
    }

    /// The end of a block: the rows are written back (in bulk only when there are `bulkRows` of them).
    mutating func endBlock(_ db: Database) throws {
        if !bulk || rows.count >= PersonRows.bulkRows { try flush(db) }
    }

    /// Writes the rows touched back and forgets them.
    mutating func flush(_ db: Database) throws {
        if !rows.isEmpty {
            // A row read from the table is updated in place: its key does not change, so its key-index entry stays
            // (a replace deleted and re-inserted both); a new one is inserted.
            let insert = try db.cachedStatement(sql: PersonRows.writeSQL)
            let update = try db.cachedStatement(sql: PersonRows.updateSQL)
            for (id, t) in rows.sorted(by: { $0.key < $1.key }) {
                if stored.contains(id) {
                    try update.execute(arguments: PersonRows.updateArguments(id, t))
                } else {
                    try insert.execute(arguments: PersonRows.arguments(id, t))
                }
            }
        }
        (ids, rows, stored, next, firstNew, tableEmpty) = ([:], [:], [], nil, nil, nil)
    }

    static let columns = """
        id, key, platform, first_handle, first_name, handle, name, url, followers, first, last, n, positive, neutral,
        negative, scored, score_nanos, news, employee, former, customer
        """

    static let writeSQL = """
        INSERT OR REPLACE INTO person(\(columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Every column but `id` and `key` (an existing row's key stays; `updateSQL` sets these, then `WHERE id = ?`).
    static let updated = [
        "platform", "first_handle", "first_name", "handle", "name", "url", "followers", "first", "last", "n",
        "positive", "neutral", "negative", "scored", "score_nanos", "news", "employee", "former", "customer",
    ]

    static let updateSQL = "UPDATE person SET \(updated.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"

    /// The values of `columns` after `id` and `key`, in order.
    static func values(_ t: PersonTally) -> [DatabaseValueConvertible?] {
        let i = t.identity
        return [
            i.platform, t.firstHandle, t.firstName, i.handle, i.name, i.url, i.followers,
            i.firstSeen.timeIntervalSinceReferenceDate, i.lastSeen.timeIntervalSinceReferenceDate, i.mentionCount,
            i.positive, i.neutral, i.negative, i.scored, t.scoreNanos, i.newsItems, i.employeeReviews,
            i.formerEmployeeReviews, i.customerReviews,
        ]
    }

    static func arguments(_ id: Int64, _ t: PersonTally) -> StatementArguments {
        StatementArguments([id, t.identity.key] + values(t))
    }

    static func updateArguments(_ id: Int64, _ t: PersonTally) -> StatementArguments {
        StatementArguments(values(t) + [id])
    }

    /// Row `id` as a tally, read through a cursor (the row is not copied out of the statement).
    static func load(_ id: Int64, _ db: Database) throws -> PersonTally? {
        let rows = try Row.fetchCursor(
            try db.cachedStatement(sql: "SELECT \(columns) FROM person WHERE id = ?"), arguments: [id])
        let tally = try rows.next().map(tally)
        _ = try rows.next()  // done: the statement is reset, not left pending
        return tally
    }

    /// A `person` row (its columns in `columns`' order) as a tally.
    static func tally(_ row: Row) -> PersonTally {
        PersonTally(
            key: row[1], platform: row[2], handle: row[5], name: row[6], url: row[7], followers: row[8],
            firstSeen: Date(timeIntervalSinceReferenceDate: row[9]),
            lastSeen: Date(timeIntervalSinceReferenceDate: row[10]), firstHandle: row[3], firstName: row[4],
            mentions: row[11], sentiments: (row[12], row[13], row[14]), scored: row[15], scoreNanos: row[16],
            evidence: (row[17], row[18], row[19], row[20]))
    }
}

extension HistoryIndex {
    /// The tallies of the identities `keys` (those with a stored mention), in the order of their first mentions:
    /// `Contacts(tallies:events:team:)` over them and the contact book gives the person's roles as the fold over every
    /// mention does, without reading a record.
    public func personTallies(ofIdentities keys: Set<String>) throws -> [PersonTally] {
        guard !keys.isEmpty else { return [] }
        let values = Array(keys)
        let sql = """
            SELECT \(PersonRows.columns) FROM person
            WHERE key IN (\(Array(repeating: "?", count: values.count).joined(separator: ", "))) ORDER BY id
            """
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)).map(PersonRows.tally)
        }
    }

    /// How many identities have a `person` row.
    public func personCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") ?? 0 }
    }
}
