import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// One rule for every action key (issue 15, item 4): the highlighted feed row when the feed has the focus, the
/// open mention when the Mention pane has it; every confirmation names the mention.
final class ActionTargetTests: XCTestCase {
    func app() throws -> TestApp {
        var ms = ReplyFixtures.questions()
        var de = mention(
            "d1", "Wie kann ich meinen Vertrag kündigen? Grüße aus Köln", author: "jörg@social.example",
            minutesAgo: 60)
        de.author?.name = "Jörg"
        ms.append(de)
        // Commands from the composer come through keys bound in its context (printable keys type text there).
        let keymap = try Keymap.defaults.applying(
            Data(#"{"composer": {"M-x": "command", "M-N": "note", "M-E": "status escalated"}}"#.utf8), name: "test")
        return try TestApp(ms, size: Size(width: 120, height: 40), team: ReplyFixtures.team, keymap: keymap)
    }

    func testNoteFromTheFeedGoesToTheHighlightedRowNotTheOpenMention() throws {
        let app = try app()
        let open = app.state.feed.selectedKey!
        app.press("<Enter>")
        app.type("Draft in progress")
        // Back to the feed, down to another mention: N acts on the highlighted row.
        app.press("<Esc> j j")
        let highlighted = app.state.feed.selectedKey!
        XCTAssertNotEqual(open, highlighted)
        XCTAssertEqual(app.state.shownKey, open)
        app.press("N")
        app.type("called back, contract ends in March")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(highlighted).notes.map(\.text), ["called back, contract ends in March"])
        XCTAssertEqual(app.store.state(open).notes.map(\.text), [])
        XCTAssertTrue(
            app.screen[38].hasSuffix("note added to @jörg \"Wie kann ich…\""), app.screen[38])
        // :assign and H from the feed: the same row.
        app.press(":")
        app.type("assign ben")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(highlighted).assignee, "ben")
        XCTAssertTrue(app.screen[38].hasSuffix("assigned to ben: @jörg \"Wie kann ich…\""), app.screen[38])
        app.press(":")
        app.type("handoff billing refund questions")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(highlighted).handoffTeam, "billing")
        XCTAssertTrue(
            app.screen[38].hasSuffix("handed off to billing (waiting): @jörg \"Wie kann ich…\""),
            app.screen[38])
        XCTAssertEqual(app.store.state(open).assignee, "alice")
        XCTAssertNil(app.store.state(open).handoffTeam)
    }

    func testWithTheMentionPaneFocusedActionsGoToTheOpenMention() throws {
        let app = try app()
        let open = app.state.feed.selectedKey!
        app.press("<Enter> <Esc> j 2")
        let highlighted = app.state.feed.selectedKey!
        XCTAssertEqual(app.state.chrome.focus, .composer)
        app.press("M-N")
        app.type("customer also wrote by mail")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(open).notes.map(\.text), ["customer also wrote by mail"])
        XCTAssertEqual(app.store.state(highlighted).notes.count, 0)
        XCTAssertTrue(
            app.screen[38].hasSuffix("note added to @anna \"Where is my…\""), app.screen[38])
        app.press("M-E")
        XCTAssertEqual(app.store.state(open).status, .escalated)
        XCTAssertEqual(app.store.state(highlighted).status, .new)
        XCTAssertTrue(app.screen[38].hasSuffix("escalated: @anna \"Where is my…\""), app.screen[38])
        // Marks are the feed's: with the Mention pane focused they are left alone.
        app.press("<Esc> <Space> 2 M-x")
        app.type("tag billing")
        app.press("<Enter>")
        XCTAssertEqual(app.store.state(open).tags, ["billing"])
        XCTAssertEqual(app.store.state(highlighted).tags, [])
        XCTAssertFalse(app.state.feed.marks.isEmpty)
    }

    func testStatusKeyNamesTheMention() throws {
        let app = try app()
        app.press("j i")
        XCTAssertTrue(
            app.screen[38].hasSuffix("ignored: @news \"Blog post: Acme…\""), app.screen[38])
    }
}
