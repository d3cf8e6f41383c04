import ArgumentParser
import Foundation
import ListenerServices
import Listening
import SwitchboardCore

/// `switchboard sources list|poll|add`: the sources of team.json and their health.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: L10n.t("cli.abstract.sourcesCommand.1"),
        subcommands: [List.self, Poll.self, SourcesAddCommand.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                L10n.t("cli.abstract.sourcesCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L10n.t("cli.help.sources.json"))) var json = false

        func run() async throws {
            let dir = global.directory
            guard dir.exists else {
                throw CLIError.failure(
                    L10n.t("cli.noDataDir", ["path": dir.root.path]))
            }
            let team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
            let state = SourceStateStore(dir: dir)
            let health = state.load()
            let running = Listener.isRunning(dir: dir)
            if json {
                try Output.printJSONLines(
                    team.sources.map { SourceRow(config: $0, health: health[$0.id] ?? SourceHealth(id: $0.id)) })
                return
            }
            for w in state.warnings { Output.warn(w) }
            if team.sources.isEmpty {
                print(L10n.t("cli.sources.none"))
                return
            }
            let now = Date()
            Output.table(
                [
                    "id", "type", "on", "status", "lastOk", "nextRun", "fetched", "new", "cursor", "rateUse",
                    "lastError",
                ].map { L10n.t("cli.sources.col." + $0) },
                team.sources.map { c in
                    let h = health[c.id] ?? SourceHealth(id: c.id)
                    let due = L10n.t("cli.sources.due")
                    return [
                        Output.safe(c.id), Output.safe(c.type), L10n.t(c.isEnabled ? "cli.yes" : "cli.no"),
                        L10n.t("sources.status." + h.status.rawValue),
                        h.lastSuccess.map { L10n.t("cli.ago", ["span": Output.relative($0, now: now)]) } ?? "-",
                        c.isEnabled
                            ? (h.nextRun.map { $0 <= now ? due : Output.relative($0, now: now) } ?? due) : "-",
                        Output.count(h.fetched), Output.count(h.added),
                        Output.clip(
                            Output.safe(
                                h.cursor.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                                    separator: " ")), 40),
                        h.usage.map { Output.clip(Output.safe($0), 40) } ?? "-",
                        h.lastError.map { Output.clip(Output.safe($0), 80) } ?? "-",
                    ]
                })
            for line in YouTubeQuotaLedger.listLines(team.sources, dir: dir, now: now) { print(line) }
            for line in XSource.usageLines(team.sources, dataDir: dir, now: now) { print(Output.safe(line)) }
            print(
                "\n"
                    + (running
                        ? L10n.t("cli.sources.listenerRunning", ["path": dir.displayPath])
                        : L10n.t("cli.sources.noListener")))
        }
    }

    struct Poll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.sourcesCommand.3"),
            discussion: L10n.t("cli.discussion.sources.poll"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.sources.id"))) var id: String
        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(L10n.t("cli.help.sources.dryRun"))) var dryRun = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.sources.mentionsJSON"))) var json = false

        func run() async throws {
            let (store, team) = try global.openStoreAndTeam(quiet: true)
            guard let config = team.sources.first(where: { $0.id == id }) else {
                throw CLIError.failure(
                    L10n.t(
                        "cli.sources.noSource", ["id": id, "known": team.sources.map(\.id).joined(separator: ", ")]))
            }
            let listener = Listener(store: store, team: team, makeSource: SourceFactory.make(dir: store.dir))
            let o = await listener.poll(config, dryRun: dryRun)
            let shown = dryRun ? o.mentions : o.mentions.filter { Set(o.added).contains($0.key) }
            for m in shown {
                if json {
                    try Output.printJSON(MentionJSON(m: m, state: MentionState()))
                } else {
                    let who = m.author?.handle ?? "-"
                    print("\(m.key)  \(Output.clip(Output.safe(who), 30))  \(Output.clip(Output.safe(m.text), 90))")
                }
            }
            let summary =
                dryRun
                ? L10n.t("cli.sources.dryRun", ["id": id, "count": o.mentions.count])
                : L10n.t("cli.sources.polled", ["id": id, "count": o.added.count, "duplicates": o.duplicates])
            Output.err(summary)
            if let e = o.error { throw CLIError.failure("\(id): \(Output.safe(e.description))") }
        }
    }
}

/// A row of `sources list --json`.
struct SourceRow: Encodable {
    let config: SourceConfig
    let health: SourceHealth
    enum Keys: String, CodingKey {
        case id, type, enabled, interval, status, fetched, added, failures, cursor, lastSuccess = "last_success"
        case lastError = "last_error", lastErrorAt = "last_error_at", nextRun = "next_run", lastPoll = "last_poll"
        case usage = "rate_usage"
    }
    /// Every field, absent values as null.
    func encode(to encoder: Encoder) throws {
        let h = health
        let fields: KeyValuePairs<Keys, any Encodable> = [
            .id: config.id, .type: config.type, .enabled: config.isEnabled, .interval: config.intervalSeconds,
            .status: h.status.rawValue, .fetched: h.fetched, .added: h.added, .failures: h.failures, .cursor: h.cursor,
            .lastSuccess: h.lastSuccess, .lastError: h.lastError, .lastErrorAt: h.lastErrorAt, .nextRun: h.nextRun,
            .lastPoll: h.lastPoll, .usage: h.usage,
        ]
        try Output.encode(fields, to: encoder)
    }
}
