import Foundation
import GRDB
import SwitchboardCore

/// `ingest` asks the index which keys are stored instead of reading every key from the logs (`Store.KeyIndex`).
extension HistoryIndex {
    /// How far the index read each mention log, and a look-up of the keys it holds; nil when it cannot be trusted
    /// now (a rebuild pending, a log rewritten or edited before where the index read it). Only what the index read
    /// is answered for: the store reads what the logs gained since (another process's appends) itself.
    public func keyIndex() throws -> Store.KeyIndex? {
        guard pendingReason == nil else { return nil }
        let known = try pool.read { try HistoryIndex.positions($0) }
        guard try rewrittenLog(known) == nil else { return nil }
        var covered: [String: Store.KeyIndex.Position] = [:]
        for (name, pos) in known where pos.kind == .mentions {
            covered[name] = Store.KeyIndex.Position(offset: pos.off, inode: pos.inode, lines: pos.lines)
        }
        let (pool, dir) = (self.pool, self.dir)
        return Store.KeyIndex(covered: covered) { keys in try HistoryIndex.identities(of: keys, pool: pool, dir: dir) }
    }

    /// The identity (`Mention.identity`: network and post id) of each of `keys` the index holds a mention for, read
    /// from the mention's record (the index keeps no post id; a key's hash can collide, so the identity is checked).
    static func identities(of keys: [String], pool: DatabasePool, dir: DataDirectory) throws -> [String: String] {
        var out: [String: String] = [:]
        let reader = LogReader(dir: dir)
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(keys.count, start + 500)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT key, \(HistoryIndex.fileName), off, len FROM mention
                        WHERE present = 1 AND key IN (\(marks))
                        """,
                    arguments: StatementArguments(chunk))
            }
            for row in rows {
                let place = RecordPlace(
                    key: row["key"], file: row["fname"] ?? "?", off: row["off"], len: row["len"], analysis: nil,
                    state: nil)
                out[place.key] = try ReportLoader.record(place, reader).identity
            }
        }
        return out
    }
}
