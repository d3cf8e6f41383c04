import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A publisher that records every post (the network side of a send).
final class RecordingPublisher: Publisher, @unchecked Sendable {
    let platform = "mastodon"
    private let lock = NSLock()
    private var _posts: [(OutgoingPost, String)] = []
    var fail: PublishError?
    var posts: [(OutgoingPost, String)] { lock.withLock { _posts } }
    func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        if let fail { throw fail }
        let n = lock.withLock {
            _posts.append((draft, idempotencyKey))
            return _posts.count
        }
        return PostedRef(
            id: "10\(n)", uri: "https://social.example/statuses/10\(n)", url: "https://social.example/@brand/10\(n)")
    }
}

enum ReplyFixtures {
    static let team = TeamConfig(
        brand: .init(name: "Acme", terms: ["acme"]),
        team: [.init(user: "alice", name: "Alice Smith", role: "agent", signature: "^AS")],
        extra: ["send_delay": .number(10)])
    static let templates = [
        "templates/refund.json":
            #"{"v":1,"name":"refund","description":"Refund on its way","text":"Hi {{first_name}}, your refund for the late order is on its way (ticket {{ticket}})."}"#,
        "templates/thanks.json": #"{"v":1,"name":"thanks","description":"Thank you","text":"Thank you {{author}}!"}"#,
    ]
    static func questions() -> [Mention] {
        var m = mention(
            "q1", "Where is my refund for the late order?", author: "anna@social.example", minutesAgo: 3,
            sentiment: .negative,
            intents: [.question, .complaint])
        m.author?.name = "Anna Berg"
        m.reply = ReplyRef(uri: "https://social.example/statuses/q1", visibility: "unlisted")
        var rss = mention("r1", "Blog post: Acme refunds are slow", author: "news", minutesAgo: 30, platform: "rss")
        rss.url = "https://blog.example/acme-refunds"
        return [m, rss]
    }
}

final class ReplyScreenTests: XCTestCase {
    func app(_ extra: [String: String] = [:]) throws -> TestApp {
        try TestApp(
            ReplyFixtures.questions(), size: Size(width: 100, height: 30), team: ReplyFixtures.team,
            files: ReplyFixtures.templates.merging(extra) { $1 })
    }

    func testTemplatePickRendersPlaceholdersAndReviewYENThenSendOnceAfterTheDelay() throws {
        let app = try app()
        app.sideBySide()
        let pub = RecordingPublisher()
        app.runner.publisherFor = { _ in pub }
        let key = app.state.feed.selectedKey!
        app.press("<Enter>")
        // Prefilled with the Mastodon handle (the composer keeps 5 lines while it has the focus).
        XCTAssertEqual(
            app.screen[10],
            "│                                                     ││ @anna@social.example                      │")
        app.press("C-t")
        app.type("refu")
        assertScreen(
            app,
            """
            ┌─ Feed — 2 ──────────────────────────────────────────┐┌─ Mention · replying ──────────────────────┐
            │ 3m M anna@social. -? open due 57m Where is my refund││ @anna@social.example (Anna Berg)          │
            │30m R news            new  due 30m Blog post: Acme re││ Mastodon · 2026-11-27 11:57 (3m ago) · ha…│
            │                                                     ││ https://social.example/@anna@social.examp…│
            │                                                     ││ status: open · due in 57m · priority: nor…│
            │                                                     ││ negative (-0.6) · question, complaint · en│
            │                                                     ││                                           │
            │                                                     ││ Where is my refund for the late order?    │
            │                                                     ││                                           │
            │                                                     ││─ Reply · 6/500 ───────────────────────────│
            │                                                     ││ @anna@social.example                      │
            │              ┌─ Templates — type to search, Enter inserts, Esc closes ────────────┐              │
            │              │ > refu                                                             │              │
            │              │ refund               Refund on its way                             │              │
            │              │                                                                    │              │
            │              └────────────────────────────────────────────────────────────────────┘──────────────┘
            │                                                     │┌─ Queue ────────────┐┌─ Crisis ────────────┐
            │                                                     ││ No scheduled posts ││ No active crisis.   │
            │                                                     ││                    ││ No playbooks yet.   │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            └─────────────────────────────────────────────────────┘└────────────────────┘└─────────────────────┘
             ~/sb · alice · 1 new · 2 open · ⟳ polling
            C-s send  C-t template  M-s save  C-e editor  <Esc> back  <Tab> pane  <F1> help  C-c quit
            """)
        app.press("<Enter>")
        XCTAssertEqual(
            app.state.currentDraft?.editor.text,
            "@anna@social.example Hi Anna, your refund for the late order is on its way (ticket \(TemplateContext.ticket(key)))."
        )
        XCTAssertTrue(app.screen[9].contains("Reply · 79/500 · unsaved"), app.screen[9])
        // Review: the reply with the signature, the target, the warnings.
        app.press("C-s")
        assertScreen(
            app,
            """
            ┌─ Feed — 2 ──────────────────────────────────────────┐┌─ Mention · replying ──────────────────────┐
            │ 3m M anna@social. -? open due 57m Where is my refund││ @anna@social.example (Anna Berg)          │
            │30m R news            new  due 30m Blog post: Acme re││ Mastodon · 2026-11-27 11:57 (3m ago) · ha…│
            │                                                     ││ https://social.example/@anna@social.examp…│
            │                                                     ││ status: open · due in 57m · priority: nor…│
            │                                                     ││ negative (-0.6) · question, complaint · en│
            │                                                     ││                                           │
            │                                                     ││ Where is my refund for the late order?    │
            │           ┌─ Review reply — y send · e edit · n back ────────────────────────────────┐           │
            │           │ To: @anna@social.example on Mastodon                                     │───────────│
            │           │ In reply to: https://social.example/@anna@social.example/q1              │our refund │
            │           │                                                                          │y (ticket  │
            │           │ @anna@social.example Hi Anna, your refund for the late order is on its   │           │
            │           │ way (ticket SB-HA48AE). ^AS                                              │           │
            │           │                                                                          │           │
            │           │ 83/500 characters                                                        │───────────┘
            │           │ No warnings.                                                             │───────────┐
            │           │                                                                          │ crisis.   │
            │           │ y sends it in 10 s (u takes it back until then).                         │oks yet.   │
            │           └──────────────────────────────────────────────────────────────────────────┘           │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            └─────────────────────────────────────────────────────┘└────────────────────┘└─────────────────────┘
             ~/sb · alice · 1 new · 2 open · ⟳ polling                                         template: refund
            Send this reply? y send · e edit · n back
            """)
        // e: back to editing; n: back, not sent; nothing queued either way.
        app.press("e")
        XCTAssertEqual(app.state.chrome.focus, .composer)
        XCTAssertNil(app.state.modal)
        app.type(" Sorry!")
        app.press("C-s n")
        XCTAssertTrue(app.screen[28].hasSuffix("not sent; the draft is kept"), app.screen[28])
        XCTAssertNil(Outbox(store: try Store(dir: app.dir)).latest(for: key))
        // y: queued durably, counting down; nothing posted yet.
        app.press("C-s y")
        XCTAssertEqual(Outbox(store: try Store(dir: app.dir)).latest(for: key)?.stateName, "queued")
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna@social. -? open sending in 10 s Where is m││ @anna@social.example (Anna Berg)          │")
        XCTAssertEqual(
            app.screen[5],
            "│                                                     ││ Reply: sending in 10 s — u takes it back  │")
        app.send(.tick(TestApp.now.addingTimeInterval(4)))
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna@social. -? open sending in 6 s Where is my││ @anna@social.example (Anna Berg)          │")
        XCTAssertEqual(
            app.screen[5],
            "│                                                     ││ Reply: sending in 6 s — u takes it back   │")
        XCTAssertEqual(pub.posts.count, 0)
        // After the delay: posted once through the mention's publisher, answered.
        app.send(.tick(TestApp.now.addingTimeInterval(11)))
        app.send(.tick(TestApp.now.addingTimeInterval(12)))
        XCTAssertEqual(pub.posts.count, 1)
        XCTAssertEqual(
            pub.posts.first?.0.text,
            "@anna@social.example Hi Anna, your refund for the late order is on its way (ticket \(TemplateContext.ticket(key))). Sorry! ^AS"
        )
        XCTAssertEqual(pub.posts.first?.0.inReplyTo?.uri, "https://social.example/statuses/q1")
        XCTAssertEqual(pub.posts.first?.0.visibility, "unlisted")
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna@social. -? done sent ✓ Where is my refund ││ @anna@social.example (Anna Berg)          │")
        XCTAssertEqual(
            app.screen[5],
            "│                                                     ││ Reply: sent ✓ https://social.example/@bra…│")
        XCTAssertEqual(try Store(dir: app.dir).state(key).status, .answered)
        // A second sender pass (another tick, another process) never posts it again.
        let other = OutboxSender(store: try Store(dir: app.dir), actor: "ben")
        let again = wait { await other.sendDue(publisherFor: { _ in pub }, now: TestApp.now.addingTimeInterval(60)) }
        XCTAssertEqual(again.count, 0)
        XCTAssertEqual(pub.posts.count, 1)
    }

    func testUndoDuringTheSendDelayTakesItBack() throws {
        let app = try app()
        app.sideBySide()
        let pub = RecordingPublisher()
        app.runner.publisherFor = { _ in pub }
        let key = app.state.feed.selectedKey!
        app.press("<Enter>")
        app.type("We are on it, sorry for the late refund.")
        app.press("C-s y")
        XCTAssertEqual(app.state.chrome.focus, .feed)
        app.send(.tick(TestApp.now.addingTimeInterval(3)))
        app.press("u")
        XCTAssertTrue(app.screen[28].hasSuffix("taken back, draft saved: @anna \"Where is my…\""), app.screen[28])
        XCTAssertEqual(Outbox(store: try Store(dir: app.dir)).latest(for: key)?.stateName, "cancelled")
        app.send(.tick(TestApp.now.addingTimeInterval(20)))
        XCTAssertEqual(pub.posts.count, 0)
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna@social. -? open due 56m Where is my refund││ @anna@social.example (Anna Berg)          │")
        XCTAssertEqual(
            app.screen[5],
            "│                                                     ││ Reply: taken back                         │")
    }

    func testFailedSendShowsRetryAndRRetries() throws {
        let app = try app()
        app.sideBySide()
        let pub = RecordingPublisher()
        pub.fail = .rejected("422 text too long")
        app.runner.publisherFor = { _ in pub }
        app.press("<Enter>")
        app.type("Refund is late, we are checking.")
        app.press("C-s y")
        app.send(.tick(TestApp.now.addingTimeInterval(11)))
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna@social. -? open failed — r to retry Where ││ @anna@social.example (Anna Berg)          │")
        XCTAssertEqual(
            app.screen[5],
            "│                                                     ││ Reply: failed — r to retry: rejected: 422…│")
        pub.fail = nil
        app.press("r")
        app.send(.tick(TestApp.now.addingTimeInterval(13)))
        XCTAssertEqual(pub.posts.count, 1)
        XCTAssertTrue(app.screen[1].contains(" done sent ✓ "), app.screen[1])
    }

    func testCollisionStopsSendingAndShowsWhatChanged() throws {
        let app = try app()
        let pub = RecordingPublisher()
        app.runner.publisherFor = { _ in pub }
        let key = app.state.feed.selectedKey!
        app.press("<Enter>")
        app.type("Sorry, the refund for the late order is on its way.")
        // Ben answers it from another process in between.
        let ben = try Store(dir: app.dir)
        try ben.record(
            [.setStatus(mention: key, status: .answered)], actor: "ben", now: TestApp.now.addingTimeInterval(30))
        app.send(.tick(TestApp.now.addingTimeInterval(40)))
        app.press("C-s y")
        XCTAssertTrue(
            app.screen.contains { $0.contains("Not sent: the mention changed since you opened it.") }, app.dump())
        XCTAssertTrue(
            app.screen.contains { $0.contains("ben · 2026-11-27 12:00 ·") && $0.contains("answered") }, app.dump())
        XCTAssertEqual(app.screen[29], "Not sent: the mention changed — any key closes")
        XCTAssertNil(Outbox(store: try Store(dir: app.dir)).latest(for: key))
        app.send(.tick(TestApp.now.addingTimeInterval(60)))
        XCTAssertEqual(pub.posts.count, 0)
        // Seen: the draft is still there; sending again goes through.
        app.press("x")
        XCTAssertEqual(
            app.state.currentDraft?.editor.text,
            "@anna@social.example Sorry, the refund for the late order is on its way.")
        app.press("C-s y")
        XCTAssertEqual(Outbox(store: try Store(dir: app.dir)).latest(for: key)?.stateName, "queued")
    }

    func testRSSReplyIsCopiedWithOSC52AndConfirmedByHand() throws {
        let app = try app()
        app.sideBySide()
        let term = TestTerminal()
        app.runner.copyToClipboard = { term.copyToClipboard($0) }
        app.press("j <Enter>")
        let key = app.state.feed.selectedKey!
        XCTAssertEqual(
            app.screen[12],
            "│                                                     ││                                           │")
        app.type("Thanks for the write-up, refunds are faster since Monday.")
        app.press("C-s")
        XCTAssertTrue(
            app.screen.contains { $0.contains("RSS has no reply API: y copies the reply to the clipboard") }, app.dump()
        )
        app.press("y")
        XCTAssertEqual(term.clipboard, ["Thanks for the write-up, refunds are faster since Monday. ^AS"])
        // The whole hint, wrapped (issue 15, item 9).
        XCTAssertEqual(
            Array(app.screen[28...29]),
            [
                "Reply copied to the clipboard — post it at https://blog.example/acme-refunds, then y marks it",
                "answered (n: later)",
            ])
        app.press("y")
        let st = try Store(dir: app.dir).state(key)
        XCTAssertEqual(st.status, .answered)
        XCTAssertEqual(st.replies.last?.manual, true)
        XCTAssertEqual(st.replies.last?.url, "https://blog.example/acme-refunds")
        XCTAssertTrue(app.screen[2].contains(" done sent ✓ "), app.screen[2])
    }

    func testPreSendWarningsShowInlineUnderTheComposer() throws {
        let app = try app()
        app.sideBySide()
        app.press("<Enter>")
        app.type("CHECK OUT OUR SPECIAL OFFER AT http://shop.example")
        // Five lines of text (wrapped at words), two lines of warnings under them.
        XCTAssertEqual(
            Array(app.screen[7...14]),
            [
                "│                                                     ││─ Reply · 60/500 · unsaved ────────────────│",
                "│                                                     ││ @anna@social.example CHECK OUT OUR SPECIAL│",
                "│                                                     ││ OFFER AT http://shop.example              │",
                "│                                                     ││                                           │",
                "│                                                     ││                                           │",
                "│                                                     ││                                           │",
                "│                                                     ││ ⚠ promotional phrasing (\"check out our\") …│",
                "│                                                     ││ ⚠ mostly capital letters: reads as shouti…│",
            ])
        XCTAssertEqual(app.buffer[57, 13].role, .warning)
        // The review lists all of them.
        app.press("C-s")
        XCTAssertTrue(app.screen.contains { $0.contains("⚠ link without https: http://shop.example") }, app.dump())
        XCTAssertTrue(
            app.screen.contains { $0.contains("⚠ promotional phrasing (\"check out our\") in a reply to a complaint") },
            app.dump())
    }

    func testNotesAreInternal() throws {
        let app = try app()
        app.sideBySide()
        let key = app.state.feed.selectedKey!
        app.press(":")
        app.type("note customer called too, see ticket 42")
        app.press("<Enter>")
        app.press("<Enter> <Esc>")
        XCTAssertTrue(app.screen.contains { $0.contains("Notes:") }, app.dump())
        XCTAssertTrue(app.screen.contains { $0.contains("alice, 0s ago: customer called too, see") }, app.dump())
        XCTAssertEqual(app.store.state(key).notes.map(\.text), ["customer called too, see ticket 42"])
        XCTAssertNil(Outbox(store: app.store).latest(for: key))
    }

    /// Runs async work to completion from a synchronous test.
    func wait<T: Sendable>(_ f: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let sem = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await f()
            sem.signal()
        }
        sem.wait()
        return box.value!
    }
}

final class Box<T>: @unchecked Sendable { var value: T? }
