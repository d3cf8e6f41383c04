import Foundation

extension DemoNetwork {
    /// Mastodon's REST API, the part the connectors use. Every call needs the account's token.
    func mastodon(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        guard DemoNetwork.bearer(r) == accounts.mastodonToken else {
            return DemoNetwork.json(["error": "The access token is invalid"], status: 401)
        }
        switch (r.method, r.path) {
        case ("GET", "/api/v1/accounts/verify_credentials"): return DemoNetwork.json(mastodonAccount())
        case ("POST", "/api/v1/statuses"): return postStatus(r)
        case ("POST", "/api/v2/media"): return mastodonMedia(r)
        case ("GET", "/api/v1/notifications"): return notifications(r)
        case ("GET", "/api/v2/search"): return DemoNetwork.json(["accounts": [], "statuses": [], "hashtags": []])
        case ("GET", _) where r.path.hasPrefix("/api/v1/timelines/"): return DemoNetwork.json([Any]())
        case ("GET", _) where r.path.hasPrefix("/api/v1/statuses/") && r.path.hasSuffix("/context"):
            return mastodonContext(String(r.path.dropFirst(17).dropLast(8)))
        case ("GET", _) where r.path.hasPrefix("/api/v1/statuses/"):
            return mastodonStatusByID(String(r.path.dropFirst(17)))
        case ("PUT", _) where r.path.hasPrefix("/api/v1/statuses/"),
            ("DELETE", _) where r.path.hasPrefix("/api/v1/statuses/"):
            return mastodonOwnPostChange(r)
        case ("POST", "/api/v1/reports"),
            ("POST", _) where r.path.hasPrefix("/api/v1/accounts/"):
            return mastodonAuthorAction(r)
        default: return DemoNetwork.json(["error": "Record not found"], status: 404)
        }
    }

    func mastodonAccount() -> [String: Any] {
        [
            "id": "109000000000000001", "username": accounts.mastodonUser, "acct": accounts.mastodonAcct,
            "display_name": accounts.displayName, "url": "https://\(accounts.mastodonHost)/@\(accounts.mastodonUser)",
            "followers_count": accounts.followers, "bot": false,
        ]
    }

    /// `POST /api/v1/statuses`: a repeated `Idempotency-Key` answers the status it created before.
    func postStatus(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let key = r.header("idempotency-key").flatMap { $0.isEmpty ? nil : $0 }
        func reject(_ why: String) -> LoopbackServer.Response {
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "rejected", status: 422, key: key, error: why))
            return DemoNetwork.json(["error": "Validation failed: " + why], status: 422)
        }
        guard let body = r.json ?? DemoNetwork.form(r.body) else { return reject("the body is not JSON") }
        let text = (body["status"] as? String) ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return reject("Text can't be blank")
        }
        guard text.count <= 500 else { return reject("Text character limit of 500 exceeded") }
        let visibility = body["visibility"] as? String ?? "public"
        guard ["public", "unlisted", "private", "direct"].contains(visibility) else {
            return reject("Visibility is not included in the list")
        }
        let post: DemoPost = lock.withLock {
            if let key, let seen = posts.first(where: { $0.network == "mastodon" && $0.key == key }) {
                append(
                    DemoNetworkRecord(
                        at: now(), method: r.method, path: r.path, outcome: "repeated", status: 200, key: key,
                        post: seen))
                return seen
            }
            let id = nextSnowflake()
            let p = DemoPost(
                network: "mastodon", id: id,
                uri: "https://\(accounts.mastodonHost)/users/\(accounts.mastodonUser)/statuses/\(id)", text: text,
                inReplyTo: body["in_reply_to_id"] as? String, language: body["language"] as? String,
                visibility: visibility, createdAt: now(), key: key)
            posts.append(p)
            append(
                DemoNetworkRecord(
                    at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 200, key: key, post: p)
            )
            return p
        }
        return DemoNetwork.json(status(post))
    }

    /// `GET /api/v1/notifications`: the account's own posts, newest first, as mentions (`min_id`, `since_id`,
    /// `max_id` and `limit` as documented).
    func notifications(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let types = r.queryItems.filter { $0.0 == "types[]" }.map(\.1)
        if !types.isEmpty && !types.contains("mention") { return DemoNetwork.json([Any]()) }
        let limit = min(80, max(1, Int(r.query("limit") ?? "") ?? 40))
        func less(_ a: String, _ b: String) -> Bool { a.count != b.count ? a.count < b.count : a < b }
        var list = accepted.filter { $0.network == "mastodon" }
        if let min = r.query("min_id") ?? r.query("since_id") { list = list.filter { less(min, $0.id) } }
        if let max = r.query("max_id") { list = list.filter { less($0.id, max) } }
        // min_id pages forward: the oldest page after it; otherwise the newest page.
        let page = r.query("min_id") != nil ? Array(list.prefix(limit)) : Array(list.suffix(limit))
        var out: [[String: Any]] = page.reversed().map { p in
            [
                "id": p.id, "type": "mention", "created_at": DemoNetwork.timestamp(p.createdAt),
                "account": mastodonAccount(), "status": status(p),
            ]
        }
        // The private message (older than every post of the demo): after them, within the page's bounds.
        let dm = mastodonDirectNotification()
        let dmID = dm["id"] as? String ?? ""
        if (r.query("min_id") ?? r.query("since_id")).map({ less($0, dmID) }) ?? true,
            r.query("max_id").map({ less(dmID, $0) }) ?? true, out.count < limit
        {
            out.append(dm)
        }
        return DemoNetwork.json(out)
    }

    func status(_ p: DemoPost) -> [String: Any] {
        var s: [String: Any] = [
            "id": p.id, "uri": p.uri, "url": "https://\(accounts.mastodonHost)/@\(accounts.mastodonUser)/\(p.id)",
            "created_at": DemoNetwork.timestamp(p.createdAt), "account": mastodonAccount(),
            "content": DemoNetwork.html(p.text), "visibility": p.visibility ?? "public", "sensitive": false,
            "spoiler_text": "", "mentions": [], "tags": [], "replies_count": 0, "reblogs_count": 0,
            "favourites_count": 0,
        ]
        s["in_reply_to_id"] = p.inReplyTo ?? NSNull()
        s["language"] = p.language ?? NSNull()
        return s
    }

    /// Plain text as Mastodon renders it: escaped, paragraphs in `<p>`, line breaks as `<br>`.
    static func html(_ text: String) -> String {
        let esc =
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return esc.components(separatedBy: "\n\n").map {
            "<p>" + $0.replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        }.joined()
    }

    /// A form-encoded body (`status=…&in_reply_to_id=…`), which Mastodon accepts as well as JSON.
    static func form(_ body: Data) -> [String: Any]? {
        let s = String(decoding: body, as: UTF8.self)
        guard s.contains("=") else { return nil }
        let r = LoopbackServer.Request(method: "POST", path: "/", query: s, body: Data())
        return Dictionary(r.queryItems, uniquingKeysWith: { a, _ in a })
    }
}
