import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard queue …`: the content queue (own stories and curated content), scheduled, checked and published.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "The content queue: add, list, show, status, edit, schedule, delete/restore, suspend/resume.",
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
        @Option(help: "Schedule at this time (ISO 8601, e.g. 2026-12-01T09:00+01:00).") var at: String?
        @Flag(
            name: .customLong("next-slot"),
            help: "Schedule at the account's next free slot (posting_schedule in team.json).") var nextSlot = false
        @Flag(help: "Schedule for now (published by the next publish-due).") var now = false

        /// The time asked for; nil = none given (a draft).
        func resolve(queue: Queue, accounts: [String], team: TeamConfig, ignoring: String? = nil, clock: Date = Date())
            throws -> Date?
        {
            if [at != nil, nextSlot, now].filter({ $0 }).count > 1 {
                throw CLIError.usage("give one of --at, --next-slot, --now")
            }
            if let at {
                guard let d = Timestamp.parse(at) else { throw CLIError.usage("--at: not an ISO 8601 time: \(at)") }
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
            abstract: "Add a post; prints the pre-flight warnings (schedule despite them with --yes).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The text.") var text: String
        @Option(
            name: .customLong("account"),
            help: "A target account (source id in team.json); repeatable. Default: every Mastodon and Bluesky source.")
        var accounts: [String] = []
        @OptionGroup var when: When
        @Option(help: "Text for one network instead of TEXT: NETWORK=TEXT (mastodon, bluesky); repeatable.")
        var variant: [String] = []
        @Option(
            help: ArgumentHelp(
                "A file of the media library (`switchboard media list`; its alt text comes along), a local file, or an "
                    + "https:// address (Meta networks); repeatable."))
        var media: [String] = []
        @Option(help: "Alt text for the --media of the same position (instead of the library's).")
        var alt: [String] = []
        @Option(help: "A link to add.") var link: String?
        @Option(help: "Attribution for curated content: \"@user URL\".") var via: String?
        @Option(help: "A tag; repeatable.") var tag: [String] = []
        @Option(help: "A campaign name.") var campaign: String?
        @Flag(help: "Schedule even with pre-flight warnings.") var yes = false
        @Flag(help: "JSON: the item and the warnings.") var json = false

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
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let media = try self.media.enumerated().map { (n, p) -> QueueMedia in
                // A public address, for the networks that fetch images themselves (Instagram, Facebook, Threads).
                if p.lowercased().hasPrefix("https://") {
                    return QueueMedia(path: p, alt: n < alt.count ? alt[n] : nil)
                }
                let library = MediaLibrary(store.dir)
                if library.entry(p) != nil {
                    return try MediaCommand.op { try library.media(p, alt: n < alt.count ? alt[n] : nil) }
                }
                let abs = URL(fileURLWithPath: p, relativeTo: cwd).standardizedFileURL.path
                guard FileManager.default.isReadableFile(atPath: abs) else {
                    throw CLIError.failure(
                        "cannot read the media file \(Output.safe(p)), and the media library has no file of that name")
                }
                return QueueMedia(path: abs, alt: n < alt.count ? alt[n] : nil)
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
            for w in warnings { print("warning: \(Output.safe(w.description))") }
            if held {
                print(
                    "\(item.id): kept as a draft because of the warnings; schedule it with `switchboard queue "
                        + "schedule \(item.id) …` or add with --yes"
                )
            } else {
                print(
                    "\(item.id): \(item.state.rawValue)"
                        + (item.scheduledAt.map { " for \(Timestamp.format($0))" } ?? ""))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The agenda: items by scheduled time, drafts last (--all: with deleted and published).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Also published and deleted items.") var all = false
        @Flag(help: "JSON Lines: one item per line (the suspend switch: `queue status --json`).") var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let q = Queue(store: store)
            let list = all ? q.agenda + q.all.filter(\.deleted) : q.agenda.filter { $0.state != .published }
            if !json, let s = q.suspension {
                print("SUSPENDED since \(Timestamp.format(s.at)) by \(Output.safe(s.by)): \(Output.safe(s.reason))")
            }
            try Output.listing(
                list, json: json, encode: { QueueItemJSON($0) }, empty: "The queue is empty.",
                header: ["ID", "STATE", "WHEN", "ACCOUNTS", "TEXT", "DETAIL"]
            ) { i in
                [
                    i.id, i.state.rawValue, i.scheduledAt.map(Timestamp.format) ?? "-",
                    i.draft.accounts.joined(separator: ","),
                    Output.clip(Output.safe(i.draft.text), 50), Output.clip(Output.safe(List.detail(i)), 60),
                ]
            }
        }

        /// The network's error of a failed account, or where the item went out.
        static func detail(_ i: QueueItem) -> String {
            let rs = i.draft.accounts.map { ($0, i.result($0)) }
            if let (a, r) = rs.first(where: { $0.1.state == .failed }) {
                return "\(a): \(r.error ?? "failed")" + (r.retryAt.map { " (retry \(Timestamp.format($0)))" } ?? "")
            }
            return rs.compactMap { $0.1.url }.joined(separator: " ")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One item: text, schedule, results per account, pre-flight warnings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A queue id (or prefix).") var id: String
        @Flag(help: "JSON.") var json = false

        func run() throws {
            let store = try global.openStore(quiet: json)
            let i = try QueueCommand.op { try Queue(store: store).resolve(id) }
            let warnings =
                (try? QueueCommand.team(store)).map {
                    Preflight.check(i.draft, Preflight.Context(team: $0, store: store))
                } ?? []
            if json { try Output.printJSON(QueueItemJSON(i, warnings: warnings)); return }
            print(
                "\(i.id)  \(i.state.rawValue)  " + (i.scheduledAt.map(Timestamp.format) ?? "draft")
                    + "  by \(Output.safe(i.author))")
            print(Output.safe(i.draft.text, keepNewlines: true))
            for (n, v) in i.draft.variants.sorted(by: { $0.key < $1.key }) {
                print("[\(n)] " + Output.safe(v, keepNewlines: true))
            }
            if let l = i.draft.link { print("link: " + Output.safe(l)) }
            if let v = i.draft.via { print(Output.safe(v.line)) }
            for m in i.draft.media {
                print("media: \(Output.safe(m.path))" + (m.alt.map { " — " + Output.safe($0) } ?? " (no alt text)"))
            }
            if !i.draft.tags.isEmpty { print("tags: " + i.draft.tags.map { Output.safe($0) }.joined(separator: ", ")) }
            for a in i.draft.accounts {
                let r = i.result(a)
                print(
                    "\(a): \(r.state.rawValue)" + (r.url.map { " " + Output.safe($0) } ?? "")
                        + (r.error.map { " — " + Output.safe($0) } ?? ""))
                if let m = i.metrics[a] {
                    print(
                        "  how it did (\(Timestamp.format(m.at)), reading \(i.metricsReadings[a] ?? 1)): "
                            + Output.safe(m.line))
                }
            }
            for w in warnings { print("warning: \(Output.safe(w.description))") }
        }
    }

    struct Edit: StoreCommand {
        static let abstract = "Replace the text of an item not yet published."
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A queue id (or prefix).") var id: String
        @Argument(help: "The new text.") var text: String
        func run(in store: Store) throws {
            try QueueCommand.op { try Queue.edit(id, text: text, store: store, actor: Actor.current()) }
            print("\(id): edited")
        }
    }

    struct Schedule: StoreCommand {
        static let abstract = "Schedule (or reschedule) an item; without a time it goes back to draft."
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A queue id (or prefix).") var id: String
        @OptionGroup var when: When
        func run(in store: Store) throws {
            let team = try QueueCommand.team(store)
            let q = try Queue.current(store)
            let i = try QueueCommand.op { try q.resolve(id) }
            let at = try when.resolve(queue: q, accounts: i.draft.accounts, team: team, ignoring: i.id)
            try QueueCommand.op { try Queue.schedule(i.id, at: at, store: store, actor: Actor.current()) }
            print("\(i.id): " + (at.map { "scheduled for \(Timestamp.format($0))" } ?? "draft"))
        }
    }
}

extension QueueCommand {
    /// With a shortener in team.json: the draft's links tagged (UTM presets) and shortened; a failure queues nothing.
    static func shortened(_ d: QueueDraft, team: TeamConfig, dir: DataDirectory) async throws -> QueueDraft {
        let config: ShortenerConfig?
        do { config = try ShortenerConfig(team) } catch { throw CLIError.failure("\(error)") }
        guard let config else { return d }
        let nets = d.accounts.compactMap { a in team.sources.first { $0.id == a }?.type.lowercased() }
        let tagged = UTMPresets(team).map { $0.apply(to: d, networks: nets) } ?? d
        do {
            return try await LinkShortener(config, dataDir: dir, http: URLSessionHTTPClient()).apply(
                to: tagged, networks: nets)
        } catch { throw CLIError.failure("links not shortened, nothing queued: \(error)") }
    }
}
