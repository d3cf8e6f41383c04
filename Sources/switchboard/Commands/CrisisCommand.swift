import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard crisis …`: the crisis drawer — playbooks, starting a run (or a drill), its checklist, ending it, the report.
struct CrisisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crisis",
        abstract: "The crisis drawer: playbooks, start/drill, the checklist, holding statements, end, report.",
        subcommands: [
            List.self, Validate.self, Start.self, Drill.self, Status.self, Done.self,
            ReasonStepCommand<Skip>.self, ReasonStepCommand<Block>.self, Reopen.self,
            Notify.self, Severity.self, Statement.self, End.self, Report.self,
        ])

    /// Runs a crisis operation, turning its refusal into a clean CLI failure.
    static func op<T>(_ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as CrisisError { throw CLIError.failure(e.message) } catch let e as QueueError
        { throw CLIError.failure(e.message) }
    }

    static func team(_ store: Store) throws -> TeamConfig {
        try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
    }

    struct Which: ParsableArguments {
        @Option(
            name: .customLong("crisis"),
            help: "The run (id or prefix); default: the active crisis, else the running drill.") var id: String?
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The playbooks (and files that cannot be used), and every run so far.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "JSON: {\"playbooks\": […], \"problems\": […], \"runs\": […]}.") var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let lib = PlaybookLibrary.load(store.dir)
            let log = CrisisLog(store: store)
            if json { try Output.printJSON(CrisisListJSON(lib: lib, log: log)); return }
            if let c = log.current { print("ACTIVE: " + CrisisCommand.headline(c)) }
            if lib.playbooks.isEmpty {
                print("No usable playbooks in \(store.dir.playbooksDir.path) (switchboard init writes three).")
            } else {
                Output.table(
                    ["PLAYBOOK", "NAME", "STEPS", "SEVERITY LEVELS"],
                    lib.playbooks.map { p in
                        [
                            Output.safe(p.id), Output.safe(p.name), "\(p.steps.count)",
                            Output.clip(
                                Output.safe(
                                    p.severityLevels.enumerated().map {
                                        "\($0.offset + 1) " + String($0.element.prefix { $0 != ":" })
                                    }.joined(separator: " · ")), 60),
                        ]
                    })
            }
            for p in lib.problems { Output.warn(Output.safe(p.description)) }
            if !log.runs.isEmpty {
                print("")
                Output.table(
                    ["RUN", "PLAYBOOK", "STARTED", "BY", "STATE"],
                    log.runs.reversed().map { r in
                        [
                            r.id, Output.safe(r.name) + (r.drill ? " (drill)" : ""), Timestamp.format(r.startedAt),
                            Output.safe(r.startedBy),
                            r.endedAt.map { "ended " + Timestamp.format($0) }
                                ?? "ACTIVE \(r.progress.done)/\(r.progress.total)",
                        ]
                    })
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check playbook files (default: every file in the data directory's playbooks/); exit 1 on problems.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Playbook files to check instead.") var files: [String] = []
        @Flag(help: "One JSON document: {\"ready\": N, \"problems\": [{\"file\", \"message\"}]}.") var json = false

        func run() throws {
            var problems: [(file: String, message: String)] = []
            var ok = 0
            if files.isEmpty {
                let store = try global.openStore(quiet: true)
                let lib = PlaybookLibrary.load(store.dir)
                problems = lib.problems.map { ($0.file, $0.message) }
                ok = lib.playbooks.count
            } else {
                for f in files {
                    let (p, found) = PlaybookLibrary.check(file: URL(fileURLWithPath: f))
                    problems += found.map { (f, $0) }
                    if p != nil, found.isEmpty { ok += 1 }
                }
            }
            if json {
                struct Doc: Encodable {
                    let ready: Int
                    let problems: [[String: String]]
                }
                try Output.printJSON(
                    Doc(ready: ok, problems: problems.map { ["file": $0.file, "message": $0.message] }))
                if !problems.isEmpty { throw ExitCode(1) }
                return
            }
            for p in problems { print(Output.safe("\(p.file): \(p.message)")) }
            print(
                "\(ok) playbook\(ok == 1 ? "" : "s") ready, \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct StartOptions: ParsableArguments {
        @Argument(help: "The playbook (id, name or prefix).") var playbook: String
        @Option(help: "Severity level (number, or the level's first word).") var severity: String?
        @Option(help: "A note kept with the start.") var note: String?
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a crisis from a playbook; shows the banner in every workbench at once.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: StartOptions
        @Flag(
            name: .customLong("suspend-queue"), inversion: .prefixedNo,
            help: "Suspend the content queue in the same write (asked when not given and a terminal is attached).")
        var suspendQueue: Bool?

        func run() throws {
            let store = try global.openStore()
            let team = try CrisisCommand.team(store)
            let p = try CrisisCommand.op { try PlaybookLibrary.load(store.dir).resolve(options.playbook) }
            var suspend = suspendQueue
            if suspend == nil, isatty(0) == 1, !Queue(store: store).isSuspended {
                Output.flush()
                Output.writeStderr("Suspend the content queue (scheduled posts are held)? [Y/n] ")
                let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                suspend = answer.isEmpty || answer.hasPrefix("y") || answer.hasPrefix("j")
            }
            let run = try CrisisCommand.op {
                try CrisisOps.start(
                    p, severity: options.severity, suspendQueue: suspend ?? false, note: options.note, team: team,
                    store: store, actor: Actor.current())
            }
            print("Started \(run.id): \(Output.safe(run.name))" + (run.severity.map { " — \(Output.safe($0))" } ?? ""))
            if run.suspendedQueue {
                print("The content queue is suspended (resume with `switchboard queue resume`).")
            } else if Queue(store: store).isSuspended {
                print("The content queue was already suspended.")
            } else {
                print("The content queue is NOT suspended (suspend it with `switchboard queue suspend --reason …`).")
            }
            CrisisCommand.printChecklist(run, now: Date(), tz: CrisisOps.timeZone(team))
            SyncCommand.syncNow(store.dir, why: "the crisis")
        }
    }

    struct Drill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Run a playbook as an exercise: clearly marked, nothing published, nothing suspended, no commands run.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: StartOptions

        func run() throws {
            let store = try global.openStore()
            let team = try CrisisCommand.team(store)
            let p = try CrisisCommand.op { try PlaybookLibrary.load(store.dir).resolve(options.playbook) }
            let run = try CrisisCommand.op {
                try CrisisOps.start(
                    p, severity: options.severity, drill: true, suspendQueue: false, note: options.note, team: team,
                    store: store, actor: Actor.current())
            }
            print("DRILL \(run.id): \(Output.safe(run.name)) — an exercise: nothing is published or suspended")
            CrisisCommand.printChecklist(run, now: Date(), tz: CrisisOps.timeZone(team))
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End the crisis with a summary and write the incident report (the queue stays suspended).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Argument(help: "The summary: what happened, what was done, what is still open.") var summary: [String]

        func run() throws {
            let store = try global.openStore()
            let team = try? CrisisCommand.team(store)
            let run = try CrisisCommand.op {
                try CrisisOps.end(
                    crisis: which.id, summary: summary.joined(separator: " "), store: store, actor: Actor.current())
            }
            print(
                "Ended \(run.id) (\(Output.safe(run.name))) after "
                + "\(CrisisReport.duration((run.endedAt ?? Date()).timeIntervalSince(run.startedAt)))."
            )
            do {
                let file = try CrisisOps.writeReport(run, store: store, team: team)
                print("Report: \(file.path)")
            } catch {
                Output.warn(
                    "the report could not be written (\(error)); `switchboard crisis report \(run.id)` prints it")
            }
            if !run.drill, let s = Queue(store: store).suspension {
                print(
                    "The content queue stays suspended (\(Output.safe(s.reason))): resume it with `switchboard "
                    + "queue resume` when ready."
                )
            }
        }
    }

    static func headline(_ r: CrisisRun) -> String {
        (r.drill ? "DRILL " : "") + "\(Output.safe(r.name)) (\(r.id))"
            + (r.severity.map { " — \(Output.safe($0))" } ?? "")
            + ", started \(Timestamp.format(r.startedAt)) by \(Output.safe(r.startedBy)), \(r.progress.done)/\(r.progress.total) steps"
    }
}

struct CrisisListJSON: Encodable {
    struct PB: Encodable {
        var id: String, name: String, steps: Int, severity_levels: [String]
    }
    struct Run: Encodable {
        var id: String, playbook: String, name: String, drill: Bool, started_at: String, started_by: String
        var ended_at: String?
        var done: Int
        var steps: Int
    }
    var playbooks: [PB], problems: [String], runs: [Run]
    init(lib: PlaybookLibrary, log: CrisisLog) {
        playbooks = lib.playbooks.map {
            PB(id: $0.id, name: $0.name, steps: $0.steps.count, severity_levels: $0.severityLevels)
        }
        problems = lib.problems.map(\.description)
        runs = log.runs.map { r in
            Run(
                id: r.id, playbook: r.playbook.id, name: r.name, drill: r.drill,
                started_at: Timestamp.format(r.startedAt), started_by: r.startedBy,
                ended_at: r.endedAt.map(Timestamp.format), done: r.progress.done, steps: r.progress.total)
        }
    }
}
