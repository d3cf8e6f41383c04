import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Opening the composer claims the mention; someone else's claim shows in the feed and asks before a take-over.
final class ClaimScreenTests: XCTestCase {
    func testOthersClaimShowsInTheFeedAndTakeOverNeedsAConfirm() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        let key = app.state.feed.selectedKey!
        // Anna opens the composer on the first mention in her workbench (another Store on the same directory).
        let anna = try Store(dir: app.dir)
        try Triage.claim(store: anna, key: key, me: "anna", now: TestApp.now.addingTimeInterval(-180))
        try app.refresh()
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna             -? open due 57m →anna Why is my order late again? Third time this month.   │")
        app.press("<Enter>")
        XCTAssertEqual(app.screen[29], "held by anna since 3m — press Enter again to take over (Esc leaves it)")
        XCTAssertEqual(app.buffer[0, 29].role, .warning)
        XCTAssertEqual(app.store.state(key).assignee, "anna")
        // Esc leaves it to her: nothing recorded, back in the feed.
        app.press("<Esc>")
        XCTAssertEqual(app.state.chrome.focus, .feed)
        XCTAssertEqual(app.store.state(key).assignee, "anna")
        XCTAssertTrue(app.screen[28].hasSuffix("left to anna"), app.screen[28])
        // Enter, then Enter again: taken over.
        app.press("<Enter>")
        XCTAssertEqual(app.screen[29], "held by anna since 3m — press Enter again to take over (Esc leaves it)")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(key).assignee, "alice")
        XCTAssertEqual(try Store(dir: app.dir).state(key).assignee, "alice")
        XCTAssertTrue(app.screen[28].hasSuffix("taken over from anna"), app.screen[28])
        XCTAssertEqual(
            app.screen[1],
            "│ 3m M anna             -? open due 57m Why is my order late again? Third time this month.         │")
        XCTAssertEqual(app.state.mention.claims[key], TestApp.now)
    }

    func testOpeningAFreeMentionClaimsItAndOthersSeeIt() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        let key = app.state.feed.selectedKey!
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(key).assignee, "alice")
        XCTAssertEqual(app.store.state(key).status, .open)
        // Ben's workbench on the same directory sees alice's claim after its next refresh.
        let ben = try TestApp(size: Size(width: 100, height: 30), root: app.root, user: "ben")
        XCTAssertEqual(
            ben.screen[1],
            "│ 3m M anna             -? open due 57m →alice Why is my order late again? Third time this month.  │")
        // Opening it again writes nothing more.
        let before = app.store.events.count
        app.press("<Esc> <Enter>")
        XCTAssertEqual(app.store.events.count, before)
    }
}
