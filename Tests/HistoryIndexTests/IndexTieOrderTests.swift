import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// Mentions of the same second are ordered by key, not by the order an index happened to read them in: two sites of
/// a team whose logs hold the same mentions in another order (each stored what it fetched first) show the same feed,
/// the same pages and the same first frame.
final class IndexTieOrderTests: XCTestCase {
    let env = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))

    /// Twelve mentions, eight of them in the same second (German text among them), two older, two newer.
    func mentions() -> [Mention] {
        let same = ["b7", "a2", "z9", "m1", "ä3", "c0", "aa", "b"].map {
            indexMention($0, text: "Störung im Netz \($0)", at: 500)
        }
        let others = [
            indexMention("old1", text: "Grüße aus Köln", at: 100), indexMention("old2", text: "Straße", at: 200),
            indexMention("new1", text: "Störung behoben", at: 900),
            indexMention("new2", text: "Danke", at: 901, platform: "bluesky", handle: "jörg.bsky.social"),
        ]
        return others + same
    }

    /// An index built from a store that received `mentions` in this order.
    func index(_ list: [Mention]) throws -> HistoryIndex {
        let dir = makeTempDir("sbtie")
        try Store(dir: dir).ingest(list)
        return try HistoryIndex(dir: dir)
    }

    func walk(_ index: HistoryIndex, _ q: String, pageSize: Int) throws -> [String] {
        var out: [String] = []
        var cursor: HistoryIndex.PageCursor?
        repeat {
            let page = try index.search(try Query.parse(q), environment: env, limit: pageSize, after: cursor)
            out += page.mentions.map(\.mention.key)
            cursor = page.next
        } while cursor != nil && out.count < 100
        return out
    }

    func testTwoIndexesOfTheSameMentionsInAnotherLogOrderShowTheSameOrder() throws {
        let list = mentions()
        let siteA = try index(list)
        let siteB = try index(list.reversed())
        var rng = SystemRandomNumberGenerator()
        let siteC = try index(list.shuffled(using: &rng))

        // The first frame (the newest page with its counts), the same at every site.
        let now = env.now
        let windows = try [siteA, siteB, siteC].map {
            try $0.window(limit: 6, own: OwnAccounts(), now: now, overdueAfter: nil).newest.map(\.mention.key)
        }
        let tied = list.filter { $0.createdAt == Date(timeIntervalSince1970: 1_790_000_500) }.map(\.key)
            .sorted { $1.utf8.lexicographicallyPrecedes($0.utf8) }
        let expected = [key("new2", list), key("new1", list)] + tied.prefix(4)
        XCTAssertEqual(windows[0], expected)
        XCTAssertEqual(windows[1], expected)
        XCTAssertEqual(windows[2], expected)

        // Every listing and every page size walks the same list, ties by key (descending: the newest-first order).
        for q in ["", "störung", "stoerung net:mastodon", "netz", "-danke"] {
            let all = try siteA.keys(matching: try Query.parse(q), environment: env)
            XCTAssertEqual(try siteB.keys(matching: try Query.parse(q), environment: env), all, q)
            XCTAssertEqual(try siteC.keys(matching: try Query.parse(q), environment: env), all, q)
            XCTAssertEqual(all.filter { tied.contains($0) }, tied, q)
            for size in [1, 3, 5] {
                XCTAssertEqual(try walk(siteA, q, pageSize: size), all, "\(q), pages of \(size)")
                XCTAssertEqual(try walk(siteB, q, pageSize: size), all, "\(q), pages of \(size)")
            }
        }
        // The scan-first plan for words (a window smaller than the tie) pages the same way.
        siteB.scanWindow = 2
        XCTAssertEqual(
            try walk(siteB, "störung", pageSize: 2),
            try siteA.keys(matching: try Query.parse("störung"), environment: env))
    }

    func key(_ id: String, _ list: [Mention]) -> String { list.first { $0.id == id }!.key }
}
