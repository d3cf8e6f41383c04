import ArgumentParser
import Foundation
import SwitchboardCore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the data directory: every file parses, logs intact, permissions sane.",
        discussion: """
            Lists each problem with file and line. Exit status 1 when there are problems. Only reads: nothing in the \
            directory is created or changed, except with --fix.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "JSON Lines: one finding per line.") var json = false
    @Flag(
        help:
            "Remove temporary files left by writers that are no longer running and set torn log tails aside, then check."
    ) var fix = false

    func run() throws {
        let dir = global.directory
        if fix {
            for p in Doctor.removeStaleTempFiles(dir) {
                if json {
                    try Output.printJSON(["level": "fixed", "place": p, "message": "removed"])
                } else { print("fixed    \(Output.safe(p)): removed") }
            }
            // Opening the store for writing sets torn tails aside (into FILE.corrupt).
            if dir.exists, let store = try? Store(dir: dir) {
                for w in store.warnings where w.contains("was moved to") {
                    let place = String(w.prefix { $0 != ":" })
                    let message = String(w.drop { $0 != ":" }.dropFirst(2))
                    if json {
                        try Output.printJSON(["level": "fixed", "place": place, "message": message])
                    } else { print("fixed    \(Output.safe(place)): \(Output.safe(message))") }
                }
            }
        }
        let findings = Doctor.check(dir)
        let problems = findings.filter { $0.level == .problem }
        if json {
            for f in findings {
                try Output.printJSON(["level": f.level.rawValue, "place": f.place, "message": f.message])
            }
        } else {
            for f in findings { print((f.level == .problem ? "problem  " : "note     ") + Output.safe(f.description)) }
            print(
                problems.isEmpty
                    ? "\(dir.displayPath): no problems found." : "\(problems.count) problem(s) in \(dir.displayPath).")
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
