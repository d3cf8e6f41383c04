import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// team.json while the workbench runs (issue 15, items 5–7): a file that stops parsing is said in a banner and
/// nothing is saved until it parses again; an edit is applied at once; who polls the sources shows at every width.
final class TeamChangeScreenTests: XCTestCase {
    static func team(_ members: [TeamConfig.Member]) -> TeamConfig {
        TeamConfig(brand: .init(name: "Acme", terms: ["acme"]), team: members, timezone: "UTC")
    }
    static let lea = TeamConfig.Member(user: "lea", name: "Lea", role: "lead")

    func testBrokenTeamFileBannerRefusesWritesUntilItParsesAgain() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30), team: Self.team([Self.lea]))
        app.send(.teamBroken("\(app.root.path)/team.json: line 3, column 5: Unexpected character ';'"))
        // Two banner lines on top at 100 columns; the panes moved down under them (28 rows left: tabs).
        XCTAssertEqual(
            Array(app.screen[0...3]),
            [
                " ⚠ team.json does not parse: nothing is saved until it does (on old settings)",
                "   ~/sb/team.json: line 3, column 5: Unexpected character ';'",
                " 1 Feed                   2 Mention                3 Queue                  4 Crisis",
                "┌─ Feed — 3 ───────────────────────────────────────────────────────────────────────────────────────┐",
            ], app.dump())
        XCTAssertEqual(app.buffer[1, 0].role, .error)
        XCTAssertEqual(app.buffer[99, 1].role, .error)

        // A status change is refused with the reason, and stored nowhere.
        app.press("i")
        XCTAssertEqual(
            app.state.chrome.message?.text,
            "not saved: team.json does not parse (line 3, column 5) — fix team.json first")
        XCTAssertTrue(app.screen[29].contains("not saved: team.json does not parse"), app.dump())
        XCTAssertTrue(app.store.states().isEmpty)
        // The banner stays (a tick and other messages do not remove it).
        app.send(.tick(TestApp.now.addingTimeInterval(60)))
        XCTAssertTrue(app.screen[0].contains("team.json does not parse"), app.dump())

        // Fixed (and a member added): the banner goes, the change is named, writes work again.
        app.send(.teamChanged(Self.team([Self.lea, .init(user: "alice", name: "Alice", role: "agent")])))
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3 "), app.dump())
        XCTAssertEqual(app.state.chrome.message?.text, "team.json parses again: alice added (agent) — applied")
        XCTAssertTrue(app.screen[29].contains("team.json parses again"), app.dump())
        XCTAssertEqual(app.state.settings.agent?.name, "Alice")
        app.press("i")
        XCTAssertEqual(app.store.states().values.first?.status, .ignored, app.dump())
    }

    func testBannerAtEightyColumnsSaysWhereOnItsOwnLine() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 80, height: 24), team: nil)
        app.send(.teamBroken("/x/team.json: line 12, column 3: Badly formed object"))
        XCTAssertEqual(
            app.screen[0],
            " ⚠ team.json does not parse: nothing is saved until it does (on old settings)")
        XCTAssertEqual(app.screen[1], "   ~/sb/team.json: line 12, column 3: Badly formed object")
        XCTAssertTrue(app.screen[2].hasPrefix(" 1 Feed"), app.dump())
    }

    func testMemberAddedByTheLeadIsAcceptedWithoutARestart() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 40), team: Self.team([Self.lea]))
        app.press(":")
        app.type("suspend storm")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[39].contains("alice is not in the team"), app.dump())
        XCTAssertNil(try Queue.current(app.store).suspension)

        app.send(.teamChanged(Self.team([Self.lea, .init(user: "alice", name: "Alice", role: "manager")])))
        XCTAssertTrue(app.screen[38].contains("team.json changed: alice added (manager) — applied"), app.dump())
        app.press(":")
        app.type("suspend storm")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[38].hasPrefix(" QUEUE SUSPENDED: storm "), app.dump())
        XCTAssertEqual(try Queue.current(app.store).suspension?.reason, "storm")
    }

    func testAnOwnAccountAddedToTeamJSONIsShownAsOursWithoutARestart() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 40), team: Self.team([Self.lea]))
        let anna = { app.screen[1] }
        XCTAssertTrue(anna().hasPrefix("│ 3m M anna         -? new  due 57m"), app.dump())
        // The lead adds the account anna posts from as one of the team's sources: her posts are ours from now on.
        var team = Self.team([Self.lea])
        var source = SourceConfig(id: "anna", type: "bluesky")
        source.handle = "anna"
        team.sources.append(source)
        app.send(.teamChanged(team))
        XCTAssertTrue(anna().contains("»  ours"), app.dump())
        XCTAssertFalse(anna().contains("due"), app.dump())
    }

    func testAnAccountAddedToOwnAccountsLosesItsMarksAndCardAtOnceAndGetsThemBackWhenRemoved() throws {
        let app = try CommunityFixtures.app()
        CommunityFixtures.select(app, "a1")
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[1],
            "│ 5m M⚑anna@social. -! open due 55m Still no refund, this is the ││ @anna@social.example (Anna Berg) · 800 followers   │"
        )
        XCTAssertTrue(app.screen[6].contains("│ Contact: Anna Berg "), app.dump())
        XCTAssertTrue(app.screen[7].contains("│ roles: critic? · reach 800"), app.dump())

        // The lead adds the account to contacts.own_accounts in team.json: it is one of ours from now on, so it
        // is no critic (no ⚑ on any of its rows) and has no author card.
        var team = CommunityFixtures.team
        team.extra["contacts"] = .object(["own_accounts": .array([.string("@anna@social.example")])])
        app.send(.teamChanged(team))
        for row in [1, 5, 6] {
            XCTAssertTrue(app.screen[row].contains(" M anna@social. »  ours "), app.dump())
            XCTAssertFalse(app.screen[row].contains("⚑"), app.dump())
        }
        XCTAssertFalse(app.screen.contains { $0.contains("Contact: Anna Berg") }, app.dump())
        XCTAssertFalse(app.screen.contains { $0.contains("roles: critic?") }, app.dump())
        // The other people keep their marks.
        XCTAssertTrue(app.screen[2].contains(" M★mia@tech.exa "), app.dump())

        // Removed again: the critic and the card are back, without a restart.
        app.send(.teamChanged(CommunityFixtures.team))
        XCTAssertTrue(app.screen[1].hasPrefix("│ 5m M⚑anna@social. -! open due 55m "), app.dump())
        XCTAssertTrue(app.screen[6].contains("│ Contact: Anna Berg "), app.dump())
        XCTAssertTrue(app.screen[7].contains("│ roles: critic? · reach 800"), app.dump())
    }

    func testSourcesModeShowsAtEveryWidthAndATakeOverIsSaid() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 220, height: 40)] {
            let app = try TestApp(Fixtures.three, size: size, team: Self.team([Self.lea]))
            let bar = size.height - 2
            XCTAssertTrue(app.screen[bar].hasSuffix(" ⟳ polling"), "\(size): " + app.screen[bar])

            // The mode in its slot after the counts; the change is said at the right end.
            app.send(.sources(.listener(pid: 4242)))
            XCTAssertTrue(app.screen[bar].contains(" 2 overdue · listener "), "\(size): " + app.screen[bar])
            XCTAssertTrue(app.screen[bar].hasSuffix(" sources: polled by process 4242"), "\(size): " + app.screen[bar])

            // The polling process quit and nobody took over: a warning, in the status bar's own colour; the error
            // is said at the right end (220) or, too long for the row, below it (two lines at 80).
            app.send(.sources(.none))
            let noneBar = size.width < 100 ? bar - 1 : bar
            let row = app.screen[noneBar]
            XCTAssertTrue(row.contains(" 2 overdue · no sources"), "\(size): " + row)
            let col = TextWidth.width(String(row[..<row.range(of: "no sources")!.lowerBound]))
            XCTAssertEqual(app.buffer[col + 3, noneBar].role, .warning)
            let said = "sources: nobody polls — the feed does not grow until a listener or workbench starts"
            if size.width >= 200 {
                XCTAssertTrue(row.hasSuffix(" " + said), "\(size): " + row)
            } else {
                XCTAssertTrue(row.hasSuffix(" · no sources"), "\(size): " + row)
                let below = app.screen[(noneBar + 1)...].map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertEqual(below.joined(separator: " "), said, "\(size)")
            }

            XCTAssertFalse(app.state.settings.publishesQueue)
            app.send(.sources(.polling))
            XCTAssertTrue(app.screen[bar].contains(" 2 overdue · ⟳ polling"), "\(size): " + app.screen[bar])
            XCTAssertFalse(app.screen.contains { $0.contains("nobody polls") }, app.dump())
            // Taking over polling takes over publishing the queue too.
            XCTAssertTrue(app.state.settings.publishesQueue)
        }
    }
}
