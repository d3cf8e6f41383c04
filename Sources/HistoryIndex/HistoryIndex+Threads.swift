import Foundation
import GRDB
import SwitchboardCore

/// The Mention pane's thread from the index: the stored mentions of a mention's conversation, found as the folded
/// store's `ThreadIndex` finds them (the posts it names as root or parent, and the mentions that name it, its root
/// or its parent), through the `root_ref`/`reply_ref` columns and the key — a few rows, whatever the history.
extension HistoryIndex {
    /// A post named by network and id, as the thread columns hold it (`ThreadIndex`'s key).
    static func threadRef(_ platform: String, _ id: String) -> String { platform + "\u{1F}" + id }

    /// The other stored mentions of `m`'s conversation with their states, in store order.
    public func related(_ m: Mention) throws -> [(mention: Mention, state: MentionState)] {
        let named = [m.threadRoot, m.inReplyTo].compactMap { $0 }.filter { !$0.isEmpty }
        let refs = Array(Set((named + [m.id]).filter { !$0.isEmpty }.map { HistoryIndex.threadRef(m.platform, $0) }))
        guard !refs.isEmpty else { return [] }
        // The posts it names, by the key their network and id give (checked below: a key is a hash).
        let keys = Array(Set(named.map { MentionKey.make(platform: m.platform, id: $0) }))
        let columns = "rowid, key, \(HistoryIndex.fileName), off, len, analysis, state, root_ref, reply_ref"
        let marks = { (n: Int) in Array(repeating: "?", count: n).joined(separator: ", ") }
        let rows = try pool.read { db -> [Row] in
            var byRowID: [Int64: Row] = [:]
            for (column, values) in [("root_ref", refs), ("reply_ref", refs), ("key", keys)] where !values.isEmpty {
                let sql =
                    "SELECT \(columns) FROM mention WHERE \(column) IN (\(marks(values.count))) AND present = 1"
                for r in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)) {
                    byRowID[r["rowid"]] = r
                }
            }
            return byRowID.keys.sorted().map { byRowID[$0]! }
        }
        let reader = LogReader(dir: dir)
        let wanted = Set(refs)
        var out: [(mention: Mention, state: MentionState)] = []
        for row in rows where (row["key"] as String) != m.key {
            let (r, st) = try record(row, reader)
            let byRef = [row["root_ref"] as String?, row["reply_ref"] as String?].contains {
                $0.map(wanted.contains) == true
            }
            if byRef || (r.platform == m.platform && named.contains(r.id)) { out.append((r, st)) }
        }
        return out
    }
}
