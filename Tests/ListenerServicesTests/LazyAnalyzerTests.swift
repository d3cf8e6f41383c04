import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import XCTest

/// Insight's tables (~12 MB) are loaded the first time a source brings mentions, not when the workbench or the
/// listener builds its sources: a poll that brings nothing leaves them unloaded, the first mention is analysed as
/// before.
final class LazyAnalyzerTests: XCTestCase {
    /// A source that brings the mentions it is given, once each.
    final class Given: Source, @unchecked Sendable {
        let id = "given"
        var queue: [[Mention]]
        init(_ queue: [[Mention]]) { self.queue = queue }
        func poll(cursor: [String: String]) async throws -> PollResult {
            PollResult(mentions: queue.isEmpty ? [] : queue.removeFirst(), cursor: cursor)
        }
    }

    func testTheAnalyserIsMadeWhenTheFirstMentionsArrive() async throws {
        let dir = try ServiceFixture.dataDir(self)
        let lazy = LazyAnalyzer(dir)
        let m = Mention(
            platform: "mastodon", id: "1", text: "Die Störung ist furchtbar, nichts geht mehr!", createdAt: Date())
        let source = AnalysingSource(inner: Given([[], [m]])) { lazy.get() }
        let empty = try await source.poll(cursor: [:])
        XCTAssertTrue(empty.mentions.isEmpty)
        XCTAssertFalse(lazy.isLoaded, "a poll without mentions needs no analyser")
        let r = try await source.poll(cursor: [:])
        XCTAssertTrue(lazy.isLoaded)
        let a = try XCTUnwrap(r.mentions.first?.analysis)
        XCTAssertEqual(a.lang, "de")
        XCTAssertEqual(a.sentiment, .negative)
    }
}
