import Foundation
import FuzzTargets
import SwitchboardCore
import XCTest

/// Replays every seed and regression input under Fuzz/Corpus/<target>/ through its target, so a
/// fixed finding stays fixed in a normal `swift test`.
final class FuzzCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    func replay(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let target = try XCTUnwrap(FuzzTarget.named(name), file: file, line: line)
        let dir = Self.corpus.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
        XCTAssertFalse(files.isEmpty, "no seeds in \(dir.path)", file: file, line: line)
        for f in files {
            let data = try Data(contentsOf: f)
            XCTAssertNoThrow(try target.run(data), "\(name)/\(f.lastPathComponent)", file: file, line: line)
        }
    }

    func testEveryTargetHasSeeds() throws {
        for t in FuzzTarget.all {
            let dir = Self.corpus.appendingPathComponent(t.name)
            let n = (try? FileManager.default.contentsOfDirectory(atPath: dir.path).count) ?? 0
            XCTAssertGreaterThan(n, 0, "Fuzz/Corpus/\(t.name) has no seeds")
        }
    }

    func testSanitizerCorpus() throws { try replay("sanitizer") }
    func testFeedCorpus() throws { try replay("feed") }
    func testHTMLCorpus() throws { try replay("html") }
    func testJSONLinesCorpus() throws { try replay("jsonl") }
    func testMastodonCorpus() throws { try replay("mastodon") }
    func testBlueskyCorpus() throws { try replay("bluesky") }
    func testRedditCorpus() throws { try replay("reddit") }
    func testQueryCorpus() throws { try replay("query") }
    func testKeymapCorpus() throws { try replay("keymap") }
    func testThemeCorpus() throws { try replay("theme") }
    func testRecordCorpus() throws { try replay("record") }
}
