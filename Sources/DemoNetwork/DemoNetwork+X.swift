import Foundation

extension DemoNetwork {
    /// A person on X mentioning the demo brand.
    struct XMention {
        var id: String, username: String, name: String, text: String, lang: String
        /// Minutes before the network started.
        var minutesAgo: Double
        var repliedTo: String? = nil
    }

    /// The brand's own post the thread below answers.
    static let xBrandPost = (
        id: "1865000000000000100", text: "Heute live: das neue Export-Dashboard. Feedback willkommen! 🚀"
    )

    /// What the demo's X account is told, in English and German (a thread under the brand's own post included).
    static let xMentions: [XMention] = [
        XMention(
            id: "1865000000000000101", username: "sarah_ops", name: "Sarah Chen",
            text:
                "@acmecloud the EU dashboard has been timing out for 20 minutes &amp; support chat is down too. Anyone else?",
            lang: "en", minutesAgo: 42),
        XMention(
            id: "1865000000000000102", username: "kai_brandt", name: "Kai Brandt",
            text: "@acmecloud Seit dem Update hängt der Export bei 99 %. Gibt's dafür schon einen Fix? 🙏",
            lang: "de", minutesAgo: 31, repliedTo: xBrandPost.id),
        XMention(
            id: "1865000000000000103", username: "lena_groessmann", name: "Lena Größmann",
            text: "Ehrlich: der Support von @acmecloud hat mir heute den Tag gerettet. Danke, Jörg! 💙",
            lang: "de", minutesAgo: 18),
        XMention(
            id: "1865000000000000104", username: "devmarco", name: "Marco Rossi",
            text: "Loving the new @acmecloud CLI: our staging deploy took 4 minutes instead of 40 🚀",
            lang: "en", minutesAgo: 7),
    ]

    /// X API v2, the part the X connector uses. Every call needs the demo account's token.
    func x(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        guard !accounts.xToken.isEmpty, DemoNetwork.bearer(r) == accounts.xToken else {
            return DemoNetwork.json(
                ["title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"], status: 401)
        }
        if let direct = xDirect(r) { return direct }
        let uid = accounts.xUserID
        if let media = xMedia(r) { return media }
        switch (r.method, r.path) {
        case ("GET", "/2/users/me"):
            return DemoNetwork.json(["data": ["id": uid, "username": accounts.xUsername, "name": accounts.displayName]])
        case ("GET", "/2/users/\(uid)/mentions"): return xPage(xMentionPosts(), r)
        case ("GET", "/2/tweets/search/recent"):
            // The thread view's `conversation_id:ID`: every post of that conversation; other searches find nothing.
            let q = r.query("query") ?? ""
            guard q.hasPrefix("conversation_id:") else { return xPage([], r) }
            let id = String(q.dropFirst("conversation_id:".count))
            return xPage((xMentionPosts() + xOwnPosts()).filter { $0["conversation_id"] as? String == id }, r)
        case ("GET", "/2/users/\(uid)/tweets"): return xPage(xOwnPosts(), r)
        case ("POST", "/2/tweets"): return xCreate(r)
        case ("PUT", _) where r.path.hasPrefix("/2/tweets/") && r.path.hasSuffix("/hidden"):
            return DemoNetwork.json(["data": ["hidden": r.json?["hidden"] as? Bool ?? false]])
        case ("DELETE", _) where r.path.hasPrefix("/2/tweets/"):
            return DemoNetwork.json(["data": ["deleted": true]])
        default:
            return DemoNetwork.json(
                ["title": "Not Found Error", "detail": "Sorry, that page does not exist", "status": 404], status: 404)
        }
    }

    /// A page of posts, newest first after `since_id`, at most `max_results`, with the authors in `includes`.
    func xPage(_ all: [[String: Any]], _ r: LoopbackServer.Request) -> LoopbackServer.Response {
        func less(_ a: String, _ b: String) -> Bool { a.count != b.count ? a.count < b.count : a < b }
        var list = all.sorted { less($1["id"] as! String, $0["id"] as! String) }
        if let since = r.query("since_id") { list = list.filter { less(since, $0["id"] as! String) } }
        let n = min(100, max(5, Int(r.query("max_results") ?? "") ?? 10))
        let page = Array(list.prefix(n))
        var users: [[String: Any]] = [
            ["id": accounts.xUserID, "username": accounts.xUsername, "name": accounts.displayName]
        ]
        for m in DemoNetwork.xMentions { users.append(["id": xAuthorID(m), "username": m.username, "name": m.name]) }
        var meta: [String: Any] = ["result_count": page.count]
        if let f = page.first?["id"], let l = page.last?["id"] { (meta["newest_id"], meta["oldest_id"]) = (f, l) }
        var body: [String: Any] = ["meta": meta]
        if !page.isEmpty {
            body["data"] = page
            body["includes"] = [
                "users": users,
                "tweets": [
                    [
                        "id": DemoNetwork.xBrandPost.id, "text": DemoNetwork.xBrandPost.text,
                        "author_id": accounts.xUserID,
                        "conversation_id": DemoNetwork.xBrandPost.id,
                    ]
                ],
            ]
        }
        var resp = DemoNetwork.json(body)
        resp.headers["x-rate-limit-limit"] = "450"
        resp.headers["x-rate-limit-remaining"] = "449"
        resp.headers["x-rate-limit-reset"] = String(Int(now().timeIntervalSince1970) + 900)
        return resp
    }

    func xAuthorID(_ m: XMention) -> String { "17" + String(m.id.suffix(3)) }

    func xMentionPosts() -> [[String: Any]] {
        DemoNetwork.xMentions.filter { accounts.onlyLanguage == nil || $0.lang == accounts.onlyLanguage }.map { m in
            var t: [String: Any] = [
                "id": m.id, "text": m.text, "author_id": xAuthorID(m), "lang": m.lang,
                "created_at": DemoNetwork.timestamp(started.addingTimeInterval(-m.minutesAgo * 60)),
                "conversation_id": m.repliedTo ?? m.id, "edit_history_tweet_ids": [m.id],
            ]
            if let p = m.repliedTo {
                t["referenced_tweets"] = [["type": "replied_to", "id": p]]
                t["in_reply_to_user_id"] = accounts.xUserID
            }
            return t
        }
    }

    func xOwnPosts() -> [[String: Any]] {
        accepted.filter { $0.network == "x" }.map { p in
            var t: [String: Any] = [
                "id": p.id, "text": p.text, "author_id": accounts.xUserID,
                "created_at": DemoNetwork.timestamp(p.createdAt), "conversation_id": p.rootURI ?? p.id,
            ]
            if let parent = p.inReplyTo { t["referenced_tweets"] = [["type": "replied_to", "id": parent]] }
            return t
        }
    }

    /// `POST /2/tweets`: X takes no idempotency key, so a repeat is a second post (the connector looks first).
    func xCreate(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let body = r.json ?? [:]
        let text = body["text"] as? String ?? ""
        let parent = (body["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String
        func reject(_ status: Int, _ title: String, _ detail: String) -> LoopbackServer.Response {
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "rejected", status: status, error: detail))
            return DemoNetwork.json(
                ["title": title, "detail": detail, "type": "about:blank", "status": status], status: status)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return reject(400, "Invalid Request", "One or more parameters to your request was invalid.")
        }
        if let parent, parent != DemoNetwork.xBrandPost.id, !DemoNetwork.xMentions.contains(where: { $0.id == parent }),
            !accepted.contains(where: { $0.network == "x" && $0.id == parent })
        {
            return reject(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.")
        }
        let post: DemoPost = lock.withLock {
            let id = nextSnowflake()
            let root = parent.flatMap { p in DemoNetwork.xMentions.first { $0.id == p }?.repliedTo ?? p }
            let p = DemoPost(
                network: "x", id: id, uri: id, text: text, inReplyTo: parent, rootURI: root, createdAt: now())
            posts.append(p)
            append(
                DemoNetworkRecord(
                    at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 201, post: p))
            return p
        }
        return DemoNetwork.json(["data": ["id": post.id, "text": post.text]], status: 201)
    }
}
