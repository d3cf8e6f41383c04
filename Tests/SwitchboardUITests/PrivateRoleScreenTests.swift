import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 20: for a team member whose role may not read private messages (team.json `private_messages` without it),
/// a private message is nowhere — not in the feed, not in the status bar's new/open/overdue counts or the feed's
/// title, not found by a search, not among the contacts or in the report; a lead sees and counts it.
final class PrivateRoleScreenTests: XCTestCase {
    static func mentions() -> [Mention] {
        var dm = mention(
            "110009", "Meine Rechnungsnummer ist 4711, bitte nicht öffentlich antworten. Acme hat doppelt abgebucht.",
            author: "jonas@chaos.social", minutesAgo: 240, intents: [.question])
        dm.reply = ReplyRef(uri: "110009", visibility: "direct")
        return [
            dm,
            mention("1", "Läuft Acme heute? Bei mir lädt nichts.", author: "ute@social.example", minutesAgo: 5),
            mention("2", "Acme hat mir super schnell geholfen, danke!", author: "dora@other.example", minutesAgo: 20),
        ]
    }

    static func team() -> TeamConfig {
        var t = TeamConfig(
            brand: .init(name: "Acme", terms: ["Acme"]),
            team: [.init(user: "alice", name: "Alice", role: "lead"), .init(user: "bob", name: "Bob", role: "agent")])
        t.extra["private_messages"] = .array([.string("lead")])
        return t
    }

    func app(_ user: String) throws -> TestApp {
        try TestApp(Self.mentions(), size: Size(width: 80, height: 24), team: Self.team(), user: user)
    }

    func testAnAgentSeesNoPrivateMessageAndCountsNone() throws {
        let bob = try app("bob")
        // The private message is 4 hours old (overdue for whoever may answer it): not counted here at all.
        assertScreen(
            bob,
            """
             1 Feed              2 Mention           3 Queue             4 Crisis
            ┌─ Feed — 2 ───────────────────────────────────────────────────────────────────┐
            │ 5m M ute@social.examp    new  due 55m Läuft Acme heute? Bei mir lädt nichts. │
            │20m M dora@other.examp    new  due 40m Acme hat mir super schnell geholfen, da│
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
            │                                                                              │
            └──────────────────────────────────────────────────────────────────────────────┘
             ~/sb · bob · 2 new · 2 open · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom
            """)
        bob.press("/")
        bob.type("4711")
        bob.press("<Enter>")
        XCTAssertTrue(bob.screen[22].hasSuffix("filter: 4711 — 0 of 2"), bob.dump())
        XCTAssertEqual(
            bob.screen[2], "│ Nothing matches the filter.                                                  │")
        bob.press("<Esc> :")
        bob.type("contacts")
        bob.press("<Enter>")
        assertScreen(
            bob,
            """
            ┌─ Contacts — 2 · by reach ────────────────────────────────────────────────────┐
            │  name               accounts               roles           reach  ment   mood│
            │  ute@social.example @ute@social.example                        0     1      –│
            │  dora@other.example @dora@other.example                        0     1      –│
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
            │                                                                              │
            └──────────────────────────────────────────────────────────────────────────────┘
             ~/sb · bob · 2 new · 2 open · ⟳ polling                         filter cleared
            <Enter> card  / search  o sort  <Space> mark  m merge  + +role  N note
            """)
        bob.press("<Esc> :")
        bob.type("report")
        bob.press("<Enter>")
        var report: [String] = []
        for _ in 0..<4 {
            report += bob.screen
            bob.press("<PgDn>")
        }
        let text = report.joined(separator: "\n")
        XCTAssertTrue(text.contains("│   2 mentions, new on the previous period (0)"), bob.dump())
        XCTAssertTrue(text.contains("Acme named in 2 mentions"), text)
        XCTAssertTrue(text.contains("SLA breaches     0 of 2 answered or still open"), text)
        XCTAssertFalse(text.lowercased().contains("private"), text)
        XCTAssertFalse(text.contains("jonas"), text)
    }

    func testALeadSeesAndCountsIt() throws {
        let alice = try app("alice")
        XCTAssertEqual(alice.screen[1].prefix(14), "┌─ Feed — 3 ──", alice.dump())
        XCTAssertEqual(alice.screen[22], " ~/sb · alice · 3 new · 3 open · 1 overdue · ⟳ polling", alice.dump())
        XCTAssertTrue(alice.screen.joined().contains("🔒 Meine Rechnungsnummer ist 4711"), alice.dump())
        alice.press(":")
        alice.type("contacts")
        alice.press("<Enter>")
        XCTAssertTrue(alice.screen[0].hasPrefix("┌─ Contacts — 3 "), alice.dump())
        XCTAssertTrue(alice.screen.joined().contains("jonas@chaos.social"), alice.dump())
        alice.press("<Esc> :")
        alice.type("report")
        alice.press("<Enter>")
        XCTAssertTrue(alice.screen.contains { $0.contains("3 mentions, new on the previous period (0)") }, alice.dump())
    }
}
