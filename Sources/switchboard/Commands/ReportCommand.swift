import ArgumentParser
import Foundation
import HistoryIndex
import Insight
import SwitchboardCore

/// `switchboard report`: what happened in a period (Core's `Report`), as text, Markdown, CSV or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            L10n.t("cli.abstract.reportCommand.1"),
        discussion: L10n.t("cli.discussion.reportCommand.8"))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, csv, json
    }

    @OptionGroup var global: GlobalOptions
    @Option(
        help:
            ArgumentHelp(L10n.t("cli.help.reportCommand.7"))
    )
    var since: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.reportCommand.2")))
    var until: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.reportCommand.3")))
    var format: Format = .text
    @Flag(help: ArgumentHelp(L10n.t("cli.help.reportCommand.4")))
    var json = false
    @Option(help: ArgumentHelp(L10n.t("cli.help.reportCommand.5")))
    var output: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(L10n.t("cli.help.reportCommand.6")))
    var asOf: String?

    func run() throws {
        let dir = global.directory
        guard dir.exists else {
            throw CLIError.failure(
                L10n.t("cli.noDataDir", ["path": dir.root.path]))
        }
        let team: TeamConfig
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch {
            throw CLIError.failure("\(error)")
        }
        let tz = try ReportPeriod.timeZone(team)
        var now = Date()
        if let asOf {
            guard let t = Timestamp.parse(asOf) else {
                throw CLIError.usage(L10n.t("cli.report.badAsOf", ["value": asOf]))
            }
            now = t
        }
        var (from, to) = ReportPeriod.lastDays(7, now: now, timeZone: tz)
        if let since {
            guard let t = ReportPeriod.parseSince(since, now: now, timeZone: tz) else {
                throw CLIError.usage(
                    L10n.t("cli.report.badSince", ["value": since])
                )
            }
            from = t
        }
        if let until {
            guard let t = ReportPeriod.parseUntil(until, timeZone: tz) else {
                throw CLIError.usage(L10n.t("cli.report.badUntil", ["value": until]))
            }
            to = t
        }
        guard from < to else {
            throw CLIError.usage(
                L10n.t("cli.report.empty", ["since": LocalFormat.moment(from), "until": LocalFormat.moment(to)])
            )
        }

        var report = try ReportCommand.compute(dir: dir, team: team, since: from, until: to, now: now, global: global)
        report.countNotifications(dir: dir)
        let data: Data
        switch json ? .json : format {
        case .text: data = Data(report.text().utf8)
        case .md: data = Data(report.markdown().utf8)
        case .csv: data = Data(report.csv().utf8)
        case .json: data = try report.json() + Data([10])
        }
        if let output {
            let url = URL(fileURLWithPath: output)
            do { try FileIO.writeDocument(data, to: url) } catch {
                throw CLIError.failure(L10n.t("cli.cannotWrite", ["path": output, "error": "\(error)"]))
            }
        } else {
            Output.write(data)
        }
    }

    /// Through the index: only the period and the one before are read from the logs. Without a writable index,
    /// or when contacts were merged by hand (the contact book needs every mention), by folding the store.
    static func compute(
        dir: DataDirectory, team: TeamConfig, since: Date, until: Date, now: Date, global: GlobalOptions
    )
        throws -> Report
    {
        if let index = QueryOption.index(dir) {
            // The lines of single mentions' triage are not read: the report takes them from the index's rows, and
            // the others by the places the catch-up recorded (`report_event`).
            let events = try index.reportEvents()
            if !events.contains(where: { $0.action.typeName == "contact_merge" }) {
                return try index.report(
                    team: team, since: since, until: until, now: now, options: ReportCommand.options(team),
                    events: events)
            }
        }
        let store = try global.openStore()
        return try Report.compute(
            mentions: store.mentions, states: store.states(), events: store.events, team: team,
            since: since, until: until, now: now, options: ReportCommand.options(team, store: store))
    }

    /// Insight's topic words (stopwords of English and German left out) and the priority band a mention had when
    /// it arrived (for the SLA target by band; computed only when the team sets targets by band).
    static func options(_ team: TeamConfig, store: Store? = nil) -> ReportOptions {
        // Identities merged by hand into one contact count as one person among advocates and critics.
        if let store, store.events.contains(where: { $0.action.typeName == "contact_merge" }) {
            let contacts = Contacts.current(store, team: team)
            return .insight(team: team) { m in
                contacts.contact(for: m).map { ReportAuthor(id: $0.id, name: $0.name) } ?? ReportAuthor.byAccount(m)
            }
        }
        return .insight(team: team)
    }
}
