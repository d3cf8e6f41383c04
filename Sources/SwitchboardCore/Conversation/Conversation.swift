import Foundation

/// A conversation as a tree: the posts of one thread — fetched from the network and stored — each under the post
/// it answers, answers oldest first. `posts` is the tree in pre-order (a parent before its answers), which is also
/// the order the thread view and `switchboard thread` show.
public struct Conversation: Sendable {
    /// One post and where it hangs.
    public struct Post: Sendable, Hashable {
        public var mention: Mention
        /// Index (in `posts`) of the post it answers; nil for a root or when that post is not known.
        public var parent: Int?
        public var depth: Int
        /// How many posts answer it, directly or further down (what folding it hides).
        public var descendants: Int
        /// Whether the post is in the store (else only the network knows it).
        public var stored: Bool
        /// Whether one of the brand's own accounts wrote it.
        public var own: Bool
    }

    public private(set) var posts: [Post]
    /// The index of the mention the conversation was opened on.
    public let focus: Int

    /// Covers the text of every private message with `text` (for a reader whose role may not read them): each
    /// keeps its place in the tree, so who answered whom stays true.
    public mutating func coverPrivate(with text: String) {
        for i in posts.indices where posts[i].mention.isPrivate { posts[i].mention.text = text }
    }

    /// Merges `focus`, the stored mentions of its thread and the posts a network returned (`fetched`): one post per
    /// mention key (the stored record wins), linked by `in_reply_to` (else by `thread_root`) to the post whose id or
    /// network reference it names.
    public init(focus: Mention, stored: [Mention], fetched: [Mention], own: OwnAccounts) {
        var all: [Mention] = []
        var storedKeys: Set<String> = [focus.key]
        var seen: Set<String> = []
        for m in [focus] + stored where seen.insert(m.key).inserted { all.append(m); storedKeys.insert(m.key) }
        for m in fetched where seen.insert(m.key).inserted { all.append(m) }
        var byRef: [String: Int] = [:]
        func ref(_ m: Mention, _ id: String) -> String { m.platform + "\u{1F}" + id }
        for (i, m) in all.enumerated() {
            if byRef[ref(m, m.id)] == nil { byRef[ref(m, m.id)] = i }
            if let u = m.reply?.uri, !u.isEmpty, byRef[ref(m, u)] == nil { byRef[ref(m, u)] = i }
        }
        var parentOf = [Int?](repeating: nil, count: all.count)
        for (i, m) in all.enumerated() {
            let p = m.inReplyTo.flatMap { byRef[ref(m, $0)] } ?? m.threadRoot.flatMap { byRef[ref(m, $0)] }
            if let p, p != i { parentOf[i] = p }
        }
        var children = [[Int]](repeating: [], count: all.count)
        for (i, p) in parentOf.enumerated() { if let p { children[p].append(i) } }
        let older: (Int, Int) -> Bool = { a, b in
            all[a].createdAt != all[b].createdAt ? all[a].createdAt < all[b].createdAt : all[a].key < all[b].key
        }
        for i in children.indices where children[i].count > 1 { children[i].sort(by: older) }
        // Pre-order without recursion (a 500-deep chain is fine); posts in a cycle start a tree of their own.
        var order: [(index: Int, depth: Int)] = []
        var visited = [Bool](repeating: false, count: all.count)
        let roots = all.indices.filter { parentOf[$0] == nil }.sorted(by: older)
        for start in roots + all.indices.sorted(by: older) where !visited[start] {
            var stack = [(start, 0)]
            while let (i, d) = stack.popLast() {
                if visited[i] { continue }
                visited[i] = true
                order.append((i, d))
                for c in children[i].reversed() where !visited[c] { stack.append((c, d + 1)) }
            }
        }
        var position = [Int](repeating: 0, count: all.count)
        for (n, o) in order.enumerated() { position[o.index] = n }
        var posts = order.map { o in
            Post(
                mention: all[o.index], parent: nil, depth: o.depth, descendants: 0,
                stored: storedKeys.contains(all[o.index].key),
                own: all[o.index].author.map { own.contains(handle: $0.handle) } ?? false)
        }
        for (n, o) in order.enumerated() where o.depth > 0 {
            if let p = parentOf[o.index] { posts[n].parent = position[p] }
        }
        for n in posts.indices.reversed() {
            if let p = posts[n].parent { posts[p].descendants += posts[n].descendants + 1 }
        }
        self.posts = posts
        self.focus = position[0]
    }

    /// The indices shown when the posts with the keys in `folded` are folded (their answers hidden).
    public func visible(folded: Set<String>) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(posts.count)
        var n = 0
        while n < posts.count {
            out.append(n)
            n += folded.contains(posts[n].mention.key) ? posts[n].descendants + 1 : 1
        }
        return out
    }

    /// The index of the post with `key`, if it is in the conversation.
    public func index(of key: String) -> Int? { posts.firstIndex { $0.mention.key == key } }
}
