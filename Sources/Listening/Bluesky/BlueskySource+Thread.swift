import Foundation
import SwitchboardCore

extension Bluesky {
    /// `app.bsky.feed.defs#threadViewPost` (a post, the post above it, the answers); a not-found or blocked post
    /// has no `post` and is skipped.
    public struct ThreadNode: Decodable, Sendable {
        public var post: PostView?
        /// The post above (none or one).
        public var parent: [ThreadNode]
        public var replies: [ThreadNode]

        enum CodingKeys: String, CodingKey { case post, parent, replies }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            post = try? c.decodeIfPresent(PostView.self, forKey: .post)
            parent = (try? c.decodeIfPresent(ThreadNode.self, forKey: .parent)).flatMap { $0.map { [$0] } } ?? []
            replies = (try? c.decodeIfPresent([ThreadNode].self, forKey: .replies)) ?? []
        }
    }

    /// Output of `app.bsky.feed.getPostThread`.
    public struct ThreadOutput: Decodable, Sendable {
        public var thread: ThreadNode
    }
}

extension BlueskySource: ThreadFetching {
    /// The thread around the mention's post: up to 80 posts above it and 40 levels of answers below.
    /// A direct message's conversation is its stored messages (the chat service has no thread of posts).
    public func conversation(of mention: Mention) async throws -> [Mention] {
        if mention.reply?.visibility == "direct" { return [] }
        let uri = mention.reply?.uri ?? mention.id
        let r = try await client.get(
            "app.bsky.feed.getPostThread", [("uri", uri), ("depth", "40"), ("parentHeight", "80")])
        let out = try NetworkCall.decode(Bluesky.ThreadOutput.self, from: r, label: client.label)
        var posts: [Mention] = []
        var stack = [out.thread]
        while let n = stack.popLast() {
            if let p = n.post {
                posts.append(
                    self.mention(
                        uri: p.uri, cid: p.cid, author: p.author, record: p.record, indexedAt: p.indexedAt,
                        via: "thread"))
            }
            stack += n.parent
            stack += n.replies
        }
        return posts
    }
}
