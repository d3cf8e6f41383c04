import Foundation
import Listening
import ScreenKit
import SwitchboardCore
@testable import SwitchboardUI
import XCTest

final class QueueScreenTests: XCTestCase {
    /// Masto with slots Mon 09:00, Fri 13:00 and 17:00, Sat 11:00 (UTC); the clock is Fri 2026-11-27 12:00.
    static func team() -> TeamConfig {
        var masto = SourceConfig(id: "masto", type: "mastodon"); masto.instance = "https://social.example"
        let days: [String: [String]] = ["mon": ["09:00"], "fri": ["13:00", "17:00"], "sat": ["11:00"]]
        let sched = JSONValue.object(["masto": .object(days.mapValues { .array($0.map(JSONValue.string)) })])
        return TeamConfig(brand: .init(name: "Acme Coffee", terms: ["acme", "#acmecoffee"]), competitors: [.init(name: "Globex", terms: ["globex"])],
                          sources: [masto],
                          team: [.init(user: "lea", name: "Lea", role: "lead"), .init(user: "ali", name: "Ali", role: "agent")],
                          timezone: "UTC", extra: ["posting_schedule": sched])
    }

    func app(user: String = "lea", size: Size = Size(width: 220, height: 30)) throws -> TestApp {
        try TestApp(Fixtures.three, size: size, team: Self.team(), user: user)
    }

    static func add(_ app: TestApp, _ text: String, at: String?) throws -> QueueItem {
        let d = QueueDraft(text: text, accounts: ["masto"], scheduledAt: at.flatMap(Timestamp.parse), createdAt: TestApp.now)
        let i = try Queue.add(d, team: Self.team(), store: try Store(dir: app.dir), actor: "lea", now: TestApp.now)
        try app.refresh()
        return i
    }

    /// The queue pane's rows (inside its box), trailing spaces cut.
    func pane(_ app: TestApp) -> [String] {
        let r = Layout.compute(size: app.size, focus: app.state.focus, zoomed: app.state.zoomed).panes[.queue]!
        return (r.y + 1 ..< r.maxY - 1).map { y in
            String((r.x + 1 ..< r.maxX - 1).map { app.buffer[$0, y].text }.joined()).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    func testAgendaFromTheLogRefreshedWhenTheStoreChanges() throws {
        let app = try app()
        XCTAssertEqual(pane(app).first, " No scheduled posts")
        _ = try Self.add(app, "Winter blend", at: "2026-11-28T11:00:00Z")
        _ = try Self.add(app, "Barista tips", at: "2026-11-27T13:00:00Z")
        _ = try Self.add(app, "Latte contest", at: nil)
        XCTAssertEqual(Array(pane(app).prefix(4)), [
            " Fri 27 13:00 masto scheduled   Barista tips",
            " Sat 28 11:00 masto scheduled   Winter blend",
            " —            masto draft       Latte contest",
            "",
        ])
    }
}
