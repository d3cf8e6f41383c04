import Foundation

extension DemoNetwork {
    /// The XRPC methods the Bluesky connector calls (`/xrpc/NSID`).
    func bluesky(_ nsid: String, _ r: LoopbackServer.Request) -> LoopbackServer.Response {
        switch (r.method, nsid) {
        case ("POST", "com.atproto.server.createSession"): return createSession(r)
        case ("POST", "com.atproto.server.refreshSession"):
            guard let t = DemoNetwork.bearer(r), lock.withLock({ sessions.contains(t) }) else {
                return DemoNetwork.json(["error": "ExpiredToken", "message": "Token has expired"], status: 400)
            }
            return DemoNetwork.json(newSession())
        default: break
        }
        guard let t = DemoNetwork.bearer(r), lock.withLock({ sessions.contains(t) }) else {
            return DemoNetwork.json(["error": "InvalidToken", "message": "Token could not be verified"], status: 400)
        }
        if let chat = blueskyChat(nsid, r) { return chat }
        switch (r.method, nsid) {
        case ("GET", "com.atproto.identity.resolveHandle"):
            guard r.query("handle")?.lowercased() == accounts.blueskyHandle else {
                return DemoNetwork.json(
                    ["error": "InvalidRequest", "message": "Unable to resolve handle"], status: 400)
            }
            return DemoNetwork.json(["did": accounts.blueskyDID])
        case ("POST", "com.atproto.repo.createRecord"): return createRecord(r)
        case ("POST", "com.atproto.repo.uploadBlob"): return blueskyBlob(r)
        case ("GET", "app.bsky.notification.listNotifications"): return listNotifications(r)
        case ("GET", "app.bsky.feed.searchPosts"): return DemoNetwork.json(["posts": [Any]()])
        case ("GET", "app.bsky.feed.getPostThread"): return postThread(r.query("uri") ?? "")
        default:
            return DemoNetwork.json(
                ["error": "MethodNotImplemented", "message": "Method Not Implemented"], status: 501)
        }
    }

    func createSession(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let body = r.json ?? [:]
        let who = (body["identifier"] as? String ?? "").lowercased()
        guard who == accounts.blueskyHandle || who == accounts.blueskyDID,
            body["password"] as? String == accounts.blueskyPassword
        else {
            return DemoNetwork.json(
                ["error": "AuthenticationRequired", "message": "Invalid identifier or password"], status: 401)
        }
        return DemoNetwork.json(newSession())
    }

    func newSession() -> [String: Any] {
        let access = "demo-access-" + DemoAccounts.newSecret()
        let refresh = "demo-refresh-" + DemoAccounts.newSecret()
        lock.withLock { sessions.formUnion([access, refresh]) }
        return [
            "accessJwt": access, "refreshJwt": refresh, "handle": accounts.blueskyHandle, "did": accounts.blueskyDID,
            "active": true,
        ]
    }

    /// `com.atproto.repo.createRecord` for `app.bsky.feed.post`: a record key that exists is refused, as the PDS does.
    func createRecord(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let body = r.json ?? [:]
        let rec = body["record"] as? [String: Any] ?? [:]
        let text = rec["text"] as? String ?? ""
        let rkey = (body["rkey"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? nextTID()
        func reject(_ why: String) -> LoopbackServer.Response {
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "rejected", status: 400, key: rkey, error: why))
            return DemoNetwork.json(["error": "InvalidRequest", "message": why], status: 400)
        }
        guard body["repo"] as? String == accounts.blueskyDID || body["repo"] as? String == accounts.blueskyHandle
        else { return reject("Could not find repo: \(body["repo"] as? String ?? "")") }
        guard body["collection"] as? String == "app.bsky.feed.post" else { return reject("Unsupported collection") }
        guard text.count <= 300 else { return reject("Record/text must not be longer than 300 graphemes") }
        let reply = rec["reply"] as? [String: Any]
        let parent = reply?["parent"] as? [String: Any]
        let root = reply?["root"] as? [String: Any]
        let outcome: DemoPost? = lock.withLock {
            if let seen = posts.first(where: { $0.network == "bluesky" && $0.id == rkey }) {
                append(
                    DemoNetworkRecord(
                        at: now(), method: r.method, path: r.path, outcome: "repeated", status: 400, key: rkey,
                        error: "Record already exists", post: seen))
                return nil
            }
            let uri = "at://\(accounts.blueskyDID)/app.bsky.feed.post/\(rkey)"
            let p = DemoPost(
                network: "bluesky", id: rkey, uri: uri, cid: DemoNetwork.cid(uri + text), text: text,
                inReplyTo: parent?["uri"] as? String, replyCID: parent?["cid"] as? String,
                rootURI: root?["uri"] as? String, rootCID: root?["cid"] as? String,
                language: (rec["langs"] as? [String])?.first, createdAt: now(), key: rkey)
            posts.append(p)
            append(
                DemoNetworkRecord(
                    at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 200, key: rkey, post: p
                ))
            return p
        }
        guard let p = outcome else {
            return DemoNetwork.json(["error": "InvalidRequest", "message": "Record already exists"], status: 400)
        }
        return DemoNetwork.json(["uri": p.uri, "cid": p.cid ?? ""])
    }

    /// `app.bsky.notification.listNotifications`: the account's posts, newest first (one page, no cursor).
    func listNotifications(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let limit = min(100, max(1, Int(r.query("limit") ?? "") ?? 50))
        let reasons = Set(r.queryItems.filter { $0.0 == "reasons" }.map(\.1))
        let page = accepted.filter { $0.network == "bluesky" }.suffix(limit).reversed()
        let out: [[String: Any]] = page.compactMap { p in
            let reason = p.inReplyTo == nil ? "mention" : "reply"
            if !reasons.isEmpty && !reasons.contains(reason) { return nil }
            var record: [String: Any] = [
                "$type": "app.bsky.feed.post", "text": p.text, "createdAt": DemoNetwork.timestamp(p.createdAt),
            ]
            if let l = p.language { record["langs"] = [l] }
            if let parent = p.inReplyTo {
                let pc = p.replyCID ?? ""
                record["reply"] = [
                    "root": ["uri": p.rootURI ?? parent, "cid": p.rootCID ?? pc], "parent": ["uri": parent, "cid": pc],
                ]
            }
            return [
                "uri": p.uri, "cid": p.cid ?? "", "reason": reason, "record": record, "isRead": false,
                "indexedAt": DemoNetwork.timestamp(p.createdAt),
                "author": [
                    "did": accounts.blueskyDID, "handle": accounts.blueskyHandle, "displayName": accounts.displayName,
                ],
            ]
        }
        return DemoNetwork.json(["notifications": out])
    }

    /// A record key (TID) for a record created without one: microseconds since 1970 in base32-sortable.
    func nextTID() -> String {
        let alphabet = Array("234567abcdefghijklmnopqrstuvwxyz")
        var v = (UInt64(max(0, now().timeIntervalSince1970 * 1_000_000)) << 10) | UInt64.random(in: 0..<1024)
        var out = [Character](repeating: "2", count: 13)
        for i in (0..<13).reversed() { out[i] = alphabet[Int(v & 31)]; v >>= 5 }
        return String(out)
    }

    /// A CID-shaped identifier for a record (`bafyrei` and 52 base32 characters derived from its content).
    public static func cid(_ content: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var out = "bafyrei"
        for i in 0..<52 {
            for b in content.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ UInt64(i)) &* 0x100_0000_01b3
            out.append(alphabet[Int(h >> 59)])
        }
        return out
    }
}
