import ArgumentParser
import Foundation
import SwitchboardCore

extension QueueCommand {
    /// `SUSPENDED since … by …: reason` (`AUSGESETZT seit … von …: Grund`).
    static func suspendedLine(_ s: QueueSuspension) -> String {
        L10n.t(
            "cli.queue.suspendedSince",
            ["time": Timestamp.format(s.at), "user": Output.safe(s.by), "reason": Output.safe(s.reason)])
    }

    struct Swap: StoreCommand {
        static let abstract = L10n.t("cli.abstract.queueCommandManage.2")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.5"))) var first: String
        @Argument(help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.6"))) var second: String
        func run(in store: Store) throws {
            try QueueCommand.op { try Queue.swap(first, second, store: store, actor: Actor.current()) }
            print(L10n.t("cli.queue.swapped", ["first": first, "second": second]))
        }
    }

    struct Status: StoreCommand {
        static let abstract = L10n.t("cli.abstract.queueCommandManage.3")
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.7"))) var json = false
        var quiet: Bool { json }

        func run(in store: Store) throws {
            let q = Queue(store: store)
            var counts: [String: Int] = [:]
            for i in q.all where !i.deleted { counts[i.state.rawValue, default: 0] += 1 }
            if json {
                var doc = QueueSwitchJSON(q)
                doc.counts = counts
                try Output.printJSON(doc)
                return
            }
            if let s = q.suspension {
                print(QueueCommand.suspendedLine(s))
            } else {
                print(L10n.t("cli.queue.running"))
            }
            print(
                counts.isEmpty
                    ? L10n.t("cli.queue.noItems")
                    : counts.sorted { $0.key < $1.key }.map { "\($0.value) " + L10n.t("queue.state." + $0.key) }
                        .joined(separator: ", "))
        }
    }

    enum Duplicate: QueueItemStepKind { static let step = QueueItemStep.duplicate }
    enum Delete: QueueItemStepKind { static let step = QueueItemStep.delete }
    enum Restore: QueueItemStepKind { static let step = QueueItemStep.restore }
    enum Retry: QueueItemStepKind { static let step = QueueItemStep.retry }

    struct Suspend: StoreCommand {
        static let abstract = L10n.t("cli.abstract.queueCommandManage.4")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.8"))) var reason: String
        func run(in store: Store) throws {
            let team = try QueueCommand.team(store)
            try QueueCommand.op {
                try Queue.suspendAll(reason: reason, team: team, store: store, actor: Actor.current())
            }
            let held = Queue(store: store).all.filter { $0.state == .suspended }.count
            print(L10n.t("cli.queue.suspendedHeld", ["count": held]))
            SyncCommand.syncNow(store.dir, why: L10n.t("cli.sync.what.suspend"))
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.queueCommandManage.1"))
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("post-now"), help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.9"))) var postNow =
            false
        @Flag(name: .customLong("next-slot"), help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.10")))
        var nextSlot = false
        @Flag(name: .customLong("keep-holding"), help: ArgumentHelp(L10n.t("cli.help.queueCommandManage.11")))
        var keepHolding = false
        func run() throws {
            let store = try global.openStore()
            let team = try QueueCommand.team(store)
            let chosen = [(postNow, ResumePolicy.postNow), (nextSlot, .nextSlot), (keepHolding, .keepHolding)].filter(
                \.0)
            let now = Date()
            let past = Queue(store: store).all.filter { $0.held && ($0.scheduledAt ?? .distantFuture) <= now }
            guard chosen.count == 1 else {
                if chosen.count > 1 { throw CLIError.usage(L10n.t("cli.queue.giveResume")) }
                if !past.isEmpty {
                    throw CLIError.usage(L10n.t("cli.queue.pastTime", ["count": past.count]))
                }
                return try run(.postNow, store: store, team: team)
            }
            try run(chosen[0].1, store: store, team: team)
        }

        func run(_ p: ResumePolicy, store: Store, team: TeamConfig) throws {
            let moved = try QueueCommand.op {
                try Queue.resumeAll(policy: p, team: team, store: store, actor: Actor.current())
            }
            print(L10n.t("cli.queue.resumed", ["policy": p.rawValue]))
            for m in moved { print("\(m.id): " + L10n.t("cli.queue.movedTo", ["time": Timestamp.format(m.at)])) }
            let held = Queue(store: store).all.filter { $0.state == .suspended }
            if !held.isEmpty { print(L10n.t("cli.queue.stillHeld") + ": " + held.map(\.id).joined(separator: ", ")) }
        }
    }
}

/// The suspend switch as `queue status --json` prints it.
struct QueueSwitchJSON: Encodable {
    var suspended: Bool
    var reason: String?
    var by: String?
    var at: Date?
    var counts: [String: Int]?
    init(_ q: Queue) {
        (suspended, reason, by, at) = (q.isSuspended, q.suspension?.reason, q.suspension?.by, q.suspension?.at)
    }
}

/// One queue item for `--json` (and the workbench's Queue pane if it wants the same shape).
struct QueueItemJSON: Encodable {
    var id: String, state: String, text: String
    var variants: [String: String]?
    var accounts: [String]
    var scheduledAt: Date?
    var createdAt: Date
    var author: String
    var link: String?
    var via: QueueAttribution?
    var media: [QueueMedia]?
    var tags: [String]?
    var campaign: String?
    var results: [String: QueueItem.AccountResult]
    /// The latest counts per account (how the post did), when read.
    var metrics: [String: PostMetrics]?
    var warnings: [PreflightWarning]?

    init(_ i: QueueItem, warnings: [PreflightWarning]? = nil) {
        (id, state, text) = (i.id, i.state.rawValue, i.draft.text)
        variants = i.draft.variants.isEmpty ? nil : i.draft.variants
        (accounts, scheduledAt, createdAt, author) = (i.draft.accounts, i.scheduledAt, i.draft.createdAt, i.author)
        (link, via) = (i.draft.link, i.draft.via)
        media = i.draft.media.isEmpty ? nil : i.draft.media
        tags = i.draft.tags.isEmpty ? nil : i.draft.tags
        campaign = i.draft.campaign
        results = Dictionary(uniqueKeysWithValues: i.draft.accounts.map { ($0, i.result($0)) })
        metrics = i.metrics.isEmpty ? nil : i.metrics
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id, state, text, variants, accounts, author, link, via, media, tags, campaign, results, metrics, warnings
        case scheduledAt = "scheduled_at", createdAt = "created_at"
    }
}
