import Foundation
import SwitchboardCore

extension RedditSource {
    static let web = "https://www.reddit.com"
    /// What Reddit leaves in place of a deleted or removed text or author.
    static let placeholders: Set<String> = ["[deleted]", "[removed]", "[ Removed by Reddit ]", "[removed by reddit]"]

    static func isPlaceholder(_ s: String?) -> Bool {
        guard let s else { return true }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty || placeholders.contains(t) || placeholders.contains(t.lowercased())
    }

    /// Comments with a text of their own and posts with a title: a deleted or removed comment (`[removed]`) is no
    /// mention; messages and other kinds are left out.
    static func isMention(_ t: Reddit.Thing) -> Bool {
        guard t.fullname != nil else { return false }
        switch t.kind {
        case "t1": return !isPlaceholder(t.data.body)
        case "t3": return !isPlaceholder(t.data.title)
        default: return false
        }
    }

    /// A comment or post as a mention: the fullname as id, the thread kept (`in_reply_to` = `parent_id`,
    /// `thread_root` = the post's fullname), the post's title as the mention's title, and the fullname to answer.
    func mention(_ t: Reddit.Thing, via: String) -> Mention {
        let d = t.data
        let name = NetworkText.identifier(t.fullname ?? "")
        var text: String
        var removed = false
        if t.kind == "t3" {
            text = NetworkText.content(d.title ?? "")
            if RedditSource.isPlaceholder(d.selftext) {
                removed = d.selftext.map { !$0.isEmpty } ?? false
            } else {
                text += "\n\n" + NetworkText.content(d.selftext ?? "")
            }
        } else {
            text = NetworkText.content(d.body ?? "")
        }
        removed = removed || d.removedByCategory != nil
        let who = d.author.map { NetworkText.clean($0, max: 40) } ?? ""
        let deletedAuthor = RedditSource.isPlaceholder(who)
        let author = Author(
            handle: deletedAuthor ? "[deleted]" : who,
            url: deletedAuthor ? nil : RedditSource.web + "/user/" + NetworkCall.escape(who))
        let link = d.permalink ?? d.context
        let url = link.map { $0.hasPrefix("http") ? $0 : RedditSource.web + $0 }.map {
            NetworkText.clean($0, max: 2000)
        }
        let root = t.kind == "t3" ? t.fullname : (d.linkID ?? Reddit.linkID(fromPath: d.context ?? d.permalink))
        let title = t.kind == "t3" ? d.title : d.linkTitle
        var extra: [String: JSONValue] = ["via": .string(via)]
        if let s = d.subreddit, !s.isEmpty { extra["subreddit"] = .string(NetworkText.clean(s, max: 40)) }
        if removed { extra["removed"] = .bool(true) }
        if deletedAuthor { extra["author_deleted"] = .bool(true) }
        if d.locked == true { extra["locked"] = .bool(true) }
        return Mention(
            platform: "reddit", id: name, text: text,
            createdAt: Timestamp.networkDate(d.createdUTC) ?? client.now(), fetchedAt: client.now(),
            url: url, author: author, inReplyTo: t.kind == "t1" ? d.parentID.map(NetworkText.identifier) : nil,
            threadRoot: root.map(NetworkText.identifier), source: id,
            title: title.map { NetworkText.clean($0, max: 300) }.flatMap { $0.isEmpty ? nil : $0 },
            reply: ReplyRef(uri: name), extra: extra)
    }

    /// Decodes one listing page into mentions, as a poll would (for benchmarks, fuzzing and saved pages).
    public func mentions(fromListingPage data: Data, via: String = "inbox") throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        return try NetworkCall.decode(Reddit.Listings.self, from: r, label: client.label).listing.children
            .filter(RedditSource.isMention).map { mention($0, via: via) }
    }

    /// `GET /api/v1/me`: the account this source's token belongs to (`sources add` checks the source with it).
    public func verify() async throws -> String {
        let r = try await client.get("/api/v1/me")
        return NetworkText.clean(try NetworkCall.decode(Reddit.Me.self, from: r, label: client.label).name, max: 40)
    }

    public var auth: RedditAuth { client.auth }
}
