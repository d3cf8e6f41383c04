import Foundation
import SwitchboardCore

extension XSource {
    /// The mentions of one page: each post of `data` with its author and the posts it refers to resolved from
    /// `includes` (a missing author or a deleted referenced post — reported in `errors` — leaves those fields out).
    func mentions(from page: X.Page, via: String) -> [Mention] {
        var users: [String: X.User] = [:]
        for u in page.includes.users { users[u.id] = u }
        var tweets: [String: X.Tweet] = [:]
        for t in page.includes.tweets { tweets[t.id] = t }
        return page.data.map { mention($0, users: users, tweets: tweets, via: via) }
    }

    func mention(_ t: X.Tweet, users: [String: X.User], tweets: [String: X.Tweet], via: String) -> Mention {
        let id = NetworkText.identifier(t.id)
        let user = t.authorID.flatMap { users[$0] }
        let username = user?.username.map { NetworkText.clean($0, max: 50) }.flatMap { $0.isEmpty ? nil : $0 }
        let name = user?.name.map { NetworkText.clean($0, max: 100) }.flatMap { $0.isEmpty ? nil : $0 }
        var text = X.unescape(XSource.expandLinks(t.text, t.urls))
        var extra: [String: JSONValue] = ["via": .string(via)]
        if let a = t.authorID { extra["author_id"] = .string(NetworkText.identifier(a)) }
        if let v = user?.verified { extra["verified"] = .bool(v) }
        if let c = t.conversationID { extra["conversation_id"] = .string(NetworkText.identifier(c)) }
        for ref in t.referenced {
            let key = ref.type == "replied_to" ? "replied_to" : ref.type == "quoted" ? "quoted" : "retweeted"
            extra[key] = .string(NetworkText.identifier(ref.id))
            guard let r = tweets[ref.id] else { continue }
            let who = r.authorID.flatMap { users[$0]?.username }.map { NetworkText.clean($0, max: 50) }
            let body = NetworkText.clean(X.unescape(XSource.expandLinks(r.text, r.urls)), max: 500)
            if ref.type == "retweeted" {
                // A retweet's own text is cut at 140 characters: show the whole original.
                text = "RT @\(who ?? "?"): " + X.unescape(XSource.expandLinks(r.text, r.urls))
            } else {
                extra[key + "_text"] = .string(body)
                if let who { extra[key + "_author"] = .string("@" + who) }
            }
        }
        let lang = t.lang.map { NetworkText.clean($0, max: 20) }.flatMap {
            ["und", "qme", "qht", "qam", "zxx", "art", ""].contains($0) ? nil : $0
        }
        let root = t.conversationID.map(NetworkText.identifier) ?? id
        return Mention(
            platform: "x", id: id, text: NetworkText.content(text),
            createdAt: t.createdAt.flatMap(Timestamp.parse) ?? client.now(), fetchedAt: client.now(),
            url: X.webURL(username: username, id: id),
            author: username.map { Author(handle: "@" + $0, name: name, url: "https://x.com/" + $0) }
                ?? t.authorID.map { Author(handle: "x:" + NetworkText.identifier($0), name: name) },
            lang: lang, inReplyTo: t.repliedTo.map(NetworkText.identifier), threadRoot: root == id ? nil : root,
            source: self.id, reply: ReplyRef(uri: id, rootURI: root), extra: extra)
    }

    /// The text with its t.co links replaced by the addresses they stand for (`entities.urls`).
    static func expandLinks(_ text: String, _ urls: [X.Tweet.URLEntity]) -> String {
        var s = text
        for u in urls where !u.url.isEmpty {
            guard let full = u.expandedURL, !full.isEmpty, full.hasPrefix("http") else { continue }
            s = s.replacingOccurrences(of: u.url, with: full)
        }
        return s
    }

    /// Decodes one page of `/2/users/:id/mentions` or `/2/tweets/search/recent` into mentions, as a poll would:
    /// for benchmarks, fuzzing and replaying saved pages.
    public func mentions(fromPage data: Data, via: String = "mention") throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        return mentions(from: try NetworkCall.decode(X.Page.self, from: r, label: client.label), via: via)
    }
}
