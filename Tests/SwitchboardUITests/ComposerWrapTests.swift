import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The composer (issue 15): at least 5 lines at 30 rows, word wrap, C-w deletes a whole placeholder.
final class ComposerWrapTests: XCTestCase {
    func testFiveLinesAtThirtyRowsWrappedAtWordBoundaries() throws {
        let app = try TestApp(ReplyFixtures.questions(), size: Size(width: 100, height: 30), team: ReplyFixtures.team)
        app.sideBySide()
        // The RSS mention: no prefill, no counter, no warnings.
        app.press("j <Enter>")
        app.type(
            "Sehr geehrte Frau Berg, vielen Dank für Ihre Geduld. Die Erstattung für die verspätete Bestellung wurde "
                + "heute angewiesen und sollte in zwei bis drei Werktagen auf Ihrem Konto sein. "
                + "Donaudampfschifffahrtsgesellschaftskapitänsmütze")
        let sep = app.screen.firstIndex { $0.contains("─ Reply · unsaved ─") }!
        XCTAssertEqual(
            app.screen[(sep + 1)...(sep + 7)].map { String($0.dropFirst(55)) },
            [
                "│ Sehr geehrte Frau Berg, vielen Dank für   │",
                "│ Ihre Geduld. Die Erstattung für die       │",
                "│ verspätete Bestellung wurde heute         │",
                "│ angewiesen und sollte in zwei bis drei    │",
                "│ Werktagen auf Ihrem Konto sein.           │",
                "│ Donaudampfschifffahrtsgesellschaftskapitän│",
                "│ smütze                                    │",
            ])
        // The cursor sits after the last character (the long word broke where the line ended).
        XCTAssertEqual(app.cursor, Point(x: 63, y: sep + 7))
    }

    func testAtLeastFiveLinesWhileTypingEvenWithWarnings() throws {
        let app = try TestApp(ReplyFixtures.questions(), size: Size(width: 100, height: 30), team: ReplyFixtures.team)
        app.sideBySide()
        app.press("<Enter>")
        app.type("ok")
        let sep = app.screen.firstIndex { $0.contains("─ Reply · ") }!
        let warnings = app.screen.indices.filter { app.screen[$0].contains("│ ⚠ ") }
        XCTAssertFalse(warnings.isEmpty, app.dump())
        XCTAssertGreaterThanOrEqual(warnings.first! - sep - 1, 5, app.dump())
        XCTAssertEqual(app.screen[sep + 1].dropFirst(55), "│ @anna@social.example ok                   │")
    }

    func testCtrlWDeletesAWholePlaceholder() throws {
        let app = try TestApp(ReplyFixtures.questions(), size: Size(width: 100, height: 30), team: ReplyFixtures.team)
        app.sideBySide()
        app.press("<Enter> C-a C-k")
        app.type("Hallo {{first_name}}")
        app.press("C-w")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "Hallo ")
        XCTAssertTrue(
            app.screen.contains { $0.hasSuffix("││ Hallo                                     │") }, app.dump())
        app.type("{{agent}}, Grüße")
        app.press("C-w")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "Hallo {{agent}}, ")
        app.press("<BS> <BS> C-w")
        XCTAssertEqual(app.state.currentDraft?.editor.text, "Hallo ")
    }

    func testLayoutBreaksAfterSpacesAndKeepsTheCursorInAKnownCell() {
        func rows(_ text: String, width: Int) -> [String] {
            let chars = Array(text)
            let l = ComposerLayout(chars, cursor: chars.count, width: width)
            var out = Array(repeating: "", count: l.rowCount)
            for (c, cell) in zip(chars, l.cells) where c != "\n" { out[cell.row].append(c) }
            return out.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(rows("Grüße aus Köln und Wien", width: 10), ["Grüße aus", "Köln und", "Wien"])
        XCTAssertEqual(rows("ab cd ef", width: 5), ["ab cd", "ef"])
        XCTAssertEqual(rows("Straßenbahnhaltestelle", width: 8), ["Straßenb", "ahnhalte", "stelle"])
        XCTAssertEqual(rows("eins\nzwei drei", width: 6), ["eins", "zwei", "drei"])
        // The cursor on a space that hangs past a full line stays inside it; at the end of a full line it wraps.
        XCTAssertEqual(ComposerLayout(Array("ab cd ef"), cursor: 5, width: 5).cursor.x, 4)
        let full = ComposerLayout(Array("abcde"), cursor: 5, width: 5)
        XCTAssertEqual(full.cursor.row, 1)
        XCTAssertEqual(full.cursor.x, 0)
    }
}
