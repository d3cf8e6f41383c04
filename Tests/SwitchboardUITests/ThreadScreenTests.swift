import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A network that answers every conversation with the same posts (and counts the requests).
final class FakeThreadFetcher: ThreadFetching, @unchecked Sendable {
    let posts: [Mention]
    private let lock = NSLock()
    private var _asked: [String] = []
    var asked: [String] { lock.withLock { _asked } }
    init(_ posts: [Mention]) { self.posts = posts }
    func conversation(of mention: Mention) async throws -> [Mention] {
        lock.withLock { _asked.append(mention.key) }
        return posts
    }
}

/// The thread view (`t`, issue 20): the conversation as a tree, our own answers inline, folding, moving between
/// posts and answering any of them.
final class ThreadScreenTests: XCTestCase {
    static let team: TeamConfig = {
        var t = TeamConfig(
            brand: .init(name: "Acme", terms: ["acme"]),
            team: [.init(user: "alice", name: "Alice Smith", role: "agent")])
        t.extra["contacts"] = .object(["own_accounts": .array([.string("@acme@social.example")])])
        return t
    }()

    static let stored: [Mention] = [
        mention("s1", "Kommt der Linux-Client diese Woche?", author: "carla@social.example", minutesAgo: 50),
        mention(
            "s2", "Ich warte auch – größte Geduld, aber bitte bald.", author: "björn@social.example", minutesAgo: 40,
            inReplyTo: "s1"),
        mention("x9", "Unrelated praise for Acme", author: "dora@social.example", minutesAgo: 5),
    ]

    /// What only the network knows: our answer to björn, and ed's answer to us.
    static let network: [Mention] = [
        mention(
            "n1", "@björn Nächste Woche, versprochen! ^AS", author: "acme@social.example", minutesAgo: 30,
            inReplyTo: "s2"),
        mention("n2", "Danke für die schnelle Antwort", author: "ed@social.example", minutesAgo: 20, inReplyTo: "n1"),
    ]

    func app(fetcher: FakeThreadFetcher?) throws -> TestApp {
        let app = try TestApp(Self.stored, size: Size(width: 80, height: 24), team: Self.team)
        if let fetcher { app.runner.threadFetcherFor = { _ in fetcher } }
        return app
    }

    func testTShowsTheWholeConversationAsATreeWithOurAnswerInline() throws {
        let fetcher = FakeThreadFetcher(Self.network)
        let app = try app(fetcher: fetcher)
        app.press("j t")
        XCTAssertEqual(fetcher.asked, [Self.stored[1].key])
        assertScreen(
            app,
            """
            ┌─ Conversation — 4 posts, 1 ours ─────────────────────────────────────────────┐
            │ • @carla@social.example · 50m · 3 answers                                    │
            │   Kommt der Linux-Client diese Woche?                                        │
            │   ▶ @björn@social.example · 40m · to @carla@social.example · 2 answers       │
            │     Ich warte auch – größte Geduld, aber bitte bald.                         │
            │     ↳ » @acme@social.example · 30m · to @björn@social.example · new · 1 ans… │
            │       @björn Nächste Woche, versprochen! ^AS                                 │
            │       ↳ @ed@social.example · 20m · to @acme@social.example · new             │
            │         Danke für die schnelle Antwort                                       │
            """
                + String(
                    repeating: "\n│                                                                              │",
                    count: 12)
                    + """

                    └──────────────────────────────────────────────────────────────────────── 2/4 ─┘
                     ~/sb · alice · 3 new · 3 open · ⟳ polling        conversation: 4 posts, 1 ours
                    j next  k previous  <Space> fold  r reply  t fetch again  <Esc> close
                    """)
    }

    func testSpaceFoldsJKMoveAndRAnswersAPostOnlyTheNetworkKnew() throws {
        let app = try app(fetcher: FakeThreadFetcher(Self.network))
        app.press("j t <Space>")
        XCTAssertEqual(
            Array(app.screen[1...5]),
            [
                "│ • @carla@social.example · 50m · 3 answers                                    │",
                "│   Kommt der Linux-Client diese Woche?                                        │",
                "│   ▶ @björn@social.example · 40m · to @carla@social.example · +2 folded       │",
                "│     Ich warte auch – größte Geduld, aber bitte bald.                         │",
                "│                                                                              │",
            ], app.dump())
        app.press("<Space> G")
        XCTAssertTrue(app.screen[7].hasPrefix("│       ↳ @ed@social.example · 20m"), app.dump())
        XCTAssertEqual(app.state.threadView?.selectedMention?.key, Self.network[1].key)
        app.press("?")
        XCTAssertTrue(app.screen.contains { $0.contains("Keys — Conversation") }, app.dump())
        XCTAssertTrue(app.screen.contains { $0.contains("Reply to this post") }, app.dump())
        app.press("<Esc> k j r")
        // ed's post is stored now (answering it goes through the outbox like any mention) and the composer is on it.
        let ed = try XCTUnwrap(app.store.mention(Self.network[1].key))
        XCTAssertEqual(ed.inReplyTo, "n1")
        XCTAssertNil(app.state.threadView)
        XCTAssertEqual(app.state.mention.opened, ed.key)
        XCTAssertEqual(app.state.chrome.focus, .composer)
        XCTAssertTrue(app.screen.contains { $0.contains("Danke für die schnelle Antwort") }, app.dump())
    }

    func testWithoutANetworkTheStoredPostsShowAndTheReasonIsNamed() throws {
        let app = try app(fetcher: nil)
        app.press("j t")
        XCTAssertEqual(
            Array(app.screen[0...5]),
            [
                "┌─ Conversation — 2 posts ─────────────────────────────────────────────────────┐",
                "│ Mastodon conversations are not fetched (stored posts only)                   │",
                "│ • @carla@social.example · 50m · 1 answer                                     │",
                "│   Kommt der Linux-Client diese Woche?                                        │",
                "│   ▶ @björn@social.example · 40m · to @carla@social.example                   │",
                "│     Ich warte auch – größte Geduld, aber bitte bald.                         │",
            ], app.dump())
        app.press("<Esc>")
        XCTAssertNil(app.state.threadView)
        XCTAssertTrue(app.screen[0].hasPrefix(" 1 Feed"), app.dump())
    }
}
