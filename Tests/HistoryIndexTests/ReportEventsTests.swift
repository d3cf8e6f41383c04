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
}
