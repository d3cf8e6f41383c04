import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// The actions the report decodes (`ReportEvents.keep`): the triage of single mentions is skipped by its type
/// before decoding, everything the report reads is kept, and so is a line the check cannot be sure of.
final class ReportEventsTests: XCTestCase {
    func keep(_ s: String) -> Bool { ReportEvents.keep(ArraySlice(Array(s.utf8))) }

    func testTheTriageOfSingleMentionsIsSkippedAndWhatTheReportReadsIsKept() throws {
        let store = try Store(dir: makeTempDir("sbreportevents"))
        defer { try? FileManager.default.removeItem(at: store.dir.root) }
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let reply = ReplyRecord(text: "Danke, \"type\":\"status\" ist nur Text", actor: "bo", at: at)
        try store.record(
            [
                .setStatus(mention: "mastodon:1", status: .answered), .assign(mention: "mastodon:1", user: "anna"),
                .tag(mention: "mastodon:1", tags: ["billing"]), .note(mention: "mastodon:1", text: "\"type\":\"reply\""),
                .reply(mention: "mastodon:1", reply: reply),
                .contact(.merge(contact: "mastodon:anna", identities: ["bluesky:anna"])),
            ], actor: "bo", now: at)
        let file = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(at: store.dir.root.appendingPathComponent("log"),
                includingPropertiesForKeys: nil).first { $0.lastPathComponent.hasPrefix("actions") })
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 6)
        XCTAssertEqual(lines.map(keep), [false, false, false, false, true, true])
        // Written by another hand: a nested type, spaces, no type at all — decoded (the decoder decides).
        XCTAssertTrue(keep(#"{"type":"status","x":{"type":"queue_add"}}"#))
        XCTAssertTrue(keep(#"{"type" : "status"}"#))
        XCTAssertTrue(keep(#"{"at":"2026-01-01T00:00:00Z"}"#))
        XCTAssertTrue(keep(#"{"type":"crisis_start"}"#))
        XCTAssertFalse(keep(#"{"type":"untag"}"#))
        XCTAssertTrue(keep(#"{"type":"stat"#))
    }

    /// The index keeps the places of the lines the report decodes (`report_event`, schema 9): `reportEvents()` gives
    /// what reading the whole actions logs keeps, and the report with them is the folded store's in every format —
    /// after the first build, catch-ups, a rebuild, `compact` and an actions log edited by hand.
    func testTheReportsActionsReadByTheirPlacesAreTheLogs() throws {
        let dir = makeTempDir("sbreportplaces")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let team = try ReportPartsTests.team()
        try FileIO.writeDocument(ReportPartsTests.teamJSON(), to: dir.teamFile)
        let now = ReportPartsTests.now
        // A reply first (the line edited by hand below), then mentions with their triage and replies.
        try Store(dir: dir).record(
            [.reply(mention: "mastodon:zuerst", reply: ReplyRecord(text: "Grüße zuerst", actor: "bo", at: now))],
            actor: "bo", now: now.addingTimeInterval(-86400))
        try ReportPartsTests.ingest(dir, count: 500, seed: 21, from: 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func check(_ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let index = try HistoryIndex(dir: dir)
            let byPlace = try index.reportEvents()
            let fromLogs = try index.events(keep: ReportEvents.keep)
            XCTAssertEqual(
                try byPlace.map { try encoder.encode($0) }, try fromLogs.map { try encoder.encode($0) }, label,
                file: file, line: line)
            XCTAssertGreaterThan(byPlace.count, 50, label, file: file, line: line)
            XCTAssertFalse(byPlace.contains { $0.action.typeName == "status" }, label, file: file, line: line)
            let reference = try Store(dir: dir, mode: .readOnly)
            let since = now.addingTimeInterval(-30 * 86400)
            let expected = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: now, now: now, options: .insight(team: team))
            let got = try index.report(
                team: team, since: since, until: now, now: now, options: .insight(team: team), events: byPlace)
            try assertSameFormats(got, expected, label, file: file, line: line)
        }
        try check("first build")
        try ReportPartsTests.ingest(dir, count: 200, seed: 22, from: 500)
        try check("after a catch-up")
        XCTAssertEqual(try HistoryIndex(dir: dir).catchUp(rebuild: "asked to").rebuiltBecause, "asked to")
        try check("after a rebuild")
        _ = try Store(dir: dir).compact()
        try check("after compact")
        try ReportPartsTests.ingest(dir, count: 100, seed: 23, from: 700)
        try check("after compact and a catch-up")

        // The first reply's text edited by hand (same length): rebuilt, and the edit is what the report reads.
        let file = logFiles(dir, .actions)[0]
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("{") && text.prefix(400).contains("Grüße zuerst"))
        let fh = try FileHandle(forWritingTo: file)
        try fh.write(contentsOf: Data(text.replacingOccurrences(of: "Grüße zuerst", with: "Hallo!! zuerst").utf8))
        try fh.close()
        XCTAssertNotNil(try HistoryIndex(dir: dir).lastCatchUp.rebuiltBecause)
        XCTAssertTrue(
            try HistoryIndex(dir: dir).reportEvents().contains {
                if case .reply(_, let r) = $0.action { return r.text == "Hallo!! zuerst" } else { return false }
            })
        try check("after a hand edit")
    }
}
