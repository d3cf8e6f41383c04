import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

final class JSONLinesSourceTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func line(_ id: String, _ text: String = "hello") -> String {
        #"{"platform":"reddit","id":"\#(id)","text":"\#(text)","created_at":"2026-11-26T08:00:00Z"}"# + "\n"
    }

    func source(_ path: String) -> JSONLinesSource {
        var c = SourceConfig(id: "drop", type: "jsonl")
        c.path = path
        return JSONLinesSource(config: c, dataDir: dir)
    }

    func testDropDirectoryImportsThenMovesFilesToDone() async throws {
        let inbox = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data((line("a") + "garbage\n" + line("b")).utf8).write(to: inbox.appendingPathComponent("one.jsonl"))
        try Data(line("c").utf8).write(to: inbox.appendingPathComponent("two.jsonl"))
        try Data(line("x").utf8).write(to: inbox.appendingPathComponent("partial.tmp"))
        let src = source("inbox/")

        let first = try await src.poll(cursor: [:])
        XCTAssertEqual(first.mentions.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(first.mentions.map(\.source), ["drop", "drop", "drop"])
        // Not moved yet: the cursor (and so the mentions) may not be stored.
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("one.jsonl").path))
        let rejects = try String(contentsOf: inbox.appendingPathComponent("done/one.jsonl.rejects"), encoding: .utf8)
        XCTAssertEqual(rejects, "line 2: not JSON\n")

        // A poll with the saved cursor moves them and imports nothing twice.
        let second = try await src.poll(cursor: first.cursor)
        XCTAssertTrue(second.mentions.isEmpty)
        let remaining = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        XCTAssertEqual(remaining, ["done", "partial.tmp"])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("done").path).sorted(),
            ["one.jsonl", "one.jsonl.rejects", "two.jsonl"])

        // A crash before the cursor was saved: the same poll again re-reads the files (the store dedupes).
        let again = try await src.poll(cursor: [:])
        XCTAssertTrue(again.mentions.isEmpty)  // already moved above
    }

    func testCrashBeforeCursorSaveReimports() async throws {
        let inbox = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(line("a").utf8).write(to: inbox.appendingPathComponent("one.jsonl"))
        let src = source("inbox")
        _ = try await src.poll(cursor: [:])
        let retry = try await src.poll(cursor: [:])  // cursor never saved
        XCTAssertEqual(retry.mentions.map(\.id), ["a"])
    }

    func testGrowingFileIsReadByOffset() async throws {
        let file = dir.appendingPathComponent("stream.jsonl")
        try Data((line("1") + line("2") + #"{"platform":"reddit","id":"3","#).utf8).write(to: file)
        let src = source("stream.jsonl")
        let first = try await src.poll(cursor: [:])
        XCTAssertEqual(first.mentions.map(\.id), ["1", "2"])
        let h = try FileHandle(forWritingTo: file)
        try h.seekToEnd()
        h.write(Data((#""text":"t","created_at":"2026-11-26T08:00:00Z"}"# + "\n" + line("4")).utf8))
        try h.close()
        let second = try await src.poll(cursor: first.cursor)
        XCTAssertEqual(second.mentions.map(\.id), ["3", "4"])
        let third = try await src.poll(cursor: second.cursor)
        XCTAssertTrue(third.mentions.isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
    }

    func testMissingPathIsAConfigurationError() async {
        do {
            _ = try await source("nope.jsonl").poll(cursor: [:])
            XCTFail("expected an error")
        } catch let e as SourceError {
            guard case .configuration = e else { return XCTFail("\(e)") }
        } catch { XCTFail("\(error)") }
    }
}
