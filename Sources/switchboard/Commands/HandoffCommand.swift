import ArgumentParser
import Foundation
import ListenerServices
import SwitchboardCore

/// `switchboard handoff …`: hand mentions to internal teams and record their answers.
struct HandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: L10n.t("cli.abstract.handoffCommand.1"),
        discussion: L10n.t("cli.discussion.handoff"),
        subcommands: [To.self, Reply.self, List.self, Retry.self],
        defaultSubcommand: To.self)

    struct To: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to", abstract: L10n.t("cli.abstract.handoffCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.handoff.key"))) var key: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.handoff.team"))) var team: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.handoff.note"))) var note: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

        func validate() throws {
            if team.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(L10n.t("cli.optionEmpty", ["option": "--team"]))
            }
        }

        func run() throws {
            let say = { (_: Store, k: String) in L10n.t("cli.handoff.done", ["key": k, "team": Output.safe(team)]) }
            try perform(global, key: key, json: json, say: say) {
                [.handoff(mention: $1, team: team, note: note)]
            }
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.handoffCommand.3"),
            discussion: L10n.t("cli.discussion.handoff.reply")
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.handoff.key"))) var key: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.handoff.text"))) var text: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.handoff.answering"))) var team: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

        func validate() throws {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError(L10n.t("cli.optionEmpty", ["option": "--text"]))
            }
        }

        func run() throws {
            var answering = ""
            let say = { (store: Store, k: String) in
                L10n.t(
                    "cli.handoff.answered",
                    [
                        "key": k, "team": Output.safe(answering),
                        "status": L10n.t("mention.status." + store.state(k).status.rawValue),
                    ])
            }
            try perform(global, key: key, json: json, say: say) { store, k in
                guard let t = team ?? store.state(k).handoffTeam else {
                    throw CLIError.failure(L10n.t("cli.handoff.never", ["key": k]))
                }
                answering = t
                return [.handoffFollowUp(.reply(mention: k, team: t, text: text))]
            }
        }
    }

    struct List: StoreCommand {
        static let abstract = L10n.t("cli.abstract.handoffCommand.5")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L10n.t("cli.help.handoff.onlyTeam"))) var team: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.handoff.all"))) var all = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.handoff.json"))) var json = false

        func run(in store: Store) throws {
            let rows = HandoffListing.rows(store, team: team, all: all)
            let now = Date()
            try Output.listing(
                rows, json: json, encode: { $0 },
                empty: L10n.t(all ? "cli.handoff.none" : "cli.handoff.nothingWaiting"),
                header: ["key", "team", "since", "status", "delivery", "answers", "text"].map {
                    L10n.t("cli.handoff.col." + $0)
                }
            ) { r in
                [
                    r.key, Output.safe(r.team), Output.relative(r.since, now: now),
                    L10n.t("mention.status." + r.status),
                    Output.clip(Output.safe(r.deliverySummary), 40),
                    Output.count(r.answers.count), Output.clip(Output.safe(r.text), 50),
                ]
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.handoffCommand.4"),
            discussion: L10n.t("cli.discussion.handoff.retry")
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.handoff.retryKey"))) var key: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.outcomeJSON"))) var json = false

        func run() throws {
            let (store, team) = try global.openStoreAndTeam()
            let router = try RoutingReport.router(store, team)
            let k = try key.map { try store.resolveKey($0) }
            let outcomes = router.retry(mention: k, onlyDue: false)
            try RoutingReport.print(outcomes, json: json, none: L10n.t("cli.handoff.noFailed"))
            if outcomes.contains(where: {
                if case .failed = $0.result { return true }
                return false
            }) {
                throw ExitCode(1)
            }
        }
    }
}

/// One row of `handoff list`.
struct HandoffRow: Encodable {
    let key: String, team: String, since: Date, status: String
    let note: String?
    let deliveries: [HandoffDeliveryState], answers: [HandoffReply], text: String

    var deliverySummary: String {
        if deliveries.isEmpty { return L10n.t("cli.outbox.byHand") }
        return deliveries.map { d in
            switch d.status {
            case .delivered: return L10n.t("cli.handoff.delivered")
            case .pending: return L10n.t("cli.handoff.delivering", ["n": d.attempts])
            case .failed: return L10n.t("cli.handoff.failed", ["n": d.attempts]) + (d.error ?? "")
            }
        }.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey { case key, team, since, status, note, deliveries, answers, text }
}

extension HandoffDeliveryState: Encodable {
    enum CodingKeys: String, CodingKey {
        case rule, team, status, attempts, error, target, routedAt = "routed_at", lastAt = "last_at"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule); try c.encode(team, forKey: .team); try c.encode(status, forKey: .status)
        try c.encode(attempts, forKey: .attempts); try c.encodeIfPresent(error, forKey: .error)
        try c.encodeIfPresent(target, forKey: .target); try c.encode(routedAt, forKey: .routedAt)
        try c.encode(lastAt, forKey: .lastAt)
    }
}

enum HandoffListing {
    /// Mentions handed off (waiting, or every one with `all`), oldest hand-off first.
    static func rows(_ store: Store, team: String?, all: Bool) -> [HandoffRow] {
        let deliveries = Router.deliveries(store.events)
        var latest: [String: AuditEvent] = [:]
        var order: [String] = []
        for e in store.events {
            guard case .handoff(let m, _, _) = e.action else { continue }
            if latest[m] == nil { order.append(m) }
            latest[m] = e
        }
        var rows: [HandoffRow] = []
        for k in order {
            guard let e = latest[k], case .handoff(_, let t, let note) = e.action, let m = store.mention(k) else {
                continue
            }
            let st = store.state(k)
            if !all && !(st.status == .waiting && st.handoffTeam != nil) { continue }
            if let team, t.lowercased() != team.lowercased() { continue }
            let ds = deliveries.values.filter { $0.mention == k }.sorted { $0.rule < $1.rule }
            rows.append(
                HandoffRow(
                    key: k, team: t, since: e.at, status: st.status.rawValue, note: note, deliveries: ds,
                    answers: st.handoffReplies, text: m.text))
        }
        return rows.sorted { $0.since < $1.since }
    }
}
