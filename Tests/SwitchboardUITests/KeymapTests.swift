import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

final class KeymapTests: XCTestCase {
    func testKeyNotationRoundTrips() {
        let keys: [Key] = [
            .char("j"), .char("G"), .char(":"), .char(" "), .ctrl("d"), .alt("b"), .tab, .backTab, .enter, .escape,
            .pageDown, .pageUp, .up, .down, .left, .right, .home, .end, .backspace, .delete, .insert, .function(1),
            .function(12),
        ]
        for k in keys { XCTAssertEqual(KeyNames.parse(KeyNames.name(k)), k, KeyNames.name(k)) }
        XCTAssertEqual(KeyNames.parse("<S-Tab>"), .backTab)
        XCTAssertEqual(KeyNames.parse("C-q"), .ctrl("q"))
        XCTAssertEqual(KeyNames.parse("<PgDn>"), .pageDown)
        XCTAssertNil(KeyNames.parse("<Nope>"))
        XCTAssertNil(KeyNames.parse("C-"))
        XCTAssertNil(KeyNames.parse("jj"))
    }

    func testUserFileOverridesByCommandName() throws {
        let doc =
            #"{"feed": {"J": "down", "K": "up", "x": "status spam", "s": null}, "global": {"C-q": "quit", "Q": "focus queue"}}"#
        let map = try Keymap.defaults.applying(Data(doc.utf8), name: "keymap.json")
        XCTAssertEqual(map.binding(.char("J"), in: .feed)?.command, "down")
        XCTAssertEqual(map.binding(.char("x"), in: .feed)?.command, "status spam")
        XCTAssertNil(map.binding(.char("s"), in: .feed))
        XCTAssertEqual(map.binding(.ctrl("q"), in: .global)?.command, "quit")
        // The new keys work through the real dispatch, and the help overlay lists them.
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 40), keymap: map)
        app.press("J J")
        XCTAssertEqual(app.state.feed.selected, 2)
        app.press("Q")
        XCTAssertEqual(app.state.chrome.focus, .queue)
        app.press("1 ?")
        XCTAssertTrue(app.screen.joined(separator: "\n").contains("j, <Down>, J"), app.dump())
        app.press("<Esc> C-q")
        XCTAssertTrue(app.state.chrome.quit)
        XCTAssertTrue(
            map.table().contains(
                "feed      x          status spam        Set the status of the selected mention: spam"), map.table())
    }

    func testErrorsNameTheLineAndColumn() {
        func error(_ doc: String) -> String {
            do {
                _ = try Keymap.defaults.applying(Data(doc.utf8), name: "keymap.json")
                return "no error"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(
            error("{\n  \"feed\": {\n    \"j\": \"dwon\"\n  }\n}"),
            "keymap.json:3:10: unknown command \"dwon\" (commands: `switchboard keys` lists them)")
        XCTAssertTrue(
            error("{\n  \"feed\": {\"<Nope>\": \"down\"}\n}").hasPrefix(
                "keymap.json:2:12: unknown key name '<Nope>'; known names:"))
        XCTAssertEqual(
            error("{\"fed\": {}}"),
            "keymap.json:1:2: unknown context \"fed\" (use one of: global, feed, composer, queue, crisis, help, cmdline, trends, templates, contacts, report, thread)"
        )
        XCTAssertEqual(error("{\"feed\": {\"j\": \"down\",}}"), "keymap.json:1:23: expected a quoted key")
        XCTAssertEqual(
            error("{\"feed\": {\"j\": 3}}"),
            "keymap.json:1:16: the command for \"j\" must be a string like \"down\" or \"focus queue\"")
        XCTAssertEqual(
            error("{\"global\": {\"1\": \"focus nowhere\"}}"),
            "keymap.json:1:18: focus: \"nowhere\" is not one of feed, composer, queue, crisis (commands: `switchboard keys` lists them)"
        )
        XCTAssertEqual(
            error("{\"global\": {\"1\": \"quit now\"}}"),
            "keymap.json:1:18: quit takes no argument (commands: `switchboard keys` lists them)")
        XCTAssertEqual(
            error("[1]"), "keymap.json:1:1: a keymap is an object of contexts, like {\"feed\": {\"j\": \"down\"}}")
    }

    func testLoadFromFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("km-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("keymap.json")
        XCTAssertEqual(try Keymap.load(file: f).bindings.count, Keymap.defaults.bindings.count)
        try "{\"feed\": {\"j\": \"nope\"}}".write(to: f, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Keymap.load(file: f)) {
            XCTAssertTrue("\($0)".hasPrefix(f.path + ":1:16: unknown command \"nope\""))
        }
        XCTAssertEqual(Keymap.userFile(environment: ["XDG_CONFIG_HOME": "/cfg"]).path, "/cfg/switchboard/keymap.json")
    }

    func testDefaultTableHasNoDuplicateKeysPerContext() {
        var seen = Set<String>()
        for b in Keymap.defaults.bindings {
            XCTAssertTrue(
                seen.insert(b.context.rawValue + " " + b.notation).inserted, "\(b.context) \(b.notation) bound twice")
        }
        XCTAssertTrue(
            Keymap.defaults.table().hasPrefix(
                "CONTEXT   KEY        COMMAND            HELP\nglobal    q          quit "))
    }
}

final class InputTests: XCTestCase {
    func testAltBackspaceHasAPrintableName() {
        XCTAssertEqual(KeyNames.parse("M-<BS>"), .alt("\u{7F}"))
        XCTAssertEqual(KeyNames.name(.alt("\u{7F}")), "M-<BS>")
        for b in Keymap.defaults.bindings {
            XCTAssertFalse(
                b.notation.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, b.notation.debugDescription)
        }
    }

    func testControlCharacterKeysNeverBecomeText() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.press("<Enter> C-a C-k")
        for c: Character in ["\u{1B}", "\u{7}", "\u{9B}", "\u{202E}"] { app.send(.key(.char(c))) }
        app.type("ok")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "ok")
    }

    func testMouseFocusesSelectsAndScrolls() throws {
        let app = try TestApp(Fixtures.many(60), size: Size(width: 100, height: 30))
        app.send(.mouse(MouseEvent(kind: .press, x: 10, y: 5)))
        XCTAssertEqual(app.state.feed.selected, 4)
        app.send(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 5)))
        XCTAssertEqual(app.state.feed.selected, 7)
        app.send(.mouse(MouseEvent(kind: .press, x: 70, y: 20)))
        XCTAssertEqual(app.state.chrome.focus, .queue)
        app.send(.mouse(MouseEvent(kind: .press, x: 90, y: 20)))
        XCTAssertEqual(app.state.chrome.focus, .crisis)
        app.resize(Size(width: 80, height: 24))
        app.send(.mouse(MouseEvent(kind: .press, x: 25, y: 0)))
        XCTAssertEqual(app.state.chrome.focus, .composer)
    }
}
