import ArgumentParser
import Dispatch
import Foundation
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard reply KEY --text TEXT | --template NAME [--media NAME|PATH [--alt TEXT]]… [--yes] [--no-delay]
/// [--json]`: claim, render, check, confirm, queue in the outbox, then send through the mention's network (or hand it
/// over for a manual answer). Images come from the media library by name or from a path; a network whose replies take
/// none refuses them before anything is claimed or queued.
struct ReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: L10n.t("cli.abstract.replyCommand.1"),
        discussion: L10n.t("cli.discussion.replyCommand.10"))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.replyCommand.2"))) var key: String
    @Option(help: ArgumentHelp(L10n.t("cli.help.replyCommand.3"))) var text: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.replyCommand.4"))) var template: String?
    @Flag(help: ArgumentHelp(L10n.t("cli.help.replyCommand.5"))) var yes = false
    @Flag(name: .customLong("no-delay"), help: ArgumentHelp(L10n.t("cli.help.replyCommand.6"))) var noDelay = false
    @Option(help: ArgumentHelp(L10n.t("cli.help.replyCommand.7"))) var delay: Double = 10
    @Flag(help: ArgumentHelp(L10n.t("cli.help.replyCommand.8"))) var force = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.replyCommand.9"))) var json = false
    @Option(help: ArgumentHelp(L10n.t("cli.help.replyCommand.11"))) var media: [String] = []
    @Option(help: ArgumentHelp(L10n.t("cli.help.replyCommand.12"))) var alt: [String] = []

    func validate() throws {
        if (text == nil) == (template == nil) { throw ValidationError(L10n.t("cli.reply.textOrTemplate")) }
        if delay < 0 { throw ValidationError("--delay must be 0 or more") }
        if alt.count > media.count { throw ValidationError(L10n.t("cli.reply.altWithoutMedia")) }
    }

    func run() async throws {
        let (store, k) = try global.openStore(resolving: key, quiet: json)
        guard let m = store.mention(k) else { throw CLIError.failure(L10n.t("msg.noMentionKey", ["key": key])) }
        let team = try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
        let me = Actor.current()
        let member = team.member(me)
        let images = try replyMedia(store: store, mention: m)

        let claim = try ClaimCommand.claim(store, key: k, me: me, force: force)
        if let was = claim.tookOverFrom, !json { print(L10n.t("cli.reply.tookOver", ["key": k, "user": was])) }

        let body = try replyText(store: store, mention: m, member: member)
        var draft = OutboxDraft.reply(to: m, text: body, delay: noDelay ? 0 : delay)
        if !images.isEmpty { draft.media = images }
        // Longer than the network allows (Mastodon, Bluesky, X): a numbered thread, as the workbench sends it.
        let parts = draft.threadParts()
        let warnings =
            ReplyChecks.check(reply: body, to: m).filter { parts.count == 1 || $0.kind != .tooLong }
            + images.filter { $0.alt == nil }.map {
                ReplyWarning(
                    kind: .mediaWithoutAlt, message: L10n.t("cli.reply.imageNoAlt", ["file": Self.fileName($0)]))
            }
        if !json {
            preview(m, body, warnings, images)
            if parts.count > 1 {
                print(L10n.t("cli.reply.asThread", ["count": parts.count]))
                for p in parts { print("  " + Output.safe(p.text.replacingOccurrences(of: "\n", with: " "))) }
            }
        }
        if !yes, !Prompt.ask(L10n.t("cli.reply.ask") + " ", stderr: json) {
            if json {
                try Output.printJSON(ReplyResultJSON(key: k, state: "not_sent", warnings: warnings.map(\.message)))
            } else {
                print(L10n.t("cli.reply.notSent"))
            }
            throw ExitCode(1)
        }

        let entries: [OutboxEntry]
        do { entries = try Outbox.queue(parts: parts, store: store, actor: me, openedAt: claim.openedAt) } catch let c
            as CollisionError
        {
            throw CLIError.failure(
                L10n.t("cli.reply.changed", ["key": k]) + "\n"
                    + c.lines.map { "  " + Output.safe($0) }.joined(separator: "\n"))
        }

        let entry = entries[0]
        if draft.manual { return try answerByHand(store: store, mention: m, entry: entry, me: me, warnings: warnings) }

        if !OutboxSender.sendsHere(team: team, site: store.site)(entry) {
            // A team across servers: the source's home site sends it, after the next sync.
            if json {
                try Output.printJSON(ReplyResultJSON(key: k, outbox: entry.id, state: "queued", warnings: []))
            } else {
                let home = team.sources.first { $0.id == entry.draft.source }?.home
                print(L10n.t("cli.reply.queuedForHome", ["site": home ?? L10n.t("cli.reply.theHomeSite")]))
            }
            return
        }
        let wait = draft.sendAfter.timeIntervalSinceNow
        if wait > 0 {
            // The handler first: whoever reads the line below may press Ctrl-C at once.
            let interrupt = Interrupt.install(store: store, id: entry.id, me: me)
            if !json {
                print(
                    L10n.t("cli.reply.sendingIn", ["seconds": Int(wait.rounded()), "id": entry.id])
                )
            }
            fflush(nil)
            try? await Task.sleep(nanoseconds: UInt64((wait + 0.05) * 1e9))
            interrupt.cancel()
        }
        let sender = OutboxSender(store: store, actor: me)
        let publishers = OutboxSender.publishers(
            team: team, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
        var result = await sender.send(entry.id, publisherFor: publishers)
        // A thread: each part after the one before is out (it answers that part); a failure stops here, and a
        // retry of the outbox sends the rest.
        for e in entries.dropFirst() {
            guard case .sent(let ref) = result.outcome else { break }
            if !json { print(L10n.t("cli.reply.sent", ["url": Output.safe(ref.url ?? ref.uri)])) }
            result = await sender.send(e.id, publisherFor: publishers)
        }
        try report(result, key: k, warnings: warnings)
    }

    /// The text: `--text` or the template rendered for this mention, with the member's signature.
    func replyText(store: Store, mention m: Mention, member: TeamConfig.Member?) throws -> String {
        var raw = text ?? ""
        if let name = template {
            let lib = TemplateLibrary.load(store.dir)
            for p in lib.problems { Output.warn(p) }
            guard let t = lib.named(name) ?? lib.search(name).first else {
                throw CLIError.failure(
                    L10n.t(
                        "cli.reply.noTemplate",
                        ["name": name, "names": lib.templates.map(\.name).joined(separator: ", ")]))
            }
            raw = TemplateRenderer.render(t.text, TemplateContext(mention: m, agent: member)).text
        }
        return TemplateRenderer.withSignature(Triage.addressed(raw, to: m), member: member)
    }

    /// The `--media` images (library names or paths, each with the `--alt` at its position), checked against what the
    /// mention's network takes in a reply.
    func replyMedia(store: Store, mention m: Mention) throws -> [QueueMedia] {
        guard !media.isEmpty else { return [] }
        if let why = ReplyMedia.refusal(m.platform, count: media.count) { throw CLIError.failure(why) }
        let library = MediaLibrary(store.dir)
        return try media.enumerated().map { (n, p) in
            try MediaCommand.op { try library.pick(p, alt: n < alt.count ? alt[n] : nil) }
        }
    }

    static func fileName(_ m: QueueMedia) -> String { Output.safe((m.path as NSString).lastPathComponent) }

    func preview(_ m: Mention, _ body: String, _ warnings: [ReplyWarning], _ images: [QueueMedia] = []) {
        let who = m.author?.shown ?? L10n.t("msg.theAuthor")
        print(L10n.t("cli.reply.to", ["who": Output.safe(who), "network": m.platform, "key": m.key]))
        print("")
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            print("  " + Output.safe(String(line)))
        }
        print("")
        if let (used, limit) = PostLength.measure(body, network: m.platform, visibility: m.reply?.visibility) {
            print("\(used)/\(limit) " + L10n.t("check.characters"))
        }
        for i in images where i.alt != nil {
            print(L10n.t("media.line", ["file": Self.fileName(i), "alt": Output.safe(i.alt ?? "")]))
        }
        for w in warnings { print(L10n.t("cli.warning", ["text": w.message])) }
    }

    func answerByHand(store: Store, mention m: Mention, entry: OutboxEntry, me: String, warnings: [ReplyWarning]) throws
    {
        if !json {
            print(L10n.t("cli.reply.byHand", ["network": m.platform]))
            print(L10n.t("cli.reply.where") + ": " + Output.safe(m.url ?? L10n.t("cli.reply.noAddress")))
            print(L10n.t("cli.reply.text") + ":\n" + Output.safe(entry.draft.text, keepNewlines: true))
        }
        if !yes, !Prompt.ask(L10n.t("cli.reply.askByHand") + " ", stderr: json) {
            if !json {
                print(L10n.t("cli.reply.kept", ["id": entry.id]))
            } else {
                try Output.printJSON(
                    ReplyResultJSON(
                        key: m.key, outbox: entry.id, state: "manual", url: m.url, warnings: warnings.map(\.message)))
            }
            return
        }
        try Outbox.confirmManual(entry.id, store: store, actor: me)
        if json {
            try Output.printJSON(
                ReplyResultJSON(
                    key: m.key, outbox: entry.id, state: "sent", url: m.url, manual: true,
                    warnings: warnings.map(\.message)))
        } else {
            print(L10n.t("cli.reply.marked", ["key": m.key]))
        }
    }

    func report(_ r: OutboxResult, key: String, warnings: [ReplyWarning]) throws {
        let w = warnings.map(\.message)
        switch r.outcome {
        case .sent(let ref):
            if json {
                try Output.printJSON(
                    ReplyResultJSON(
                        key: key, outbox: r.id, state: "sent", url: ref.url ?? ref.uri, postID: ref.id, warnings: w))
            } else {
                print(L10n.t("cli.reply.sent", ["url": Output.safe(ref.url ?? ref.uri)]))
            }
        case .failed(let msg, let at):
            if json {
                try Output.printJSON(
                    ReplyResultJSON(key: key, outbox: r.id, state: "failed", error: msg, retryAt: at, warnings: w))
            } else {
                print(L10n.t("cli.reply.failed", ["error": Output.safe(msg)]))
                print(
                    at.map { L10n.t("cli.reply.retryAt", ["time": Timestamp.format($0), "id": r.id]) }
                        ?? L10n.t("cli.reply.stays", ["id": r.id])
                )
            }
            throw ExitCode(1)
        case .skipped(let why):
            if json {
                try Output.printJSON(
                    ReplyResultJSON(key: key, outbox: r.id, state: "not_sent", error: why, warnings: w))
            } else {
                print(L10n.t("cli.reply.notSentWhy", ["why": why]))
            }
            throw ExitCode(1)
        }
    }
}

struct ReplyResultJSON: Encodable {
    var key: String
    var outbox: String?
    var state: String
    var url: String?
    var postID: String?
    var manual: Bool?
    var error: String?
    var retryAt: Date?
    var warnings: [String]
    init(
        key: String, outbox: String? = nil, state: String, url: String? = nil, postID: String? = nil,
        manual: Bool? = nil,
        error: String? = nil, retryAt: Date? = nil, warnings: [String]
    ) {
        (self.key, self.outbox, self.state, self.url, self.postID) = (key, outbox, state, url, postID)
        (self.manual, self.error, self.retryAt, self.warnings) = (manual, error, retryAt, warnings)
    }
    enum CodingKeys: String, CodingKey {
        case key, outbox, state, url, manual, error, warnings, postID = "post_id", retryAt = "retry_at"
    }
}

/// A yes/no question on the terminal (stdin); anything but y/yes is no.
enum Prompt {
    /// With `stderr` (for --json) the question goes to standard error, keeping standard output one JSON object.
    static func ask(_ q: String, stderr: Bool = false) -> Bool {
        Output.flush()  // what print() buffered goes first
        if stderr { Output.writeStderr(q) } else { Output.write(q) }
        Output.flush()
        guard let line = readLine() else { return false }
        let a = line.trimmingCharacters(in: .whitespaces).lowercased()
        return a == "y" || a == "yes"
    }
}

/// During the send delay, Ctrl-C takes the reply back (records `outbox_cancelled`) and exits 130.
final class Interrupt: @unchecked Sendable {
    let source: DispatchSourceSignal
    init(_ s: DispatchSourceSignal) { source = s }

    static func install(store: Store, id: String, me: String) -> Interrupt {
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        s.setEventHandler { @Sendable in
            do {
                try Outbox.cancel(id, store: store, actor: me)
                Output.writeStderr("\nTaken back: not sent.\n")
            } catch {
                Output.writeStderr("\ntoo late to take it back: \(error)\n")
            }
            exit(130)
        }
        s.resume()
        return Interrupt(s)
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
