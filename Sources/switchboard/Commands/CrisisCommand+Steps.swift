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
            ["#"] + ["state", "step", "owner", "due", "by"].map { L10n.t("cli.col." + $0) },
            r.steps.enumerated().map { i, s in
                var due = hm.string(from: s.dueAt)
                if s.isOverdue(now) {
                    due += " " + L10n.t("cli.crisis.late", ["minutes": Int(now.timeIntervalSince(s.dueAt) / 60)])
                }
                let mark: String
                switch s.state {
                case .open: mark = s.isOverdue(now) ? "[!]" : "[ ]"
                case .done: mark = "[x]"
                case .skipped: mark = "[-]"
                case .blocked: mark = "[b]"
                }
                let by = s.by.map { "\(Output.safe($0)) \(hm.string(from: s.at ?? now))" } ?? ""
                return [
                    "\(i + 1)", "\(mark) " + L10n.t("crisis.state." + s.state.rawValue),
                    Output.clip(Output.safe(s.step.title) + (s.reason.map { " — " + Output.safe($0) } ?? ""), 70),
                    Output.safe(s.step.owner), due, by,
                ]
            })
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.crisisCommandSteps.1"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Flag(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.10"))) var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let team = try? CrisisCommand.team(store)
            let r = try CrisisCommand.op { try CrisisOps.current(which.id, store: store) }
            if json { Output.write(try CrisisReport(run: r, store: store).json() + Data([10])); return }
            print((r.isActive ? "" : L10n.t("cli.crisis.endedMark") + " ") + CrisisCommand.headline(r))
            let buckets = CrisisReport.buckets(store.mentions, from: Date().addingTimeInterval(-3 * 3600), to: Date())
            print(Output.pad(L10n.t("cli.crisis.sparkAll"), 32) + TextBars.sparkline(buckets.map { Double($0.total) }))
            print(
                Output.pad(L10n.t("cli.crisis.sparkNegative"), 32)
                    + TextBars.sparkline(buckets.map { Double($0.negative) }))
            CrisisCommand.printChecklist(r, now: r.endedAt ?? Date(), tz: CrisisOps.timeZone(team))
            if !r.playbook.escalation.isEmpty {
                print(
                    L10n.t("cli.crisis.escalation") + ": "
                        + r.playbook.escalation.map {
                            "\(Output.safe($0.role)): \(Output.safe($0.name)) (\(Output.safe($0.reach)))"
                        }.joined(separator: "; "))
            }
        }
    }

    struct StepArgs: ParsableArguments {
        @OptionGroup var which: Which
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.11"))) var step: String
    }

    static func change(_ global: GlobalOptions, _ args: StepArgs, _ state: CrisisStepState, reason: String?) throws {
        let store = try global.openStore()
        let s = try op {
            try CrisisOps.setStep(
                crisis: args.which.id, step: args.step, to: state, reason: reason, store: store, actor: Actor.current())
        }
        print(
            "\(s.step.id): " + L10n.t("crisis.state." + s.state.rawValue)
                + (s.reason.map { " — \(Output.safe($0))" } ?? ""))
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.crisisCommandSteps.2"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var args: StepArgs
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.12"))) var note: String?
        func run() throws { try CrisisCommand.change(global, args, .done, reason: note) }
    }

    enum Skip: ReasonStepKind {
        static let info = ReasonStepInfo(
            name: "skip", state: .skipped, abstract: L10n.t("cli.abstract.crisisCommandSteps.3"),
            reasonHelp: L10n.t("cli.help.crisis.skipReason"))
    }

    enum Block: ReasonStepKind {
        static let info = ReasonStepInfo(
            name: "block", state: .blocked, abstract: L10n.t("cli.abstract.crisisCommandSteps.4"),
            reasonHelp: L10n.t("cli.help.crisis.blockReason"))
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.crisisCommandSteps.5"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var args: StepArgs
        func run() throws { try CrisisCommand.change(global, args, .open, reason: nil) }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.crisisCommandSteps.6")
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var args: StepArgs
        @Flag(name: .customLong("by-hand"), help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.13")))
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
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.crisisCommandSteps.7"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.14"))) var level: String
        func run() throws {
            let store = try global.openStore()
            let l = try CrisisCommand.op {
                try CrisisOps.setSeverity(crisis: which.id, level, store: store, actor: Actor.current())
            }
            print(L10n.t("msg.severity", ["level": Output.safe(l)]))
        }
    }

    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.crisisCommandSteps.8")
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var which: Which
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.15"))) var id: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.16"))) var lang: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.17"))) var step: String?
        @Option(
            name: .customLong("account"),
            help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.18"))) var accounts: [String] = []
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.19")))
        var text: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.20"))) var publish = false

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
                    "\(item.id): "
                        + L10n.t(
                            "cli.crisis.statementQueued", ["accounts": item.draft.accounts.joined(separator: ", ")]))
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
                    L10n.t("cli.crisis.unfilled", ["names": s.unknown.map { "{{\($0)}}" }.joined(separator: ", ")]))
            }
            if r.drill { Output.warn(L10n.t("cli.crisis.drillShown")) }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.crisisCommandSteps.9")
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.21"))) var id: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.22"))) var format: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.23"))) var json = false
        @Option(help: ArgumentHelp(L10n.t("cli.help.crisisCommandSteps.24"))) var output: String?

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
            default: throw CLIError.usage(L10n.t("cli.crisis.formatUsage"))
            }
            if let output {
                try FileIO.writeDocument(data, to: URL(fileURLWithPath: output))
                if json {
                    Output.err(L10n.t("cli.wrote", ["file": output]))
                } else {
                    print(L10n.t("cli.wrote", ["file": output]))
                }
            } else {
                // Text from the network (replies, notes) is in there: sanitised like every other output.
                Output.write(Output.safe(String(decoding: data, as: UTF8.self), keepNewlines: true))
            }
        }
    }
}
