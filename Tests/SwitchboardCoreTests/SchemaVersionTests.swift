import Foundation
import XCTest

@testable import SwitchboardCore

/// Records and documents written by a newer version of Switchboard are refused (file, line, why) and never rewritten.
final class SchemaVersionTests: XCTestCase {
    let newerMention =
        #"{"v":99,"key":"zzzzzzzzzz","platform":"mastodon","id":"future","text":"Grüße aus der Zukunft","created_at":"2026-11-20T10:00:00Z","hologram":true}"#
    let newerEvent =
        #"{"v":99,"id":"e99","at":"2026-11-20T10:00:00Z","actor":"anna","type":"status","mention":"zzzzzzzzzz","status":"done"}"#

    func testNewerRecordsAreRefusedWithFileAndLineAndKeptByCompaction() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let k = try store.ingest([mention("1"), mention("2")]).added[0]
        try store.record([.setStatus(mention: k, status: .open)], actor: "anna")
        let mentions = logFiles(dir, .mentions)[0]
        let actions = logFiles(dir, .actions)[0]
        try FileIO.append(Array((newerMention + "\n").utf8), to: mentions)
        try FileIO.append(Array((newerEvent + "\n").utf8), to: actions)
        // The fast decoders decline, so JSONDecoder explains.
        XCTAssertNil(Array(newerMention.utf8).withUnsafeBufferPointer { RecordCodec.fastMention($0) })
        XCTAssertNil(Array(newerEvent.utf8).withUnsafeBufferPointer { RecordCodec.fastEvent($0) })

        let reader = try Store(dir: dir)
        XCTAssertEqual(reader.count, 2, "the newer record is not read as this version's")
        XCTAssertNil(reader.mention("zzzzzzzzzz"))
        let m = mentions.lastPathComponent
        let a = actions.lastPathComponent
        XCTAssertTrue(
            reader.warnings.contains { $0.hasPrefix("log/\(m):3: written by a newer version of Switchboard") },
            "\(reader.warnings)")
        XCTAssertTrue(
            reader.warnings.contains { $0.hasPrefix("log/\(a):2: written by a newer version of Switchboard") },
            "\(reader.warnings)")

        let report = try reader.compact()
        XCTAssertEqual(report.newerKept, 2)
        XCTAssertEqual(report.setAside, 0)
        XCTAssertEqual(readLines(mentions).last, newerMention, "kept byte for byte, in its place")
        XCTAssertEqual(readLines(actions).last, newerEvent)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mentions.path + ".corrupt"))
        XCTAssertEqual(reader.count, 2)
    }

    func testNewerDocumentsAreRefusedAndNotOverwritten() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        var text = try String(contentsOf: dir.teamFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"v\" : 1", with: "\"v\" : 99")
        XCTAssertTrue(text.contains("\"v\" : 99"), "team.json as written: \(text.prefix(200))")
        try text.write(to: dir.teamFile, atomically: true, encoding: .utf8)
        let line =
            try XCTUnwrap(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"v\" : 99") })
            + 1
        XCTAssertThrowsError(try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)) { e in
            XCTAssertEqual(
                "\(e)",
                "\(dir.teamFile.path): line \(line): written by a newer version of Switchboard (format v99; this "
                    + "version reads up to v1); left as it is: update Switchboard to use it")
        }
        XCTAssertThrowsError(
            try StarterKit.writeJSON(TeamConfig(brand: .init(name: "Acme", terms: [])), to: dir.teamFile)
        ) { e in XCTAssertTrue("\(e)".hasSuffix("(not overwritten)"), "\(e)") }
        XCTAssertEqual(try String(contentsOf: dir.teamFile, encoding: .utf8), text, "untouched")

        let playbook = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: dir.playbooksDir.path).first { $0.hasSuffix(".json") })
        let pURL = dir.playbooksDir.appendingPathComponent(playbook)
        let p = try String(contentsOf: pURL, encoding: .utf8).replacingOccurrences(of: "\"v\" : 1", with: "\"v\" : 7")
        try p.write(to: pURL, atomically: true, encoding: .utf8)
        XCTAssertTrue(
            PlaybookLibrary.load(dir).problems.contains { $0.message.contains("written by a newer version") },
            "\(PlaybookLibrary.load(dir).problems)")
    }
}
