import Foundation
import GRDB
import SwitchboardCore

/// The counts of the workbench's title and status bar, from `mention_count` and a few index ranges instead of a pass
/// over every row (`HistoryIndex.window`). The same numbers as counting row by row: every present mention the mute
/// list shows; status new and open (needs someone) without the brand's own posts; of those open, unanswered and
/// created before `now` less `overdueAfter`.
struct WindowCounts {
    var total = 0, new = 0, open = 0
    var overdue: Int?

    static let newCode = StateColumns.statusCode(.new)
    static let openCodes = Set(MentionStatus.allCases.filter(\.isOpen).map { StateColumns.statusCode($0) })

    init(_ db: Database, env: QueryEnvironment, now: Date, overdueAfter: Double?, hiding mute: MuteSQL?) throws {
        let ownSQL = QuerySQL(try Query.parse("is:own"), environment: env)
        let shown = mute?.shown ?? (sql: "1", arguments: [])
        if mute?.mute.hidePrivate == true {
            self = try WindowCounts.onePass(db, ownSQL: ownSQL, shown: shown, now: now, overdueAfter: overdueAfter)
            return
        }
        var unanswered = 0
        for row in try Row.fetchAll(db, sql: "SELECT status, answered, n FROM mention_count") {
            let status: Int = row["status"]
            let n: Int = row["n"]
            total += n
            if status == WindowCounts.newCode { new += n }
            if WindowCounts.openCodes.contains(status) {
                open += n
                if row["answered"] == 0 { unanswered += n }
            }
        }
        // Taken away: the own posts (kept in the total) and what the mute list hides (left out of everything). Both
        // are found through `mention_by_handle` and its tail (the folded handle, exactly or as `local@…`) and the
        // muted terms' rows.
        var ranges: [String] = []
        var args: [DatabaseValueConvertible?] = []
        func handle(_ h: String) {
            ranges.append(HistoryIndex.handleRows {
                args.append(Data(WindowCounts.folded(h)))
                return "handle = ?"
            })
        }
        for h in env.own.ownHandles.sorted() { handle(h) }
        for l in env.own.ownLocalParts.sorted() {
            let prefix = WindowCounts.folded(l) + [64]
            let end = QuerySQL.prefixEnd(prefix)
            ranges.append(HistoryIndex.handleRows {
                args.append(Data(prefix))
                if let end { args.append(Data(end)) }
                return end == nil ? "handle >= ?" : "handle >= ? AND handle < ?"
            })
        }
        for a in (mute?.mute.authors ?? []).sorted() { handle(a) }
        if let rows = mute?.termRows, !rows.isEmpty {
            ranges.append("SELECT value FROM json_each(?)")
            args.append("[" + rows.map(String.init).joined(separator: ",") + "]")
        }
        if !ranges.isEmpty {
            let sql = """
                SELECT status, first_response IS NULL AS unanswered, (\(ownSQL.sql)) AS o, (\(shown.sql)) AS shown
                FROM mention WHERE rowid IN (\(ranges.joined(separator: " UNION "))) AND present = 1
                """
            // Placeholders in the order they appear: own accounts and the mute list (the columns), the ranges.
            let all = ownSQL.arguments + shown.arguments + args
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all)) {
                let isOwn = (row["o"] as Int?) == 1
                let isShown = (row["shown"] as Int?) == 1
                if isShown && !isOwn { continue }
                if !isShown { total -= 1 }
                let status: Int = row["status"]
                if status == WindowCounts.newCode { new -= 1 }
                if WindowCounts.openCodes.contains(status) {
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
        // Open and unanswered within the last `after` seconds are not overdue yet: a range of the newest rows
        // (`mention_created`; `new` is open, and `mention_status` holds the other statuses only).
        let due = now.timeIntervalSince1970 - after
        let recent =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM mention WHERE status IN (\(QuerySQL.openCodes)) AND created >= ?
                    AND present = 1 AND first_response IS NULL AND NOT (\(ownSQL.sql)) AND (\(shown.sql))
                    """,
                arguments: StatementArguments([due] + ownSQL.arguments + shown.arguments)) ?? 0
        overdue = max(0, unanswered - recent)
    }

    /// One pass over the rows (a role that may not read private messages: the private flag has no index).
    private init() {}

    private static func onePass(
        _ db: Database, ownSQL: QuerySQL, shown: (sql: String, arguments: [DatabaseValueConvertible?]),
        now: Date, overdueAfter: Double?
    ) throws -> WindowCounts {
        var c = WindowCounts()
        let due = now.timeIntervalSince1970 - (overdueAfter ?? 0)
        let newCode = WindowCounts.newCode
        // Placeholders in the order they appear: the due time, own accounts, the mute list.
        let sql = """
            SELECT count(*) AS total,
                coalesce(sum(o = 0 AND status = \(newCode)), 0) AS new,
                coalesce(sum(o = 0 AND status IN (\(QuerySQL.openCodes))), 0) AS open,
                coalesce(sum(o = 0 AND status IN (\(QuerySQL.openCodes))
                    AND first_response IS NULL AND created < ?), 0) AS overdue
            FROM (SELECT status, first_response, created, (\(ownSQL.sql)) AS o
                FROM mention WHERE present = 1 AND \(shown.sql))
            """
        let row = try Row.fetchOne(
            db, sql: sql, arguments: StatementArguments([due] + ownSQL.arguments + shown.arguments))
        c.total = row?["total"] ?? 0
        c.new = row?["new"] ?? 0
        c.open = row?["open"] ?? 0
        c.overdue = overdueAfter == nil ? nil : (row?["overdue"] ?? 0)
        return c
    }

    /// A handle folded as the `handle` column holds it (`MentionColumns`).
    static func folded(_ handle: String) -> [UInt8] {
        var h = QueryText.fold(handle)
        while h.first == 64 { h.removeFirst() }
        return h
    }
}
