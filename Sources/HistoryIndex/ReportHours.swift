import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

/// The report's rows kept per UTC hour (schema 7): `report_hour` holds, for every hour a report has asked for, the
/// numbers `Report.compute(columns:)` reads of each mention the report counts in it (spam and the brand's own posts
/// left out), packed into one blob in rowid order; `report_name` numbers the networks and the authors' accounts
/// the blobs name. A report reads one blob per hour of its two periods instead of a row (and the table's pages)
/// per mention; the period's edges need nothing special, as each entry keeps its exact time.
///
/// The write path keeps them true without knowing the report: triggers on `mention` and `report_part` mark the
/// hour of every mention that comes, goes or changes in what the report reads of it (status — spam —, first
/// response, sentiment, intents, network, handle — own posts —, creation time, its parts: share-of-voice bits
/// after an edit of the terms) in `report_dirty`; a bulk load (a rebuild, a large `ingest`) drops the triggers and
/// forgets every hour. The next report that needs a marked or missing hour makes it again from the rows, under the
/// write lock, before it reads (`refreshReportHours`): one statement over the hours' range (the same as the
/// columns'), so the catch-up itself stays as quick as before. What else a blob depends on — the team's own
/// accounts and the SLA's bands — is recorded in meta `report_hours`; another team file forgets every hour.
enum ReportHours {
    /// The blobs' layout; part of the signature in meta. 3: the people's blocks (`ReportBlocks`) beside the hours;
    /// a binary of layout 2 that wrote hours would leave them stale, so it forgets every hour first, and this one
    /// again after it.
    static let layout = 3

    static let tables = [
        "CREATE TABLE report_hour (hour INTEGER PRIMARY KEY, rows BLOB NOT NULL)",
        "CREATE TABLE report_dirty (hour INTEGER PRIMARY KEY)",
        sumsTable,
        // Networks (kind 0: the name as stored) and accounts (kind 1: the handle as written, then the network's id
        // as 4 bytes, little-endian).
        """
        CREATE TABLE report_name (
            id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name BLOB NOT NULL, UNIQUE (kind, name))
        """,
    ] + ReportBlocks.tables

    static let tableNames = ["report_hour", "report_dirty", "report_name", "report_sum"] + ReportBlocks.tableNames

    /// Each kept hour's sums (`ReportHourSumsBuilder`), written with its rows. Made where missing: an index of
    /// schema 7 made before the sums has none.
    static let sumsTable = "CREATE TABLE IF NOT EXISTS report_sum (hour INTEGER PRIMARY KEY, sums BLOB NOT NULL)"

    /// Forgets every hour (rows, sums and the people's blocks; the people's numbers stay, as the names do).
    static func forget(_ db: Database) throws {
        try db.execute(sql: sumsTable)
        try ReportBlocks.create(db)
        try db.execute(sql: "DELETE FROM report_hour")
        try db.execute(sql: "DELETE FROM report_sum")
        try db.execute(sql: "DELETE FROM report_dirty")
        try db.execute(sql: "DELETE FROM report_block")
    }

    /// The hour a creation time is kept under (as SQLite's `CAST(created / 3600 AS INTEGER)`: toward zero).
    static let hourSQL = "CAST(%@ / 3600 AS INTEGER)"

    static func hour(_ created: Double) -> Int64 {
        let h = (created / 3600).rounded(.towardZero)
        return h.isFinite ? Int64(max(-1e15, min(1e15, h))) : 0
    }

    private static func mark(_ column: String) -> String {
        "INSERT OR IGNORE INTO report_dirty(hour) VALUES (\(hourSQL.replacingOccurrences(of: "%@", with: column)));"
    }

    /// What the report reads of a row; a change in any of them marks its hour.
    private static let watched = [
        "present", "created", "platform", "handle", "handle_lc", "handle_local", "sentiment", "score", "intents",
        "status", "first_response",
    ]

    static let triggers = [
        """
        CREATE TRIGGER report_hour_insert AFTER INSERT ON mention WHEN new.present = 1 BEGIN
            \(mark("new.created"))
        END
        """,
        """
        CREATE TRIGGER report_hour_delete AFTER DELETE ON mention WHEN old.present = 1 BEGIN
            \(mark("old.created"))
        END
        """,
        """
        CREATE TRIGGER report_hour_update AFTER UPDATE ON mention
        WHEN (old.present = 1 OR new.present = 1)
            AND (\(watched.map { "old.\($0) IS NOT new.\($0)" }.joined(separator: " OR "))) BEGIN
            \(mark("old.created"))
            \(mark("new.created"))
        END
        """,
        """
        CREATE TRIGGER report_hour_part_insert AFTER INSERT ON report_part BEGIN
            INSERT OR IGNORE INTO report_dirty(hour)
            SELECT \(hourSQL.replacingOccurrences(of: "%@", with: "created")) FROM mention WHERE rowid = new.rowid;
        END
        """,
        """
        CREATE TRIGGER report_hour_part_update AFTER UPDATE ON report_part BEGIN
            INSERT OR IGNORE INTO report_dirty(hour)
            SELECT \(hourSQL.replacingOccurrences(of: "%@", with: "created")) FROM mention WHERE rowid = new.rowid;
        END
        """,
    ]

    static func dropTriggers(_ db: Database) throws {
        for name in [
            "report_hour_insert", "report_hour_delete", "report_hour_update", "report_hour_part_insert",
            "report_hour_part_update",
        ] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
        }
    }

    /// After a bulk load (the triggers were off): every hour is made again when a report asks for it.
    static func afterBulk(_ db: Database) throws {
        try forget(db)
        for sql in triggers { try db.execute(sql: sql) }
    }

    /// With the rest of the index (a rebuild).
    static func clear(_ db: Database) throws {
        try dropTriggers(db)
        try db.execute(sql: sumsTable)
        try ReportBlocks.create(db)
        for t in tableNames { try db.execute(sql: "DELETE FROM \(t)") }
        try db.execute(sql: "DELETE FROM meta WHERE k IN ('report_hours', 'report_people')")
    }

    /// What the blobs depend on beyond the rows: which posts are the brand's own (the SQL `is:own` compiles to)
    /// and, when the team sets SLA targets by band, the SLA the band is worked out with.
    static func signature(team: TeamConfig, bands: Bool) -> String {
        var args: [DatabaseValueConvertible?] = []
        let own = QuerySQL.compile(.not(.own), QueryEnvironment(me: "", own: OwnAccounts(team: team)), &args) ?? "?"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let sla = bands ? (try? encoder.encode(team.sla)).map { String(decoding: $0, as: UTF8.self) } ?? "?" : "-"
        let values = args.map { $0.map { "\($0.databaseValue)" } ?? "NULL" }.joined(separator: "\u{1F}")
        return "\(layout)\u{1E}\(own)\u{1E}\(values)\u{1E}\(sla)"
    }

    static func storedSignature(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT v FROM meta WHERE k = 'report_hours'")
    }

    /// The bands a blob can hold (Insight's).
    static let bands = ["high", "normal", "low"]

    /// Most hours a report reads this way (longer periods read the rows: a year and a month, twice).
    static let maxHours: Int64 = 2 * 400 * 24

    // MARK: the entries

    /// Flag bits of an entry.
    static let question: UInt8 = 1 << 2, isPrivate: UInt8 = 1 << 3, answered: UInt8 = 1 << 4,
        hasAccount: UInt8 = 1 << 5, hasFollowers: UInt8 = 1 << 6, exactTime: UInt8 = 1 << 7

    @inline(__always)
    static func put(_ v: UInt64, _ out: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func put(double d: Double, _ out: inout [UInt8]) {
        withUnsafeBytes(of: d.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Reads entries of one blob.
    struct Reader {
        let p: UnsafeRawBufferPointer
        var at = 0

        @inline(__always)
        mutating func varint() -> UInt64 {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while at < p.count {
                let b = p[at]
                at += 1
                v |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return v }
                shift += 7
                if shift > 63 { break }
            }
            return v
        }

        @inline(__always)
        mutating func double() -> Double {
            guard at + 8 <= p.count else {
                at = p.count
                return 0
            }
            let bits = p.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            at += 8
            return Double(bitPattern: UInt64(littleEndian: bits))
        }

        @inline(__always)
        mutating func byte() -> UInt8 {
            guard at < p.count else { return 0 }
            at += 1
            return p[at - 1]
        }
    }
}

extension HistoryIndex {
    /// The hours [from, to) lies in; nil when the rows are read instead (before 1970, or more than `maxHours`).
    static func hourRange(from: Double, to: Double) -> ClosedRange<Int64>? {
        guard from > 3600, to > from else { return nil }
        let h0 = ReportHours.hour(from), h1 = ReportHours.hour(to)
        guard h1 - h0 < ReportHours.maxHours else { return nil }
        return h0...h1
    }

    /// The hours of [h0, h1] that are missing or marked (none: the blobs answer).
    static func staleHours(_ db: Database, _ hours: ClosedRange<Int64>, signature: String) throws -> [Int64]? {
        guard try ReportHours.storedSignature(db) == signature else { return nil }
        var present = Set<Int64>()
        let rows = try Int64.fetchCursor(
            db, sql: "SELECT hour FROM report_hour WHERE hour BETWEEN ? AND ?",
            arguments: [hours.lowerBound, hours.upperBound])
        while let h = try rows.next() { present.insert(h) }
        var stale = Set(hours.filter { !present.contains($0) })
        stale.formUnion(
            try Int64.fetchAll(
                db, sql: "SELECT hour FROM report_dirty WHERE hour BETWEEN ? AND ?",
                arguments: [hours.lowerBound, hours.upperBound]))
        return stale.sorted()
    }

    /// Makes the hours of [from, to) that are missing or marked again from the rows, under the write lock. False
    /// when the rows cannot give them (a row without parts, a band a blob cannot hold).
    func refreshReportHours(
        team: TeamConfig, from: Double, to: Double, vocabulary: Int, band: ((Mention, MentionState) -> String?)?
    ) throws -> Bool {
        guard let hours = HistoryIndex.hourRange(from: from, to: to) else { return false }
        return try makeReportHours(hours, team: team, vocabulary: vocabulary, band: band)
    }

    /// Makes the hours of `hours` that are missing or marked, and the people's blocks that lie whole in them
    /// (`ReportBlocks`), in windows of 8 days, a transaction each: the rows of one window in memory at a time, then
    /// the window's blocks from its hours' sums. What a report calls first, and `reindex` (`prepareReports`) at its
    /// end.
    func makeReportHours(
        _ hours: ClosedRange<Int64>, team: TeamConfig, vocabulary: Int, band: ((Mention, MentionState) -> String?)?
    ) throws -> Bool {
        let signature = ReportHours.signature(team: team, bands: band != nil)
        let fresh = try pool.read { db -> Bool in
            guard let stale = try HistoryIndex.staleHours(db, hours, signature: signature), stale.isEmpty else {
                return false
            }
            return try ReportBlocks.complete(db, hours)
        }
        if fresh { return true }
        return try FileIO.withLock(HistoryIndex.lockFile(dir)) {
            try pool.writeWithoutTransaction { db in
                try HistoryIndex.makeReportHours(
                    db, hours, signature: signature, team: team, vocabulary: vocabulary, band: band, kind: .immediate)
            }
        }
    }

    /// `makeReportHours` on one connection, in transactions of `kind` (the caller holds the write lock). A rebuild
    /// runs it with `.deferred` on a connection whose main database is a file of its own and which reads the rows
    /// from the build file attached (`HistoryIndex+FreshBuild.swift`): `.immediate` would take the build file's
    /// write lock too.
    static func makeReportHours(
        _ db: Database, _ hours: ClosedRange<Int64>, signature: String, team: TeamConfig, vocabulary: Int,
        band: ((Mention, MentionState) -> String?)?, kind: Database.TransactionKind
    ) throws -> Bool {
        let window = ReportBlocks.sizes[0]
        var known: [[UInt8]: Int64]? = nil
        var start = hours.lowerBound
        while start <= hours.upperBound {
            let end = min(hours.upperBound, (start / window + 1) * window - 1)
            var done = false
            try db.inTransaction(kind) {
                // An index from before the people were numbered: all of its accounts at once.
                if try !db.tableExists("report_account") { try ReportBlocks.numberPeople(db) }
                if try ReportHours.storedSignature(db) != signature {
                    try ReportHours.forget(db)
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('report_hours', ?)",
                        arguments: [signature])
                }
                guard let stale = try HistoryIndex.staleHours(db, start...end, signature: signature) else {
                    return .rollback
                }
                // The window's stale hours in one statement (a day's would go through the creation index,
                // a row lookup each: twice the CPU at 1M); every name read once when many hours are made
                // (a catch-up's hour or two asks for each).
                guard
                    try HistoryIndex.writeReportHours(
                        db, Set(stale), team: team, vocabulary: vocabulary, band: band,
                        many: stale.count > 48, known: &known)
                else { return .rollback }
                try ReportBlocks.make(db, start...end)
                done = true
                return .commit
            }
            guard done else { return false }
            start = end + 1
        }
        return true
    }

    /// Writes the blobs of `stale` hours from the rows (one statement over their range).
    /// `known`: every name's id once read (`many`: read them all at once, as many hours are made), kept up to date for
    /// the next call.
    static func writeReportHours(
        _ db: Database, _ stale: Set<Int64>, team: TeamConfig, vocabulary: Int,
        band: ((Mention, MentionState) -> String?)?, many: Bool, known: inout [[UInt8]: Int64]?
    ) throws -> Bool {
        guard let lo = stale.min(), let hi = stale.max() else { return true }
        var created: [Double]? = []
        guard
            let c = try reportColumns(
                db, from: Double(lo) * 3600, to: Double(hi + 1) * 3600, team: team, vocabulary: vocabulary,
                band: band, created: &created),
            let created
        else { return false }
        // Names to their ids: all of them read at once when many hours are made (they meet most), else each asked
        // for (a catch-up's hour or two meets a few hundred of the names).
        var names: [[UInt8]: Int64] = known ?? [:]
        let all = known != nil || many || stale.count > 48
        defer { if all { known = names } }
        if all && known == nil {
            let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, name FROM report_name")
            while let row = try rows.next() {
                let kind: Int64 = row[1]
                let name: Data = row[2]
                names[[UInt8(kind)] + [UInt8](name)] = row[0]
            }
        }
        var nextID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM report_name") ?? 0) + 1
        let find = try db.cachedStatement(sql: "SELECT id FROM report_name WHERE kind = ? AND name = ?")
        let insert = try db.cachedStatement(sql: "INSERT INTO report_name(id, kind, name) VALUES (?, ?, ?)")
        let firstNew = nextID
        func id(kind: UInt8, _ name: [UInt8]) throws -> Int64 {
            if let id = names[[kind] + name] { return id }
            if !all, let id = try Int64.fetchOne(find, arguments: [Int64(kind), Data(name)]) {
                names[[kind] + name] = id
                return id
            }
            let id = nextID
            nextID += 1
            try insert.execute(arguments: [id, Int64(kind), Data(name)])
            names[[kind] + name] = id
            return id
        }
        let networkID = try c.networks.map { try id(kind: 0, Array($0.utf8)) }
        let accountID = try c.accounts.map { a -> Int64 in
            let net = Int32(try id(kind: 0, Array(a.platform.utf8)))
            var key = Array(a.handle.utf8)
            withUnsafeBytes(of: net.littleEndian) { key.append(contentsOf: $0) }
            return try id(kind: 1, key)
        }
        // The new accounts' people numbered (`ReportBlocks`).
        try ReportBlocks.number(
            db,
            c.accounts.indices.filter { accountID[$0] >= firstNew }.map {
                (accountID[$0], c.accounts[$0].platform, c.accounts[$0].handle)
            })
        // One buffer per hour (the rows come in rowid order, the hours interleaved).
        var slot: [Int64: Int] = [:]
        var blobs: [[UInt8]] = [], last: [Int64] = []
        var sums: [ReportHourSumsBuilder] = []
        var b: [UInt8] = []
        for i in 0..<c.count {
            let h = ReportHours.hour(created[i])
            guard stale.contains(h) else { continue }
            let k: Int
            if let s = slot[h] {
                k = s
            } else {
                k = blobs.count
                slot[h] = k
                blobs.append([])
                last.append(0)
                sums.append(ReportHourSumsBuilder())
            }
            b.removeAll(keepingCapacity: true)
            // rowid (the first of an hour whole, then the step from the one before: rowid order within an hour).
            let rowid = c.order[i]
            ReportHours.put(UInt64(bitPattern: rowid &- last[k]), &b)
            last[k] = rowid
            var flags: UInt8 = 0
            switch c.sentiment[i] {
            case nil: break
            case .negative?: flags = 1
            case .neutral?: flags = 2
            case .positive?: flags = 3
            }
            if c.question[i] { flags |= ReportHours.question }
            if c.isPrivate[i] { flags |= ReportHours.isPrivate }
            if c.firstResponse[i] != nil { flags |= ReportHours.answered }
            if c.account[i] >= 0 { flags |= ReportHours.hasAccount }
            if c.followers[i] != nil { flags |= ReportHours.hasFollowers }
            let exact = c.time[i] != Date(timeIntervalSince1970: created[i])
            if exact { flags |= ReportHours.exactTime }
            b.append(flags)
            b.append(UInt8(MentionStatus.allCases.firstIndex(of: c.status[i]) ?? 0))
            var bandCode: UInt8 = 0
            if let bands = c.band, let name = bands[i] {
                guard let n = ReportHours.bands.firstIndex(of: name) else { return false }
                bandCode = UInt8(n + 1)
            }
            b.append(bandCode)
            ReportHours.put(double: created[i], &b)
            if exact { ReportHours.put(double: c.time[i].timeIntervalSinceReferenceDate, &b) }
            if let f = c.firstResponse[i] { ReportHours.put(double: f.timeIntervalSinceReferenceDate, &b) }
            ReportHours.put(UInt64(networkID[Int(c.network[i])]), &b)
            if c.account[i] >= 0 { ReportHours.put(UInt64(accountID[Int(c.account[i])]), &b) }
            if let f = c.followers[i] { ReportHours.put(UInt64(bitPattern: Int64(f)), &b) }
            ReportHours.put(c.voice[i], &b)
            let words = c.terms.start[i]..<c.terms.start[i + 1]
            ReportHours.put(UInt64(words.count), &b)
            for w in words { ReportHours.put(UInt64(UInt32(bitPattern: c.terms.ids[w])), &b) }
            blobs[k].append(contentsOf: b)
            sums[k].add(
                c, i, rowid: rowid, network: networkID[Int(c.network[i])],
                account: c.account[i] >= 0 ? accountID[Int(c.account[i])] : -1, band: bandCode)
        }
        let write = try db.cachedStatement(sql: "INSERT OR REPLACE INTO report_hour(hour, rows) VALUES (?, ?)")
        let unmark = try db.cachedStatement(sql: "DELETE FROM report_dirty WHERE hour = ?")
        try db.execute(sql: ReportHours.sumsTable)
        let writeSums = try db.cachedStatement(sql: "INSERT OR REPLACE INTO report_sum(hour, sums) VALUES (?, ?)")
        try ReportBlocks.create(db)
        for h in stale {
            try ReportBlocks.forget(db, hour: h)
            try write.execute(arguments: [h, Data(slot[h].map { blobs[$0] } ?? [])])
            try writeSums.execute(arguments: [h, Data((slot[h].map { sums[$0] } ?? ReportHourSumsBuilder()).encode())])
            try unmark.execute(arguments: [h])
        }
        return true
    }

    /// The report's columns for [from, to) from the hours' blobs; nil when an hour is missing or marked, or the
    /// blobs were made for another team file.
    static func hourColumns(
        _ db: Database, from: Double, to: Double, team: TeamConfig, vocabulary: Int, bands: Bool
    ) throws -> ReportColumns? {
        var none: [ReportHourSums] = []
        var nobody: PeopleSums? = nil
        return try hourColumns(
            db, from: from, to: to, team: team, vocabulary: vocabulary, bands: bands, sums: &none, people: &nobody)?.0
    }

    /// The same for the hours `only` (all of them: nil); `sums` and `people` (read with global name ids) get the
    /// columns' numbers of the networks and accounts they name (the accounts returned). The rows of the hours
    /// `noPeople` come without their accounts (`people` holds them, from a block).
    static func hourColumns(
        _ db: Database, from: Double, to: Double, team: TeamConfig, vocabulary: Int, bands: Bool,
        only: [Int64]? = nil, noPeople: Set<Int64> = [], sums: inout [ReportHourSums], people: inout PeopleSums?
    ) throws -> (ReportColumns, [ReportHourSums.Account])? {
        guard let hours = hourRange(from: from, to: to),
            let stale = try staleHours(db, hours, signature: ReportHours.signature(team: team, bands: bands)),
            stale.isEmpty
        else { return nil }
        let maxID = Int(try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM report_name") ?? 0)
        // Global name ids to the columns' numbers (-1: not met yet).
        var local = [Int32](repeating: -1, count: maxID + 1)
        var networkIDs: [Int64] = [], accountIDs: [Int64] = []
        var rowids: [Int64] = []
        var ids: [Int32] = []
        var start = [0]
        var bandOf: [String?] = []
        var out = ReportColumns(terms: ReportTermIDs(ids: [], start: [], vocabulary: vocabulary) { _ in nil }) { _ in
            throw SwitchboardError("no mention")
        }
        let statuses = MentionStatus.allCases
        let statement = try db.makeStatement(
            sql: only == nil
                ? "SELECT rows FROM report_hour WHERE hour BETWEEN ? AND ? ORDER BY hour"
                : "SELECT rows FROM report_hour WHERE hour = ?")
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        // Room for the rows at once (an entry takes about 25 bytes): no array grown and copied a row at a time.
        let bytes =
            only != nil
            ? 0
            : try Int.fetchOne(
                db, sql: "SELECT coalesce(sum(length(rows)), 0) FROM report_hour WHERE hour BETWEEN ? AND ?",
                arguments: [hours.lowerBound, hours.upperBound]) ?? 0
        let expected = min(bytes / 20, 1 << 26)
        out.time.reserveCapacity(expected)
        out.network.reserveCapacity(expected)
        out.sentiment.reserveCapacity(expected)
        out.question.reserveCapacity(expected)
        out.status.reserveCapacity(expected)
        out.firstResponse.reserveCapacity(expected)
        out.isPrivate.reserveCapacity(expected)
        out.account.reserveCapacity(expected)
        out.followers.reserveCapacity(expected)
        out.voice.reserveCapacity(expected)
        rowids.reserveCapacity(expected)
        start.reserveCapacity(expected + 1)
        ids.reserveCapacity(expected * 4)
        if bands { bandOf.reserveCapacity(expected) }
        let arguments: [StatementArguments] =
            only.map { $0.map { StatementArguments([$0]) } } ?? [
                StatementArguments([hours.lowerBound, hours.upperBound])
            ]
        for (a, arguments) in arguments.enumerated() {
            let keepAccounts = only.map { !noPeople.contains($0[a]) } ?? true
            sqlite3_reset(s)
            try statement.setArguments(arguments)
            while try HistoryIndex.step(s, db) {
                guard let base = sqlite3_column_blob(s, 0) else { continue }
                var r = ReportHours.Reader(
                    p: UnsafeRawBufferPointer(start: base, count: Int(sqlite3_column_bytes(s, 0))))
                var rowid: Int64 = 0
                while r.at < r.p.count {
                    rowid &+= Int64(bitPattern: r.varint())
                    let flags = r.byte()
                    let status = Int(r.byte())
                    let band = Int(r.byte())
                    let created = r.double()
                    let exact = flags & ReportHours.exactTime != 0 ? r.double() : nil
                    let first = flags & ReportHours.answered != 0 ? r.double() : nil
                    let network = r.varint()
                    let account = flags & ReportHours.hasAccount != 0 ? r.varint() : nil
                    let followers = flags & ReportHours.hasFollowers != 0 ? Int(Int64(bitPattern: r.varint())) : nil
                    let voice = r.varint()
                    let words = Int(r.varint())
                    // The period's rows only (the edge hours hold others), as the statement's `created` bounds.
                    guard created >= from, created < to else {
                        for _ in 0..<words { _ = r.varint() }
                        continue
                    }
                    for _ in 0..<words { ids.append(Int32(bitPattern: UInt32(truncatingIfNeeded: r.varint()))) }
                    start.append(ids.count)
                    rowids.append(rowid)
                    out.time.append(
                        exact.map { Date(timeIntervalSinceReferenceDate: $0) } ?? Date(timeIntervalSince1970: created))
                    // Global name ids to the columns' numbers, in the order met.
                    guard network < UInt64(local.count) else { return nil }
                    if local[Int(network)] < 0 {
                        local[Int(network)] = Int32(networkIDs.count)
                        networkIDs.append(Int64(network))
                    }
                    out.network.append(local[Int(network)])
                    let sentiment = flags & 3
                    out.sentiment.append(
                        sentiment == 0 ? nil : sentiment == 1 ? .negative : sentiment == 2 ? .neutral : .positive)
                    out.question.append(flags & ReportHours.question != 0)
                    out.status.append(status < statuses.count ? statuses[status] : .new)
                    out.firstResponse.append(first.map { Date(timeIntervalSinceReferenceDate: $0) })
                    out.isPrivate.append(flags & ReportHours.isPrivate != 0)
                    if let account, keepAccounts {
                        guard account < UInt64(local.count) else { return nil }
                        if local[Int(account)] < 0 {
                            local[Int(account)] = Int32(accountIDs.count)
                            accountIDs.append(Int64(account))
                        }
                        out.account.append(local[Int(account)])
                    } else {
                        out.account.append(-1)
                    }
                    out.followers.append(followers)
                    out.voice.append(voice)
                    if bands {
                        bandOf.append(band > 0 && band <= ReportHours.bands.count ? ReportHours.bands[band - 1] : nil)
                    }
                }
            }
        }
        // The sums' global name ids to the columns' numbers (met after the rows': the rows keep theirs).
        for k in sums.indices {
            for g in 0..<2 {
                for j in sums[k].groups[g].networks.indices {
                    let id = Int(sums[k].groups[g].networks[j].network)
                    guard id >= 0, id < local.count else { return nil }
                    if local[id] < 0 {
                        local[id] = Int32(networkIDs.count)
                        networkIDs.append(Int64(id))
                    }
                    sums[k].groups[g].networks[j].network = local[id]
                }
            }
        }
        var summedAccounts: [ReportHourSums.Account] = []
        if let people {
            for id in people.touched {
                guard id >= 0, Int(id) < local.count else { return nil }
                if local[Int(id)] < 0 {
                    local[Int(id)] = Int32(accountIDs.count)
                    accountIDs.append(Int64(id))
                }
            }
            summedAccounts = people.accounts { local[Int($0)] }
        }
        // With the sums (`people`), the people as the index numbers them: the accounts' names made only for the
        // people a report can show (`Report.rankPeople`), the networks' all.
        let persons = try people == nil ? nil : ReportBlocks.persons(db, ids: maxID + 1)
        if let persons, accountIDs.allSatisfy({ persons.of[Int($0)] >= 0 }) {
            var networks: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM report_name WHERE kind = 0") {
                networks[row[0]] = String(decoding: row[1] as Data, as: UTF8.self)
            }
            out.networks = networkIDs.map { networks[$0] ?? "" }
            let name = try db.cachedStatement(sql: "SELECT name FROM report_name WHERE id = ? AND kind = 1")
            let global = accountIDs
            out.persons = ReportColumns.Persons(of: global.map { persons.of[Int($0)] }, count: persons.count) { a in
                (try? Data.fetchOne(name, arguments: [global[a]])).flatMap { $0 }.flatMap {
                    ReportBlocks.account($0, networks)
                } ?? ("", "")
            }
        } else {
            try nameColumns(db, &out, maxID: maxID, local: local, networkIDs: networkIDs, accountIDs: accountIDs)
        }
        if bands { out.band = bandOf }
        out.order = rowids
        let word = try db.cachedStatement(sql: "SELECT term FROM report_term WHERE id = ?")
        out.terms = ReportTermIDs(ids: ids, start: start, vocabulary: vocabulary) { id in
            try? String.fetchOne(word, arguments: [id])
        }
        out.mention = try mentionByRowid(db, rowids)
        return (out, summedAccounts)
    }

    /// The columns' networks and accounts by name.
    static func nameColumns(
        _ db: Database, _ out: inout ReportColumns, maxID: Int, local: [Int32], networkIDs: [Int64],
        accountIDs: [Int64]
    ) throws {
        // The names met, from `report_name`: a network whole, an account's handle without its network's 4 bytes.
        var text = [String?](repeating: nil, count: maxID + 1)
        var accountNet = [Int](repeating: 0, count: maxID + 1)
        let names = try db.makeStatement(sql: "SELECT id, kind, name FROM report_name")
        let n = names.sqliteStatement
        defer { sqlite3_reset(n) }
        while sqlite3_step(n) == SQLITE_ROW {
            let id = Int(sqlite3_column_int64(n, 0))
            guard id < local.count, local[id] >= 0 else { continue }
            let bytes = UnsafeRawBufferPointer(
                start: sqlite3_column_blob(n, 2), count: Int(sqlite3_column_bytes(n, 2)))
            if sqlite3_column_int64(n, 1) == 0 {
                text[id] = String(decoding: bytes, as: UTF8.self)
            } else if bytes.count >= 4 {
                let net = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 4, as: Int32.self))
                accountNet[id] = Int(net)
                text[id] = String(decoding: bytes.prefix(bytes.count - 4), as: UTF8.self)
            }
        }
        out.networks = networkIDs.map { text[Int($0)] ?? "" }
        out.accounts = accountIDs.map { id in
            let net = accountNet[Int(id)]
            return (platform: net < text.count ? text[net] ?? "" : "", handle: text[Int(id)] ?? "")
        }
    }
}
