import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

final class ComposerTests: XCTestCase {
    func testTypingMovingAndDeleting() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.sideBySide()
        app.press("<Enter> C-a C-k")  // clear the @anna prefill
        XCTAssertEqual(app.state.chrome.focus, .composer)
        // An empty composer with the focus: the cursor waits in it.
        // (The composer keeps 5 lines while it has the focus.)
        XCTAssertEqual(
            app.screen[10],
            "│                                                     ││                                           │")
        XCTAssertEqual(app.cursor, Point(x: 57, y: 10))
        app.type("Hello world again")
        app.press("M-b M-b")
        app.type("big ")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "Hello big world again")
        app.press("C-w")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "Hello world again")
        app.press("M-f <Right> <Del> <Del> <Del> <Del> <Del> <Del>")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "Hello world ")
        app.press("<BS> <Enter>")
        app.type("Second line: q and ? and j type text")
        app.press("<Up> <Home>")
        app.type(">")
        XCTAssertEqual(app.state.currentDraft?.editor.text, ">Hello world\nSecond line: q and ? and j type text")
        XCTAssertEqual(app.state.chrome.focus, .composer)
        // Two lines, in the composer's five (and a warning line under them: it does not answer the question).
        XCTAssertTrue(app.screen[8].contains("─ Reply · 49/500 · unsaved ─"), app.screen[8])
        XCTAssertEqual(
            app.screen[9],
            "│                                                     ││ >Hello world                              │")
        XCTAssertEqual(
            app.screen[10],
            "│                                                     ││ Second line: q and ? and j type text      │")
        XCTAssertTrue(app.screen[14].contains("││ ⚠ "), app.screen[14])
        XCTAssertEqual(app.cursor, Point(x: 58, y: 9))
        app.press("<Down> <End>")
        XCTAssertEqual(app.cursor, Point(x: 93, y: 10))
        app.press("C-a C-k")
        XCTAssertEqual(app.state.currentDraft?.editor.text, ">Hello world\n")
        XCTAssertTrue(app.screen[8].contains("Reply · 13/500 · unsaved"), app.screen[8])
        app.press("<Esc>")
        XCTAssertEqual(app.state.chrome.focus, .feed)
        XCTAssertNil(app.cursor)
    }

    func testPasteAndCounterAgainstTheNetworkLimit() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.sideBySide()
        app.press("<Enter> C-a C-k")  // clear the @anna prefill
        app.send(.paste("See https://example.com/a/very/long/path/that/is/way/more/than/twenty/three/characters ok"))
        // Mastodon: the URL counts 23.
        XCTAssertTrue(replyRow(app).contains("Reply · 30/500"), replyRow(app))
        app.send(.paste(String(repeating: "x", count: 480)))
        XCTAssertTrue(replyRow(app).contains("Reply · 510/500"), replyRow(app))
        XCTAssertEqual(app.buffer[58, app.screen.firstIndex { $0.contains("─ Reply") }!].role, .error)
        // Bluesky counts graphemes, 300.
        app.press("<Esc> j <Enter>")
        app.send(.paste("👨‍👩‍👧 é"))
        XCTAssertTrue(replyRow(app).contains("Reply · 3/300"), replyRow(app))
        // RSS: no limit shown.
        app.press("<Esc> j <Enter>")
        app.type("hi")
        XCTAssertTrue(replyRow(app).contains("Reply · unsaved"), replyRow(app))
        XCTAssertEqual(
            ReplyLimit.count(
                "hi @bob@example.social and https://x.example/" + String(repeating: "y", count: 50),
                platform: "mastodon")?.used, 3 + 4 + 5 + 23)
    }

    func testSaveDraftAndReloadWhenOpenedAgain() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.sideBySide()
        let key = app.state.feed.selectedKey!
        app.press("<Enter> C-a C-k")  // clear the @anna prefill
        app.type("Sorry about that, we are on it.")
        app.press("M-s")
        let file = app.root.appendingPathComponent("drafts/\(key).json")
        let doc = try FileIO.readDocument(PanelFiles.DraftDocument.self, from: file)
        XCTAssertEqual(doc.text, "Sorry about that, we are on it.")
        XCTAssertEqual(doc.mention, key)
        XCTAssertEqual(doc.savedBy, "alice")
        XCTAssertTrue(replyRow(app).contains("· saved"), replyRow(app))
        XCTAssertTrue(app.screen[28].contains("draft saved: drafts/\(key).json"), app.screen[28])
        XCTAssertFalse(app.state.hasUnsavedDraft)

        // A new workbench on the same directory shows the draft when the mention is opened again.
        let again = try TestApp(size: Size(width: 100, height: 30), root: app.root)
        again.sideBySide()
        again.press("<Enter>")
        XCTAssertTrue(
            again.screen.contains { $0.hasSuffix("││ Sorry about that, we are on it.           │") }, again.dump())
        again.type(" Thanks")
        XCTAssertEqual(again.state.currentDraft?.editor.text, "Sorry about that, we are on it. Thanks")
        _ = again.root  // keep alive
        withExtendedLifetime(app) {}
    }

    func testQuitAsksWhenADraftIsUnsaved() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.press("q")
        XCTAssertTrue(app.state.chrome.quit)

        let b = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        b.press("<Enter>")
        b.type("draft")
        b.press("<Esc> q")
        XCTAssertFalse(b.state.chrome.quit)
        XCTAssertEqual(b.screen[29], "Discard unsent draft? y/n")
        b.press("n")
        XCTAssertFalse(b.state.chrome.quit)
        XCTAssertNil(b.state.modal)
        b.press(":")
        b.type("quit")
        b.press("<Enter> y")
        XCTAssertTrue(b.state.chrome.quit)
    }

    func testTerminateSavesUnsavedDrafts() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        let key = app.state.feed.selectedKey!
        app.press("<Enter> C-a C-k")  // clear the @anna prefill
        app.type("half written")
        app.send(.terminate)
        XCTAssertTrue(app.state.chrome.quit)
        XCTAssertEqual(PanelFiles.loadDraft(app.dir, key: key), "half written")
    }

    func testEditorTakesTheResultBack() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        var seen: String?
        var suspended = 0
        var resumed = 0
        app.runner.suspendTerminal = { suspended += 1 }
        app.runner.resumeTerminal = { resumed += 1 }
        app.runner.editor = { text in
            seen = text
            return text + " — edited\u{1B}[31m\nwith a second line\n"
        }
        app.press("C-e")
        XCTAssertNil(seen, "C-e only works while composing")
        app.press("<Enter> C-a C-k")  // clear the @anna prefill
        app.type("first")
        app.press("C-e")
        XCTAssertEqual(seen, "first")
        XCTAssertEqual(suspended, 1)
        XCTAssertEqual(resumed, 1)
        XCTAssertEqual(app.state.currentDraft?.editor.text, "first — edited\nwith a second line")
        app.runner.editor = { _ in throw SwitchboardError("the editor vi exited with status 1: draft unchanged") }
        app.press("<Esc> :")
        app.type("edit")
        app.press("<Enter>")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "first — edited\nwith a second line")
        XCTAssertTrue(app.screen[28].contains("exited with status 1"), app.dump())
    }

    func testRealEditorCommandRunsOnATempFile() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fake-editor-\(UUID().uuidString).sh")
        try "#!/bin/sh\nprintf 'from the editor' > \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        defer { try? FileManager.default.removeItem(at: script) }
        setenv("VISUAL", script.path, 1)
        defer { unsetenv("VISUAL") }
        XCTAssertEqual(try EffectRunner.runEditor("old text"), "from the editor")
    }

    /// The composer's separator line: `─ Reply · counter · saved/unsaved ─` (where it is depends on its height).
    func replyRow(_ app: TestApp) -> String { app.screen.first { $0.contains("─ Reply") } ?? "(no composer)" }
}
