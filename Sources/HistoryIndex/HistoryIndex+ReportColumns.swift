import Foundation
import GRDB
import GRDBSQLite
import SwitchboardCore

/// The report's rows as columns (`ReportColumns`): one statement over the period and the one before, spam and the
/// brand's own posts left out in SQL, each row read into numbers — the network and the author's account interned
/// from the bytes SQLite hands over, no string and no `Mention` per row.
extension HistoryIndex {
    /// nil when a row has no report parts (an index that did not keep them for it).
    static func reportColumns(
        _ db: Database, from: Double, to: Double, team: TeamConfig, vocabulary: Int,
        band: ((Mention, MentionState) -> String?)? = nil
    ) throws -> ReportColumns? {
        var created: [Double]? = nil
        return try reportColumns(
            db, from: from, to: to, team: team, vocabulary: vocabulary, band: band, created: &created)
    }

    /// The same; `created`, when not nil, gets each row's `created` column (the hour it is kept under,
    /// `ReportHours`).
    static func reportColumns(
        _ db: Database, from: Double, to: Double, team: TeamConfig, vocabulary: Int,
        band: ((Mention, MentionState) -> String?)?, created: inout [Double]?
    ) throws -> ReportColumns? {
        var args: [DatabaseValueConvertible?] = [from, to]
        let notOwn = QuerySQL.compile(.not(.own), QueryEnvironment(me: "", own: OwnAccounts(team: team)), &args)!
        let spam = StateColumns.statusCode(.spam)
        let statement = try db.makeStatement(
            sql: """
                SELECT m.rowid, m.platform, m.created, m.sentiment, m.intents, m.status,
                    CASE WHEN m.first_response IS NOT NULL THEN m.state END, m.handle_lc,
                    p.flags, p.handle, p.platform, p.created, p.followers, p.voice, p.terms,
                    m.score
                FROM mention m \(try periodScan(db, from: from, to: to))LEFT JOIN report_part p ON p.rowid = m.rowid
                WHERE m.present = 1 AND m.created >= ? AND m.created < ? AND m.status != \(spam) AND (\(notOwn))
                ORDER BY m.rowid
                """)
        try statement.setArguments(StatementArguments(args))
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        func bytes(_ i: Int32) -> UnsafeRawBufferPointer? {
            guard let p = sqlite3_column_text(s, i) else { return nil }
            return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
        }
        func isNull(_ i: Int32) -> Bool { sqlite3_column_type(s, i) == SQLITE_NULL }
        let questionBits = Int64(QueryMatcher.bit(.question) | QueryMatcher.bit(.help))
        let statuses = MentionStatus.allCases
        var rowids: [Int64] = []
        var ids: [Int32] = []
        var start = [0]
        var networks = ByteInterner(), accounts = ByteInterner()
        var key: [UInt8] = []
        var bands: [String?] = []
        var out = ReportColumns(terms: ReportTermIDs(ids: [], start: [], vocabulary: vocabulary) { _ in nil }) { _ in
            throw SwitchboardError("no mention")
        }
        while try HistoryIndex.step(s, db) {
            if isNull(8) { return nil }
            rowids.append(sqlite3_column_int64(s, 0))
            created?.append(sqlite3_column_double(s, 2))
            let platform = bytes(10) ?? bytes(1) ?? UnsafeRawBufferPointer(start: nil, count: 0)
            let net = networks.intern(platform)
            out.network.append(net)
            out.time.append(
                isNull(11)
                    ? Date(timeIntervalSince1970: sqlite3_column_double(s, 2))
                    : Date(timeIntervalSinceReferenceDate: sqlite3_column_double(s, 11)))
            let sentiment = sqlite3_column_int64(s, 3)
            out.sentiment.append(
                sentiment == 0 ? nil : sentiment == 1 ? .negative : sentiment == 2 ? .neutral : .positive)
            // Intents come with an analysis (none without one, as the row-by-row way reads them).
            out.question.append(sentiment != 0 && sqlite3_column_int64(s, 4) & questionBits != 0)
            let status = Int(sqlite3_column_int64(s, 5))
            out.status.append(status < statuses.count ? statuses[status] : .new)
            if let p = sqlite3_column_blob(s, 6) {
                let data = Data(bytes: p, count: Int(sqlite3_column_bytes(s, 6)))
                out.firstResponse.append(ReportLoader.state(data, triageOnly: true).firstResponseAt)
            } else {
                out.firstResponse.append(nil)
            }
            let flags = Int(sqlite3_column_int64(s, 8))
            out.isPrivate.append(flags & ReportParts.isPrivate != 0)
            // The account: the network as stored and the handle as written (the parts' handle, else `handle_lc`).
            if flags & ReportParts.hasAuthor != 0, let h = bytes(9) ?? bytes(7), h.count > 0 {
                key.removeAll(keepingCapacity: true)
                key.append(contentsOf: h)
                withUnsafeBytes(of: net.littleEndian) { key.append(contentsOf: $0) }
                out.account.append(accounts.intern(key, count: h.count))
            } else {
                out.account.append(-1)
            }
            out.followers.append(
                flags & ReportParts.hasAuthor == 0 || isNull(12) ? nil : Int(sqlite3_column_int64(s, 12)))
            out.voice.append(UInt64(bitPattern: sqlite3_column_int64(s, 13)))
            if let p = sqlite3_column_blob(s, 14) {
                ReportPartWriter.decode(
                    UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, 14))), into: &ids)
            }
            start.append(ids.count)
            if let band {
                // The band from the mention as the report reads it (only for a team with targets by band).
                let analysis =
                    sentiment == 0
                    ? nil
                    : Analysis(
                        lang: "", sentiment: out.sentiment.last!!, score: sqlite3_column_double(s, 15),
                        intents: intentSets[Int(sqlite3_column_int64(s, 4)) & 0x7F])
                let m = ReportParts.mention(
                    key: "", platform: "", created: sqlite3_column_double(s, 2), analysis: analysis,
                    handleLC: "",
                    parts: ReportParts.StoredParts(
                        handle: nil, platform: nil, created: isNull(11) ? nil : sqlite3_column_double(s, 11),
                        followers: isNull(12) ? nil : Int(sqlite3_column_int64(s, 12)), flags: flags))
                var st = MentionState()
                st.status = out.status.last!
                st.firstResponseAt = out.firstResponse.last!
                bands.append(band(m, st))
            }
        }
        if band != nil { out.band = bands }
        out.order = rowids
        out.networks = networks.strings(networks.count)
        out.accounts = accounts.keys.indices.map { i in
            (platform: out.networks[Int(accounts.network(i))], handle: accounts.string(i))
        }
        let word = try db.cachedStatement(sql: "SELECT term FROM report_term WHERE id = ?")
        out.terms = ReportTermIDs(ids: ids, start: start, vocabulary: vocabulary) { id in
            try? String.fetchOne(word, arguments: [id])
        }
        out.mention = try mentionByRowid(db, rowids)
        return out
    }
}

extension HistoryIndex {
    /// Row i of `rowids` as the report lists a breach (key, network, author, creation time).
    static func mentionByRowid(_ db: Database, _ rowids: [Int64]) throws -> (Int) throws -> Mention {
        let one = try db.cachedStatement(
            sql: """
                SELECT m.key, m.platform, m.created, m.handle_lc, p.flags, p.handle, p.platform, p.created, p.followers
                FROM mention m JOIN report_part p ON p.rowid = m.rowid WHERE m.rowid = ?
                """)
        return { i in
            guard let row = try Row.fetchOne(one, arguments: [rowids[i]]) else {
                throw SwitchboardError("a mention of the report is not in the index any more; run: switchboard reindex")
            }
            return ReportParts.mention(
                key: row[0], platform: row[1], created: row[2], analysis: nil, handleLC: row[3],
                parts: ReportParts.StoredParts(
                    handle: row[5], platform: row[6], created: row[7], followers: row[8], flags: row[4]))
        }
    }
}

/// Numbers for byte strings (networks, accounts) as a statement hands them over: a string is made only the first
/// time a value is met.
struct ByteInterner {
    private(set) var keys: [[UInt8]] = []
    /// The length of each key's text (an account's key ends with its network's number).
    private var textCount: [Int] = []
    /// The first key of each hash; `chain` links the keys that share one.
    private var table: [UInt64: Int32] = [:]
    private var chain: [Int32] = []
    private var last: Int32 = -1

    var count: Int { keys.count }

    mutating func intern(_ b: UnsafeRawBufferPointer) -> Int32 {
        intern(bytes: b, count: b.count)
    }

    mutating func intern(_ key: [UInt8], count: Int) -> Int32 {
        key.withUnsafeBytes { intern(bytes: $0, count: count) }
    }

    @inline(__always)
    private func equal(_ i: Int32, _ b: UnsafeRawBufferPointer) -> Bool {
        keys[Int(i)].withUnsafeBytes { k in
            k.count == b.count && (b.count == 0 || memcmp(k.baseAddress!, b.baseAddress!, b.count) == 0)
        }
    }

    private mutating func intern(bytes b: UnsafeRawBufferPointer, count text: Int) -> Int32 {
        // Runs of one value (a network) are common: the last one first.
        if last >= 0, equal(last, b) { return last }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        var i = table[h] ?? -1
        while i >= 0 {
            if equal(i, b) {
                last = i
                return i
            }
            i = chain[Int(i)]
        }
        let n = Int32(keys.count)
        keys.append(Array(b))
        textCount.append(text)
        chain.append(table[h] ?? -1)
        table[h] = n
        last = n
        return n
    }

    func string(_ i: Int) -> String { String(decoding: keys[i][..<textCount[i]], as: UTF8.self) }

    func strings(_ n: Int) -> [String] { (0..<n).map(string) }

    /// The network number an account's key ends with.
    func network(_ i: Int) -> Int32 {
        let k = keys[i]
        var v: Int32 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: k[textCount[i]...]) }
        return Int32(littleEndian: v)
    }
}
