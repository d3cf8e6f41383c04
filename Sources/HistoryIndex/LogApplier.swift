import Foundation
import GRDB
import SwitchboardCore

/// Applies blocks of log lines to the index inside the catch-up's transaction: mentions (first record of a key
/// wins, as in the store), later analyses, and actions folded into each mention's state with `MentionState.apply`.
struct LogApplier {
    let db: Database
    var mentions = 0, analyses = 0, events = 0
    /// States changed by the actions of the current block, written back at its end.
    private var states: [String: MentionState] = [:]
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    /// A rebuild: rows go into `mention` only, the full-text index is built from them at the end.
    let deferFullText: Bool

    /// Where the team's brand and competitor terms are read when the index has none recorded (`ReportPartWriter`).
    let teamFile: URL?
    /// The data directory, whose logs the person tail's records are read from (`HistoryIndex.foldPersonTail`).
    let dir: DataDirectory
    /// Writes the report's parts of each new mention (made at the first one).
    private var parts: ReportPartWriter?
    /// Meta `fts_upto` (read at the first new mention): rows after it wait in the full-text tail.
    private var fullTextUpTo: Int64?
    /// New mentions left in the full-text tail.
    private(set) var tail = 0
    /// The authors' `person` rows the current block touched.
    private var persons = PersonRows()

    /// A bulk load's keys (`deferFullText`), in memory: the key index is dropped for the load and sorted once at its
    /// end (`HistoryIndex.beginBulk`), so the rows go in by row id and a key finds its row here, not through a B-tree
    /// filled in random key order (at 10M mentions, a page read and written back for almost every row).
    private var bulkKeys: BulkKeys?

    /// Topic words already numbered in this index build (`HistoryIndex.terms`).
    private let knownTerms: [String: Int32]

    init(
        db: Database, dir: DataDirectory, deferFullText: Bool = false, teamFile: URL? = nil,
        knownTerms: [String: Int32] = [:]
    ) throws {
        (self.db, self.dir, self.deferFullText, self.teamFile, self.knownTerms) = (
            db, dir, deferFullText, teamFile, knownTerms
        )
        if deferFullText { bulkKeys = try BulkKeys(db) }
        persons.bulk = deferFullText
    }

    /// How a statement finds a mention's row: by its key (through the key index), or in bulk by its row id.
    private var byRow: String { bulkKeys == nil ? "key" : "rowid" }

    /// A block of complete log lines, split and decoded (with the mentions' columns) off the writer's thread.
    struct Prepared: @unchecked Sendable {
        enum Records {
            case mentions(RecordDecoder.Batches<Mention>, [[MentionColumns]])
            case analysis([Result<AnalysisRecord, LineError>])
            case actions([Result<AuditEvent, LineError>])
        }
        let lines: [LogLine]
        let records: Records
    }

    /// Splits and decodes the complete lines in `data` of a log of `kind` (no database: any thread).
    static func prepare(_ data: [UInt8], kind: LogKind) -> Prepared {
        let lines = LineSplitter.split(data)
        switch kind {
        case .mentions:
            let decoded = RecordDecoder.decodeBatches(Mention.self, lines: lines, fast: Mention.fastDecode)
            // The columns (the folded text above all) on every core, as the records were decoded.
            return Prepared(
                lines: lines, records: .mentions(decoded, MentionColumns.of(decoded.batches.map(\.records))))
        case .analysis:
            return Prepared(lines: lines, records: .analysis(RecordDecoder.decode(AnalysisRecord.self, lines: lines)))
        case .actions:
            return Prepared(
                lines: lines,
                records: .actions(RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode)))
        }
    }

    /// Mentions this process appended (`AppendFeed`), as `prepare` would make them of the appended lines: each
    /// mention as its line reads back (`Mention.readBack`), split into runs as `RecordDecoder.decodeBatches` splits
    /// the lines, the columns of the runs on every core. Nil when a mention would not read back by the fast reader
    /// or the lines do not match the mentions (the caller then decodes the lines).
    static func prepare(_ handed: AppendedMentions) -> Prepared? {
        let lines = LineSplitter.split(handed.bytes)
        let n = handed.mentions.count
        guard lines.count == n, n > 0 else { return nil }
        let runs = n < 2000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (n + runs - 1) / runs
        var batches: [RecordDecoder.Batches<Mention>.Batch] = []
        for lo in stride(from: 0, to: n, by: size) {
            let hi = min(n, lo + size)
            var records: [Mention] = []
            records.reserveCapacity(hi - lo)
            for m in handed.mentions[lo..<hi] {
                guard let r = m.readBack() else { return nil }
                records.append(r)
            }
            batches.append(.init(lines: Array(lo..<hi), records: records))
        }
        let decoded = RecordDecoder.Batches(batches: batches, failures: [])
        return Prepared(lines: lines, records: .mentions(decoded, MentionColumns.of(batches.map(\.records))))
    }

    /// Applies a prepared block (read at `offset` of log `name`, whose first `line` lines were read before); returns
    /// how many lines it held. A line that does not read is recorded as a warning, as the store reports it.
    mutating func apply(_ block: Prepared, file: Int64, name: String, at offset: Int, line: Int) throws -> Int {
        let lines = block.lines
        func warn(_ i: Int, _ why: LineError) throws {
            if lines[i].isBlank { return }
            try db.cachedStatement(sql: "INSERT INTO warning(file, line, message) VALUES (?, ?, ?)")
                .execute(arguments: [name, line + 1 + lines[i].number, why.description])
        }
        switch block.records {
        case .mentions(let decoded, let columns):
            for (batch, cols) in zip(decoded.batches, columns) {
                for (j, i) in batch.lines.enumerated() {
                    let b = lines[i].bytes
                    try insert(batch.records[j], cols[j], file: file, off: offset + b.startIndex, len: b.count)
                }
            }
            for (i, why) in decoded.failures { try warn(i, why) }
            try persons.endBlock(db)
        case .analysis(let results):
            for (i, r) in results.enumerated() {
                switch r {
                case .success(let a): try setAnalysis(a)
                case .failure(let why): try warn(i, why)
                }
            }
            try persons.endBlock(db)
        case .actions(let results):
            for (i, r) in results.enumerated() {
                guard case .success(let e) = r else {
                    if case .failure(let why) = r { try warn(i, why) }
                    continue
                }
                events += 1
                let type = e.action.typeName
                if type.hasPrefix("queue_") || type.hasPrefix("crisis_") || type.hasPrefix("contact_") {
                    let b = lines[i].bytes
                    try db.cachedStatement(sql: "INSERT INTO agenda(file, off, len) VALUES (?, ?, ?)")
                        .execute(arguments: [file, offset + b.startIndex, b.count])
                }
                if ReportEvents.keep(lines[i].bytes) {
                    let b = lines[i].bytes
                    try db.cachedStatement(sql: "INSERT INTO report_event(file, off, len) VALUES (?, ?, ?)")
                        .execute(arguments: [file, offset + b.startIndex, b.count])
                }
                guard let k = e.action.mention else { continue }
                if states[k] == nil { states[k] = try loadState(k) }
                states[k]!.apply(e)
            }
            try flushStates()
        }
        return lines.count
    }

    /// The topic words met, with their numbers (what was known, and what this catch-up numbered or looked up).
    var termsMet: [String: Int32] { parts?.met ?? knownTerms }

    mutating func finish() throws {
        try flushStates()
        try persons.flush(db)
    }

    // MARK: Mentions

    private static let insertSQL = """
        INSERT OR IGNORE INTO mention(key, present, file, off, len, platform, source_other, created, handle,
            handle_lower, handle_local, author_name, own_lang, lang, sentiment, score, intents, hay, root_ref, reply_ref,
            person)
        VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let presentSQL = """
        UPDATE OR IGNORE mention SET present = 1, file = ?, off = ?, len = ?, platform = ?, source_other = ?,
            created = ?, handle = ?, handle_lower = ?, handle_local = ?, author_name = ?, own_lang = ?, lang = ?,
            sentiment = ?, score = ?, intents = ?, hay = ?, root_ref = ?, reply_ref = ?, person = ?
        WHERE rowid = ?
        """

    private static let bulkInsertSQL = """
        INSERT INTO mention(rowid, key, present, file, off, len, platform, source_other, created, handle,
            handle_lower, handle_local, author_name, own_lang, lang, sentiment, score, intents, hay, root_ref, reply_ref,
            person)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The row insert, looked up once per catch-up (not by its SQL for every row), prepared once per connection.
    private var insertStatement: Statement?

    private mutating func insert(_ m: Mention, _ c: MentionColumns, file: Int64, off: Int, len: Int) throws {
        let key = m.key
        if let known = bulkKeys?.row(key), known.present { return }
        // The author's tally row (counted below once the mention is known to be new). A catch-up leaves it to the
        // tail (`HistoryIndex.foldPersonTail`) for a row after `fts_upto`, as the full-text index: looking the row up
        // and writing it back took a random page of `person` each, ~40 % of a catch-up's pages and CPU.
        if !deferFullText, fullTextUpTo == nil { fullTextUpTo = try HistoryIndex.fullTextUpTo(db) }
        var person = deferFullText ? try c.identity.map { try persons.id(of: $0, db) } : nil
        func bindColumns(_ b: inout RowBinder) {
            b.bind(file)
            b.bind(off)
            b.bind(len)
            b.bind(c.platform)
            b.bind(c.sourceOther)
            b.bind(c.created)
            b.bind(c.handle)
            b.bind(c.handleLower)
            b.bind(c.handleLocal)
            b.bind(c.authorName)
            b.bind(c.ownLang)
            b.bind(c.lang)
            b.bind(c.sentiment)
            b.bind(c.score)
            b.bind(c.intents)
            b.bind(c.hay)
            b.bind(c.rootRef)
            b.bind(c.replyRef)
            b.bind(person)
        }
        var rowid: Int64
        // Whether the row was there, named only by an action so far: it is made present.
        var named = false
        if let known = bulkKeys?.row(key) {
            // The key is known: stored before (the first record wins), or only named by an action so far.
            guard !known.present else { return }
            (rowid, named) = (known.rowid, true)
        } else if bulkKeys != nil {
            // A bulk load gives the row id itself (the next one, as SQLite would pick it): no key index to ask.
            rowid = bulkKeys!.add(key)
            if insertStatement == nil { insertStatement = try db.makeStatement(sql: LogApplier.bulkInsertSQL) }
            var b = RowBinder(insertStatement!, in: db)
            b.bind(rowid)
            b.bind(key)
            bindColumns(&b)
            try b.run()
        } else {
            if insertStatement == nil { insertStatement = try db.cachedStatement(sql: LogApplier.insertSQL) }
            var b = RowBinder(insertStatement!, in: db)
            b.bind(key)
            bindColumns(&b)
            try b.run()
            rowid = db.lastInsertedRowID
            if db.changesCount == 0 {
                // The key is known: stored before (the first record wins), or only named by an action so far.
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT rowid, present FROM mention WHERE key = ?", arguments: [key]),
                    row["present"] as Int == 0
                else { return }
                (rowid, named) = (row["rowid"] as Int64, true)
            }
        }
        // A row named by an action first (its row id is old, maybe older than the tail) is counted now, after the
        // person tail (every row in it was counted before this one in a catch-up's order), so the tail keeps only
        // rows in the order they came and an author's tally is summed in the order the fold sums it.
        let counted = !deferFullText && (named || rowid <= fullTextUpTo!) && c.identity != nil
        if counted {
            try persons.flush(db)
            try HistoryIndex.foldPersonTail(db, dir, after: fullTextUpTo!)
            person = try persons.id(of: c.identity!, db)
        }
        if named {
            var u = RowBinder(try db.cachedStatement(sql: LogApplier.presentSQL), in: db)
            bindColumns(&u)
            u.bind(rowid)
            try u.run()
        }
        bulkKeys?.setPresent(key, rowid)
        mentions += 1
        if counted && !named {
            try db.cachedStatement(sql: "UPDATE mention SET person = ? WHERE rowid = ?").execute(arguments: [
                person, rowid,
            ])
        }
        if let person { try persons.add(m, id: person, db) }
        if parts == nil {
            parts = try ReportPartWriter(db: db, bulk: deferFullText, teamFile: teamFile, known: knownTerms)
        }
        try parts!.insert(c.report, rowid: rowid)
        // A new row joins the full-text tail (`HistoryIndex.fullTextTail`); one older than the tail goes in now.
        if deferFullText { return }
        if rowid > fullTextUpTo! {
            tail += 1
            return
        }
        var f = RowBinder(try db.cachedStatement(sql: "INSERT INTO mention_fts(rowid, hay) VALUES (?, ?)"), in: db)
        f.bind(rowid)
        f.bind(c.hay)
        try f.run()
        var h = RowBinder(
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO mention_by_handle(handle, id) VALUES (?, ?)"), in: db)
        h.bind(c.handle)
        h.bind(rowid)
        try h.run()
    }

    private mutating func setAnalysis(_ a: AnalysisRecord) throws {
        let an = a.analysis
        var row: DatabaseValueConvertible = a.key
        if let keys = bulkKeys {
            guard let known = keys.row(a.key), known.present else { return }
            row = known.rowid
        }
        // What the analysis replaces, for the author's tally (no present row: nothing to update).
        guard
            let old = try Row.fetchOne(
                try db.cachedStatement(
                    sql: "SELECT person, sentiment, score FROM mention WHERE \(byRow) = ? AND present = 1"),
                arguments: [row])
        else { return }
        if let person = old[0] as Int64? {
            try persons.reanalyzed(id: person, oldCode: old[1], oldScore: old[2], to: an, db)
        }
        try db.cachedStatement(
            sql: """
                UPDATE OR IGNORE mention SET sentiment = ?, score = ?, intents = ?, analysis = ?,
                    lang = CASE WHEN own_lang = 1 THEN lang ELSE ? END
                WHERE \(byRow) = ? AND present = 1
                """
        ).execute(arguments: [
            Int(QueryMatcher.sentimentCode(an.sentiment)), an.score, Int(MentionColumns.intentBits(an.intents)),
            try encoder.encode(an), QueryMatcher.baseLanguage(an.lang), row,
        ])
        if db.changesCount > 0 { analyses += 1 }
    }

    // MARK: States

    private func loadState(_ key: String) throws -> MentionState {
        var row: DatabaseValueConvertible = key
        if let keys = bulkKeys {
            guard let known = keys.row(key) else { return MentionState() }
            row = known.rowid
        }
        guard
            let data = try Data.fetchOne(
                try db.cachedStatement(sql: "SELECT state FROM mention WHERE \(byRow) = ? AND state IS NOT NULL"),
                arguments: [row])
        else { return MentionState() }
        return (try? decoder.decode(MentionState.self, from: data)) ?? MentionState()
    }

    private mutating func flushStates() throws {
        for (k, st) in states {
            let c = StateColumns(st)
            let values: [DatabaseValueConvertible?] = [
                c.status, st.assignee, st.assignee?.lowercased(), c.tags, st.handoffTeam,
                st.firstResponseAt?.timeIntervalSince1970, st.lastChangedAt?.timeIntervalSince1970, st.replies.count,
                st.notes.count, try encoder.encode(st),
            ]
            // In bulk the row is found by its id, and a key named for the first time gets the next one.
            let known = bulkKeys?.row(k)
            let row: DatabaseValueConvertible = known.map { $0.rowid } ?? k
            if bulkKeys == nil || known != nil {
                try db.cachedStatement(
                    sql: """
                        UPDATE OR IGNORE mention SET status = ?, assignee = ?, assignee_lc = ?, tags = ?,
                            handoff_team = ?, first_response = ?, last_changed = ?, reply_count = ?, note_count = ?,
                            state = ?
                        WHERE \(byRow) = ?
                        """
                ).execute(arguments: StatementArguments(values + [row]))
            }
            if bulkKeys == nil ? db.changesCount == 0 : known == nil {
                let rowid = bulkKeys?.add(k)
                try db.cachedStatement(
                    sql: """
                        INSERT INTO mention(status, assignee, assignee_lc, tags, handoff_team, first_response,
                            last_changed, reply_count, note_count, state, key, present, rowid)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                        """
                ).execute(arguments: StatementArguments(values + [k, rowid]))
            }
        }
        states.removeAll(keepingCapacity: true)
    }
}

/// A bulk load's keys in memory (`LogApplier`): each key's row id and whether its mention was read, and the row id
/// the next new row gets. Starts from the rows the index holds (a bulk `ingest` into a small index), so a key is
/// found here exactly when the key index would find it.
struct BulkKeys {
    /// Row id times two, plus one when the mention is present.
    private var rows: [String: Int64] = [:]
    private var next: Int64

    init(_ db: Database) throws {
        next = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) + 1 FROM mention")) ?? 1
        let cursor = try Row.fetchCursor(db, sql: "SELECT key, rowid, present FROM mention")
        while let row = try cursor.next() {
            rows[row[0] as String] = (row[1] as Int64) << 1 | (row[2] as Int64 == 1 ? 1 : 0)
        }
    }

    func row(_ key: String) -> (rowid: Int64, present: Bool)? {
        rows[key].map { ($0 >> 1, $0 & 1 == 1) }
    }

    /// A new key's row id (not present yet).
    mutating func add(_ key: String) -> Int64 {
        let rowid = next
        next += 1
        rows[key] = rowid << 1
        return rowid
    }

    mutating func setPresent(_ key: String, _ rowid: Int64) { rows[key] = rowid << 1 | 1 }
}
