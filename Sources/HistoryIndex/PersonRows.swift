import Foundation
import GRDB
import SwitchboardCore

/// The `person` rows (`PersonTally`) a block of log lines touches, in memory until the block's end (`LogApplier`):
/// a new mention is counted into its author's row, a re-analysis takes the old analysis out and puts the new one in.
/// Rows are read when first touched and written back by `flush` (one write per identity and block). A rebuild (`bulk`)
/// keeps them across blocks, up to `bulkRows`, so each identity is written about once (at 1M, a write per identity and
/// block cost a rebuild ~25 CPU-s).
///
/// A row's id is a 47-bit hash of its identity key (`home`), the next free id after it when that is taken by another
/// key (rows are never deleted one by one, so the probe from the hash finds a key's row or the free id it would get):
/// an identity is found by one look-up in the table itself, with no index of the keys to read and write (schema 10;
/// a tenth of a catch-up's pages were that index's). `seq` keeps the order of the identities' first mentions, which
/// the ids no longer do (meta `person_seq`: the last one given).
struct PersonRows {
    /// Whether rows stay in memory across blocks (a bulk load), up to `bulkRows` of them.
    var bulk = false
    static let bulkRows = 200_000

    /// An identity touched since the last flush: its row id, its tally (nil until a mention is counted, or when it
    /// has no row yet), whether the table has its row (written back with an `UPDATE`) and whether it changed.
    private struct Entry {
        var id: Int64
        var tally: PersonTally?
        var stored: Bool
        var changed = false
    }
    private var entries: [Entry] = []
    /// Identity key → entry, and row id → entry.
    private var byKey: [String: Int] = [:]
    private var byID: [Int64: Int] = [:]
    /// Whether the table held no row at the first look-up since the last flush (a first import, a rebuild): then
    /// it is not read (at 100k, two look-ups per new identity were ~0.5 CPU-s of an `ingest`).
    private var tableEmpty: Bool?

    static let idMask: Int64 = (1 << 47) - 1

    /// Where identity `key`'s probe starts: FNV-1a over its UTF-8, mixed (SplitMix64's finalizer), 47 bits (a row id
    /// of six bytes in the record). The same in every process and version: rows written by one are found by another.
    static func home(_ key: String) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
        h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
        h ^= h >> 31
        return Int64(bitPattern: h) & idMask
    }

    /// The row id of identity `key`; a new identity gets the free id its probe ends at (its row is written when a
    /// mention is counted). A row found is read at once (the look-up is the read).
    mutating func id(of key: String, _ db: Database) throws -> Int64 {
        if let e = byKey[key] { return entries[e].id }
        if tableEmpty == nil {
            tableEmpty = try Bool.fetchOne(try db.cachedStatement(sql: "SELECT NOT EXISTS (SELECT 1 FROM person)")) ?? false
        }
        let found = try PersonRows.find(key, db, table: tableEmpty == false) { byID[$0] != nil }
        entries.append(Entry(id: found.id, tally: found.tally, stored: found.tally != nil))
        byKey[key] = entries.count - 1
        byID[found.id] = entries.count - 1
        return found.id
    }

    /// Counts a mention stored for the first time into row `id` (its author's, from `id(of:)`).
    mutating func add(_ m: Mention, id: Int64, _ db: Database) throws {
        guard let e = byID[id] else { return }
        if entries[e].tally == nil {
            guard let t = PersonTally(first: m) else { return }
            entries[e].tally = t
        } else {
            entries[e].tally!.add(m)
        }
        entries[e].changed = true
    }

    /// A counted mention of row `id` analysed anew (`old`: the row's sentiment code and score before, 0 for none).
    mutating func reanalyzed(id: Int64, oldCode: Int, oldScore: Double?, to new: Analysis, _ db: Database) throws {
        var e = byID[id]
        if e == nil {
            guard let row = try PersonRows.load(id, db) else { return }
            entries.append(Entry(id: id, tally: row, stored: true))
            e = entries.count - 1
            byKey[row.identity.key] = e
            byID[id] = e
        }
        guard let e, entries[e].tally != nil else { return }
        let old = PersonRows.sentiment(code: oldCode).map { ($0, oldScore ?? 0) }
        entries[e].tally!.reanalyzed(from: old, to: new)
        entries[e].changed = true
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
        if !bulk || entries.count >= PersonRows.bulkRows { try flush(db) }
    }

    /// Writes the rows touched back and forgets them.
    mutating func flush(_ db: Database) throws {
        let changed = entries.indices.filter { entries[$0].changed }
        if !changed.isEmpty {
            // New rows are numbered in the order their identities were first met (`entries`' order) ...
            var seq: Int64?
            var seqs: [Int: Int64] = [:]
            for e in changed where !entries[e].stored {
                if seq == nil {
                    seq =
                        try Int64.fetchOne(
                            try db.cachedStatement(sql: "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'person_seq'")) ?? 0
                }
                seq! += 1
                seqs[e] = seq!
            }
            // ... and written in that order too, which is random in the ids: rows inserted in the table's order
            // would fill every leaf to the last byte (SQLite's append), and each new identity of a later catch-up
            // would then split one (as a sorted index build leaves its leaves, docs/performance.md, "Session 13").
            // A row read from the table is updated in place; a new one is inserted.
            let insert = try db.cachedStatement(sql: PersonRows.insertSQL)
            let update = try db.cachedStatement(sql: PersonRows.updateSQL)
            for e in changed {
                let entry = entries[e]
                if entry.stored {
                    var b = RowBinder(update, in: db)
                    PersonRows.bindValues(entry.tally!, &b)
                    b.bind(entry.id)
                    try b.run()
                } else {
                    var b = RowBinder(insert, in: db)
                    b.bind(entry.id)
                    b.bind(seqs[e]!)
                    b.bind(entry.tally!.identity.key)
                    PersonRows.bindValues(entry.tally!, &b)
                    try b.run()
                }
            }
            if let seq {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('person_seq', ?)", arguments: ["\(seq)"])
            }
        }
        entries.removeAll(keepingCapacity: true)
        byKey.removeAll(keepingCapacity: true)
        byID.removeAll(keepingCapacity: true)
        tableEmpty = nil
    }

    /// The columns after `id`, `seq` and `key`, in the order `bindValues` binds them and `tally` reads them.
    static let valueColumns = [
        "platform", "first_handle", "first_name", "handle", "name", "url", "followers", "first", "last", "n",
        "positive", "neutral", "negative", "scored", "score_nanos", "news", "employee", "former", "customer",
    ]

    static let columns = "id, seq, key, " + valueColumns.joined(separator: ", ")

    static let insertSQL =
        "INSERT INTO person(\(columns)) VALUES (?, ?, ?\(String(repeating: ", ?", count: valueColumns.count)))"

    static let updateSQL = "UPDATE person SET \(valueColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"

    static let selectSQL = "SELECT \(columns) FROM person WHERE id = ?"

    /// Binds the values of `valueColumns`, in order.
    static func bindValues(_ t: PersonTally, _ b: inout RowBinder) {
        let i = t.identity
        b.bind(i.platform)
        // The first handle and name only when they are not the current ones (the schema's `person`).
        b.bind(t.firstHandle == i.handle ? nil : t.firstHandle)
        if t.firstName == i.name {
            b.bindNull()
        } else if let first = t.firstName {
            b.bind(first)
        } else {
            b.bind(Data())
        }
        b.bind(i.handle)
        b.bind(i.name)
        b.bind(i.url)
        b.bind(i.followers)
        b.bind(i.firstSeen.timeIntervalSinceReferenceDate)
        b.bind(i.lastSeen.timeIntervalSinceReferenceDate)
        b.bind(i.mentionCount)
        b.bind(i.positive)
        b.bind(i.neutral)
        b.bind(i.negative)
        b.bind(i.scored)
        b.bind(t.scoreNanos)
        b.bind(i.newsItems)
        b.bind(i.employeeReviews)
        b.bind(i.formerEmployeeReviews)
        b.bind(i.customerReviews)
    }

    /// Identity `key`'s row (its id and tally), or the free id it would get (and no tally): the probe from `home(key)`
    /// past rows of other keys and past the ids `taken` (given out since the last flush, not written yet). `table`
    /// false: the table is empty, only `taken` is asked.
    static func find(_ key: String, _ db: Database, table: Bool, taken: (Int64) -> Bool = { _ in false }) throws -> (
        id: Int64, tally: PersonTally?, seq: Int64
    ) {
        var id = home(key)
        let select = table ? try db.cachedStatement(sql: selectSQL) : nil
        while true {
            if taken(id) {
                id = (id + 1) & idMask
                continue
            }
            guard let select else { return (id, nil, 0) }
            let r = RowReader(select, in: db, id: id)
            guard try r.next() else { return (id, nil, 0) }
            defer { r.reset() }
            if r.text(2, equals: key) { return (id, tally(r), r.int64(1)) }
            id = (id + 1) & idMask
        }
    }

    /// Row `id` as a tally.
    static func load(_ id: Int64, _ db: Database) throws -> PersonTally? {
        let r = RowReader(try db.cachedStatement(sql: selectSQL), in: db, id: id)
        guard try r.next() else { return nil }
        defer { r.reset() }
        return tally(r)
    }

    /// The tally of a `person` row at the reader (its columns in `columns`' order).
    static func tally(_ r: RowReader) -> PersonTally {
        let handle = r.string(6), name = r.stringOrNil(7)
        let firstName = r.isNull(5) ? name : r.isBlob(5) ? nil : r.string(5)
        return PersonTally(
            key: r.string(2), platform: r.string(3), handle: handle, name: name,
            url: r.stringOrNil(8), followers: r.intOrNil(9),
            firstSeen: Date(timeIntervalSinceReferenceDate: r.double(10)),
            lastSeen: Date(timeIntervalSinceReferenceDate: r.double(11)), firstHandle: r.stringOrNil(4) ?? handle,
            firstName: firstName, mentions: r.int(12), sentiments: (r.int(13), r.int(14), r.int(15)),
            scored: r.int(16), scoreNanos: r.int64(17), evidence: (r.int(18), r.int(19), r.int(20), r.int(21)))
    }
}

/// The person tail: a catch-up does not count its new mentions into `person` (a random page read and written back
/// for each author, ~40 % of a catch-up's pages and CPU at 100k). The present rows after `fts_upto` with no `person`
/// yet are counted when the full-text tail goes in (`flushFullText`, on the maintenance thread), in row id order —
/// the order a catch-up counts them in — from their records, with the analysis the row holds now. Until then a
/// reader adds them to the stored tallies (`personTallies`). A bulk load counts as it goes (`PersonRows.bulk`).
extension HistoryIndex {
    /// The tail's rows not counted yet (the caller binds the row id after which): present, with an author, no
    /// `person` yet.
    static let personTailWhere = "rowid > ? AND present = 1 AND person IS NULL AND handle != x''"

    /// What a record is read by (`RecordPlace`).
    static let recordColumns = "rowid, key, \(fileName), off, len, analysis, state"

    /// Counts the present rows after `upTo` that have no `person` yet into their authors' rows and records the row
    /// on each mention (inside the caller's transaction); returns how many were counted.
    @discardableResult
    static func foldPersonTail(_ db: Database, _ dir: DataDirectory, after upTo: Int64) throws -> Int {
        let reader = LogReader(dir: dir, readAhead: 1 << 20)
        var persons = PersonRows()
        var counted: [(rowid: Int64, person: Int64)] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(recordColumns) FROM mention WHERE \(personTailWhere) ORDER BY rowid", arguments: [upTo])
        while let row = try rows.next() {
            let place = RecordPlace(row)
            let m: Mention
            do { m = try ReportLoader.record(place, reader) } catch {
                // A record that is not there any more (its log edited in place where the catch-up's samples did not
                // look): a warning, and the mention left uncounted, so the full-text tail still goes in; `reindex`
                // counts it again from the logs as they are.
                try db.cachedStatement(sql: "INSERT INTO warning(file, line, message) VALUES (?, 0, ?)").execute(
                    arguments: [place.file, "byte \(place.off): \(error)"])
                continue
            }
            guard let a = m.author, !a.handle.isEmpty, let key = ContactIdentity.key(of: m) else { continue }
            let id = try persons.id(of: key, db)
            try persons.add(m, id: id, db)
            counted.append((row[0], id))
        }
        try persons.flush(db)
        let set = try db.cachedStatement(sql: "UPDATE mention SET person = ? WHERE rowid = ?")
        for c in counted { try set.execute(arguments: [c.person, c.rowid]) }
        return counted.count
    }

    /// The tallies of the identities `keys` (those with a stored mention), in the order of their first mentions:
    /// `Contacts(tallies:events:team:)` over them and the contact book gives the person's roles as the fold over every
    /// mention does, without reading a record (but those of the person tail that are theirs).
    public func personTallies(ofIdentities keys: Set<String>) throws -> [PersonTally] {
        guard !keys.isEmpty else { return [] }
        let handles = HistoryIndex.foldedHandles(ofIdentities: keys)
        let dir = self.dir
        return try pool.read { db in
            var found: [String: (seq: Int64, tally: PersonTally)] = [:]
            for key in keys {
                let row = try PersonRows.find(key, db, table: true)
                if let tally = row.tally { found[key] = (row.seq, tally) }
            }
            // The tail's mentions of theirs, counted as the tail will be (an identity first met there comes after
            // the stored ones, in the order of the first mentions).
            let rowids = try personTail(db).rows(of: handles)
            guard !rowids.isEmpty else { return found.values.sorted { $0.seq < $1.seq }.map(\.tally) }
            let one = try db.cachedStatement(
                sql: "SELECT \(HistoryIndex.recordColumns) FROM mention WHERE rowid = ?")
            let reader = LogReader(dir: dir)
            var next = Int64.max / 2
            for rowid in rowids {
                // A record that cannot be read (its log rewritten since; the next catch-up rebuilds) is left out:
                // the marks of the page stay, short of that mention.
                guard let row = try Row.fetchOne(one, arguments: [rowid]),
                    let m = try? ReportLoader.record(RecordPlace(row), reader)
                else { continue }
                guard let key = ContactIdentity.key(of: m), keys.contains(key) else { continue }
                if found[key] != nil {
                    found[key]!.tally.add(m)
                } else if let t = PersonTally(first: m) {
                    found[key] = (next, t)
                    next += 1
                }
            }
            return found.values.sorted { $0.seq < $1.seq }.map(\.tally)
        }
    }

    /// The person tail's rows by folded handle, read once per state of the index (`PersonTailMap`): a workbench asks
    /// for the roles of every author on its page, and the `role:` filter for every author it meets.
    func personTail(_ db: Database) throws -> PersonTailMap {
        let state = try PersonTailMap.state(db)
        if let known = personTailLock.withLock({ personTailCache }), known.state == state { return known }
        let map = try PersonTailMap(db, state: state)
        personTailLock.withLock { personTailCache = map }
        return map
    }

    /// The folded handles (`mention.handle`) identities are written with: the part after the network, and for a
    /// feed's author (`site/name`) the name too; `besides`: handles as written (the mention on screen's).
    static func foldedHandles(ofIdentities keys: Set<String>, besides handles: [String] = []) -> Set<Data> {
        var folded = Set<Data>()
        func add(_ handle: Substring) {
            var h = QueryText.fold(String(handle))
            while h.first == 64 { h.removeFirst() }
            if !h.isEmpty { folded.insert(Data(h)) }
        }
        for h in handles { add(Substring(h)) }
        for key in keys {
            guard let colon = key.firstIndex(of: ":") else { continue }
            let rest = key[key.index(after: colon)...]
            add(rest)
            // A feed's author is `site/name`.
            if let slash = rest.firstIndex(of: "/") { add(rest[rest.index(after: slash)...]) }
        }
        return folded
    }

    /// How many identities have a `person` row.
    public func personCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") ?? 0 }
    }
}

/// The person tail's present rows not counted yet, by folded handle. `state` — where the tail starts, the last row
/// id and how many rows are present — changes with every catch-up that adds or completes a row and every flush.
struct PersonTailMap: Sendable {
    typealias State = [Int64]
    let state: State
    private var byHandle: [Data: [Int64]] = [:]

    static func state(_ db: Database) throws -> State {
        let row = try Row.fetchOne(
            try db.cachedStatement(
                sql: "SELECT " + HistoryIndex.fullTextUpToSQL
                    + ", (SELECT coalesce(max(rowid), 0) FROM mention), (SELECT coalesce(sum(n), 0) FROM mention_count)"))
        return [row?[0] ?? Int64.max, row?[1] ?? 0, row?[2] ?? 0]
    }

    init(_ db: Database, state: State) throws {
        self.state = state
        guard state[0] != Int64.max, state[0] < state[1] else { return }
        let rows = try Row.fetchCursor(
            db, sql: "SELECT handle, rowid FROM mention WHERE " + HistoryIndex.personTailWhere, arguments: [state[0]])
        while let row = try rows.next() { byHandle[row[0] as Data, default: []].append(row[1]) }
    }

    /// The rows of `handles`, in row id order.
    func rows(of handles: Set<Data>) -> [Int64] {
        guard !byHandle.isEmpty else { return [] }
        return handles.flatMap { byHandle[$0] ?? [] }.sorted()
    }
}
