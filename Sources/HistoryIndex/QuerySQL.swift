import Foundation
import GRDB
import SwitchboardCore

/// The query language compiled to a condition on the `mention` table, with the same meaning as `QueryMatcher`:
/// words and phrases through the trigram full-text index and `instr` on the folded text (shorter than three
/// characters: `instr` alone), fields through columns. Every condition is 0 or 1, never NULL, so `NOT` keeps its meaning.
/// `is:overdue` and `role:` need code the index cannot run (the SLA's priority bands, the contacts): a query with
/// them compiles to a wider condition (`exact == false`) and its candidates are checked with `QueryMatcher`.
public struct QuerySQL {
    public var sql: String
    public var arguments: [DatabaseValueConvertible?]
    /// True when the condition is the whole query; false when the candidates still need `QueryMatcher`.
    public var exact: Bool

    /// Whether a word or phrase asks the full-text index (false: `fullText: false`, or no text terms).
    public var usesFullText: Bool { sql.contains("mention_fts") }

    /// `fullText: false` compiles words and phrases to `instr` alone: the cheaper plan when the newest rows are
    /// scanned anyway (a common word fills a page from the first few thousand).
    public init(_ query: Query, environment env: QueryEnvironment, fullText: Bool = true) {
        var args: [DatabaseValueConvertible?] = []
        if let s = QuerySQL.compile(query.root, env, &args, fullText: fullText) {
            (sql, arguments, exact) = (s, args, true)
            return
        }
        // A conjunction keeps the parts that compile; anything else scans every mention.
        args = []
        var parts: [String] = []
        if case .and(let nodes) = query.root {
            for n in nodes {
                var a: [DatabaseValueConvertible?] = []
                if let s = QuerySQL.compile(n, env, &a, fullText: fullText) { parts.append(s); args += a }
            }
        }
        (sql, arguments, exact) = (parts.isEmpty ? "1" : parts.joined(separator: " AND "), args, false)
    }

    /// The distinct three-character pieces of `s` (by Unicode scalar, as the trigram tokenizer cuts), at most 12
    /// spread over it: every row holding `s` holds them all.
    static func trigrams(_ s: String) -> [String] {
        let u = Array(s.unicodeScalars)
        guard u.count >= 3 else { return [] }
        var seen = Set<String>()
        var out: [String] = []
        for i in 0...(u.count - 3) {
            var g = String.UnicodeScalarView()
            g.append(contentsOf: u[i..<(i + 3)])
            let t = String(g)
            if seen.insert(t).inserted { out.append(t) }
        }
        if out.count <= 12 { return out }
        return (0..<12).map { out[$0 * (out.count - 1) / 11] }
    }

    /// The smallest byte string above every string that starts with `prefix` (nil: none, all bytes 0xFF).
    static func prefixEnd(_ prefix: [UInt8]) -> [UInt8]? {
        var end = prefix
        while let last = end.last {
            if last < 0xFF {
                end[end.count - 1] = last + 1
                return end
            }
            end.removeLast()
        }
        return nil
    }

    static let openCodes = MentionStatus.allCases.filter(\.isOpen).map { "\(StateColumns.statusCode($0))" }
        .joined(separator: ",")

    static func compile(
        _ n: Node, _ env: QueryEnvironment, _ a: inout [DatabaseValueConvertible?], fullText: Bool = true
    ) -> String? {
        func bind(_ v: DatabaseValueConvertible?) -> String { a.append(v); return "?" }
        switch n {
        case .all: return "1"
        case .none: return "0"
        case .and(let ns), .or(let ns):
            var parts: [String] = []
            for x in ns {
                guard let s = compile(x, env, &a, fullText: fullText) else { return nil }
                parts.append("(" + s + ")")
            }
            if parts.isEmpty { if case .and = n { return "1" } else { return "0" } }
            if case .and = n { return parts.joined(separator: " AND ") }
            return parts.joined(separator: " OR ")
        case .not(let x): return compile(x, env, &a, fullText: fullText).map { "NOT (" + $0 + ")" }
        case .intent(let i): return "(intents & \(QueryMatcher.bit(i))) != 0"
        case .sentiment(let s): return "sentiment = \(QueryMatcher.sentimentCode(s))"
        case .status(let s):
            // `mention_status` holds the statuses other than `new` only: SQLite uses a partial index for a query
            // that says its condition in these words.
            let code = StateColumns.statusCode(s)
            return code == 0 ? "status = 0" : "status = \(code) AND status != 0"
        case .open: return "status IN (\(openCodes))"
        case .unassigned: return "assignee IS NULL"
        case .assigned: return "assignee IS NOT NULL"
        case .mine: return "assignee IS " + bind(env.me)
        case .assignee(let u): return "assignee_lc IS " + bind(u)
        case .tag(let t): return "instr(tags, " + bind("\u{1F}" + t + "\u{1F}") + ") > 0"
        case .net(let p): return "platform = " + bind(p)
        case .source(let s): return s.isEmpty ? "0" : "source = " + bind(s)
        case .lang(let l):
            let base = QueryMatcher.baseLanguage(l)
            return base.isEmpty ? "0" : "lang = " + bind(base)
        case .from(let h):
            let prefix = QueryText.fold(h)
            if prefix.isEmpty { return "1" }
            // A range of the folded handle (blobs compare byte by byte): every handle starting with the prefix is at
            // least the prefix and below the prefix with its last byte raised. Where an index may answer (not in a
            // scan of the newest rows), the rows come from `mention_by_handle` and its tail (`handleRows`).
            let end = QuerySQL.prefixEnd(prefix)
            func range() -> String {
                "handle >= " + bind(Data(prefix)) + (end.map { " AND handle < " + bind(Data($0)) } ?? "")
            }
            if !fullText { return "(" + range() + ")" }
            return "rowid IN (" + HistoryIndex.handleRows(range) + ")"
        case .since(let d): return "created >= " + bind(d.timeIntervalSince1970)
        case .until(let d): return "created < " + bind(d.timeIntervalSince1970)
        // The exact comparison the matcher makes, behind a bound on `created` a second wider that the index can use.
        case .ageBelow(let d):
            let now = env.now.timeIntervalSince1970
            return "(created > " + bind(now - d - 1) + " AND " + bind(now) + " - created < " + bind(d) + ")"
        case .ageAbove(let d):
            let now = env.now.timeIntervalSince1970
            return "(created < " + bind(now - d + 1) + " AND " + bind(now) + " - created > " + bind(d) + ")"
        case .own:
            if env.own.isEmpty { return "0" }
            let hs = env.own.ownHandles.sorted().map { bind($0) }.joined(separator: ",")
            let ls = env.own.ownLocalParts.sorted().map { bind($0) }.joined(separator: ",")
            return "(handle_lc IN (\(hs.isEmpty ? "NULL" : hs)) OR handle_local IN (\(ls.isEmpty ? "NULL" : ls)))"
                + " IS 1"
        case .text(let needle):
            if needle.isEmpty { return "1" }
            let s = String(decoding: needle, as: UTF8.self)
            let grams = trigrams(s)
            if grams.isEmpty || !fullText { return "instr(hay, " + bind(s) + ") > 0" }
            let match = grams.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " AND ")
            // Bound in the order the placeholders appear.
            // The newest rows past `fts_upto` are not in the full-text index yet (`HistoryIndex.fullTextTail`): they
            // are candidates by row id, and `instr` decides as for the others.
            let fts = "rowid IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH " + bind(match)
                + " UNION ALL SELECT rowid FROM mention WHERE rowid > " + HistoryIndex.fullTextUpToSQL + ")"
            return "(" + fts + " AND instr(hay, " + bind(s) + ") > 0)"
        case .overdue, .role: return nil
        }
    }
}
