import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Every command does something observable: from a state where it applies, running it changes the frame (the
/// panes, an overlay, the status line, the cursor) or asks for an effect. A command whose handler went missing
/// would do nothing and fail here.
final class CommandCoverageTests: XCTestCase {
    /// How a command is run: as a `:` line, or by its key in a context of the default keymap.
    enum Drive {
        case line(String)
        case key(KeyContext)
    }

    /// A state for the command: keys pressed (and lines run) first, a running crisis, a queue item.
    struct Case {
        var setup: [String] = []
        var crisis = false
        var queueItem = false
        /// team.json has a `sync` remote (a site of a team across servers).
        var syncs = false
        var drive: Drive
    }

    /// The state each command is run from (default: a feed of 60 mentions, the command as a `:` line).
    static func scenario(_ c: CommandName) -> Case {
        let composing = [":open", "ab", "<CR-newline>", "cd"]
        switch c {
        case .back: return Case(setup: [":open"], drive: .line("back"))
        case .focus: return Case(drive: .line("focus queue"))
        case .theme: return Case(drive: .line("theme light"))
        case .filter: return Case(drive: .line("filter number 1"))
        case .view: return Case(drive: .line("view ones"))
        case .sort: return Case(drive: .line("sort priority"))
        case .status: return Case(drive: .line("status answered"))
        case .assign: return Case(drive: .line("assign me"))
        case .tag: return Case(drive: .line("tag billing"))
        case .unmarkAll: return Case(setup: [":mark"], drive: .line("unmark-all"))
        case .send: return Case(setup: composing, drive: .line("send"))
        case .template, .edit, .save, .handoffAnswer: return Case(setup: [":open"], drive: .line(c.rawValue))
        case .note: return Case(drive: .line("note called them back"))
        case .holdingStatement: return Case(setup: [":open"], crisis: true, drive: .line(c.rawValue))
        case .pick: return Case(setup: [":trends"], drive: .key(.trends))
        case .fold: return Case(setup: [":thread"], drive: .key(.thread))
        case .crisis: return Case(drive: .line("crisis"))
        case .crisisStart, .crisisDrill: return Case(setup: [":focus crisis"], drive: .line(c.rawValue))
        case .crisisDone, .crisisSkip, .crisisBlock, .crisisStatement, .crisisTimeline, .crisisSeverity,
            .crisisEscalation:
            return Case(setup: [":focus crisis"], crisis: true, drive: .line(c.rawValue))
        case .crisisReopen:
            return Case(setup: [":focus crisis", ":crisis-done"], crisis: true, drive: .line(c.rawValue))
        case .crisisNotify, .crisisNotifyByHand:
            return Case(setup: [":focus crisis", ":down", ":down", ":down"], crisis: true, drive: .line(c.rawValue))
        case .queue: return Case(drive: .line("queue add Hello from the test"))
        case .queueEdit, .queueSchedule, .queueDelete, .queueDuplicate, .queueSwapDown:
            return Case(setup: [":focus queue"], queueItem: true, drive: .line(c.rawValue))
        case .queueSwapUp: return Case(setup: [":focus queue", ":down"], queueItem: true, drive: .line(c.rawValue))
        case .queueUndo:
            return Case(setup: [":focus queue", ":queue-delete"], queueItem: true, drive: .line(c.rawValue))
        case .queueRetry: return Case(setup: [":focus queue"], queueItem: true, drive: .line(c.rawValue))
        case .suspend: return Case(drive: .line("suspend outage"))
        case .resume: return Case(setup: [":suspend outage"], drive: .line("resume keep"))
        case .post: return Case(drive: .line("post Hello now"))
        case .sync: return Case(syncs: true, drive: .line("sync"))
        case .handoff: return Case(drive: .line("handoff support"))
        case .role: return Case(setup: [":open"], drive: .line("role +fan"))
        case .contactNote: return Case(setup: [":open"], drive: .line("contact-note met at a fair"))
        case .contactsSort, .contactsAdvocates, .roleAdd, .roleRemove:
            return Case(setup: [":contacts"], drive: .key(.contacts))
        case .contactsMerge: return Case(setup: [":contacts", "<Space>", "<Space>"], drive: .key(.contacts))
        case .up, .top, .pageUp, .halfUp: return Case(setup: [":bottom"], drive: .line(c.rawValue))
        case .cursorLeft, .wordLeft, .lineStart, .backspace, .deleteWord, .cursorUp, .newline:
            return Case(setup: composing, drive: .key(.composer))
        case .cursorRight, .wordRight, .delete:
            return Case(setup: composing + ["<Left>"], drive: .key(.composer))
        case .lineEnd, .killLine: return Case(setup: composing + ["C-a"], drive: .key(.composer))
        case .cursorDown: return Case(setup: composing + ["<Up>"], drive: .key(.composer))
        case .complete: return Case(setup: [":", "foc"], drive: .key(.cmdline))
        case .run: return Case(setup: [":", "zoom"], drive: .key(.cmdline))
        case .cancel, .killLineStart: return Case(setup: [":", "zoom"], drive: .key(.cmdline))
        default: return Case(drive: .line(c.rawValue))
        }
    }

    func app(_ c: Case) throws -> TestApp {
        let views = try SavedViews.decode(Data(#"{"views": {"ones": "number 1"}}"#.utf8)).views
        var team = CrisisFixtures.team()
        if c.syncs { team.extra["sync"] = .object(["remote": .string("file:///nonexistent/team.git")]) }
        let app = try TestApp(
            Fixtures.three + Fixtures.many(60), size: Size(width: 120, height: 30),
            team: team, files: CrisisFixtures.files, views: views)
        app.runner.editor = { $0 + " (edited)" }
        if c.crisis { try CrisisFixtures.start(app) }
        if c.queueItem {
            for (text, at) in [("First post", "2026-11-28T09:00:00Z"), ("Second post", "2026-11-29T09:00:00Z")] {
                let d = QueueDraft(
                    text: text, accounts: ["masto"], scheduledAt: Timestamp.parse(at),
                    createdAt: TestApp.now)
                _ = try Queue.add(
                    d, team: CrisisFixtures.team(), store: try Store(dir: app.dir), actor: "alice",
                    now: TestApp.now)
            }
            try app.refresh()
        }
        for step in c.setup {
            if step == "<CR-newline>" {
                app.send(.key(app.state.settings.keymap.keys(for: "newline", in: KeyContext.composer)[0]))
            } else if step == ":" {
                app.press(":")
            } else if step.hasPrefix(":") {
                app.send(.key(.char(":")))
                app.type(String(step.dropFirst()))
                app.press("<Enter>")
            } else if step.hasPrefix("<") || step.hasPrefix("C-") {
                app.press(step)
            } else {
                app.type(step)
            }
        }
        return app
    }

    func testEveryCommandDoesSomethingObservable() throws {
        for c in CommandName.allCases {
            let scenario = Self.scenario(c)
            let app = try app(scenario)
            let before = (app.buffer, app.cursor)
            var fx: [Effect] = []
            switch scenario.drive {
            case .line(let line):
                fx = Update.run(&app.state, line, fromKeymap: false)
            case .key(let ctx):
                guard let k = app.state.settings.keymap.keys(for: c.rawValue, in: ctx).first else {
                    XCTFail("\(c.rawValue): no key in \(ctx)")
                    continue
                }
                fx = update(&app.state, .key(k))
            }
            let changed = app.buffer != before.0 || app.cursor != before.1
            XCTAssertTrue(changed || !fx.isEmpty, "\(c.rawValue) did nothing observable")
            let message = app.state.chrome.message
            XCTAssertFalse(message?.isError == true, "\(c.rawValue): \(message?.text ?? "")")
        }
    }
}
