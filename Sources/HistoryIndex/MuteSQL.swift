import Foundation
import GRDB
import SwitchboardCore

/// The team's mute list (`MuteList`: authors, terms, and the private messages a role may not read) as a condition
/// on the `mention` table, with the same result as `MuteList.hides` on the folded store: private messages by the
/// report's flag (`report_part.flags`), authors by the lower-case handle (`handle_lc`), terms — case-insensitive
/// substrings of the raw text, which the index does not keep — by their rows: the folded text (`hay`) finds every
/// candidate (folding keeps a substring a substring) and each candidate's record is checked with `MuteList` itself.
/// Made by `HistoryIndex.muted(_:)`; make it again after a catch-up that read new mentions.
public struct MuteSQL: Sendable {
    public let mute: MuteList
    /// The rows whose text holds a muted term (by rowid).
    let termRows: [Int64]

    /// Whether nothing is hidden (the condition is "1").
    public var hidesNothing: Bool { mute.hidesNothing }

    /// The condition a row that is shown meets.
    var shown: (sql: String, arguments: [DatabaseValueConvertible?]) {
        var parts: [String] = []
        var args: [DatabaseValueConvertible?] = []
        if mute.hidePrivate {
            parts.append("rowid IN (SELECT rowid FROM report_part WHERE flags & \(ReportParts.isPrivate) != 0)")
        }
        if !mute.authors.isEmpty {
            let sorted = mute.authors.sorted()
            parts.append("handle_lc IN (" + sorted.map { _ in "?" }.joined(separator: ",") + ")")
            args += sorted.map { $0 as DatabaseValueConvertible? }
        }
        if !termRows.isEmpty {
            parts.append("rowid IN (SELECT value FROM json_each(?))")
            args.append("[" + termRows.map(String.init).joined(separator: ",") + "]")
        }
        if parts.isEmpty { return ("1", []) }
        return ("NOT (" + parts.joined(separator: " OR ") + ")", args)
    }

    /// `condition` AND shown.
    func and(_ condition: String, _ arguments: [DatabaseValueConvertible?]) -> (String, [DatabaseValueConvertible?]) {
        let s = shown
        if s.sql == "1" { return (condition, arguments) }
        return ("(" + condition + ") AND " + s.sql, arguments + s.arguments)
    }
}

extension HistoryIndex {
    /// The mute list as a condition (`MuteSQL`): reads the records of the rows whose folded text holds a muted term.
    public func muted(_ mute: MuteList) throws -> MuteSQL {
        guard !mute.terms.isEmpty else { return MuteSQL(mute: mute, termRows: []) }
        let env = QueryEnvironment(me: "")
        var args: [DatabaseValueConvertible?] = []
        var parts: [String] = []
        for t in mute.terms {
            let needle = QueryText.fold(t)
            if needle.isEmpty { continue }
            if let s = QuerySQL.compile(.text(needle), env, &args) { parts.append("(" + s + ")") }
        }
        guard !parts.isEmpty else { return MuteSQL(mute: mute, termRows: []) }
        let sql =
            "SELECT \(HistoryIndex.recordColumns) FROM mention WHERE present = 1 AND ("
            + parts.joined(separator: " OR ") + ")"
        let rows = try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) }
        let reader = LogReader(dir: dir)
        let termsOnly = MuteList(TeamConfig.Mute(authors: [], terms: mute.terms))
        var hit: [Int64] = []
        for row in rows {
            let (m, _) = try record(row, reader)
            if termsOnly.hides(author: nil, text: m.text) { hit.append(row["rowid"]) }
        }
        return MuteSQL(mute: mute, termRows: hit)
    }
}
