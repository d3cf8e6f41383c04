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

    /// `bulk`: many mentions follow (the whole vocabulary is read at once).
    init(db: Database, bulk: Bool, teamFile: URL?) throws {
        self.db = db
        var terms = try VoiceTerms.stored(db)
        if terms == nil, let teamFile, let team = try? FileIO.readDocument(TeamConfig.self, from: teamFile) {
            terms = VoiceTerms(team: team)
            try terms!.store(db)
        }
        voice = terms?.matchers ?? []
        next = Int32(try Int.fetchOne(db, sql: "SELECT coalesce(max(id) + 1, 0) FROM report_term") ?? 0)
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
        var b = RowBinder(
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO report_part(rowid, handle, platform, created, followers, flags, voice, terms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """), in: db)
        b.bind(rowid)
        b.bind(p.handle)
        b.bind(p.platform)
        b.bind(p.created)
        if let f = p.followers { b.bind(f) } else { b.bindNull() }
        b.bind(p.flags)
        b.bind(VoiceTerms.bits(p.folded, voice))
        b.bind(Data(blob))
        try b.run()
    }

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
