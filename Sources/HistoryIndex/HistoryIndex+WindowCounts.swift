import Foundation
import GRDB
import SwitchboardCore

/// The first frame's counts (total, new, open, overdue; the brand's own posts are neither) without reading every row:
/// everything is counted through the covering `mention_report` index, and the own posts — found through
/// `mention_handle` as the few rows whose folded handle is an own handle or starts with an own local part and `@` —
/// are counted the same way and taken off. At 100k with own accounts that is one index pass instead of a table scan
/// (the `is:own` columns are in no index).
extension HistoryIndex {
    struct WindowCounts { var total = 0, new = 0, open = 0, overdue = 0 }

    /// The two statements (everything; the own posts) with their arguments; the second is nil without own accounts.
    func windowCountStatements(own: OwnAccounts, now: Date, due: Double) throws -> [(
        String, [DatabaseValueConvertible?]
    )] {
        let env = QueryEnvironment(me: "", now: now, own: own)
        let ownSQL = QuerySQL(try Query.parse("is:own"), environment: env)
        let aggregates = """
            SELECT count(*) AS total, coalesce(sum(status = \(StateColumns.statusCode(.new))), 0) AS new,
                coalesce(sum(status IN (\(QuerySQL.openCodes))), 0) AS open,
                coalesce(sum(status IN (\(QuerySQL.openCodes)) AND first_response IS NULL AND created < ?), 0) AS overdue
            FROM mention
            """
        var out: [(String, [DatabaseValueConvertible?])] = [
            (aggregates + " INDEXED BY mention_report WHERE present = 1", [due])
        ]
        if own.isEmpty { return out }
        // A handle that is not ASCII may fold otherwise than it lower-cases: then every row is read, as before.
        guard own.ownHandles.union(own.ownLocalParts).allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            out.append((aggregates + " WHERE present = 1 AND (\(ownSQL.sql))", [due] + ownSQL.arguments))
            return out
        }
        // The folded handle of an ASCII handle is its lower case: own rows are among these.
        var ranges: [String] = []
        var args: [DatabaseValueConvertible?] = [due]
        for h in own.ownHandles.sorted() {
            ranges.append("handle = ?")
            args.append(Data(h.utf8))
        }
        for l in own.ownLocalParts.sorted() {
            ranges.append("(handle >= ? AND handle < ?)")
            args += [Data((l + "@").utf8), Data((l + "A").utf8)]
        }
        out.append(
            (
                aggregates + " WHERE present = 1 AND (\(ranges.joined(separator: " OR "))) AND (\(ownSQL.sql))",
                args + ownSQL.arguments
            ))
        return out
    }

    func windowCounts(own: OwnAccounts, now: Date, due: Double) throws -> WindowCounts {
        let statements = try windowCountStatements(own: own, now: now, due: due)
        return try pool.read { db in
            let c = try statements.map { sql, args in
                let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(args))
                return WindowCounts(
                    total: row?["total"] ?? 0, new: row?["new"] ?? 0, open: row?["open"] ?? 0,
                    overdue: row?["overdue"] ?? 0)
            }
            guard c.count == 2 else { return c[0] }
            return WindowCounts(
                total: c[0].total, new: c[0].new - c[1].new, open: c[0].open - c[1].open,
                overdue: c[0].overdue - c[1].overdue)
        }
    }

    /// How SQLite answers the counts (EXPLAIN QUERY PLAN's `detail` lines of each statement): through indexes only.
    public func windowCountsPlan(own: OwnAccounts, now: Date) throws -> [String] {
        let statements = try windowCountStatements(own: own, now: now, due: now.timeIntervalSince1970)
        return try pool.read { db in
            try statements.flatMap { sql, args in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(args))
                    .map { $0["detail"] as String }
            }
        }
    }
}
