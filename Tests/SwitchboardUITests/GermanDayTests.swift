import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A German manager's whole day on one workbench, at 100×30 and 80×24: triage, filters and views, a reply sent
/// and taken back, the queue (added, deleted, restored, suspended, resumed), a crisis started, worked and ended,
/// contacts and roles, the report, and the mistakes people make on the command line. After every step the whole
/// screen — status line included — has no English interface word and no word cut off.
final class GermanDayTests: XCTestCase {
    override func setUp() { L10n.use(.de) }
    override func tearDown() { L10n.use(.en) }

    /// Words of status messages, confirmations and errors that must not appear on a German screen, beyond the
    /// pane and overlay words of `GermanScreenTests.english`.
    static let english: Set<String> = GermanScreenTests.english.union([
        "Error", "error", "failed", "found", "sending", "sent", "taken", "queued", "cleared", "filter", "view",
        "theme", "unknown", "argument", "needs", "takes", "available", "here", "quitting", "not", "already",
        "skip", "severity", "unchanged", "started", "which", "playbook", "running", "suspended", "resumed",
        "restored", "swapped", "deleted", "undoes", "scheduled", "draft", "saved", "kept", "contact", "role",
        "roles", "merged", "inserted", "published", "retrying", "nobody", "polls", "hidden", "parses", "changed",
        "applied", "why", "type", "records", "is", "are", "only", "works", "from", "key", "its", "give", "reason",
        "first", "nothing", "crisis", "drill", "statement", "holding", "what", "happened", "still", "marks",
        "sorted", "newest", "status", "pane", "one", "no", "on", "at",
    ])

    /// The day: a name and what the manager does next (the state carries over from step to step).
    static var day: [(String, (TestApp) -> Void)] {
        func command(_ line: String) -> (TestApp) -> Void {
            { app in
                app.press(":"); app.type(line); app.press("<Enter>")
            }
        }
        func typing(_ line: String) -> (TestApp) -> Void {
            { app in
                app.press(":"); app.type(line)
            }
        }
        return [
            ("unknown command typed", typing("bogus")),
            ("unknown command run", { $0.press("<Enter>") }),
            ("argument missing", typing("focus")),
            (
                "argument not one of",
                {
                    $0.press("<BS> <BS> <BS> <BS> <BS>"); $0.type("focus nowhere")
                }
            ),
            (
                "argument too many",
                {
                    $0.press("C-u"); $0.type("zoom 3")
                }
            ),
            ("command line closed", { $0.press("<Esc>") }),
            ("no status", command("status nonsense")),
            ("filter", command("filter Störung")),
            ("filter cleared", { $0.press("<Esc>") }),
            ("filter error", command("filter age:<")),
            ("filter error closed", { $0.press("<Esc>") }),
            ("no view", command("view gibtsnicht")),
            ("sort", { $0.press("o") }),
            ("sort back", { $0.press("o") }),
            ("only from a key", command("pick")),
            ("marks", { $0.press("<Space> <Space>") }),
            ("marks cleared", { $0.press("<Esc>") }),
            ("status answered", { $0.press("j a k") }),
            (
                "open and write",
                {
                    $0.press("1 <Enter>"); $0.type("Das tut uns leid, wir prüfen es")
                }
            ),
            ("review", { $0.press("C-s") }),
            ("not sent", { $0.press("n") }),
            ("sending", { $0.press("C-s y") }),
            ("taken back", { $0.press("u") }),
            ("saved draft", { $0.press("M-s") }),
            ("composer left", { $0.press("<Esc>") }),
            ("no contact role", command("role +erfinder")),
            ("queue usage", command("queue entfernen")),
            ("queue unknown option", command("queue add --bald Hallo")),
            ("queue no text", command("queue add --now")),
            ("queue add picker", command("queue add Neuer Tarif ab Montag")),
            ("queue added", { $0.press("<Enter>") }),
            (
                "queue picker closed",
                { app in
                    command("queue add Zweiter Beitrag")(app); app.press("<Esc>")
                }
            ),
            (
                "queue second",
                { app in
                    command("queue add Dritter Beitrag")(app); app.press("<Enter>")
                }
            ),
            ("queue scheduled", { $0.press("3 s") }),
            ("queue deleted", { $0.press("d") }),
            ("queue restored", { $0.press("u") }),
            ("queue swapped", { $0.press("g J") }),
            ("suspend without reason", command("suspend")),
            ("suspended", command("suspend Störung im Netz")),
            ("resume unknown", command("resume bald")),
            ("resumed", command("resume keep-holding")),
            ("crisis usage", command("crisis los")),
            ("crisis which playbook", command("crisis start")),
            ("crisis severity prompt", command("crisis start ausfall")),
            ("crisis not started", { $0.press("<Esc>") }),
            ("crisis started", { $0.press("4 <Enter> <Enter> n") }),
            ("crisis running", command("crisis drill ausfall")),
            ("crisis already active", command("crisis start ausfall")),
            ("step done", { $0.press("g x") }),
            ("step already done", { $0.press("k x") }),
            ("step reopened", { $0.press("o") }),
            ("step is open", { $0.press("o") }),
            ("skip asks why", { $0.press("s") }),
            ("skip without reason", { $0.press("<Enter>") }),
            ("not a notify step", { $0.press("n") }),
            ("step usage", command("crisis step pruefen")),
            ("severity unchanged", { $0.press("S <Esc>") }),
            ("holding statement", { $0.press("1 <Enter> C-o") }),
            ("composer left again", { $0.press("<Esc>") }),
            ("end usage", command("crisis end")),
            ("crisis ended", command("crisis end Störung behoben, alle informiert")),
            ("no crisis", command("crisis end Nochmal")),
            ("contacts", command("contacts")),
            ("contacts sorted", { $0.press("o") }),
            ("contacts merge needs two", { $0.press("m") }),
            ("contacts closed", { $0.press("<Esc>") }),
            ("no pane", command("focus nirgends")),
            ("no theme", command("theme gibtsnicht")),
            ("theme", command("theme light")),
            ("layout", command("layout side")),
            ("report", command("report")),
            ("report closed", { $0.press("<Esc>") }),
            (
                "quit asks",
                {
                    $0.press("1 j <Enter>"); $0.type("noch offen"); $0.press("C-c")
                }
            ),
            ("not quitting", { $0.press("n") }),
        ]
    }

    /// The English words on the screen: the command line being typed, command syntax (`:crisis end`,
    /// `done|skip`, the values a command takes, `post-now, next-slot`) and content cut at a border (`No` of
    /// `Nordlicht`) are not the interface speaking.
    static func englishWords(_ app: TestApp, content: Set<String>) -> [String] {
        let shown = notTyped(app, GermanScreenTests.overlayOnly(app, fragmentsOnly: true)).joined(separator: "\n")
            .replacingOccurrences(of: #"\S*[/.]\S*"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #":[a-z-]+( [a-z|-]+)*"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"[a-z-]+(\|[a-z-]+)+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"[a-z-]+(, [a-z-]+)+"#, with: " ", options: .regularExpression)
        return Set(GermanScreenTests.words(shown)).intersection(english)
            .filter { w in !content.contains { $0.hasPrefix(w) } }.sorted()
    }

    /// The screen's lines without the command line being typed (what the user typed is theirs).
    static func notTyped(_ app: TestApp, _ lines: [String]) -> [String] {
        guard case .command? = app.state.modal else { return lines }
        return Array(lines.dropLast())
    }

    func testAWholeDayInGermanMeetsNoEnglish() throws {
        let vocabulary = Set(L10n.catalogue(.de).values.flatMap(GermanScreenTests.words)).union(
            ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Mär", "Mai", "Okt", "Dez"])
        let content = GermanFixtures.contentWords.union(
            GermanScreenTests.words(
                "Das tut uns leid, wir prüfen es Neuer Tarif ab Montag Zweiter Dritter Beitrag Störung im Netz "
                    + "behoben alle informiert Nochmal noch offen gibtsnicht nirgends erfinder entfernen bald Hallo "
                    + "los bogus nowhere nonsense masto " + ContactRole.allCases.map(\.rawValue).joined(separator: " "))
        )
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            let app = try GermanFixtures.app(size: size)
            for (name, step) in GermanDayTests.day {
                step(app)
                let place = "\(name) at \(size.width)×\(size.height)"
                let found = GermanDayTests.englishWords(app, content: content)
                XCTAssertEqual(found, [], "English on the German screen \(place):\n\(app.dump())")
                for line in GermanDayTests.notTyped(app, GermanScreenTests.overlayOnly(app)) {
                    for word in GermanScreenTests.cutWords(line, vocabulary: vocabulary, content: content) {
                        XCTFail("\"\(word)\" cut mid-word on \(place):\n\(app.dump())")
                    }
                }
            }
        }
    }
}
