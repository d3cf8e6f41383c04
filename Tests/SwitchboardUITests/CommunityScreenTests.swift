import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 9 in the workbench: the author card, person marks in the feed, the hand-off key and the answer from inside,
/// `:report` and `:contacts` (search, sort, card, merge, roles, advocates).
final class CommunityScreenTests: XCTestCase {
    typealias F = CommunityFixtures

    func testFeedMarksMultipliersWithAStarAndCriticsWithAFlag() throws {
        let app = try F.app()
        assertScreen(app, COMMUNITY_FEED)
        XCTAssertEqual(app.buffer[6, 2].role, .accent)
        XCTAssertEqual(app.buffer[6, 5].role, .negative)
    }

    func testAuthorCardShowsRolesReachCountsSentimentAndNotes() throws {
        let app = try F.app()
        app.sideBySide()
        F.select(app, "a1")
        app.press("<Enter>")
        assertScreen(app, COMMUNITY_CARD)
        // A role set by hand (no `?`) and a note, from the composer's keys.
        app.press("M-r")
        XCTAssertEqual(app.screen[39], ":role")
        app.type("+customer")
        app.press("<Enter> M-n")
        app.type("prefers email")
        app.press("<Enter>")
        let contact = "mastodon:anna@social.example"
        let kinds = app.store.events.compactMap { e -> ContactAction? in
            if case .contact(let c) = e.action { return c } else { return nil }
        }
        XCTAssertEqual(
            kinds,
            [.role(contact: contact, add: ["customer"], remove: []), .note(contact: contact, text: "prefers email")])
        XCTAssertEqual(
            app.screen[7],
            "│                                                                ││ roles: critic?, customer · reach 800 · 3 mentions …│"
        )
        XCTAssertEqual(
            app.screen[9],
            "│                                                                ││ note (alice, 0s ago): prefers email                │"
        )
        // Removing the suggestion hides it for good.
        app.press("M-r")
        app.type("-critic")
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[7],
            "│                                                                ││ roles: customer · reach 800 · 3 mentions · 0 repli…│"
        )
        XCTAssertEqual(
            app.screen[1],
            "│ 5m M anna@social. -! open due 55m Still no refund, this is the ││ @anna@social.example (Anna Berg) · 800 followers   │"
        )
    }

    func testAFirstTimeAuthorGetsNoCard() throws {
        let app = try F.app()
        F.select(app, "b1", platform: "bluesky")
        app.press("<Enter>")
        XCTAssertFalse(app.screen.contains { $0.contains("Contact:") }, app.dump())
        XCTAssertEqual(app.state.mention.detail?.contact?.name, "Ben")
    }

    func testHandoffKeyOffersTheTeamsAndRecordsTheHandoff() throws {
        let app = try F.app()
        app.sideBySide()
        F.select(app, "a1")
        app.press("H")
        XCTAssertEqual(app.screen[38], " support")
        XCTAssertEqual(app.screen[39], ":handoff")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[39], ":handoff support")
        app.type("wants the refund")
        app.press("<Enter>")
        let key = MentionKey.make(platform: "mastodon", id: "a1")
        let last = app.store.events.last!
        guard case .handoff(let m, let team, let note) = last.action else { return XCTFail("\(last.action)") }
        XCTAssertEqual([m, team, note], [key, "support", "wants the refund"])
        XCTAssertEqual(last.actor, "alice")
        XCTAssertEqual(app.store.state(key).status, .waiting)
        XCTAssertEqual(app.store.state(key).handoffTeam, "support")
        XCTAssertEqual(
            app.screen[1],
            "│ 5m M⚑anna@social. -! wait due 55m Still no refund, this is the ││ No mention open: select one in the feed and press  │"
        )
        XCTAssertTrue(
            app.screen[38].hasSuffix("handed off to support (waiting): @anna \"Still no refund,…\""), app.screen[38])
        // A team used before is offered next time, after the routing rules' teams.
        F.select(app, "x1", platform: "bluesky")
        app.press("H")
        app.type("legal")
        app.press("<Enter> j H")
        XCTAssertEqual(app.screen[38], " support  legal")
        app.press("<Esc>")
    }

    func testTheAnswerFromInsideIsShownAndStartsTheReply() throws {
        let app = try F.app()
        app.sideBySide()
        let key = MentionKey.make(platform: "mastodon", id: "a1")
        // Recorded by `switchboard handoff` and `switchboard handoff reply` in other processes.
        let other = try Store(dir: app.dir)
        try other.record(
            [.handoff(mention: key, team: "support", note: nil)], actor: "alice",
            now: TestApp.now.addingTimeInterval(-240))
        try other.record(
            [.handoffFollowUp(.reply(mention: key, team: "support", text: "Refund approved, 20 EUR back today."))],
            actor: "bob",
            now: TestApp.now.addingTimeInterval(-120))
        try app.refresh()
        F.select(app, "a1")
        app.press("<Enter>")
        XCTAssertEqual(
            Array(app.screen[11...15]),
            [
                "│                                                                ││                                                    │",
                "│                                                                ││ Handed off to support                              │",
                "│                                                                ││ Answer from support (bob, 2m ago): Refund          │",
                "│                                                                ││   approved, 20 EUR back today.                     │",
                "│                                                                ││─ Reply · 6/500 ────────────────────────────────────│",
            ])
        // The composer's five lines leave the hint under the fold: scrolling the mention shows it.
        app.press("<PgDn>")
        XCTAssertTrue(
            app.screen.contains(
                "│                                                                ││   C-y in the composer starts the reply with it     │"
            ),
            app.dump())
        app.type("Hi")
        app.press("C-y")
        XCTAssertEqual(
            app.state.mention.drafts[key]?.editor.text, "@anna@social.example Refund approved, 20 EUR back today. Hi")
        XCTAssertTrue(app.screen[38].hasSuffix("answer from support inserted"), app.screen[38])
    }

    func testReportViewShowsTheChartsOfTheLastSevenDaysAndScrolls() throws {
        let app = try F.app()
        app.press(":")
        app.type("report")
        app.press("<Enter>")
        assertScreen(app, COMMUNITY_REPORT)
        app.press("j")
        XCTAssertEqual(
            app.screen[1],
            "│ 2026-11-21 00:00 to 2026-11-27 12:00 (GMT), 6d 12h                                                                   │"
        )
        app.press("G")
        XCTAssertTrue(app.screen[37].hasSuffix("─ 40–75/75 ─┘"), app.screen[37])
        XCTAssertTrue(
            app.screen.contains(
                "│ ADVOCATES                                                                                                            │"
            ), app.dump())
        app.press("<Esc>")
        XCTAssertNil(app.state.report)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 6 "))
    }

    func testContactsViewSortsSearchesAndOpensTheCardWithTheHistory() throws {
        let app = try F.app()
        app.press(":")
        app.type("contacts")
        app.press("<Enter>")
        assertScreen(app, COMMUNITY_CONTACTS)
        app.press("o")
        XCTAssertEqual(
            app.screen[0],
            "┌─ Contacts — 4 · by activity ─────────────────────────────────────────────────────────────────────────────────────────┐"
        )
        XCTAssertTrue(app.screen[2].hasPrefix("│ ⚑Anna Berg "), app.screen[2])
        app.press("o")
        XCTAssertTrue(app.screen[2].hasPrefix("│  Anna B. "), app.screen[2])
        app.press("/")
        app.type("ben")
        XCTAssertEqual(
            app.screen[0],
            "┌─ Contacts — 1/4 · search: ben▏ · by sentiment ───────────────────────────────────────────────────────────────────────┐"
        )
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[2],
            "│  Ben                      @ben.bsky.social                                                            40     1  +0.60│"
        )
        XCTAssertEqual(
            app.screen[3],
            "│                                                                                                                      │"
        )
        app.press("<Esc> o g <Enter>")
        app.state.chrome.message = nil
        assertScreen(app, COMMUNITY_CCARD)
        app.press("<Esc> <Esc>")
        XCTAssertNil(app.state.contactsView)
    }

    func testMergingTwoAccountsMakesOnePerson() throws {
        let app = try F.app()
        app.press(":")
        app.type("contacts")
        app.press("<Enter> j <Space> <Space> m")
        let merges = app.store.events.compactMap { e -> ContactAction? in
            if case .contact(let c) = e.action { return c } else { return nil }
        }
        XCTAssertEqual(
            merges, [.merge(contact: "mastodon:anna@social.example", identities: ["bluesky:annab.bsky.social"])])
        XCTAssertEqual(
            app.screen[0],
            "┌─ Contacts — 3 · by reach ────────────────────────────────────────────────────────────────────────────────────────────┐"
        )
        XCTAssertEqual(
            app.screen[3],
            "│ ⚑Anna Berg                @anna@social.example, @annab.bsky.social     critic?                     1,100     4  -0.45│"
        )
        // The feed's role: filter knows the merged person too.
        app.press("<Esc> :")
        app.type("filter role:critic")
        app.press("<Enter>")
        XCTAssertEqual(app.state.feed.rows.count, 4)
    }

    func testRoleFilterInTheFeedUsesTheContacts() throws {
        let app = try F.app()
        app.press(":")
        app.type("filter role:vip")
        app.press("<Enter>")
        XCTAssertEqual(app.state.feed.rows.map { app.state.feed.items[Int($0)].author }, ["mia@tech.example"])
        app.press(":")
        app.type("filter role:critic")
        app.press("<Enter>")
        XCTAssertEqual(app.state.feed.rows.count, 3)
    }

    func testAdvocatesOfTheLastSevenDays() throws {
        let app = try F.app()
        app.press(":")
        app.type("contacts")
        app.press("<Enter> a")
        XCTAssertEqual(
            Array(app.screen[0...3]),
            [
                "┌─ Advocates — last 7 days (a: all contacts, Enter: card, Esc closes) ─────────────────────────────────────────────────┐",
                "│  #  person                         networks           ment   +   -  followers  score                                 │",
                "│  1  @mia@tech.example              mastodon              1   1   0     52,000   1.79                                 │",
                "│  2  @ben.bsky.social               bluesky               1   1   0         40   1.27                                 │",
            ])
        app.press("j <Enter>")
        XCTAssertEqual(app.state.contactsView?.card?.name, "Ben")
    }

    func testHostileNamesNeverReachTheScreen() throws {
        var m = mention("h1", "hi", author: "evil@x.example", minutesAgo: 2, sentiment: .negative)
        m.author?.name = "Evil\u{1b}]52;c;cm0gLXJm\u{07}\u{202e}Name"
        var m2 = mention("h2", "again", author: "evil@x.example", minutesAgo: 3, sentiment: .negative)
        m2.author?.name = m.author?.name
        let app = try TestApp([m, m2], team: F.team)
        app.press("<Enter> M-n")
        app.type("x")
        app.press("<Enter>")
        app.press(": c o n t a c t s <Enter>")
        for screen in [app.screen.joined()] {
            XCTAssertFalse(
                screen.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x202e },
                app.dump())
        }
        app.press("<Enter>")
        XCTAssertFalse(
            app.screen.joined().unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x202e }, app.dump())
    }

    func testNewKeysAreInTheKeymapTableAndTheHelp() {
        let t = Keymap.defaults.table()
        for line in [
            "feed      H          handoff", "global    C-y        handoff-answer", "global    M-r        role",
            "global    M-n        contact-note",
            "contacts  o          contacts-sort", "contacts  m          contacts-merge",
            "contacts  a          contacts-advocates",
            "report    <Esc>      back",
        ] {
            XCTAssertTrue(t.contains(line), line)
        }
    }
}

extension CommunityScreenTests {
    func testHelpInsideTheContactsViewListsItsKeys() throws {
        let app = try F.app()
        app.press(":")
        app.type("contacts")
        app.press("<Enter> ?")
        let text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("┌─ Keys — Contacts (Esc closes)"), app.dump())
        for b in app.state.settings.keymap.bindings(in: .contacts) {
            XCTAssertTrue(text.contains(b.help), "missing \(b.help)\n" + app.dump())
        }
        app.press("<Esc>")
        XCTAssertNotNil(app.state.contactsView)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Contacts — 4"))
    }
}

extension CommunityScreenTests {
    func testANewMentionThatMakesACriticMarksAllTheirRows() throws {
        let app = try F.app()
        app.sideBySide()
        XCTAssertTrue(app.screen[3].hasPrefix("│ 1h B ben.bsky.soc +  new  late 30m Acme support"), app.dump())
        try app.ingest([
            mention(
                "b2", "Acme broke my sync", author: "ben.bsky.social", minutesAgo: 1, platform: "bluesky",
                sentiment: .negative),
            mention(
                "b3", "Acme still broken", author: "ben.bsky.social", minutesAgo: 0.5, platform: "bluesky",
                sentiment: .negative),
        ])
        let rows = app.screen.filter { $0.contains("ben.bsky.soc") }
        XCTAssertEqual(rows.count, 3, app.dump())
        XCTAssertTrue(rows.allSatisfy { $0.contains(" B⚑ben.bsky.soc ") }, app.dump())
        // A role removed elsewhere (the CLI) takes the marks away on the next refresh.
        let other = try Store(dir: app.dir)
        try other.record(
            [.contact(.role(contact: "bluesky:ben.bsky.social", add: [], remove: ["critic"]))], actor: "bob")
        try app.refresh()
        XCTAssertTrue(
            app.screen.filter { $0.contains("ben.bsky.soc") }.allSatisfy { $0.contains(" B ben.bsky.soc ") }, app.dump()
        )
    }
}

extension CommunityScreenTests {
    func testRoleAndNoteKeysInTheContactsView() throws {
        let app = try F.app()
        app.press(":")
        app.type("contacts")
        app.press("<Enter> G +")
        XCTAssertEqual(app.screen[39], ":role +")
        app.type("fan")
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[5],
            "│  Ben                      @ben.bsky.social                             fan                            40     1  +0.60│"
        )
        app.press("<Enter> N")
        app.type("met at the fair")
        app.press("<Enter>")
        let actions = app.store.events.compactMap { e -> ContactAction? in
            if case .contact(let c) = e.action { return c } else { return nil }
        }
        XCTAssertEqual(
            actions,
            [
                .role(contact: "bluesky:ben.bsky.social", add: ["fan"], remove: []),
                .note(contact: "bluesky:ben.bsky.social", text: "met at the fair"),
            ])
        XCTAssertTrue(app.screen.contains { $0.contains("alice, 2026-11-27 12:00: met at the fair") }, app.dump())
        XCTAssertEqual(
            app.screen[3],
            "│ roles: fan                                                                                                           │"
        )
    }
}
