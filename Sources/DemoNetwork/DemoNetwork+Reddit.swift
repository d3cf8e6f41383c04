import Foundation

extension DemoNetwork {
    /// The demo's Reddit (under `/reddit`): r/acmecloud with two threads, one English and one German, a username
    /// mention of u/acmecloud, `POST /api/comment` (the brand's answers join the thread and the account's comments,
    /// where a retry's lookup finds them), `/api/v1/me`, and the moderation calls. Every call needs the demo token.
    func reddit(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let auth = r.header("authorization") ?? ""
        guard auth.lowercased().hasPrefix("bearer "), auth.dropFirst(7) == accounts.redditToken[...] else {
            return DemoNetwork.json(["message": "Unauthorized", "error": 401], status: 401)
        }
        let path = String(r.path.dropFirst("/reddit".count))
        switch (r.method, path) {
        case ("GET", "/api/v1/me"):
            return DemoNetwork.json(["name": accounts.redditUser, "id": "demo1", "is_mod": true])
        case ("GET", "/message/inbox"): return redditListing(redditThings().filter { $0.parent.hasPrefix("t1_sb") })
        case ("GET", "/message/mentions"):
            return redditListing(redditThings().filter { $0.body.contains("u/" + accounts.redditUser) })
        case ("GET", "/r/acmecloud/comments"): return redditListing(redditThings().filter { $0.kind == "t1" })
        case ("GET", "/r/acmecloud/new"): return redditListing(redditThings().filter { $0.kind == "t3" })
        case ("GET", "/user/\(accounts.redditUser)/comments"):
            return redditListing(redditThings().filter { $0.author == accounts.redditUser })
        case ("GET", _) where path.hasPrefix("/comments/"):
            // A post's comment page (the thread view): the post and its comments, each naming its parent.
            let post = "t3_" + path.dropFirst("/comments/".count).prefix { $0 != "/" }
            let things = redditThings()
            guard things.contains(where: { $0.name == post }) else {
                return DemoNetwork.json(["message": "Not Found", "error": 404], status: 404)
            }
            return redditListing(
                things.filter { $0.name == post || ($0.kind == "t1" && redditRoot($0.parent) == post) }.reversed())
        case ("GET", "/search"), ("GET", "/r/acmecloud/about/modqueue"): return redditListing([])
        case ("POST", "/api/comment"): return redditComment(r)
        case ("POST", "/api/remove"), ("POST", "/api/approve"), ("POST", "/api/lock"), ("POST", "/api/unlock"),
            ("POST", "/api/del"):
            append(DemoNetworkRecord(at: now(), method: r.method, path: r.path, outcome: "moderated", status: 200))
            return DemoNetwork.json([String: Any]())
        default: return DemoNetwork.json(["message": "Not Found", "error": 404], status: 404)
        }
    }

    /// A thing of the demo's subreddit.
    struct RedditThing {
        var kind, id, author, body: String
        var title = "", parent = "", minutesAgo = 0.0
        var created: Date?
        var name: String { kind + "_" + id }
    }

    /// The seeded threads: an English one and a German one, with a `[removed]` comment and a deleted author.
    static let redditSeed = [
        RedditThing(
            kind: "t3", id: "dm1", author: "lena_martens",
            body: "Five of us, 2 TB, mostly phone photos. Is the Family plan worth it over Dropbox? "
                + "Anyone using the shared folders with kids?",
            title: "Acme Cloud Family plan: worth it for 5 people?", minutesAgo: 95),
        RedditThing(
            kind: "t1", id: "dc1", author: "gwen_p", body: "We switched last spring. Shared albums just work.",
            parent: "t3_dm1", minutesAgo: 80),
        RedditThing(
            kind: "t1", id: "dc2", author: "derek_voss",
            body: "Smart Sync ate my Lightroom catalog twice. u/acmecloud care to explain?", parent: "t3_dm1",
            minutesAgo: 40),
        RedditThing(kind: "t1", id: "dc3", author: "[deleted]", body: "[removed]", parent: "t3_dm1", minutesAgo: 30),
        RedditThing(
            kind: "t3", id: "dm2", author: "gruenerdaumen",
            body: "Wir ziehen mit dem Büro (6 Plätze) um. Klappt der Import der Freigaben? Grüße aus Köln",
            title: "Umzug von Dropbox zu Acme Cloud – Erfahrungen?", minutesAgo: 60),
        RedditThing(
            kind: "t1", id: "dc4", author: "matthias_k",
            body: "Bei uns hängt die Synchronisierung seit dem Update bei 99 %. Weiß jemand Rat?", parent: "t3_dm2",
            minutesAgo: 20),
        RedditThing(
            kind: "t1", id: "dc5", author: "[deleted]", body: "Der Import hat bei mir problemlos geklappt.",
            parent: "t3_dm2", minutesAgo: 10),
    ]

    /// The seed (times relative to now) and the brand's accepted comments, newest first.
    func redditThings() -> [RedditThing] {
        let t = now()
        var all = DemoNetwork.redditSeed.filter { speaks($0.title + " " + $0.body) }.map { s -> RedditThing in
            var s = s
            s.created = t.addingTimeInterval(-s.minutesAgo * 60)
            return s
        }
        for p in accepted where p.network == "reddit" {
            all.append(
                RedditThing(
                    kind: "t1", id: String(p.id.dropFirst(3)), author: accounts.redditUser, body: p.text,
                    parent: p.inReplyTo ?? "", created: p.createdAt))
        }
        return all.sorted { ($0.created ?? t) > ($1.created ?? t) }
    }

    func redditListing(_ things: [RedditThing]) -> LoopbackServer.Response {
        let titles = Dictionary(
            redditThings().filter { $0.kind == "t3" }.map { ($0.name, $0.title) }, uniquingKeysWith: { a, _ in a })
        let children: [[String: Any]] = things.map { t in
            var d: [String: Any] = [
                "id": t.id, "name": t.name, "author": t.author, "subreddit": "acmecloud",
                "created_utc": (t.created ?? now()).timeIntervalSince1970,
            ]
            if t.kind == "t3" {
                (d["title"], d["selftext"]) = (t.title, t.body)
                d["permalink"] = "/r/acmecloud/comments/\(t.id)/"
            } else {
                let link = redditRoot(t.parent)
                (d["body"], d["parent_id"], d["link_id"]) = (t.body, t.parent, link)
                d["link_title"] = titles[link] ?? ""
                d["permalink"] = "/r/acmecloud/comments/\(link.dropFirst(3))/_/\(t.id)/"
            }
            return ["kind": t.kind, "data": d]
        }
        return DemoNetwork.json(["kind": "Listing", "data": ["children": children, "after": NSNull()]])
    }

    /// The post a comment belongs to (following parents up).
    func redditRoot(_ parent: String) -> String {
        let byName = Dictionary(redditThings().map { ($0.name, $0.parent) }, uniquingKeysWith: { a, _ in a })
        var p = parent
        for _ in 0..<50 where !p.hasPrefix("t3_") { p = byName[p] ?? "t3_dm1" }
        return p
    }

    /// `POST /api/comment`: a known parent and a text of at most 10,000 characters make a comment; refusals come as
    /// `json.errors` with HTTP 200, as Reddit sends them.
    func redditComment(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let form = DemoNetwork.form(r.body) ?? [:]
        let parent = form["thing_id"] as? String ?? ""
        let text = form["text"] as? String ?? ""
        func reject(_ code: String, _ why: String) -> LoopbackServer.Response {
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "rejected", status: 200, error: why))
            return DemoNetwork.json(["json": ["errors": [[code, why, "thing_id"]]]])
        }
        guard redditThings().contains(where: { $0.name == parent }) else {
            return reject("DELETED_COMMENT", "that comment has been deleted")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return reject("NO_TEXT", "we need something here")
        }
        guard text.count <= 10_000 else { return reject("TOO_LONG", "this is too long (max: 10000)") }
        let post: DemoPost = lock.withLock {
            let n = posts.filter { $0.network == "reddit" }.count + 1
            let id = "t1_sb\(n)"
            let p = DemoPost(network: "reddit", id: id, uri: id, text: text, inReplyTo: parent, createdAt: now())
            posts.append(p)
            append(
                DemoNetworkRecord(at: now(), method: r.method, path: r.path, outcome: "created", status: 200, post: p))
            return p
        }
        let thing: [String: Any] = [
            "kind": "t1",
            "data": [
                "id": String(post.id.dropFirst(3)), "name": post.id, "author": accounts.redditUser, "body": text,
                "parent_id": parent, "link_id": redditRoot(parent),
                "created_utc": post.createdAt.timeIntervalSince1970,
            ] as [String: Any],
        ]
        return DemoNetwork.json(["json": ["errors": [Any](), "data": ["things": [thing]]]])
    }
}
