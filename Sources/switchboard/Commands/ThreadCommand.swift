import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard thread KEY [--json]`: the whole conversation a mention belongs to, as a tree — fetched from its
/// network (Mastodon, Bluesky) through the source that found it, merged with what is stored.
struct ThreadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thread",
        abstract: L10n.t("cli.abstract.threadCommand.1"),
        discussion: L10n.t("cli.discussion.thread"))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKeyPrefix"))) var key: String
    @Flag(help: ArgumentHelp(L10n.t("cli.help.thread.json"))) var json = false

    func run() async throws {
        let (store, k) = try global.openStore(resolving: key, quiet: json)
        let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
        let fetchers = team.map {
            Conversations.fetchers(team: $0, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
        }
        let loaded = try await Conversations.load(
            store: store, key: k, own: OwnAccounts(team: team), fetcherFor: fetchers)
        if let p = loaded.problem { Output.warn(Output.safe(p)) }
        var c = loaded.conversation
        // Private messages keep their place in the tree, not their text, for a role that may not read them.
        if !PrivateAccess.mayRead(store.dir) {
            c.coverPrivate(with: "🔒 (" + L10n.t("cli.thread.privateCovered") + ")")
        }
        if json { return try Output.printJSONLines(c.posts.indices.map { ThreadPostJSON(c, $0) }) }
        let stored = c.posts.filter(\.stored).count
        let n = c.posts.count
        print(
            L10n.t(
                n == 1 ? "cli.thread.countOne" : "cli.thread.count",
                ["count": n, "stored": stored, "network": n - stored]))
        for (n, p) in c.posts.enumerated() {
            let indent = String(repeating: "  ", count: min(p.depth, 12))
            let mark = n == c.focus ? "▶ " : p.depth > 0 ? "↳ " : "• "
            var head =
                indent + mark
                + Output.safe(p.mention.author.map { "@" + $0.handle } ?? "(" + L10n.t("cli.unknownAuthor") + ")")
            head += " · " + ThreadCommand.time(p.mention.createdAt)
            if p.own { head += " · »" + L10n.t("cli.thread.ours") + "«" }
            if p.mention.isPrivate { head += " · 🔒 " + L10n.t("cli.thread.private") }
            if !p.stored { head += " · " + L10n.t("cli.thread.notStored") }
            head += " · " + p.mention.key
            print(head)
            for line in p.mention.text.split(separator: "\n", omittingEmptySubsequences: true) {
                print(indent + "    " + Output.safe(String(line)))
            }
        }
    }

    static func time(_ d: Date) -> String {
        if L10n.language == .de { return LocalFormat.dateTime(d, TimeZone(identifier: "UTC")!, .de) + " UTC" }
        let f = DateFormatter()
        (f.locale, f.timeZone, f.dateFormat) = (
            Locale(identifier: "en_US_POSIX"), TimeZone(identifier: "UTC"), "yyyy-MM-dd HH:mm'Z'"
        )
        return f.string(from: d)
    }
}

/// One post of `switchboard thread --json`.
struct ThreadPostJSON: Encodable {
    let key, network, id, text: String
    let parent: String?, author: String?, name: String?, url: String?
    let depth: Int, replies: Int
    let createdAt: Date
    let own, stored, focus: Bool

    init(_ c: Conversation, _ n: Int) {
        let p = c.posts[n]
        let m = p.mention
        (key, network, id, text, url) = (m.key, m.platform, m.id, m.text, m.url)
        (author, name) = (m.author?.handle, m.author?.name)
        parent = p.parent.map { c.posts[$0].mention.key }
        (depth, replies, createdAt) = (p.depth, p.descendants, m.createdAt)
        (own, stored, focus) = (p.own, p.stored, n == c.focus)
    }

    enum CodingKeys: String, CodingKey {
        case key, network, id, text, parent, author, name, url, depth, replies, own, stored, focus
        case createdAt = "created_at"
    }
}
