import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 20: private messages (🔒, only for roles that may read them) and posts behind a server filter's warning.
final class PrivateAndFilteredScreenTests: XCTestCase {
    func privateMessage() -> Mention {
        var m = mention(
            "110009", "Meine Rechnungsnummer ist 4711, bitte nicht öffentlich antworten.",
            author: "@jonas@chaos.social",
            minutesAgo: 3)
        m.reply = ReplyRef(uri: "110009", visibility: "direct")
        return m
    }

    func warned() -> Mention {
        var m = mention("110007", "Das Ende von Staffel 3: alle sterben.", author: "@dora@other.example", minutesAgo: 2)
        m.extra = ["filter_warning": .string("Spoiler: Staffel 3")]
        return m
    }

    func team(privateRoles: [String]?) -> TeamConfig {
        var t = TeamConfig(
            brand: .init(name: "Acme", terms: ["Acme"]),
            team: [.init(user: "alice", name: "Alice", role: "lead"), .init(user: "bob", name: "Bob", role: "agent")])
        if let privateRoles { t.extra["private_messages"] = .array(privateRoles.map { .string($0) }) }
        return t
    }

    func testAWarnedPostShowsItsFilterTitleAndItsTextOnlyAfterTheSecondEnter() throws {
        let app = try TestApp([warned(), mention("1", "Läuft Acme heute?", author: "@ute", minutesAgo: 5)])
        let row = try XCTUnwrap(app.screen.first { $0.contains("M dora@other.examp") }, app.dump())
        XCTAssertTrue(row.contains("⚠ Filtered: Spoiler: Staffel 3"), app.dump())
        XCTAssertFalse(app.screen.joined().contains("alle sterben"), app.dump())
        app.press("Enter")
        XCTAssertTrue(
            app.screen.contains { $0.contains("⚠ Filtered by your server: Spoiler: Staffel 3 · Enter") }, app.dump())
        XCTAssertTrue(
            app.screen.contains { $0.contains("⚠ Filtered: Spoiler: Staffel 3 · Enter again shows the text") })
        XCTAssertFalse(app.screen.joined().contains("alle sterben"), app.dump())
        app.press("Enter")
        XCTAssertTrue(app.screen.contains { $0.contains("Das Ende von Staffel 3: alle sterben.") }, app.dump())
    }

    func testTheWholeScreenOfAnOpenedWarnedPostAt80x24() throws {
        let app = try TestApp(
            [warned(), privateMessage(), mention("1", "Läuft Acme heute?", author: "@ute", minutesAgo: 5)],
            size: Size(width: 80, height: 24))
        app.press("Enter")
        // The first Enter keeps the text covered: the row and the status line say what the filter is.
        assertScreen(
            app,
            """
             1 Feed              2 Mention           3 Queue             4 Crisis
            ┌─ Feed — 3 ───────────────────────────────────────────────────────────────────┐
            │ 2m M dora@other.examp    open due 58m ⚠ Filtered: Spoiler: Staffel 3         │
            │ 3m M jonas@chaos.soci    new  due 57m 🔒 Meine Rechnungsnummer ist 4711, bitt│
            │ 5m M ute                 new  due 55m Läuft Acme heute?                      │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            └──────────────────────────────────────────────────────────────────────────────┘
             ~/sb · alice · 2 new · 3 open · ⟳ polling
             ⚠ Filtered: Spoiler: Staffel 3 · Enter again shows the text
            """)
        app.press("Enter")
        XCTAssertTrue(app.screen.contains { $0.contains("Das Ende von Staffel 3: alle sterben.") }, app.dump())
    }

    func testAPrivateMessageIsMarkedForALead() throws {
        let app = try TestApp([privateMessage()], team: team(privateRoles: nil), user: "alice")
        let row = try XCTUnwrap(app.screen.first { $0.contains("M jonas@chaos.soci") }, app.dump())
        XCTAssertTrue(row.contains("🔒 Meine Rechnungsnummer"), app.dump())
        app.press("Enter")
        XCTAssertTrue(app.screen.contains { $0.contains("🔒 private message · replies go privately") }, app.dump())
    }

    func testTheThreadViewCoversAPrivateMessageForARoleThatMayNotReadIt() throws {
        let answer = mention(
            "110010", "Danke, ist erledigt!", author: "@jonas@chaos.social", minutesAgo: 1, inReplyTo: "110009")
        let agent = try TestApp([privateMessage(), answer], team: team(privateRoles: nil), user: "bob")
        agent.press("t")
        XCTAssertTrue(
            agent.screen.contains { $0.contains("(a private message: your role may not read it)") }, agent.dump())
        XCTAssertFalse(agent.screen.joined().contains("4711"), agent.dump())
        XCTAssertTrue(agent.screen.joined().contains("Danke, ist erledigt!"), agent.dump())
        let lead = try TestApp([privateMessage(), answer], team: team(privateRoles: nil), user: "alice")
        lead.press("j")
        lead.press("t")
        XCTAssertTrue(lead.screen.joined().contains("4711"), lead.dump())
        XCTAssertTrue(
            lead.screen.contains { $0.contains("🔒 jonas@chaos.social") || $0.contains("🔒 @jonas") }, lead.dump())
    }

    func testAPrivateMessageIsHiddenFromARoleThatMayNotReadIt() throws {
        let ms = [privateMessage(), mention("1", "Läuft Acme heute?", author: "@ute", minutesAgo: 5)]
        let agent = try TestApp(ms, team: team(privateRoles: nil), user: "bob")
        XCTAssertFalse(agent.screen.joined().contains("jonas"), agent.dump())
        XCTAssertTrue(agent.screen.joined().contains("Läuft Acme heute?"), agent.dump())
        // team.json lets agents read them.
        let allowed = try TestApp(ms, team: team(privateRoles: ["lead", "agent"]), user: "bob")
        XCTAssertTrue(allowed.screen.joined().contains("🔒 Meine Rechnungsnummer"), allowed.dump())
    }
}
