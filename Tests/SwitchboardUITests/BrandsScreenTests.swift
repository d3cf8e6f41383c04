import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Several brands in one workbench: `B` shows one row per brand of brands.json (new, overdue, due in the queue
/// today, crisis), Enter opens the selected brand, `:brand NAME` switches by name (umlauts or not).
final class BrandsScreenTests: XCTestCase {
    /// A brand's data directory with `new` new mentions (`overdue` of them two hours old), a post due today and,
    /// when `crisis` is set, a running crisis.
    func brandDir(_ name: String, new: Int, overdue: Int, dueToday: Int, crisis: String? = nil) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-brand-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try FileIO.makeDirectory(root)
        let team = TeamConfig(brand: .init(name: name, terms: [name]))
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let store = try Store(dir: dir)
        let ms = (0..<new).map { i in
            mention("\(name)-\(i)", "Hallo \(i)", minutesAgo: i < overdue ? 120 : 5)
        }
        if !ms.isEmpty { try store.ingest(ms, now: TestApp.now) }
        for i in 0..<dueToday {
            let d = QueueDraft(
                text: "Post \(i)", accounts: ["masto"], scheduledAt: TestApp.now.addingTimeInterval(3600),
                createdAt: TestApp.now)
            _ = try store.record([.queue(.add(d))], actor: "lea", now: TestApp.now)
        }
        if let crisis {
            let p = Playbook(
                id: "outage", name: crisis, severityLevels: ["hoch"], steps: [], holdingStatements: [], escalation: [])
            _ = try store.record(
                [.crisis(.start(CrisisStart(crisis: "c1", playbook: p, severity: "hoch")))], actor: "lea",
                now: TestApp.now)
        }
        return root
    }

    func app(brands: [(String, URL)]) throws -> TestApp {
        let app = try TestApp([mention("1", "Where is my parcel?")], size: Size(width: 80, height: 24))
        let list = brands.map { #"{"name": "\#($0.0)", "dir": "\#($0.1.path)"}"# }.joined(separator: ", ")
        let file = app.root.appendingPathComponent("brands.json")
        try Data(#"{"brands": [\#(list)]}"#.utf8).write(to: file)
        app.runner.brandsFile = file
        return app
    }

    func testOverviewShowsOneRowPerBrandAndEnterOpensTheSelectedOne() throws {
        let acme = try brandDir("Acme", new: 3, overdue: 1, dueToday: 2)
        let baecker = try brandDir("Bäckerei Groß", new: 12, overdue: 4, dueToday: 0, crisis: "Rückruf")
        let app = try app(brands: [("Acme", acme), ("Bäckerei Groß", baecker)])
        app.press("B")
        assertScreen(
            app,
            """
             1 Feed              2 Mention           3 Queue             4 Crisis
            ┌─ Feed — 1 ───────────────────────────────────────────────────────────────────┐
            │ 1m M user                new  due 59m Where is my parcel?                    │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │      ┌─ Brands ──────────────────────────────────────────────────────┐       │
            │      │   BRAND           NEW  OVERDUE  TODAY  CRISIS                 │       │
            │      │   Acme              3        1      2  —                      │       │
            │      │   Bäckerei Groß    12        4      0  Rückruf (hoch)         │       │
            │      │                                                               │       │
            │      │ Enter opens · j/k move · Esc closes                           │       │
            │      └───────────────────────────────────────────────────────────────┘       │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            └──────────────────────────────────────────────────────────────────────────────┘
             ~/sb · alice · 1 new · 1 open · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom
            """)
        app.press("j")
        XCTAssertNil(app.state.chrome.nextBrand)
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.nextBrand?.name, "Bäckerei Groß")
        XCTAssertEqual(app.state.chrome.nextBrand?.dir, baecker.standardizedFileURL.path)
        XCTAssertTrue(app.state.chrome.quit)
    }

    func testBrandCommandSwitchesByNameAndNamesTheBrandsWhenUnknown() throws {
        let acme = try brandDir("Acme", new: 0, overdue: 0, dueToday: 0)
        let baecker = try brandDir("Bäckerei Groß", new: 0, overdue: 0, dueToday: 0)
        let app = try app(brands: [("Acme", acme), ("Bäckerei Groß", baecker)])
        app.press(":")
        app.type("brand Nordwind")
        app.press("<Enter>")
        XCTAssertTrue(
            app.screen.contains { $0.contains(#"no brand "Nordwind" (brands: Acme, Bäckerei Groß)"#) }, app.dump())
        XCTAssertFalse(app.state.chrome.quit)
        app.press(":")
        app.type("brand baeckerei gross")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.nextBrand?.name, "Bäckerei Groß")
        XCTAssertTrue(app.state.chrome.quit)
    }
}
