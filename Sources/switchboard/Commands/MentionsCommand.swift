import ArgumentParser
import Foundation
import SwitchboardCore

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: "List and show stored mentions.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List mentions, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this status (\(MentionStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
        var status: MentionStatus?
        @Option(
            help:
                """
                Only mentions matching this query (is:question status:open from:@anna age:<2h \"phrase\" -spam; \
                see the README, 'Triage and reply').
                """
        )
        var query: String?
        @Option(help: "At most this many (0: all).")
        var limit = 50
        @Flag(help: "JSON Lines: one mention per line.")
        var json = false

        func run() throws {
            var list = try matching()
            // Private messages only for a role that may read them (team.json `private_messages`).
            if !PrivateAccess.mayRead(global.directory) { list.removeAll { $0.mention.isPrivate } }
            if json {
                try Output.printJSONLines(list.lazy.map { MentionJSON(m: $0.mention, state: $0.state) })
                return
            }
            if list.isEmpty { print("No mentions."); return }
            let now = Date()
            let rows = list.map { m, st -> [String] in
                [
                    m.key, Output.relative(m.createdAt, now: now), m.platform,
                    Output.clip(Output.safe(m.author?.handle ?? "-"), 22), st.status.rawValue,
                    Output.clip((m.isPrivate ? "🔒 " : "") + Output.safe(m.text), 60),
                ]
            }
            Output.table(["KEY", "AGE", "NETWORK", "AUTHOR", "STATUS", "TEXT"], rows)
        }

        /// Newest first, through the index (one page, read from the logs by offset); without an index (a data
        /// directory one may only read) by folding the logs.
        func matching() throws -> [(mention: Mention, state: MentionState)] {
            let dir = global.directory
            guard dir.exists else {
                throw CLIError.failure(
                    "no data directory at \(dir.root.path): run `switchboard init` first (or pass --data-dir)")
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
            // Newest first; among mentions of the same time the later stored first, as the index orders them.
            var list = Array(try QueryOption.filter(store.mentions, states: states, query: text, dir: dir).enumerated())
            list.sort {
                $0.element.createdAt != $1.element.createdAt
                    ? $0.element.createdAt > $1.element.createdAt : $0.offset > $1.offset
            }
            if limit > 0 { list = Array(list.prefix(limit)) }
            return list.map { ($0.element, states[$0.element.key] ?? MentionState()) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one mention in full.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The mention's key (or an unambiguous prefix).")
        var key: String
        @Flag(help: "One JSON document.")
        var json = false

        func run() throws {
            let (store, k) = try global.openStore(resolving: key)
            guard let m = store.mention(k) else { throw CLIError.failure("no mention \(key)") }
            if m.isPrivate, !PrivateAccess.mayRead(store.dir) {
                throw CLIError.failure(
                    "\(key) is a private message: your role may not read it (team.json private_messages)")
            }
            let st = store.state(k)
            if json { try Output.printJSON(MentionJSON(m: m, state: st), pretty: true); return }
            var lines: [(String, String)] = [
                ("key", m.key), ("network", m.platform + (m.source.map { " (source \($0))" } ?? "")),
                (
                    "author",
                    Output.safe(
                        [m.author?.name, m.author.map { "@" + $0.handle }].compactMap { $0 }.joined(separator: " "))
                        + (m.author?.followers.map { " · \($0) followers" } ?? "")
                ),
                ("created", Timestamp.format(m.createdAt) + " (\(Output.relative(m.createdAt)) ago)"),
            ]
            if let u = m.url { lines.append(("url", Output.safe(u))) }
            if let t = m.title { lines.append(("title", Output.safe(t))) }
            if let r = m.inReplyTo {
                // Graph sources name what a comment answers ("comment “…”", "@acme's post “…”").
                let parent: String? = if case .string(let p)? = m.extra?["parent"] { p } else { nil }
                lines.append(("in reply to", Output.safe(parent.map { "\($0) (\(r))" } ?? r)))
            }
            if let l = m.lang ?? m.analysis?.lang { lines.append(("language", l)) }
            if let a = m.analysis {
                lines.append(("sentiment", "\(a.sentiment.rawValue) (\(String(format: "%+.2f", a.score)))"))
                if !a.intents.isEmpty { lines.append(("intents", a.intents.map(\.rawValue).joined(separator: ", "))) }
            }
            if m.isPrivate { lines.append(("private", "🔒 a private message: replies go privately")) }
            if let w = m.filterWarning { lines.append(("filtered", Output.safe(w))) }
            lines.append(("status", st.status.rawValue + (st.handoffTeam.map { " (with \($0))" } ?? "")))
            if let v = st.moderated { lines.append(("on network", v.done + (st.locked ? ", locked" : ""))) }
            lines.append(("assignee", st.assignee ?? "-"))
            for lost in st.sync?.lostClaims ?? [] where lost.user != st.assignee {
                // Sites syncing through git: the earliest claim won everywhere.
                lines.append(
                    (
                        "claim lost",
                        "\(Output.safe(lost.user ?? "-")) (\(lost.stamp.site)): claimed later than "
                            + "\(Output.safe(st.sync?.claim?.user ?? "-")) (\(st.sync?.claim?.stamp.site ?? "-"))"
                    ))
            }
            if !st.tags.isEmpty { lines.append(("tags", st.tags.joined(separator: ", "))) }
            for (k, v) in lines { print(Output.pad(k + ":", 13) + v) }
            print("")
            print(Output.safe(m.text, keepNewlines: true))
            if !st.notes.isEmpty {
                print("\nNotes:")
                for n in st.notes { print("  \(Timestamp.format(n.at)) \(n.actor): \(Output.safe(n.text))") }
            }
            if !st.handoffReplies.isEmpty {
                print("\nAnswers from inside:")
                for h in st.handoffReplies {
                    print(
                        "  \(Timestamp.format(h.at)) \(Output.safe(h.team)) (recorded by \(Output.safe(h.actor))): "
                            + "\(Output.safe(h.text))"
                    )
                }
            }
            if !st.moderation.isEmpty {
                print("\nModeration:")
                for r in st.moderation { print("  \(Timestamp.format(r.at)) \(Output.safe(r.line))") }
            }
            if !st.replies.isEmpty {
                print("\nReplies:")
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
