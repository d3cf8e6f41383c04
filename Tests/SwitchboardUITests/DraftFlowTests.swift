import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Drafts around the outbox (issue 15, items 2 and 3): `u` returns the reply to the composer as a saved draft; a
/// reply that went out takes its draft with it, in every workbench.
final class DraftFlowTests: XCTestCase {
    func app(user: String = "alice", root: URL? = nil) throws -> TestApp {
        try TestApp(
            root == nil ? ReplyFixtures.questions() : [], size: Size(width: 100, height: 30),
            team: ReplyFixtures.team, files: root == nil ? ReplyFixtures.templates : [:], root: root, user: user)
    }

    func draftFile(_ app: TestApp, _ key: String) -> PanelFiles.DraftDocument? {
        PanelFiles.loadDraftDocument(app.dir, key: key)
    }

    func testUndoReturnsTheReplyToTheComposerUnchangedAsASavedDraft() throws {
        let app = try app()
        app.sideBySide()
        let pub = RecordingPublisher()
        app.runner.publisherFor = { _ in pub }
        let key = app.state.feed.selectedKey!
        app.press("<Enter>")
        app.type("Die Erstattung für die späte Bestellung ist unterwegs. Grüße")
        let typed = "@anna@social.example Die Erstattung für die späte Bestellung ist unterwegs. Grüße"
        app.press("C-s y")
        XCTAssertEqual(app.state.chrome.focus, .feed)
        app.send(.tick(TestApp.now.addingTimeInterval(2)))
        XCTAssertTrue(app.screen[1].contains(" open sending in 8 s "), app.screen[1])
        // The one who wrote the reply is offered u.
        XCTAssertTrue(app.screen[29].hasPrefix("j/k move  u take back  <Enter> reply"), app.screen[29])
        app.press("u")
        // Back in the composer, unchanged (no signature added), saved.
        XCTAssertEqual(app.state.chrome.focus, .composer)
        XCTAssertEqual(app.state.currentDraft?.editor.text, typed)
        XCTAssertFalse(app.state.currentDraft!.isDirty)
        let sep = app.screen.firstIndex { $0.contains("─ Reply · ") }!
        XCTAssertTrue(app.screen[sep].contains("─ Reply · 66/500 · saved ─"), app.screen[sep])
        XCTAssertEqual(
            Array(app.screen[(sep + 1)...(sep + 2)]),
            [
                "│                                                     ││ @anna@social.example Die Erstattung für   │",
                "│                                                     ││ die späte Bestellung ist unterwegs. Grüße │",
            ])
        XCTAssertTrue(
            app.screen[28].hasSuffix("taken back, draft saved: @anna \"Where is my…\""), app.screen[28])
        XCTAssertTrue(app.screen[5].hasSuffix("││ Reply: taken back                         │"), app.dump())
        // On disk: drafts/KEY.json with exactly the text.
        XCTAssertEqual(draftFile(app, key)?.text, typed)
        XCTAssertEqual(draftFile(app, key)?.savedBy, "alice")
        app.send(.tick(TestApp.now.addingTimeInterval(20)))
        XCTAssertEqual(pub.posts.count, 0)
        // A new workbench on the same data directory shows it as saved too.
        let again = try self.app(root: app.root)
        again.sideBySide()
        again.press("<Enter>")
        XCTAssertEqual(again.state.currentDraft?.editor.text, typed)
        XCTAssertTrue(again.screen.contains { $0.contains("─ Reply · 66/500 · saved ─") }, again.dump())
        again.press("<Esc>")
        // Sent again: the signature once, and the draft is gone (memory and file).
        app.press("C-s y")
        XCTAssertNil(draftFile(app, key))
        app.send(.tick(TestApp.now.addingTimeInterval(40)))
        XCTAssertEqual(pub.posts.map(\.0.text), [typed + " ^AS"])
        XCTAssertNil(app.state.mention.drafts[key])
        XCTAssertNil(draftFile(app, key))
        withExtendedLifetime(again) {}
    }

    func testHandPostedReplyConfirmedLeavesNoDraftInMemoryOrOnDisk() throws {
        let app = try app()
        let term = TestTerminal()
        app.runner.copyToClipboard = { term.copyToClipboard($0) }
        app.press("j <Enter>")
        let key = app.state.feed.selectedKey!
        app.type("Danke für den Artikel, Erstattungen gehen seit Montag schneller.")
        app.press("M-s")
        XCTAssertNotNil(draftFile(app, key))
        app.type(" Grüße")
        app.press("C-s y")
        XCTAssertTrue(app.screen[28].hasPrefix("Reply copied to the clipboard"), app.screen[28])
        app.press("y")
        XCTAssertEqual(try Store(dir: app.dir).state(key).status, .answered)
        // The composer no longer holds the reply: nothing unsaved, nothing saved.
        XCTAssertNil(app.state.mention.drafts[key])
        XCTAssertFalse(app.screen.contains { $0.contains("unsaved") || $0.contains("· saved") }, app.dump())
        XCTAssertEqual(
            app.state.chrome.message?.text, "marked answered (replied by hand): @news \"Blog post: Acme…\"")
        XCTAssertTrue(app.screen[28].contains("marked answered (replied by hand)"), app.screen[28])
        XCTAssertNil(draftFile(app, key))
        // A dropped connection (SIGHUP) saves only unsaved drafts: there is none for the answered mention.
        app.send(.terminate)
        XCTAssertNil(draftFile(app, key))
        XCTAssertFalse(FileManager.default.fileExists(atPath: PanelFiles.draftFile(app.dir, key: key).path))
    }

    func testAStaleDraftOfAnAnsweredMentionIsNotReloadedAsSaved() throws {
        let app = try app()
        let key = ReplyFixtures.questions()[1].key
        // Saved before the reply was confirmed by hand (an older workbench, or the CLI confirmed it).
        _ = try PanelFiles.saveDraft(
            app.dir, key: key, text: "Danke für den Artikel!", actor: "alice", now: TestApp.now.addingTimeInterval(-60))
        let cli = try Store(dir: app.dir)
        let m = cli.mention(key)!
        let e = try Outbox.queue(
            OutboxDraft.reply(to: m, text: "Danke für den Artikel!", now: TestApp.now), store: cli, actor: "alice",
            now: TestApp.now)
        try Outbox.confirmManual(e.id, store: cli, actor: "alice", now: TestApp.now)
        try app.refresh()
        app.press("j <Enter>")
        XCTAssertEqual(app.state.shownKey, key)
        XCTAssertFalse(app.screen.contains { $0.contains("· saved") }, app.dump())
        XCTAssertFalse(app.screen.contains { $0.contains("│ Danke für den Artikel!") }, app.dump())
        XCTAssertNil(draftFile(app, key))
    }

    func testAReplySentElsewhereRemovesTheDraftInAWorkbenchThatHasTheMentionOpen() throws {
        let alice = try app()
        let key = alice.state.feed.selectedKey!
        alice.press("<Enter>")
        alice.type("Die Erstattung ist unterwegs.")
        alice.press("M-s <Esc>")
        XCTAssertNotNil(draftFile(alice, key))
        // Ben takes the mention over and sends alice's saved draft.
        let ben = try app(user: "ben", root: alice.root)
        let pub = RecordingPublisher()
        ben.runner.publisherFor = { _ in pub }
        ben.press("<Enter>")
        XCTAssertTrue(ben.screen[29].hasPrefix("held by alice"), ben.screen[29])
        ben.press("<Enter>")
        XCTAssertEqual(ben.state.currentDraft?.editor.text, "@anna@social.example Die Erstattung ist unterwegs.")
        ben.press("C-s y")
        ben.send(.tick(TestApp.now.addingTimeInterval(12)))
        XCTAssertEqual(pub.posts.count, 1)
        // Alice's workbench learns it through the log: the draft is gone from her composer and from drafts/.
        XCTAssertTrue(alice.screen.contains { $0.contains("─ Reply · 35/500 · saved ─") }, alice.dump())
        try alice.refresh()
        XCTAssertNil(alice.state.mention.drafts[key])
        XCTAssertFalse(
            alice.screen.contains { $0.contains("Die Erstattung ist unterwegs.") && $0.contains("││ @anna") })
        XCTAssertFalse(alice.screen.contains { $0.contains("· saved") }, alice.dump())
        XCTAssertTrue(alice.screen.contains { $0.contains("Reply: sent ✓") }, alice.dump())
        XCTAssertNil(draftFile(alice, key))
        withExtendedLifetime(ben) {}
    }
}
