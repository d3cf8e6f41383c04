import Foundation
import SwitchboardCore

extension RedditSource: ThreadFetching {
    /// The post's comment page (`GET /comments/ID`: the post, then its comments with their answers nested in
    /// `replies`), every post and comment of it as a mention; deleted and removed ones are left out, as in a poll.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        let root = mention.threadRoot ?? (mention.id.hasPrefix("t3_") ? mention.id : nil)
        guard let root, root.hasPrefix("t3_"), root.count > 3 else { return [] }
        let r = try await client.get(
            "/comments/" + NetworkCall.escape(String(root.dropFirst(3))),
            [("limit", "500"), ("sort", "old")])
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
