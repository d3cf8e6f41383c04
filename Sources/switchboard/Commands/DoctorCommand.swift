import ArgumentParser
import Foundation
import HistoryIndex
import SwitchboardCore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: L10n.t("cli.abstract.doctorCommand.1"),
        discussion: L10n.t("cli.discussion.doctor"))
    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L10n.t("cli.help.doctor.json"))) var json = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.doctor.fix"))) var fix = false

    func run() throws {
        let dir = global.directory
        if fix {
            for p in Doctor.removeStaleTempFiles(dir) {
                if json {
                    try Output.printJSON(["level": "fixed", "place": p, "message": "removed"])
                } else {
                    print(L10n.t("doctor.levelFixed") + "\(Output.safe(p)): " + L10n.t("doctor.removed"))
                }
            }
            // Opening the store for writing sets torn tails aside (into FILE.corrupt).
            if dir.exists, let store = try? Store(dir: dir) {
                for w in store.warnings where w.contains("was moved to") {
                    let place = String(w.prefix { $0 != ":" })
                    let message = String(w.drop { $0 != ":" }.dropFirst(2))
                    if json {
                        try Output.printJSON(["level": "fixed", "place": place, "message": message])
                    } else {
                        print(L10n.t("doctor.levelFixed") + "\(Output.safe(place)): \(Output.safe(message))")
                    }
                }
            }
        }
        // --fix brings the index up to date (it is a cache of the logs), so the comparison below covers everything.
        if fix, dir.exists { _ = try? HistoryIndex(dir: dir, writer: Switchboard.writer) }
        var findings = Doctor.check(dir)
        // The index against the logs, when it is up to date (only read; a disagreeing index is a problem).
        if dir.exists, let store = try? Store(dir: dir, mode: .readOnly) {
            findings += HistoryIndex.check(dir, store: store)
        }
        let problems = findings.filter { $0.level == .problem }
        if json {
            for f in findings {
                try Output.printJSON(["level": f.level.rawValue, "place": f.place, "message": f.message])
            }
        } else {
            for f in findings {
                print(
                    L10n.t(f.level == .problem ? "doctor.levelProblem" : "doctor.levelNote")
                        + Output.safe(f.description))
            }
            print(
                problems.isEmpty
                    ? L10n.t("doctor.allGood", ["dir": dir.displayPath])
                    : L10n.t("doctor.problems", ["count": problems.count, "dir": dir.displayPath]))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
