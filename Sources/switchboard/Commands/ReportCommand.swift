import ArgumentParser
import Foundation
import Insight
import SwitchboardCore

/// `switchboard report`: what happened in a period (Core's `Report`), as text, Markdown, CSV or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Report on a period: volume, sentiment, share of voice, responses and SLA, topics, advocates, posts, "
            + "crises.",
        discussion: """
            The period is [--since, --until) in the team's time zone (team.json "timezone"); by default the last 7 \
            days \
            (today and the 6 days before, from midnight) up to now. Each figure is compared with the period of the \
            same \
            length just before. See the README, "Reports", for every section and the CSV columns.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, csv, json
    }

    @OptionGroup var global: GlobalOptions
    @Option(
        help:
            """
            Start: 7d or 2w (calendar days, today included, from midnight), 12h, a date like 2026-11-01 \
            (midnight), or an ISO 8601 time. Default: 7d.
            """
    )
    var since: String?
    @Option(help: "End: a date (that day included) or an ISO 8601 time. Default: now.")
    var until: String?
    @Option(help: "text (charts in block characters), md (Markdown), csv or json.")
    var format: Format = .text
    @Flag(help: "Same as --format json.")
    var json = false
    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?
    @Option(
        name: .customLong("as-of"),
        help: "Compute as of this ISO 8601 time instead of now (what was overdue then; reproducible reports).")
    var asOf: String?

    func run() throws {
        let dir = global.directory
        guard dir.exists else {
            throw CLIError.failure(
                "no data directory at \(dir.root.path): run `switchboard init` first (or pass --data-dir)")
        }
        let team: TeamConfig
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch {
            throw CLIError.failure("\(error)")
        }
        let tz = try ReportPeriod.timeZone(team)
        var now = Date()
        if let asOf {
            guard let t = Timestamp.parse(asOf) else {
                throw CLIError.usage("--as-of: \"\(asOf)\" is not an ISO 8601 time like 2026-11-23T09:00:00Z")
            }
            now = t
        }
        var (from, to) = ReportPeriod.lastDays(7, now: now, timeZone: tz)
        if let since {
            guard let t = ReportPeriod.parseSince(since, now: now, timeZone: tz) else {
                throw CLIError.usage(
                    "--since: \"\(since)\" is neither a duration like 7d or 12h, a date like 2026-11-01, nor an ISO "
                        + "8601 time"
                )
            }
            from = t
        }
        if let until {
            guard let t = ReportPeriod.parseUntil(until, timeZone: tz) else {
                throw CLIError.usage("--until: \"\(until)\" is neither a date like 2026-11-30 nor an ISO 8601 time")
            }
            to = t
        }
        guard from < to else {
            throw CLIError.usage(
                "the period is empty: --since (\(Timestamp.format(from))) must be before --until "
                    + "(\(Timestamp.format(to)))"
            )
        }

        let report = try ReportCommand.compute(dir: dir, team: team, since: from, until: to, now: now, global: global)
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
                throw CLIError.failure("cannot write \(output): \(error)")
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
            let events = try index.events()
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
