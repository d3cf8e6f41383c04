import Foundation
import SwitchboardCore

extension RedditSource: ThreadFetching {
    /// The post's comment page (`GET /comments/ID`: the post, then its comments with their answers nested in
    /// `replies`), every post and comment of it as a mention; deleted and removed ones are left out, as in a poll.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        let root = mention.threadRoot ?? (mention.id.hasPrefix("t3_") ? mention.id : nil)
        guard let root, root.hasPrefix("t3_"), root.count > 3 else { return [] }
        let r = try await client.send(
            "GET", "/comments/" + NetworkCall.escape(String(root.dropFirst(3))),
            query: [("limit", "500"), ("sort", "old")], form: nil, raw: [403, 404])
        // Not the poll's "check the subreddit names": the post was deleted or removed, or its subreddit went private
        // or was banned. A token without the scope still needs a login.
        if r.status == 404 || (r.status == 403 && !(r.header("www-authenticate") ?? "").contains("insufficient_scope"))
        {
            throw SourceError.configuration("\(client.label): this thread is gone or private (HTTP \(r.status))")
        }
        try RedditClient.check(r, label: client.label, now: client.now())
        let page = try NetworkCall.decode(Reddit.Listings.self, from: r, label: client.label).listing
        var out: [Mention] = []
        // Depth-first, each answer after what it answers; Reddit nests a page about ten levels deep.
        var stack = Array(page.children.reversed())
        while let t = stack.popLast(), out.count < 5000 {
            if RedditSource.isMention(t) { out.append(self.mention(t, via: "thread")) }
            stack.append(contentsOf: t.data.replies.reversed())
        }
        return out
    }
}
