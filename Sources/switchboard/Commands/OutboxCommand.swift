import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard outbox list|retry|cancel|confirm`: replies stored before sending, and what became of them.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: L10n.t("cli.abstract.outboxCommand.1"),
        subcommands: [List.self, Retry.self, Cancel.self, Confirm.self])

    /// Runs an outbox operation, turning any error into a clean CLI failure.
    static func op(_ f: () throws -> Void) throws {
        do { try f() } catch { throw CLIError.failure("\(error)") }
    }

    struct List: StoreCommand {
        static let abstract = L10n.t("cli.abstract.outboxCommand.3")
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L10n.t("cli.help.outbox.all"))) var all = false
        @Flag(help: ArgumentHelp(L10n.t("cli.help.outbox.json"))) var json = false
        var quiet: Bool { json }

        func run(in store: Store) throws {
            let box = Outbox(store: store)
            let now = Date()
            try Output.listing(
                all ? box.all : box.pending, json: json, encode: OutboxEntryJSON.init,
                empty: L10n.t(all ? "cli.outbox.empty" : "cli.outbox.nothingPending"),
                header: ["id", "state", "mention", "network", "queued", "by", "text", "detail"].map {
                    L10n.t("cli.outbox.col." + $0)
                }
            ) { e in
                [
                    e.id, L10n.t("outbox.state." + e.stateName), e.mention,
                    e.draft.network + (e.draft.manual ? " (" + L10n.t("cli.outbox.byHand") + ")" : ""),
                    Output.relative(e.queuedAt, now: now),
                    e.author, Output.clip(Output.safe(e.draft.text), 40), Output.safe(OutboxEntryJSON.detail(e)),
                ]
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.outboxCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.outbox.retryId"))) var id: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.outbox.resultJSON"))) var json = false

        func run() async throws {
            let store = try global.openStore(quiet: json)
            let me = Actor.current()
            let team = try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
            let box = try Outbox.current(store)
            let targets: [OutboxEntry]
            if let id {
                let e = try box.resolve(id)
                if e.draft.manual {
                    throw CLIError.failure(L10n.t("cli.outbox.byHandRetry", ["id": e.id]))
                }
                targets = [e]
            } else {
                targets = box.all.filter { e in
                    if case .failed = e.state { return !e.draft.manual }
                    return e.isDue(Date())
                }
            }
            if targets.isEmpty {
                if !json { print(L10n.t("cli.outbox.nothingToRetry")) }
                return
            }
            for e in targets { if case .failed = e.state { try Outbox.retry(e.id, store: store, actor: me) } }
            let sender = OutboxSender(store: store, actor: me)
            let publishers = OutboxSender.publishers(
                team: team, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
            var failed = false
            for e in targets {
                let r = await sender.send(e.id, publisherFor: publishers)
                switch r.outcome {
                case .sent(let ref):
                    if json {
                        try Output.printJSON(
                            ReplyResultJSON(
                                key: e.mention, outbox: e.id, state: "sent", url: ref.url ?? ref.uri, postID: ref.id,
                                warnings: []))
                    } else {
                        print(L10n.t("cli.outbox.sent", ["id": e.id, "url": Output.safe(ref.url ?? ref.uri)]))
                    }
                case .failed(let msg, let at):
                    failed = true
                    if json {
                        try Output.printJSON(
                            ReplyResultJSON(
                                key: e.mention, outbox: e.id, state: "failed", error: msg, retryAt: at, warnings: []))
                    } else {
                        print(
                            L10n.t("cli.outbox.failed", ["id": e.id, "error": Output.safe(msg)])
                                + (at.map { " (" + L10n.t("cli.outbox.nextTry", ["at": Output.stamp($0)]) + ")" } ?? "")
                        )
                    }
                case .skipped(let why):
                    if json {
                        try Output.printJSON(
                            ReplyResultJSON(key: e.mention, outbox: e.id, state: "not_sent", error: why, warnings: []))
                    } else {
                        print(L10n.t("cli.outbox.notSent", ["id": e.id, "why": why]))
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Cancel: StoreCommand {
        static let abstract = L10n.t("cli.abstract.outboxCommand.4")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.outbox.id"))) var id: String
        func run(in store: Store) throws {
            try OutboxCommand.op { try Outbox.cancel(id, store: store, actor: Actor.current()) }
            print(L10n.t("cli.outbox.takenBack", ["id": id]))
        }
    }

    struct Confirm: StoreCommand {
        static let abstract = L10n.t("cli.abstract.outboxCommand.5")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.outbox.id"))) var id: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.outbox.url"))) var url: String?
        func run(in store: Store) throws {
            try OutboxCommand.op { try Outbox.confirmManual(id, store: store, actor: Actor.current(), url: url) }
            print(L10n.t("cli.outbox.confirmed", ["id": id]))
        }
    }
}

/// An outbox entry as `outbox list --json` prints it.
struct OutboxEntryJSON: Encodable {
    let e: OutboxEntry
    init(_ e: OutboxEntry) { self.e = e }

    static func detail(_ e: OutboxEntry) -> String {
        switch e.state {
        case .queued: return L10n.t("cli.outbox.sendsAt", ["at": Output.stamp(e.draft.sendAfter)])
        case .sending(let by, let until):
            return L10n.t("cli.outbox.sendingBy", ["user": by, "until": Output.stamp(until)])
        case .sent(let url, _, _): return url ?? ""
        case .failed(let m, let at):
            return m
                + (at.map { " — " + L10n.t("cli.outbox.retryAt", ["at": Output.stamp($0)]) }
                    ?? " — " + L10n.t("cli.outbox.rToRetry"))
        case .cancelled: return ""
        }
    }

    enum Keys: String, CodingKey {
        case id, mention, state, network, source, text, author, manual, attempts, error, url, queuedAt = "queued_at"
        case sendAfter = "send_after", retryAt = "retry_at", postID = "post_id", idempotencyKey = "idempotency_key"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(e.id, forKey: .id); try c.encode(e.mention, forKey: .mention)
        try c.encode(e.stateName, forKey: .state); try c.encode(e.draft.network, forKey: .network)
        try c.encodeIfPresent(e.draft.source, forKey: .source); try c.encode(e.draft.text, forKey: .text)
        try c.encode(e.author, forKey: .author); try c.encode(e.draft.manual, forKey: .manual)
        try c.encode(e.attempts, forKey: .attempts); try c.encode(e.queuedAt, forKey: .queuedAt)
        try c.encode(e.draft.sendAfter, forKey: .sendAfter)
        try c.encode(e.draft.idempotencyKey, forKey: .idempotencyKey)
        try c.encodeIfPresent(e.lastError, forKey: .error)
        switch e.state {
        case .failed(_, let at): try c.encodeIfPresent(at, forKey: .retryAt)
        case .sent(let url, let pid, _):
            try c.encodeIfPresent(url, forKey: .url)
            try c.encodeIfPresent(pid, forKey: .postID)
        default: break
        }
    }
}
