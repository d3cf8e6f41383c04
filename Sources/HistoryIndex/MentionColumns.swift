import Foundation
import SwitchboardCore

/// The columns of a mention that the query language reads, as the in-memory matcher computes them.
struct MentionColumns {
    var platform, source: String
    /// What the row stores of `source`: nil when it is the network (`source` is then computed, see the schema).
    var sourceOther: String?
    var created: Double
    /// Folded handle without leading `@` (`from:` compares a prefix of it, byte for byte).
    var handle: Data
    /// Lower-case handle without `@` and its part before `@` (`is:own`).
    var handleLC, handleLocal: String
    /// What the row stores of `handleLC`: nil when it has the folded handle's bytes (`handle_lc` is then computed
    /// from `handle`, see the schema).
    var handleLower: String?
    var authorName: String?
    var ownLang: Int, lang: String
    var sentiment: Int, score: Double?, intents: Int
    var hay: String
    /// The post this mention names as its thread's root, and the one it answers when that is another
    /// (`HistoryIndex.threadRef`; nil when none).
    var rootRef, replyRef: String?
    /// What the report keeps of it (`report_part`).
    var report: ReportParts
    /// The author's identity (`ContactIdentity.key`; nil without an author or with an empty handle): its `person` row.
    var identity: String?

    init(_ m: Mention) {
        platform = m.platform.lowercased()
        source = m.source?.lowercased() ?? ""
        sourceOther = source == platform ? nil : source
        created = m.createdAt.timeIntervalSince1970
        var h = m.author.map { QueryText.fold($0.handle) } ?? []
        while h.first == 64 { h.removeFirst() }
        handle = Data(h)
        let lc = m.author.map { OwnAccounts.normalized($0.handle) } ?? ""
        handleLC = lc
        handleLower = lc.utf8.elementsEqual(handle) ? nil : lc
        handleLocal = lc.firstIndex(of: "@").map { String(lc[..<$0]) } ?? ""
        authorName = m.author?.name
        ownLang = m.lang == nil ? 0 : 1
        lang = QueryMatcher.baseLanguage(m.lang ?? m.analysis?.lang)
        sentiment = m.analysis.map { Int(QueryMatcher.sentimentCode($0.sentiment)) } ?? 0
        score = m.analysis?.score
        intents = Int(MentionColumns.intentBits(m.analysis?.intents ?? []))
        let folded = QueryText.fold(m.text)
        hay = String(decoding: QueryText.haystack(m, folded: folded), as: UTF8.self)
        if let r = m.threadRoot, !r.isEmpty { rootRef = HistoryIndex.threadRef(m.platform, r) }
        if let r = m.inReplyTo, !r.isEmpty, r != m.threadRoot { replyRef = HistoryIndex.threadRef(m.platform, r) }
        report = ReportParts(m, folded: folded, handleLC: lc, created: created)
        identity = m.author.flatMap { $0.handle.isEmpty ? nil : ContactIdentity.key(of: m) }
    }

    /// The columns of each run of records, a run per core.
    static func of(_ runs: [[Mention]]) -> [[MentionColumns]] {
        if runs.count < 2 { return runs.map { $0.map(MentionColumns.init) } }
        let box = ColumnRuns(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { box.set($0, runs[$0].map(MentionColumns.init)) }
        return box.runs
    }

    static func intentBits(_ intents: [Intent]) -> UInt8 { intents.reduce(0) { $0 | QueryMatcher.bit($1) } }
}

/// The runs' results, each written by its own thread.
private final class ColumnRuns: @unchecked Sendable {
    private(set) var runs: [[MentionColumns]]
    private let lock = NSLock()
    init(count: Int) { runs = Array(repeating: [], count: count) }
    func set(_ i: Int, _ r: [MentionColumns]) { lock.withLock { runs[i] = r } }
}
