import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Every screen and overlay of the workbench in German, at 100×30 and 80×24: no English interface word from a list,
/// and no word of the interface cut off (a word shortened with "…" is marked as cut and allowed).
final class GermanScreenTests: XCTestCase {
    override func setUp() { L10n.use(.de) }
    override func tearDown() { L10n.use(.en) }

    /// English words of the interface that must not appear on a German screen (case-sensitive, whole words).
    static let english: Set<String> = [
        "Mention", "Queue", "Crisis", "Reply", "new", "open", "overdue", "polling", "move", "reply", "answered",
        "pane", "zoom", "command", "quit", "No", "scheduled", "posts", "active", "Playbooks", "playbooks", "Press",
        "Keys", "Everywhere", "closes", "Contacts", "Report", "last", "days", "mentions", "followers", "priority",
        "due", "late", "ago", "Review", "Templates", "Rising", "hour", "Severity", "the", "and", "with", "Nothing",
        "yet", "Step", "Move", "Show", "Open", "Close", "Delete", "Mark", "marked", "Focus", "Edit",
        "Save", "Page", "Half", "Go", "Insert", "Add", "Remove", "Skip", "Timeline", "Holding", "statement", "Notes",
        "Thread", "unsaved", "saved", "characters", "warnings", "sources", "listener", "too", "small", "drill",
        "DRILL", "CRISIS", "SUSPENDED", "done", "pick", "Enter starts", "by", "of", "for", "to", "or", "sort", "send",
        "edit", "back", "help", "Other", "Every", "Marks", "Saved", "views", "Which", "accounts",
        "Conversation", "conversation", "answer", "answers", "folded", "fold", "ours", "unknown", "fetch", "again",
        "next", "previous", "Brands", "BRAND", "NEW", "OVERDUE", "TODAY", "opens", "data", "directory", "missing",
    ]

    /// The screens: a name and what to do from a fresh workbench to get there.
    static var screens: [(String, (TestApp) throws -> Void)] {
        [
            ("feed", { _ in }),
            ("feed help", { $0.press("?") }),
            ("mention", { $0.press("<Enter>") }),
            ("composer", { $0.press("<Enter> 2 <Esc> 2") }),
            ("composer help", { $0.press("<Enter> 2 <F1>") }),
            (
                "review",
                { app in
                    app.press("<Enter> 2"); app.type("Danke für den Hinweis"); app.press("C-s")
                }
            ),
            (
                "quit prompt",
                { app in
                    app.press("<Enter> 2"); app.type("Entwurf"); app.press("C-c")
                }
            ),
            ("queue", { $0.press("3") }),
            ("queue help", { $0.press("3 ?") }),
            ("crisis", { $0.press("4") }),
            ("crisis help", { $0.press("4 ?") }),
            ("severity prompt", { $0.press("4 <Enter>") }),
            ("crisis run", { $0.press("4 <Enter> <Enter> n") }),
            ("crisis timeline", { $0.press("4 <Enter> <Enter> n t") }),
            ("crisis escalation", { $0.press("4 <Enter> <Enter> n e") }),
            ("trends", { $0.press("T") }),
            (
                "contacts",
                { app in
                    app.press(":"); app.type("contacts"); app.press("<Enter>")
                }
            ),
            (
                "contacts help",
                { app in
                    app.press(":"); app.type("contacts"); app.press("<Enter> ?")
                }
            ),
            (
                "contact card",
                { app in
                    app.press(":"); app.type("contacts"); app.press("<Enter> <Enter>")
                }
            ),
            (
                "report",
                { app in
                    app.press(":"); app.type("report"); app.press("<Enter>")
                }
            ),
            ("sorted by priority", { $0.press("o") }),
            ("status answered", { $0.press("a") }),
            (
                "thread",
                { app in
                    GermanFixtures.withThread(app); app.press("t")
                }
            ),
            (
                "thread folded",
                { app in
                    GermanFixtures.withThread(app); app.press("t j <Space>")
                }
            ),
            (
                "thread help",
                { app in
                    GermanFixtures.withThread(app); app.press("t ?")
                }
            ),
            (
                "brands",
                { app in
                    try GermanFixtures.withBrands(app); app.press("B")
                }
            ),
        ]
    }

    func testEveryScreenSpeaksGermanAndCutsNoWord() throws {
        // The catalogue's words and the abbreviations of weekdays and months (LocalFormat, ReportFormat).
        let vocabulary = Set(L10n.catalogue(.de).values.flatMap(GermanScreenTests.words)).union(
            ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Mär", "Mai", "Okt", "Dez"])
        let content = GermanFixtures.contentWords
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            for (name, go) in GermanScreenTests.screens {
                let app = try GermanFixtures.app(size: size)
                try go(app)
                let text = GermanScreenTests.overlayOnly(app, fragmentsOnly: true).joined(separator: "\n")
                let place = "\(name) at \(size.width)×\(size.height)"
                let found = Set(GermanScreenTests.words(text)).intersection(GermanScreenTests.english)
                XCTAssertEqual(found.sorted(), [], "English on the German screen \(place):\n\(app.dump())")
                for line in GermanScreenTests.overlayOnly(app) {
                    for word in GermanScreenTests.cutWords(line, vocabulary: vocabulary, content: content) {
                        XCTFail("\"\(word)\" cut mid-word on \(place):\n\(app.dump())")
                    }
                }
            }
        }
    }

    func testHelpExplainsEveryDefaultKeyInGerman() {
        for b in Keymap.defaults.bindings {
            XCTAssertTrue(
                L10n.catalogue(.de)[Keymap.helpKey(b.context, b.command)] != nil,
                "no German help for \(b.context.rawValue) \(b.notation)")
        }
        for c in CommandName.allCases {
            XCTAssertNotNil(L10n.catalogue(.de)["cmd." + c.rawValue], "no German help for :\(c.rawValue)")
        }
        XCTAssertEqual(Keymap.defaults.binding(.char("q"), in: .global)?.command, "quit", "keys do not change")
        XCTAssertEqual(Keymap.defaults.binding(.char("q"), in: .global)?.help.hasPrefix("Beenden"), true)
    }

    func testFeedFormatsAreGerman() throws {
        let app = try GermanFixtures.app(size: Size(width: 120, height: 30))
        app.press("<Enter>")
        let text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("1.200 Follower"), app.dump())
        XCTAssertTrue(text.contains("27.11.2026 11:55 (vor 5 Min.)"), app.dump())
        XCTAssertTrue(text.contains("Status: offen · fällig in 55m · Priorität: normal"), app.dump())
        XCTAssertTrue(text.contains("2 neu · 3 offen · 1 überfällig"), app.dump())
    }

    func testThreadViewBrandsAndLayoutSpeakGerman() throws {
        let app = try GermanFixtures.app(size: Size(width: 100, height: 30))
        GermanFixtures.withThread(app)
        app.press("t")
        var text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("Unterhaltung — 3 Beiträge"), app.dump())
        XCTAssertTrue(
            text.contains("@jörg@social.example · 4m · an @lena@social.example · neu · 1 Antwort"), app.dump())
        XCTAssertTrue(text.contains("Unterhaltung: 3 Beiträge"), app.dump())
        app.press("j <Space>")
        XCTAssertTrue(app.screen.joined(separator: "\n").contains("+1 eingeklappt"), app.dump())
        app.press("<Esc>")
        try GermanFixtures.withBrands(app)
        app.press("B")
        text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("MARKE"), app.dump())
        XCTAssertTrue(text.contains("NEU  ÜBERFÄLLIG  HEUTE  KRISE"), app.dump())
        XCTAssertTrue(text.contains("Südwind Bäckerei      0           0      0  (kein Datenverzeichnis"), app.dump())
        XCTAssertTrue(text.contains("Enter öffnet · j/k bewegt · Esc schließt"), app.dump())
        app.press("<Esc> :")
        app.type("layout side")
        app.press("<Enter>")
        XCTAssertTrue(app.screen.joined(separator: "\n").contains("Anordnung: side"), app.dump())
        // A conversation of one post: singular.
        app.runner.threadFetcherFor = { _ in FakeThreadFetcher([]) }
        app.press("j t")
        XCTAssertTrue(app.screen.joined(separator: "\n").contains("Unterhaltung — 1 Beitrag ─"), app.dump())
    }

    /// The screen with the panes a modal overlay merely covers blanked out: a pane word half hidden under an
    /// overlay's border is not cut by the layout (the panes themselves are checked on the screens without a modal).
    /// `fragmentsOnly`: blank only the pieces of pane words the overlay hides in part (`of` of `offen`).
    static func overlayOnly(_ app: TestApp, fragmentsOnly: Bool = false) -> [String] {
        guard app.state.modal != nil else { return app.screen }
        var base = app.state
        base.modal = nil
        let under = render(base, size: app.size).lines
        return zip(app.buffer.lines, under).map { line, below in
            let (a, b) = (Array(line), Array(below))
            guard a.count == b.count else { return line }
            var out = a
            var i = 0
            while i < a.count {
                guard a[i].isLetter else { i += 1; continue }
                var j = i
                while j < a.count, a[j].isLetter { j += 1 }
                let longer = (i > 0 && b[i - 1].isLetter) || (j < b.count && b[j].isLetter)
                if a[i..<j] == b[i..<j], !fragmentsOnly || longer { for k in i..<j { out[k] = " " } }
                i = j
            }
            return String(out)
        }
    }

    /// Words: runs of letters (with umlauts and ß), key notations like `<Enter>` and `:commands` left out.
    static func words(_ text: String) -> [String] {
        let cleaned = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: ":[a-z-]+", with: " ", options: .regularExpression)
        return cleaned.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// Words of a screen line that are the start of an interface word but not a word themselves: text cut short
    /// at a border or the screen's edge (content that is clipped on purpose — a mention's text — does not count).
    static func cutWords(_ line: String, vocabulary: Set<String>, content: Set<String>) -> [String] {
        var out: [String] = []
        let chars = Array(line.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression))
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isLetter { j += 1 }
            let w = String(chars[i..<j])
            let ellipsized = j < chars.count && chars[j] == "…"
            if !ellipsized, w.count >= 2, !vocabulary.contains(w), !content.contains(w),
                !content.contains(where: { $0.hasPrefix(w) }), vocabulary.contains(where: { $0.hasPrefix(w) })
            {
                out.append(w)
            }
            i = j
        }
        return out
    }
}
