import ArgumentParser
import Foundation
import SwitchboardCore

extension CrisisCommand {
    /// The checklist as a table: number, state, step, owner, due (and how late), who checked it.
    static func printChecklist(_ r: CrisisRun, now: Date, tz: TimeZone) {
        let hm = DateFormatter()
        hm.locale = Locale(identifier: "en_US_POSIX")
        hm.timeZone = tz
        hm.dateFormat = "HH:mm"
        Output.table(
            ["#", "STATE", "STEP", "OWNER", "DUE", "BY"],
            r.steps.enumerated().map { i, s in
                var due = hm.string(from: s.dueAt)
                if s.isOverdue(now) { due += " LATE \(Int(now.timeIntervalSince(s.dueAt) / 60))m" }
                let mark: String
                switch s.state {
                case .open: mark = s.isOverdue(now) ? "[!]" : "[ ]"
                case .done: mark = "[x]"
                case .skipped: mark = "[-]"
                case .blocked: mark = "[b]"
                }
                let by = s.by.map { "\(Output.safe($0)) \(hm.string(from: s.at ?? now))" } ?? ""
                return [
                    "\(i + 1)", "\(mark) \(s.state.rawValue)",
                    Output.clip(Output.safe(s.step.title) + (s.reason.map { " — " + Output.safe($0) } ?? ""), 70),
                    Output.safe(s.step.owner), due, by,
                ]
            })
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The current run (or --crisis ID): its checklist, overdue steps marked.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Flag(help: "JSON: the incident report of the run so far.") var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let team = try? CrisisCommand.team(store)
            let r = try CrisisCommand.op { try CrisisOps.current(which.id, store: store) }
            if json { Output.write(try CrisisReport(run: r, store: store).json() + Data([10])); return }
            print((r.isActive ? "" : "ENDED ") + CrisisCommand.headline(r))
            let buckets = CrisisReport.buckets(store.mentions, from: Date().addingTimeInterval(-3 * 3600), to: Date())
            print("Mentions per 15 min, last 3 h:  " + TextBars.sparkline(buckets.map { Double($0.total) }))
            print("Negative per 15 min:            " + TextBars.sparkline(buckets.map { Double($0.negative) }))
            CrisisCommand.printChecklist(r, now: r.endedAt ?? Date(), tz: CrisisOps.timeZone(team))
            if !r.playbook.escalation.isEmpty {
                print(
                    "Escalation: "
                        + r.playbook.escalation.map {
                            "\(Output.safe($0.role)): \(Output.safe($0.name)) (\(Output.safe($0.reach)))"
                        }.joined(separator: "; "))
            }
        }
    }

    struct StepArgs: ParsableArguments {
        @OptionGroup var which: Which
        @Argument(help: "The step: its id, its number, or an unambiguous id prefix.") var step: String
    }

    static func change(_ global: GlobalOptions, _ args: StepArgs, _ state: CrisisStepState, reason: String?) throws {
        let store = try global.openStore()
        let s = try op {
            try CrisisOps.setStep(
                crisis: args.which.id, step: args.step, to: state, reason: reason, store: store, actor: Actor.current())
        }
        print("\(s.step.id): \(s.state.rawValue)" + (s.reason.map { " — \(Output.safe($0))" } ?? ""))
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a step off (records who and when).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var args: StepArgs
        @Option(help: "A note kept with it.") var note: String?
        func run() throws { try CrisisCommand.change(global, args, .done, reason: note) }
    }

    enum Skip: ReasonStepKind {
        static let info = ReasonStepInfo(
            name: "skip", state: .skipped, abstract: "Skip a step, with the reason.",
            reasonHelp: "Why it is skipped.")
    }

    enum Block: ReasonStepKind {
        static let info = ReasonStepInfo(
            name: "block", state: .blocked, abstract: "Mark a step blocked, with what blocks it.",
            reasonHelp: "What blocks it.")
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a step again.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var args: StepArgs
        func run() throws { try CrisisCommand.change(global, args, .open, reason: nil) }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Carry out a notify step: run its command with the step's text on stdin, or record it was done by hand."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var args: StepArgs
        @Flag(name: .customLong("by-hand"), help: "Record that the people were notified by hand (no command is run).")
        var byHand = false

        func run() throws {
            let store = try global.openStore()
            let r = try CrisisCommand.op {
                try CrisisOps.notify(
                    crisis: args.which.id, step: args.step, byHand: byHand, store: store, actor: Actor.current())
            }
            print(Output.safe(r.message))
            if !r.output.isEmpty { print(Output.safe(r.output, keepNewlines: true)) }
            if !r.ok { throw ExitCode(1) }
        }
    }

    struct Severity: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the severity level of the run.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Argument(help: "The level: its number, or its first word.") var level: String
        func run() throws {
            let store = try global.openStore()
            let l = try CrisisCommand.op {
                try CrisisOps.setSeverity(crisis: which.id, level, store: store, actor: Actor.current())
            }
            print("severity: \(Output.safe(l))")
        }
    }

    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show a holding statement filled in; --publish queues it to go out now (even with the queue suspended)."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Argument(help: "The statement id (default: the first for --lang).") var id: String?
        @Option(help: "Language (en, de, …).") var lang: String?
        @Option(help: "The holding-statement step this completes (marked done when published).") var step: String?
        @Option(
            name: .customLong("account"),
            help: "A target account (source id); repeatable. Default: every Mastodon and Bluesky source.") var accounts:
            [String] = []
        @Option(help: "The text to publish instead of the statement as written (e.g. with the placeholders filled).")
        var text: String?
        @Flag(help: "Queue it to be published now (not in a drill).") var publish = false

        func run() throws {
            let store = try global.openStore()
            let team = try CrisisCommand.team(store)
            let r = try CrisisCommand.op { try CrisisOps.current(which.id, store: store) }
            if publish {
                let item = try CrisisCommand.op {
                    try CrisisOps.publishStatement(
                        crisis: r.id, step: step, id: id, lang: lang, text: text, accounts: accounts, team: team,
                        store: store, actor: Actor.current())
                }
                print(
                    "\(item.id): queued for now on \(item.draft.accounts.joined(separator: ", ")) (publish-due or the listener sends it)"
                )
                return
            }
            let networks = team.sources.filter { ["mastodon", "bluesky"].contains($0.type.lowercased()) }.map {
                $0.type.lowercased()
            }
            let s = try CrisisCommand.op {
                try CrisisOps.statement(
                    r, id: id, step: step, lang: lang, networks: networks, team: team,
                    agent: team.member(Actor.current()))
            }
            print(Output.safe(s.text, keepNewlines: true))
            for (n, v) in s.variants.sorted(by: { $0.key < $1.key }) {
                print("[\(n)] " + Output.safe(v, keepNewlines: true))
            }
            if !s.unknown.isEmpty {
                Output.warn(
                    "unfilled: " + s.unknown.map { "{{\($0)}}" }.joined(separator: ", ")
                        + " (the playbook's \"placeholders\")")
            }
            if r.drill { Output.warn("a drill: shown only, nothing is published") }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The incident report of a run: timeline, volume and sentiment chart, steps with times, posts, "
                + "response times."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run (id, prefix, or `last`; default: the newest).") var id: String?
        @Option(help: "md or json (default: md).") var format: String?
        @Flag(help: "The report as one JSON document (the same as --format json).") var json = false
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            if json, let format, format.lowercased() != "json" {
                throw ValidationError("--json with --format \(format)")
            }
        }

        func run() throws {
            let store = try global.openStore(quiet: true)
            let team = try? CrisisCommand.team(store)
            let r = try CrisisCommand.op { try CrisisLog(store: store).resolve(id) }
            let report = CrisisReport(run: r, store: store)
            let data: Data
            switch (json ? "json" : format ?? "md").lowercased() {
            case "md", "markdown": data = Data(report.markdown(timeZone: CrisisOps.timeZone(team)).utf8)
            case "json": data = try report.json() + Data("\n".utf8)
            default: throw CLIError.usage("--format: md or json")
            }
            if let output {
                try FileIO.writeDocument(data, to: URL(fileURLWithPath: output))
                if json { Output.err("wrote \(output)") } else { print("wrote \(output)") }
            } else {
                // Text from the network (replies, notes) is in there: sanitised like every other output.
                Output.write(Output.safe(String(decoding: data, as: UTF8.self), keepNewlines: true))
            }
        }
    }
}
