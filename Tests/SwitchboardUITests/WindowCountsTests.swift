import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The first frame's counts come from `mention_count` and index ranges (`WindowCounts`), not from a pass over every
/// row: the title and the status bar must still say what the folded store says — with the brand's own posts left
/// out (handles in any case, with umlauts, `@name` on any server), answered mentions not overdue, and after another
/// writer's triage and new mentions were caught up row by row.
final class WindowCountsTests: XCTestCase {
    static let team = try! JSONDecoder().decode(
        TeamConfig.self,
        from: Data(
            #"""
            {"brand": {"name": "Acme Cloud", "terms": ["Acme Cloud", "@acmecloud"]},
             "contacts": {"own_accounts": ["Bäckerei.Müller.bsky.social"]}}
            """#.utf8))

    /// Every 7th mention by `@AcmeCloud@…` (ours by its local part), every 11th by `BÄCKEREI.müller…` (ours by an
    /// own account), every 13th by a stranger whose handle folds (`Ärger@…`), the rest by users.
    func history(_ count: Int, from: Int = 0) -> [Mention] {
        (from..<from + count).map { i -> Mention in
            let author =
                i % 7 == 0
                ? "@AcmeCloud@mastodon.social"
                : i % 11 == 0 ? "BÄCKEREI.müller.bsky.social" : i % 13 == 0 ? "Ärger@social.example" : "u\(i)"
            return mention("w\(i)", "mention number \(i)", author: author, minutesAgo: Double(300 - i) + 1)
        }
    }

    func key(_ app: TestApp, _ n: Int) -> String { app.store.mentions.first { $0.text == "mention number \(n)" }!.key }

    /// Triage by another writer: statuses, a reply (answered in time) and one on our own post.
    func triage(_ app: TestApp, _ ns: ClosedRange<Int>, at: Date) throws {
        var actions: [Action] = []
        for n in ns {
            switch n % 5 {
            case 0: actions.append(.setStatus(mention: key(app, n), status: .open))
            case 1: actions.append(.setStatus(mention: key(app, n), status: .answered))
            case 2:
                actions.append(
                    .reply(mention: key(app, n), reply: ReplyRecord(text: "Danke!", actor: "bob", at: at)))
            case 3: actions.append(.setStatus(mention: key(app, n), status: .ignored))
            default: actions.append(.assign(mention: key(app, n), user: "bob"))
            }
        }
        try Store(dir: app.dir).record(actions, actor: "bob", now: at)
        try app.refresh()
    }

    /// The screen of the window the index gives for the app's team and clock, beside the app's own screen.
    func assertWindowIsTheStoresScreen(
        _ app: TestApp, whole: Bool = true, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let index = try HistoryIndex(dir: app.dir, writer: "test")
        var state = TestApp.state(team: WindowCountsTests.team)
        let w = try index.window(
            limit: 200, own: OwnAccounts(team: WindowCountsTests.team), now: state.chrome.now,
            overdueAfter: Double(state.settings.slaMinutes) * 60)
        var states: [String: MentionState] = [:]
        for (m, st) in w.newest where st != MentionState() { states[m.key] = st }
        state.showWindow(
            HistoryWindow(
                mentions: w.newest.map(\.mention), states: states, total: w.total,
                counts: FeedCounts(new: w.new, open: w.open, overdue: w.overdue ?? 0)))
        let fromIndex = render(state, size: app.size).lines
        let counts = #"Feed — \d+|\d+ new · \d+ open · \d+ overdue"#
        XCTAssertEqual(
            matches(counts, fromIndex), matches(counts, app.buffer.lines), "the title and the counts", file: file,
            line: line)
        XCTAssertEqual(matches(counts, fromIndex).count, 2, fromIndex.joined(separator: "\n"), file: file, line: line)
        if whole { XCTAssertEqual(fromIndex, app.buffer.lines, file: file, line: line) }
    }

    func matches(_ pattern: String, _ lines: [String]) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return lines.flatMap { line in
            re.matches(in: line, range: NSRange(line.startIndex..., in: line)).map {
                String(line[Range($0.range, in: line)!])
            }
        }
    }

    func testCountsLeaveOutOwnPostsAndFollowTriageAndNewMentions() throws {
        let app = try TestApp(history(300), team: WindowCountsTests.team)
        try triage(app, 0...40, at: TestApp.now.addingTimeInterval(-30 * 60))
        // Built in one go (a bulk load counts once at its end).
        try assertWindowIsTheStoresScreen(app)

        // Another writer triages more and stores new mentions: caught up row by row (the triggers count).
        try triage(app, 41...120, at: TestApp.now.addingTimeInterval(-5 * 60))
        try app.ingest(history(20, from: 300))
        // The workbench keeps its selection and says "20 new mentions"; the counts are the same.
        try assertWindowIsTheStoresScreen(app, whole: false)
        try triage(app, 0...20, at: TestApp.now)
        try assertWindowIsTheStoresScreen(app, whole: false)
    }

    func testAnOlderIndexIsRebuiltWithItsCounts() throws {
        let app = try TestApp(history(120), team: WindowCountsTests.team)
        try triage(app, 0...30, at: TestApp.now.addingTimeInterval(-90 * 60))
        try assertWindowIsTheStoresScreen(app)
        // Counts kept by hand-editing would be wrong; a rebuild counts anew (`reindex`).
        let index = try HistoryIndex(dir: app.dir, writer: "test")
        _ = try index.catchUp(rebuild: "a test")
        try assertWindowIsTheStoresScreen(app)
    }
}
