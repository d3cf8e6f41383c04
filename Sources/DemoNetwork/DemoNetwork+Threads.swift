import Foundation

extension DemoNetwork {
    /// The other people's posts conversations are made of (the demo's seed mentions); the brand's accepted posts
    /// join them.
    public func setConversations(_ posts: [DemoThreadPost]) { lock.withLock { others = posts } }

    /// Everyone's posts of one network, oldest first: the seed's and the brand's own.
    func threadPosts(_ network: String) -> [DemoThreadPost] {
        let own = accepted.filter { $0.network == network }.map { p in
            DemoThreadPost(
                network: network, id: network == "bluesky" ? p.uri : p.id, uri: p.uri, text: p.text,
                inReplyTo: p.inReplyTo, rootURI: p.rootURI,
                handle: network == "bluesky" ? accounts.blueskyHandle : accounts.mastodonAcct,
                name: accounts.displayName, createdAt: p.createdAt)
        }
        return (lock.withLock { others }.filter { $0.network == network } + own).sorted { $0.createdAt < $1.createdAt }
    }

    /// The answers below `id`, depth first (each post's answers oldest first).
    static func below(_ id: String, in posts: [DemoThreadPost]) -> [DemoThreadPost] {
        var out: [DemoThreadPost] = []
        var stack = posts.filter { $0.inReplyTo == id }.reversed().map { $0 }
        var seen: Set<String> = [id]
        while let p = stack.popLast() {
            guard seen.insert(p.id).inserted else { continue }
            out.append(p)
            stack += posts.filter { $0.inReplyTo == p.id }.reversed()
        }
        return out
    }

    /// `GET /api/v1/statuses/:id/context`: ancestors (oldest first) and descendants.
    func mastodonContext(_ id: String) -> LoopbackServer.Response {
        let all = threadPosts("mastodon")
        guard all.contains(where: { $0.id == id }) else {
            return DemoNetwork.json(["error": "Record not found"], status: 404)
        }
        var ancestors: [DemoThreadPost] = []
        var cur = all.first { $0.id == id }?.inReplyTo
        while let c = cur, let p = all.first(where: { $0.id == c }), !ancestors.contains(p), ancestors.count < 200 {
            ancestors.insert(p, at: 0)
            cur = p.inReplyTo
        }
        return DemoNetwork.json([
            "ancestors": ancestors.map(mastodonStatus),
            "descendants": DemoNetwork.below(id, in: all).map(mastodonStatus),
        ])
    }

    func mastodonStatus(_ p: DemoThreadPost) -> [String: Any] {
        let user = String(p.handle.split(separator: "@").first ?? "")
        let host = p.handle.split(separator: "@").dropFirst().first.map(String.init) ?? accounts.mastodonHost
        return [
            "id": p.id, "uri": p.uri, "url": "https://\(host)/@\(user)/\(p.id)",
            "created_at": DemoNetwork.timestamp(p.createdAt), "content": DemoNetwork.html(p.text),
            "visibility": "public", "in_reply_to_id": p.inReplyTo ?? NSNull(), "spoiler_text": "",
            "account": [
                "id": p.handle, "username": user, "acct": p.handle,
                "display_name": p.name ?? user, "url": "https://\(host)/@\(user)",
            ],
        ]
    }

    /// `app.bsky.feed.getPostThread`: the post, the posts above it, and its answers.
    func postThread(_ uri: String) -> LoopbackServer.Response {
        let all = threadPosts("bluesky")
        guard let post = all.first(where: { $0.id == uri }) else {
            return DemoNetwork.json(["error": "NotFound", "message": "Post not found: \(uri)"], status: 400)
        }
        var node = threadNode(post, all: all, depth: 40)
        var above = post.inReplyTo
        var wrapped = 0
        var parents: [[String: Any]] = []
        while let a = above, let p = all.first(where: { $0.id == a }), wrapped < 80 {
            parents.append(["$type": "app.bsky.feed.defs#threadViewPost", "post": postView(p)])
            above = p.inReplyTo
            wrapped += 1
        }
        var parent: [String: Any]?
        for p in parents.reversed() {
            var n = p
            if let parent { n["parent"] = parent }
            parent = n
        }
        if let parent { node["parent"] = parent }
        return DemoNetwork.json(["thread": node])
    }

    func threadNode(_ p: DemoThreadPost, all: [DemoThreadPost], depth: Int) -> [String: Any] {
        var n: [String: Any] = ["$type": "app.bsky.feed.defs#threadViewPost", "post": postView(p)]
        if depth > 0 {
            n["replies"] = all.filter { $0.inReplyTo == p.id && $0.id != p.id }.map {
                threadNode($0, all: all, depth: depth - 1)
            }
        }
        return n
    }

    func postView(_ p: DemoThreadPost) -> [String: Any] {
        var record: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": p.text, "createdAt": DemoNetwork.timestamp(p.createdAt),
        ]
        if let parent = p.inReplyTo {
            let root = p.rootURI ?? parent
            record["reply"] = [
                "root": ["uri": root, "cid": DemoNetwork.cid(root)],
                "parent": ["uri": parent, "cid": DemoNetwork.cid(parent)],
            ]
        }
        let did = p.uri.hasPrefix("at://") ? String(p.uri.dropFirst(5).split(separator: "/").first ?? "") : ""
        return [
            "uri": p.uri, "cid": DemoNetwork.cid(p.uri), "record": record,
            "indexedAt": DemoNetwork.timestamp(p.createdAt),
            "author": ["did": did, "handle": p.handle, "displayName": p.name ?? p.handle],
        ]
    }
}
