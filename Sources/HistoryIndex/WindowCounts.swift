import Foundation
import GRDB
import SwitchboardCore

/// The counts of the workbench's title and status bar, from `mention_count` and a few index ranges instead of a pass
/// over every row (`HistoryIndex.window`). The same numbers as counting row by row: every present mention; status new
/// and open (needs someone) without the brand's own posts; of those open, unanswered and created before `now` less
/// `overdueAfter`.
struct WindowCounts {
    var total = 0, new = 0, open = 0
    var overdue: Int?

    init(_ db: Database, env: QueryEnvironment, now: Date, overdueAfter: Double?) throws {
        let newCode = StateColumns.statusCode(.new)
        let openCodes = Set(MentionStatus.allCases.filter(\.isOpen).map { StateColumns.statusCode($0) })
        var unanswered = 0
        for row in try Row.fetchAll(db, sql: "SELECT status, answered, n FROM mention_count") {
            let status: Int = row["status"]
            let n: Int = row["n"]
            total += n
            if status == newCode { new += n }
            if openCodes.contains(status) {
                open += n
                if row["answered"] == 0 { unanswered += n }
            }
        }
        let ownSQL = QuerySQL(try Query.parse("is:own"), environment: env)
        if !env.own.isEmpty {
            // The own posts: candidates through `mention_handle` (the folded handle, exactly or as `local@…`), kept
            // when `is:own` holds for them.
            var ranges: [String] = []
            var args: [DatabaseValueConvertible?] = []
            for h in env.own.ownHandles.sorted() {
                ranges.append("SELECT rowid FROM mention WHERE handle = ?")
                args.append(Data(WindowCounts.folded(h)))
            }
            for l in env.own.ownLocalParts.sorted() {
                let prefix = WindowCounts.folded(l) + [64]
                if let end = QuerySQL.prefixEnd(prefix) {
                    ranges.append("SELECT rowid FROM mention WHERE handle >= ? AND handle < ?")
                    args += [Data(prefix), Data(end)]
                } else {
                    ranges.append("SELECT rowid FROM mention WHERE handle >= ?")
                    args.append(Data(prefix))
                }
            }
            let sql = """
                SELECT status, first_response IS NULL AS unanswered FROM mention
                WHERE rowid IN (\(ranges.joined(separator: " UNION "))) AND present = 1 AND (\(ownSQL.sql))
                """
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args + ownSQL.arguments)) {
                let status: Int = row["status"]
                if status == newCode { new -= 1 }
                if openCodes.contains(status) {
                    open -= 1
                    if row["unanswered"] == 1 { unanswered -= 1 }
                }
            }
        }
        guard let after = overdueAfter else { return }
        guard after.isFinite else {
            overdue = 0
            return
        }
        // Open and unanswered within the last `after` seconds are not overdue yet: a range of `mention_status` per
        // open status.
        let due = now.timeIntervalSince1970 - after
        let recent =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM mention WHERE status IN (\(QuerySQL.openCodes)) AND created >= ?
                    AND present = 1 AND first_response IS NULL AND NOT (\(ownSQL.sql))
                    """,
                arguments: StatementArguments([due] + ownSQL.arguments)) ?? 0
        overdue = max(0, unanswered - recent)
    }

    /// A handle folded as the `handle` column holds it (`MentionColumns`).
    static func folded(_ handle: String) -> [UInt8] {
        var h = QueryText.fold(handle)
        while h.first == 64 { h.removeFirst() }
        return h
    }
}
