import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard queue …`: the content queue (own stories and curated content), scheduled, checked and published.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: L10n.t("cli.abstract.queueCommand.1"),
        subcommands: [
            Add.self, List.self, Show.self, Status.self, Edit.self, Schedule.self, Swap.self,
            QueueItemCommand<Duplicate>.self,
            QueueItemCommand<Delete>.self, QueueItemCommand<Restore>.self, QueueItemCommand<Retry>.self,
            Suspend.self, Resume.self,
        ])

    /// Runs a queue operation, turning its refusal into a clean CLI failure.
    static func op<T>(_ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as QueueError { throw CLIError.failure(e.message) }
    }

    static func team(_ store: Store) throws -> TeamConfig {
        try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
    }

    struct When: ParsableArguments {
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.7"))) var at: String?
        @Flag(
            name: .customLong("next-slot"),
            help: ArgumentHelp(L10n.t("cli.help.queueCommand.8"))) var nextSlot = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommand.9"))) var now = false

        /// The time asked for; nil = none given (a draft).
        func resolve(queue: Queue, accounts: [String], team: TeamConfig, ignoring: String? = nil, clock: Date = Date())
            throws -> Date?
        {
            if [at != nil, nextSlot, now].filter({ $0 }).count > 1 {
                throw CLIError.usage(L10n.t("cli.queue.giveWhen"))
            }
            if let at {
                guard let d = Timestamp.parse(at) else {
                    throw CLIError.usage(L10n.t("cli.queue.notISO", ["value": at]))
                }
                return d
            }
            if now { return clock }
            if nextSlot {
                return try QueueCommand.op {
                    try queue.nextFreeSlot(
                        after: clock, accounts: accounts, schedule: PostingSchedule(team: team), ignoring: ignoring)
                }
            }
            return nil
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.queueCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommand.10"))) var text: String
        @Option(
            name: .customLong("account"),
            help: ArgumentHelp(L10n.t("cli.help.queueCommand.11")))
        var accounts: [String] = []
        @OptionGroup var when: When
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.12")))
        var variant: [String] = []
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.13")))
        var media: [String] = []
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.14"))) var alt: [String] = []
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.15"))) var link: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.16"))) var via: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.17"))) var tag: [String] = []
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommand.18"))) var campaign: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommand.19"))) var yes = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommand.20"))) var json = false

        func run() async throws {
            let store = try global.openStore(quiet: json)
            let team = try QueueCommand.team(store)
            let accounts =
                self.accounts.isEmpty
                ? team.sources.filter {
                    $0.isEnabled && ["mastodon", "bluesky", "bsky", "x"].contains($0.type.lowercased())
                }.map(\.id) : self.accounts
            let q = try Queue.current(store)
            var variants: [String: String] = [:]
            for v in variant {
                guard let eq = v.firstIndex(of: "=") else { throw CLIError.usage("--variant: NETWORK=TEXT") }
                variants[String(v[..<eq]).lowercased()] = String(v[v.index(after: eq)...])
            }
            let library = MediaLibrary(store.dir)
            let media = try self.media.enumerated().map { (n, p) -> QueueMedia in
                // A public address too, for the networks that fetch images themselves (Instagram, Facebook, Threads).
                try MediaCommand.op { try library.pick(p, alt: n < alt.count ? alt[n] : nil, addresses: true) }
            }
            var d = QueueDraft(
                text: text, variants: variants, accounts: accounts, media: media, link: link,
                via: via.map(QueueAttribution.parse),
                tags: tag, campaign: campaign)
            let at = try when.resolve(queue: q, accounts: accounts, team: team)
            let warnings = Preflight.check(d, Preflight.Context(team: team, store: store))
            let held = at != nil && !warnings.isEmpty && !yes
            if !held { d.scheduledAt = at }
            d = try await QueueCommand.shortened(d, team: team, dir: store.dir)
            let item = try QueueCommand.op { try Queue.add(d, team: team, store: store, actor: Actor.current()) }
            if json { try Output.printJSON(QueueItemJSON(item, warnings: warnings)); return }
            for w in warnings { print(L10n.t("cli.warning", ["text": Output.safe(w.description)])) }
            if held {
                print(L10n.t("cli.queue.keptDraft", ["id": item.id]))
            } else {
                print(
                    "\(item.id): " + L10n.t("queue.state." + item.state.rawValue)
                        + (item.scheduledAt.map { " " + L10n.t("cli.queue.for", ["time": Timestamp.format($0)]) } ?? "")
                )
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.queueCommand.3"))
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommand.21"))) var all = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommand.22"))) var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let q = Queue(store: store)
            let list = all ? q.agenda + q.all.filter(\.deleted) : q.agenda.filter { $0.state != .published }
            if !json, let s = q.suspension {
                print(QueueCommand.suspendedLine(s))
            }
            try Output.listing(
                list, json: json, encode: { QueueItemJSON($0) }, empty: L10n.t("cli.queue.empty"),
                header: ["id", "state", "when", "accounts", "text", "detail"].map { L10n.t("cli.col." + $0) }
            ) { i in
                [
                    i.id, L10n.t("queue.state." + i.state.rawValue), i.scheduledAt.map(Timestamp.format) ?? "-",
                    i.draft.accounts.joined(separator: ","),
                    Output.clip(Output.safe(i.draft.text), 50), Output.clip(Output.safe(List.detail(i)), 60),
                ]
            }
        }

        /// The network's error of a failed account, or where the item went out.
        static func detail(_ i: QueueItem) -> String {
            let rs = i.draft.accounts.map { ($0, i.result($0)) }
            if let (a, r) = rs.first(where: { $0.1.state == .failed }) {
                return "\(a): \(r.error ?? L10n.t("queue.state.failed"))"
                    + (r.retryAt.map { " (" + L10n.t("cli.queue.retry", ["time": Timestamp.format($0)]) + ")" } ?? "")
            }
            return rs.compactMap { $0.1.url }.joined(separator: " ")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.queueCommand.4"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommand.23"))) var id: String
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommand.24"))) var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let i = try QueueCommand.op { try Queue(store: store).resolve(id) }
            let warnings =
                (try? QueueCommand.team(store)).map {
                    Preflight.check(i.draft, Preflight.Context(team: $0, store: store))
                } ?? []
            if json { try Output.printJSON(QueueItemJSON(i, warnings: warnings)); return }
            print(
                "\(i.id)  " + L10n.t("queue.state." + i.state.rawValue) + "  "
                    + (i.scheduledAt.map(Timestamp.format) ?? L10n.t("queue.state.draft")) + "  "
                    + L10n.t("cli.queue.by", ["user": Output.safe(i.author)]))
            print(Output.safe(i.draft.text, keepNewlines: true))
            for (n, v) in i.draft.variants.sorted(by: { $0.key < $1.key }) {
                print("[\(n)] " + Output.safe(v, keepNewlines: true))
            }
            if let l = i.draft.link { print(L10n.t("cli.queue.link") + ": " + Output.safe(l)) }
            if let v = i.draft.via { print(Output.safe(v.line)) }
            for m in i.draft.media {
                print(
                    L10n.t("cli.queue.media") + ": \(Output.safe(m.path))"
                        + (m.alt.map { " — " + Output.safe($0) } ?? " (" + L10n.t("cli.queue.noAlt") + ")"))
            }
            if !i.draft.tags.isEmpty {
                print(L10n.t("cli.show.tags") + ": " + i.draft.tags.map { Output.safe($0) }.joined(separator: ", "))
            }
            for a in i.draft.accounts {
                let r = i.result(a)
                print(
                    "\(a): " + L10n.t("queue.state." + r.state.rawValue) + (r.url.map { " " + Output.safe($0) } ?? "")
                        + (r.error.map { " — " + Output.safe($0) } ?? ""))
                if let m = i.metrics[a] {
                    print(
                        "  " + L10n.t(
                            "cli.queue.howItDid",
                            ["at": Timestamp.format(m.at), "reading": i.metricsReadings[a] ?? 1])
                            + Output.safe(m.line))
                }
            }
            for w in warnings { print(L10n.t("cli.warning", ["text": Output.safe(w.description)])) }
        }
    }

    struct Edit: StoreCommand {
        static let abstract = L10n.t("cli.abstract.queueCommand.5")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommand.25"))) var id: String
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommand.26"))) var text: String
        func run(in store: Store) throws {
            try QueueCommand.op { try Queue.edit(id, text: text, store: store, actor: Actor.current()) }
            print("\(id): " + L10n.t("cli.queue.edited"))
        }
    }

    struct Schedule: StoreCommand {
        static let abstract = L10n.t("cli.abstract.queueCommand.6")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommand.27"))) var id: String
        @OptionGroup var when: When
        func run(in store: Store) throws {
            let team = try QueueCommand.team(store)
            let q = try Queue.current(store)
            let i = try QueueCommand.op { try q.resolve(id) }
            let at = try when.resolve(queue: q, accounts: i.draft.accounts, team: team, ignoring: i.id)
            try QueueCommand.op { try Queue.schedule(i.id, at: at, store: store, actor: Actor.current()) }
            print(
                "\(i.id): "
                    + (at.map { L10n.t("cli.queue.scheduledFor", ["time": Timestamp.format($0)]) }
                        ?? L10n.t("queue.state.draft")))
        }
    }
}

extension QueueCommand {
    /// With a shortener in team.json: the draft's links tagged (UTM presets) and shortened; a failure queues nothing.
    static func shortened(_ d: QueueDraft, team: TeamConfig, dir: DataDirectory) async throws -> QueueDraft {
        let config: ShortenerConfig?
        do { config = try ShortenerConfig(team) } catch { throw CLIError.failure("\(error)") }
        guard let config else { return d }
        do {
            return try await LinkShortener(config, dataDir: dir, http: URLSessionHTTPClient()).prepare(d, team: team)
        } catch { throw CLIError.failure(L10n.t("cli.queue.notShortened", ["error": "\(error)"])) }
    }
}
