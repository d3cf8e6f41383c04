import Foundation
import GRDB
import SwitchboardCore
import XCTest

@testable import HistoryIndex

/// Comparing two indexes (a rebuilt and a caught-up one, one that followed a writer and one that caught up after it).
extension XCTestCase {
    /// What the index holds, independent of row ids: every mention's columns and state, its report parts, the
    /// offsets, the warnings, the agenda's lines, the counts.
    func contents(_ dir: DataDirectory) throws -> [String] {
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        defer { try? q.close() }
        return try q.read { db in
            var out: [String] = []
            let mentionSQL = """
                SELECT key, present, file, off, len, platform, source, created, hex(handle), handle_lc, handle_local,
                    author_name, own_lang, lang, sentiment, score, intents, hay, status, assignee, assignee_lc, tags,
                    handoff_team, first_response, last_changed, reply_count, note_count, root_ref, reply_ref
                FROM mention ORDER BY key
                """
            for row in try Row.fetchAll(db, sql: mentionSQL) { out.append("mention \(row)") }
            // The analysis and the state as JSON with sorted keys (the encoder's key order is not fixed).
            func sorted(_ data: Data?) throws -> String {
                guard let data else { return "nil" }
                let object = try JSONSerialization.jsonObject(with: data)
                return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, analysis, state FROM mention ORDER BY key") {
                out.append("json \(row["key"] as String) \(try sorted(row["analysis"])) \(try sorted(row["state"]))")
            }
            let partSQL = """
                SELECT m.key, p.handle, p.platform, p.created, p.followers, p.flags, p.voice, length(p.terms)
                FROM report_part p JOIN mention m ON m.rowid = p.rowid ORDER BY m.key
                """
            for row in try Row.fetchAll(db, sql: partSQL) { out.append("part \(row)") }
            let other = [
                "SELECT name, kind, off, tail, lines FROM logfile ORDER BY name",
                "SELECT file, line, message FROM warning ORDER BY file, line",
                "SELECT off, len FROM agenda ORDER BY off",
                "SELECT status, answered, n FROM mention_count ORDER BY status, answered",
                "SELECT k, v FROM meta WHERE k IN ('schema', 'events') ORDER BY k",
                "SELECT count(*) FROM report_term",
                "SELECT name FROM sqlite_master ORDER BY name",
            ]
            for sql in other { for row in try Row.fetchAll(db, sql: sql) { out.append("\(sql.prefix(20)) \(row)") } }
            return out
        }
    }

    /// Equal, or the lines that differ (a whole index would not fit in a message).
    func assertSame(_ a: [String], _ b: [String], file: StaticString = #filePath, line: UInt = #line) {
        let (sa, sb) = (Set(a), Set(b))
        XCTAssertEqual(a.count, b.count, "rows", file: file, line: line)
        XCTAssertEqual(
            a.filter { !sb.contains($0) }.prefix(5) + ["--"] + b.filter { !sa.contains($0) }.prefix(5), ["--"],
            file: file, line: line)
    }

    func answers(
        _ index: HistoryIndex,
        env: QueryEnvironment = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))
    ) throws -> [String] {
        try [
            "stoerung", "STRASSE", "\"sync kaputt\"", "tag:billing", "assignee:me", "status:answered",
            "lang:de is:negative is:question", "tag:vorab endlich", "net:bluesky upload", "from:user3", "",
        ].map { q in
            "\(q): \(try index.keys(matching: try Query.parse(q), environment: env).joined(separator: ","))"
        } + ["count \(try index.mentionCount())", "events \(try index.eventCount())"]
            + (try index.warnings())
    }
}
