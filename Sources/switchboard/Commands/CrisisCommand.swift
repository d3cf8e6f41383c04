import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard crisis …`: the crisis drawer — playbooks, starting a run (or a drill), its checklist, ending it, the report.
struct CrisisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crisis",
        abstract: L10n.t("cli.abstract.crisisCommand.1"),
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
            help: ArgumentHelp(L10n.t("cli.help.crisisCommand.7"))) var id: String?
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.crisisCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.8"))) var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let lib = PlaybookLibrary.load(store.dir)
            let log = CrisisLog(store: store)
            if json { try Output.printJSON(CrisisListJSON(lib: lib, log: log)); return }
            if let c = log.current { print(L10n.t("cli.crisis.active") + ": " + CrisisCommand.headline(c)) }
            if lib.playbooks.isEmpty {
                print(L10n.t("cli.crisis.noPlaybooks", ["path": store.dir.playbooksDir.path]))
            } else {
                Output.table(
                    ["playbook", "name", "steps", "severityLevels"].map { L10n.t("cli.col." + $0) },
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
                    ["run", "playbook", "started", "by", "state"].map { L10n.t("cli.col." + $0) },
                    log.runs.reversed().map { r in
                        [
                            r.id, Output.safe(r.name) + (r.drill ? " (" + L10n.t("msg.drill") + ")" : ""),
                            Timestamp.format(r.startedAt),
                            Output.safe(r.startedBy),
                            r.endedAt.map { L10n.t("cli.crisis.endedAt", ["time": Timestamp.format($0)]) }
                                ?? L10n.t(
                                    "cli.crisis.activeProgress", ["done": r.progress.done, "total": r.progress.total]),
                        ]
                    })
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.crisisCommand.3"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.9"))) var files: [String] = []
        @Flag(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.10"))) var json = false

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
                L10n.t(ok == 1 ? "cli.crisis.playbookReady" : "cli.crisis.playbooksReady", ["count": ok]) + ", "
                    + L10n.t(
                        problems.count == 1 ? "cli.crisis.problem" : "cli.crisis.problems", ["count": problems.count]))
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct StartOptions: ParsableArguments {
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.11"))) var playbook: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.12"))) var severity: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.13"))) var note: String?
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.crisisCommand.4"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: StartOptions
        @Flag(
            name: .customLong("suspend-queue"), inversion: .prefixedNo,
            help: ArgumentHelp(L10n.t("cli.help.crisisCommand.14")))
        var suspendQueue: Bool?

        func run() throws {
            let store = try global.openStore()
            let team = try CrisisCommand.team(store)
            let p = try CrisisCommand.op { try PlaybookLibrary.load(store.dir).resolve(options.playbook) }
            var suspend = suspendQueue
            if suspend == nil, isatty(0) == 1, !Queue(store: store).isSuspended {
                Output.flush()
                Output.writeStderr(L10n.t("cli.crisis.askSuspend") + " ")
                let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                suspend = answer.isEmpty || answer.hasPrefix("y") || answer.hasPrefix("j")
            }
            let run = try CrisisCommand.op {
                try CrisisOps.start(
                    p, severity: options.severity, suspendQueue: suspend ?? false, note: options.note, team: team,
                    store: store, actor: Actor.current())
            }
            print(
                L10n.t("cli.crisis.started", ["id": run.id, "name": Output.safe(run.name)])
                    + (run.severity.map { " — \(Output.safe($0))" } ?? ""))
            if run.suspendedQueue {
                print(L10n.t("cli.crisis.queueSuspended"))
            } else if Queue(store: store).isSuspended {
                print(L10n.t("cli.crisis.queueWasSuspended"))
            } else {
                print(L10n.t("cli.crisis.queueNotSuspended"))
            }
            CrisisCommand.printChecklist(run, now: Date(), tz: CrisisOps.timeZone(team))
            SyncCommand.syncNow(store.dir, why: L10n.t("cli.sync.what.crisis"))
        }
    }

    struct Drill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.crisisCommand.5"))
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
            print(L10n.t("cli.crisis.drill", ["id": run.id, "name": Output.safe(run.name)]))
            CrisisCommand.printChecklist(run, now: Date(), tz: CrisisOps.timeZone(team))
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.crisisCommand.6"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommand.15"))) var summary: [String]

        func run() throws {
            let store = try global.openStore()
            let team = try? CrisisCommand.team(store)
            let run = try CrisisCommand.op {
                try CrisisOps.end(
                    crisis: which.id, summary: summary.joined(separator: " "), store: store, actor: Actor.current())
            }
            print(
                L10n.t(
                    "cli.crisis.ended",
                    [
                        "id": run.id, "name": Output.safe(run.name),
                        "duration": CrisisReport.duration((run.endedAt ?? Date()).timeIntervalSince(run.startedAt)),
                    ]))
            do {
                let file = try CrisisOps.writeReport(run, store: store, team: team)
                print(L10n.t("cli.crisis.reportFile", ["path": file.path]))
            } catch {
                Output.warn(L10n.t("cli.crisis.reportFailed", ["error": "\(error)", "id": run.id]))
            }
            if !run.drill, let s = Queue(store: store).suspension {
                print(L10n.t("cli.crisis.queueStays", ["reason": Output.safe(s.reason)]))
            }
        }
    }

    static func headline(_ r: CrisisRun) -> String {
        (r.drill ? L10n.t("cli.crisis.drillMark") + " " : "") + "\(Output.safe(r.name)) (\(r.id))"
            + (r.severity.map { " — \(Output.safe($0))" } ?? "") + ", "
            + L10n.t(
                "cli.crisis.headline",
                [
                    "time": Timestamp.format(r.startedAt), "user": Output.safe(r.startedBy), "done": r.progress.done,
                    "total": r.progress.total,
                ])
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
