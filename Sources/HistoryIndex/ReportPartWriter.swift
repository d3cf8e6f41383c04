import Foundation
import GRDB
import SwitchboardCore

/// Writes each new mention's report parts (`ReportParts`) beside its row, in the catch-up's transaction: the topic
/// words as numbers of the `report_term` vocabulary (varints, each word once), and the share-of-voice bits for the
/// terms the meta table records (`VoiceTerms`; a new or rebuilt index takes them from `team.json`).
final class ReportPartWriter {
    private let db: Database
    private let voice: [ReportTerms.Matcher]
    /// Words to their numbers: all of them when `complete`, else those met so far (the rest asked of SQL).
    private var words: [String: Int32] = [:]
    private var complete: Bool
    private var next: Int32
    private var blob: [UInt8] = []

    /// `bulk`: many mentions follow (the whole vocabulary is read at once). `known`: words and their numbers
    /// already met in this index build (`TermCache`).
    init(db: Database, bulk: Bool, teamFile: URL?, known: [String: Int32] = [:]) throws {
        self.db = db
        words = known
        var terms = try VoiceTerms.stored(db)
        if terms == nil, let teamFile, let team = try? FileIO.readDocument(TeamConfig.self, from: teamFile) {
            terms = VoiceTerms(team: team)
            try terms!.store(db)
        }
        voice = terms?.matchers ?? []
        next = Int32(try Int.fetchOne(try db.cachedStatement(sql: "SELECT coalesce(max(id) + 1, 0) FROM report_term")) ?? 0)
        complete = next == 0
        if bulk, !complete {
            let rows = try Row.fetchCursor(db, sql: "SELECT id, term FROM report_term")
            while let row = try rows.next() { words[row[1]] = row[0] }
            complete = true
        }
    }

    func insert(_ p: ReportParts, rowid: Int64) throws {
        blob.removeAll(keepingCapacity: true)
        for t in p.terms {
            var v = UInt32(try id(t))
            while v >= 0x80 {
                blob.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            blob.append(UInt8(v))
        }
        let bits = VoiceTerms.bits(p.folded, voice)
        // `OR IGNORE`, then an update when the row was there: `OR REPLACE` (a delete and an insert, each able to
        // abort on a NOT NULL column) opened a statement journal for every new mention.
        if insertStatement == nil { insertStatement = try db.cachedStatement(sql: ReportPartWriter.insertSQL) }
        var b = RowBinder(insertStatement!, in: db)
        b.bind(rowid)
        bindValues(&b, p, bits)
        try b.run()
        guard db.changesCount == 0 else { return }
        var u = RowBinder(try db.cachedStatement(sql: ReportPartWriter.updateSQL), in: db)
        bindValues(&u, p, bits)
        u.bind(rowid)
        try u.run()
    }

    private static let insertSQL = """
        INSERT OR IGNORE INTO report_part(rowid, handle, platform, created, followers, flags, voice, terms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let updateSQL = """
        UPDATE OR IGNORE report_part SET handle = ?, platform = ?, created = ?, followers = ?, flags = ?, voice = ?,
            terms = ?
        WHERE rowid = ?
        """
    private var insertStatement: Statement?

    private func bindValues(_ b: inout RowBinder, _ p: ReportParts, _ bits: Int64) {
        b.bind(p.handle)
        b.bind(p.platform)
        b.bind(p.created)
        if let f = p.followers { b.bind(f) } else { b.bindNull() }
        b.bind(p.flags)
        b.bind(bits)
        b.bind(Data(blob))
    }

    /// The words met (all of them when the vocabulary was read whole).
    var met: [String: Int32] { words }

    private func id(_ term: String) throws -> Int32 {
        if let id = words[term] { return id }
        if !complete,
            let id = try Int32.fetchOne(
                try db.cachedStatement(sql: "SELECT id FROM report_term WHERE term = ?"), arguments: [term])
        {
            words[term] = id
            return id
        }
        let id = next
        next += 1
        try db.cachedStatement(sql: "INSERT INTO report_term(id, term) VALUES (?, ?)").execute(arguments: [id, term])
        words[term] = id
        return id
    }

    /// Reads a `terms` blob back into `out`.
    static func decode(_ p: UnsafeRawBufferPointer, into out: inout [Int32]) {
        var v: UInt32 = 0
        var shift: UInt32 = 0
        for byte in p {
            v |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
            } else {
                out.append(Int32(bitPattern: v))
                (v, shift) = (0, 0)
            }
        }
    }
}

/// The words of `report_term` a process has met, by index build (see `HistoryIndex.terms`).
struct TermCache {
    /// More words than this are not kept (a bulk load reads the whole vocabulary: at 10M, megabytes).
    static let limit = 50_000
    private(set) var build: String?
    private(set) var words: [String: Int32] = [:]
    /// What the catch-up in progress met, kept by `commit()` once its transaction committed.
    var pending: (build: String, words: [String: Int32])?

    /// The words known for `build` (none for another build, or an index without one).
    func known(for build: String?) -> [String: Int32] {
        guard let build, build == self.build else { return [:] }
        return words
    }

    mutating func commit() {
        if let p = pending, p.words.count <= TermCache.limit {
            (build, words) = (p.build, p.words)
        } else if pending != nil {
            (build, words) = (nil, [:])
        }
        pending = nil
    }

    mutating func forget() { (build, words, pending) = (nil, [:], nil) }

    /// Meta `build`: a new one for every index made or emptied (`createTables`, `clear`).
    static func newBuild(_ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta(k, v) VALUES ('build', ?)", arguments: [UUID().uuidString])
    }

    static func build(_ db: Database) throws -> String? {
        try String.fetchOne(try db.cachedStatement(sql: "SELECT v FROM meta WHERE k = 'build'"))
    }
}
