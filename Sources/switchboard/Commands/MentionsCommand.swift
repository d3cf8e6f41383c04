import ArgumentParser
import Foundation
import SwitchboardCore

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: L10n.t("cli.abstract.mentionsCommand.1"),
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.mentionsCommand.2"))
        @OptionGroup var global: GlobalOptions
        @Option(
            help: ArgumentHelp(
                L10n.t(
                    "cli.help.onlyStatus", ["values": MentionStatus.allCases.map(\.rawValue).joined(separator: ", ")])
            ))
        var status: MentionStatus?
        @Option(
            help:
                ArgumentHelp(L10n.t("cli.help.mentionsCommand.8"))
        )
        var query: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.mentionsCommand.4")))
        var limit = 50
        @Flag(help: ArgumentHelp(L10n.t("cli.help.mentionsCommand.5")))
        var json = false

        func run() throws {
            var list = try matching()
            // Private messages only for a role that may read them (team.json `private_messages`).
            if !PrivateAccess.mayRead(global.directory) { list.removeAll { $0.mention.isPrivate } }
            if json {
                try Output.printJSONLines(list.lazy.map { MentionJSON(m: $0.mention, state: $0.state) })
                return
            }
            if list.isEmpty { print(L10n.t("cli.mentions.none")); return }
            let now = Date()
            let rows = list.map { m, st -> [String] in
                [
                    m.key, Output.relative(m.createdAt, now: now), m.platform,
                    Output.clip(Output.safe(m.author?.handle ?? "-"), 22),
                    L10n.t("mention.status." + st.status.rawValue),
                    Output.clip((m.isPrivate ? "🔒 " : "") + Output.safe(m.text), 60),
                ]
            }
            Output.table(
                ["key", "age", "network", "author", "status", "text"].map { L10n.t("cli.col." + $0) }, rows)
        }

        /// Newest first, through the index (one page, read from the logs by offset); without an index (a data
        /// directory one may only read) by folding the logs.
        func matching() throws -> [(mention: Mention, state: MentionState)] {
            let dir = global.directory
            guard dir.exists else {
                throw CLIError.failure(
                    L10n.t("cli.noDataDir", ["path": dir.root.path]))
            }
            // The query as typed is checked first, so a caret points into what the user wrote.
            _ = try QueryOption.parse(query ?? "", dir: dir)
            let text = [status.map { "status:" + $0.rawValue }, query.map { "(" + $0 + ")" }].compactMap { $0 }
                .joined(separator: " ")
            if let index = QueryOption.index(dir) {
                let (q, env) = try QueryOption.parse(text, dir: dir)
                return try index.search(q, environment: env, limit: max(0, limit)).mentions
            }
            let store = try global.openStore()
            let states = store.states()
            // Newest first; among mentions of the same time by key (its bytes), descending, as the index orders them.
            var list = try QueryOption.filter(store.mentions, states: states, query: text, dir: dir)
            list.sort {
                $0.createdAt != $1.createdAt
                    ? $0.createdAt > $1.createdAt : $1.key.utf8.lexicographicallyPrecedes($0.key.utf8)
            }
            if limit > 0 { list = Array(list.prefix(limit)) }
            return list.map { ($0, states[$0.key] ?? MentionState()) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L10n.t("cli.abstract.mentionsCommand.3"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionsCommand.6")))
        var key: String
        @Flag(help: ArgumentHelp(L10n.t("cli.help.mentionsCommand.7")))
        var json = false

        func run() throws {
            let (store, k) = try global.openStore(resolving: key)
            guard let m = store.mention(k) else { throw CLIError.failure(L10n.t("msg.noMentionKey", ["key": key])) }
            if m.isPrivate, !PrivateAccess.mayRead(store.dir) {
                throw CLIError.failure(L10n.t("cli.show.privateRefused", ["key": key]))
            }
            let st = store.state(k)
            if json { try Output.printJSON(MentionJSON(m: m, state: st), pretty: true); return }
            var lines: [(String, String)] = [
                ("key", m.key),
                ("network", m.platform + (m.source.map { " (" + L10n.t("cli.show.source", ["id": $0]) + ")" } ?? "")),
                (
                    "author",
                    Output.safe(
                        [m.author?.name, m.author?.shown].compactMap { $0 }.joined(separator: " "))
                        + (m.author?.followers.map { " · " + L10n.t("cli.show.followers", ["count": $0]) } ?? "")
                ),
                (
                    "created",
                    Timestamp.format(m.createdAt) + " (" + L10n.t("cli.ago", ["span": Output.relative(m.createdAt)])
                        + ")"
                ),
            ]
            if let u = m.url { lines.append(("url", Output.safe(u))) }
            if let t = m.title { lines.append(("title", Output.safe(t))) }
            if let r = m.inReplyTo {
                // Graph sources name what a comment answers ("comment “…”", "@acme's post “…”").
                let parent: String? = if case .string(let p)? = m.extra?["parent"] { p } else { nil }
                lines.append(("inReplyTo", Output.safe(parent.map { "\($0) (\(r))" } ?? r)))
            }
            if let l = m.lang ?? m.analysis?.lang { lines.append(("language", l)) }
            if let a = m.analysis {
                lines.append(
                    (
                        "sentiment",
                        L10n.t("sentiment." + a.sentiment.rawValue) + " (\(String(format: "%+.2f", a.score)))"
                    ))
                if !a.intents.isEmpty {
                    lines.append(
                        ("intents", a.intents.map { L10n.t("intent." + $0.rawValue) }.joined(separator: ", ")))
                }
            }
            if m.isPrivate { lines.append(("private", L10n.t("cli.show.privateNote"))) }
            if let w = m.filterWarning { lines.append(("filtered", Output.safe(w))) }
            lines.append(
                (
                    "status",
                    L10n.t("mention.status." + st.status.rawValue)
                        + (st.handoffTeam.map { " (" + L10n.t("cli.show.with", ["team": $0]) + ")" } ?? "")
                ))
            if let v = st.moderated {
                lines.append(
                    (
                        "onNetwork",
                        L10n.t("moderation.done." + v.rawValue)
                            + (st.locked ? ", " + L10n.t("moderation.done.lock") : "")
                    ))
            }
            lines.append(("assignee", st.assignee ?? "-"))
            for lost in st.sync?.lostClaims ?? [] where lost.user != st.assignee {
                // Sites syncing through git: the earliest claim won everywhere.
                lines.append(
                    (
                        "claimLost",
                        L10n.t(
                            "cli.show.claimLostText",
                            [
                                "user": Output.safe(lost.user ?? "-"), "site": lost.stamp.site,
                                "winner": Output.safe(st.sync?.claim?.user ?? "-"),
                                "winnerSite": st.sync?.claim?.stamp.site ?? "-",
                            ])
                    ))
            }
            if !st.tags.isEmpty { lines.append(("tags", st.tags.joined(separator: ", "))) }
            for (k, v) in lines { print(Output.pad(L10n.t("cli.show." + k) + ":", 13) + v) }
            print("")
            print(Output.safe(m.text, keepNewlines: true))
            if !st.notes.isEmpty {
                print("\n" + L10n.t("cli.show.notes"))
                for n in st.notes { print("  \(Timestamp.format(n.at)) \(n.actor): \(Output.safe(n.text))") }
            }
            if !st.handoffReplies.isEmpty {
                print("\n" + L10n.t("cli.show.answers"))
                for h in st.handoffReplies {
                    print(
                        "  \(Timestamp.format(h.at)) \(Output.safe(h.team)) ("
                            + L10n.t("cli.show.recordedBy", ["user": Output.safe(h.actor)]) + "): "
                            + "\(Output.safe(h.text))"
                    )
                }
            }
            if !st.moderation.isEmpty {
                print("\n" + L10n.t("cli.show.moderation"))
                for r in st.moderation { print("  \(Timestamp.format(r.at)) \(Output.safe(r.line))") }
            }
            if !st.replies.isEmpty {
                print("\n" + L10n.t("cli.show.replies"))
                for r in st.replies {
                    print(
                        "  \(Timestamp.format(r.at)) \(r.actor): \(Output.safe(r.text))"
                            + (r.url.map { " (" + Output.safe($0) + ")" } ?? ""))
                }
            }
        }
    }
}

extension MentionStatus: ExpressibleByArgument {}
