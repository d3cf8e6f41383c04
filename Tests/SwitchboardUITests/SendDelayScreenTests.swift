import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The send delay as two people see it (issue 15): the countdown on the feed row, `u` only for the one whose
/// reply it is, and a take-over stated to the one who lost the mention.
final class SendDelayScreenTests: XCTestCase {
    func app(user: String = "alice", root: URL? = nil) throws -> TestApp {
        try TestApp(
            root == nil ? ReplyFixtures.questions() : [], size: Size(width: 100, height: 30),
            team: ReplyFixtures.team, root: root, user: user)
    }

    func testTheFeedRowCountsDownAndOnlyTheAuthorIsOfferedU() throws {
        let alice = try app()
        alice.sideBySide()
        alice.runner.publisherFor = { _ in RecordingPublisher() }
        let ben = try app(user: "ben", root: alice.root)
        ben.sideBySide()
        ben.runner.publisherFor = { _ in RecordingPublisher() }
        let key = alice.state.feed.selectedKey!
        alice.press("<Enter>")
        alice.type("Your refund for the late order is on its way.")
        alice.press("C-s y")
        XCTAssertEqual(
            alice.screen[1],
            "│ 3m M anna@social. -? open sending in 10 s Where is m││ @anna@social.example (Anna Berg)          │")
        alice.send(.tick(TestApp.now.addingTimeInterval(2)))
        XCTAssertEqual(
            alice.screen[1],
            "│ 3m M anna@social. -? open sending in 8 s Where is my││ @anna@social.example (Anna Berg)          │")
        XCTAssertTrue(alice.screen.contains { $0.contains("Reply: sending in 8 s — u takes it back") }, alice.dump())
        XCTAssertEqual(
            alice.screen[29],
            "j/k move  u take back  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command")
        // Ben sees the countdown, but neither u in the hint nor "u takes it back"; u tells him whose it is.
        try ben.refresh()
        ben.send(.tick(TestApp.now.addingTimeInterval(3)))
        XCTAssertTrue(ben.screen[1].contains(" open sending in 7 s →alice "), ben.screen[1])
        XCTAssertFalse(ben.screen[29].contains("take back"), ben.screen[29])
        XCTAssertTrue(ben.state.needsFastTicks)
        ben.press("u")
        XCTAssertTrue(ben.screen[28].hasSuffix("only alice can take back this reply (theirs)"), ben.screen[28])
        XCTAssertEqual(Outbox(store: try Store(dir: ben.dir)).latest(for: key)?.stateName, "queued")
        // Opening it (held by alice: ben is asked before taking over) shows whose reply is going out.
        ben.press("<Enter>")
        XCTAssertEqual(
            ben.screen[5],
            "│                                                     ││ Reply: alice's reply: sending in 7 s      │")
        XCTAssertFalse(ben.screen.contains { $0.contains("u takes it back") }, ben.dump())
        withExtendedLifetime(alice) {}
    }

    func testATakeOverIsStatedToTheOneWhoLostTheMention() throws {
        let alice = try app()
        alice.sideBySide()
        let key = alice.state.feed.selectedKey!
        alice.press("<Enter>")
        alice.type("Wir prüfen das")
        let lead = try app(user: "lead", root: alice.root)
        lead.sideBySide()
        lead.send(.tick(TestApp.now.addingTimeInterval(5)))
        lead.press("<Enter>")
        XCTAssertTrue(lead.screen[29].hasPrefix("held by alice"), lead.screen[29])
        lead.press("<Enter>")
        XCTAssertEqual(lead.store.state(key).assignee, "lead")
        XCTAssertTrue(lead.screen[28].hasSuffix("taken over from alice"), lead.screen[28])
        // Alice's workbench, within a refresh: said in the status line and kept in the mention pane.
        try alice.refresh()
        XCTAssertTrue(
            alice.screen[28].hasSuffix("lead took over @anna \"Where is my…\""), alice.screen[28])
        XCTAssertEqual(alice.buffer[99 - 3, 28].role, .error)
        XCTAssertEqual(
            alice.screen[5],
            "│                                                     ││ ⚠ lead took over this mention             │")
        alice.send(.tick(TestApp.now.addingTimeInterval(30)))
        XCTAssertTrue(alice.screen[5].contains("⚠ lead took over this mention"), alice.screen[5])
        // Her draft stays; sending it stops at the collision check.
        XCTAssertEqual(alice.state.currentDraft?.editor.text, "@anna@social.example Wir prüfen das")
        alice.press("C-s y")
        XCTAssertTrue(
            alice.screen.contains { $0.contains("Not sent: the mention changed since you opened it.") }, alice.dump())
        withExtendedLifetime(lead) {}
    }
}
