import Foundation

extension DemoNetwork {
    /// The YouTube Data API v3 calls the YouTube connector makes (`/youtube/v3/…`), for the demo's channel: its
    /// comment threads (seeded English and German comments, and the brand's replies under them), a thread's replies,
    /// `comments.insert`, `comments.setModerationStatus` and `comments.delete`. Every call needs the demo's token.
    func youtube(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        guard DemoNetwork.bearer(r) == accounts.youtubeToken, !accounts.youtubeToken.isEmpty else {
            return DemoNetwork.youtubeError(401, "authError", "Request had invalid authentication credentials.")
        }
        let path = String(r.path.dropFirst("/youtube/v3".count))
        switch (r.method, path) {
        case ("GET", "/channels"):
            return DemoNetwork.json([
                "items": [
                    [
                        "id": accounts.youtubeChannel,
                        "snippet": ["title": accounts.displayName, "customUrl": "@AcmeCloud"],
                    ]
                ]
            ])
        case ("GET", "/commentThreads"):
            let video = r.query("videoId")
            // `id=` names threads (the thread view reads one); otherwise a video's or the channel's.
            let ids = r.query("id").map { Set($0.split(separator: ",").map(String.init)) }
            let items = youtubeThreads().filter {
                (video == nil || $0.video == video) && (ids?.contains($0.id) ?? true)
            }
            .map(youtubeThreadJSON)
            return DemoNetwork.json(["kind": "youtube#commentThreadListResponse", "items": items])
        case ("GET", "/comments"):
            guard let parent = r.query("parentId"), let t = youtubeThreads().first(where: { $0.id == parent }) else {
                return DemoNetwork.youtubeError(404, "commentNotFound", "The comment could not be found.")
            }
            return DemoNetwork.json([
                "kind": "youtube#commentListResponse", "items": t.replies.reversed().map(youtubeCommentJSON),
            ])
        case ("POST", "/comments"): return youtubeInsert(r)
        case ("POST", "/comments/setModerationStatus"), ("DELETE", "/comments"):
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path + "?" + r.query, outcome: "moderated", status: 204))
            return LoopbackServer.Response(status: 204, body: Data())
        case ("GET", "/search"): return DemoNetwork.json(["kind": "youtube#searchListResponse", "items": [Any]()])
        default: return DemoNetwork.youtubeError(404, "notFound", "Not found.")
        }
    }

    /// A comment on the demo channel.
    struct YouTubeComment {
        var id: String, author: String, authorChannel: String, text: String, at: Date, video: String
        var parent: String?
    }

    struct YouTubeThread {
        var id: String, video: String, top: YouTubeComment
        var replies: [YouTubeComment]
    }

    /// The seeded comments (minutes before the network started) with the brand's accepted replies, newest first.
    func youtubeThreads() -> [YouTubeThread] {
        let seed: [(String, String, String, String, Double)] = [
            (
                "UgzDemoSetup01", "vid-setup", "@LenaSchäfer",
                "Super erklärt! Funktioniert die Synchronisation auch mit dem NAS?", 25
            ),
            (
                "UgzDemoSetup02", "vid-setup", "@marcorossi.dev",
                "Followed the setup step by step, the desktop client keeps asking for my password though.", 50
            ),
            (
                "UgzDemoSync03", "vid-sync", "@JürgenWeiß-Köln",
                "Seit dem Update hängt der Upload bei großen Dateien – ist das bekannt?", 80
            ),
            (
                "UgzDemoSync04", "vid-sync", "@priya_builds",
                "Is there a way to exclude node_modules from sync? Acme Cloud eats my quota.", 140
            ),
            (
                "UgzDemoSetup05", "vid-setup", "@GrüßeAusKöln",
                "Endlich ein Anbieter mit Servern in Deutschland. Danke für das Video!", 300
            ),
        ]
        let start = started
        let own = accepted.filter { $0.network == "youtube" }
        return seed.filter { speaks($0.3) }.map { s in
            let top = YouTubeComment(
                id: s.0, author: s.2, authorChannel: "UCdemo" + String(s.0.suffix(2)), text: s.3,
                at: start.addingTimeInterval(-s.4 * 60), video: s.1)
            let replies = own.filter { $0.inReplyTo == s.0 }.map {
                YouTubeComment(
                    id: $0.id, author: "@AcmeCloud", authorChannel: accounts.youtubeChannel, text: $0.text,
                    at: $0.createdAt, video: s.1, parent: s.0)
            }
            return YouTubeThread(id: s.0, video: s.1, top: top, replies: replies)
        }.sorted { $0.top.at > $1.top.at }
    }

    func youtubeCommentJSON(_ c: YouTubeComment) -> [String: Any] {
        var s: [String: Any] = [
            "authorDisplayName": c.author, "authorChannelId": ["value": c.authorChannel],
            "authorChannelUrl": "http://www.youtube.com/channel/\(c.authorChannel)",
            "channelId": accounts.youtubeChannel,
            "videoId": c.video, "textDisplay": c.text, "textOriginal": c.text, "likeCount": 0,
            "publishedAt": DemoNetwork.timestamp(c.at), "updatedAt": DemoNetwork.timestamp(c.at),
        ]
        if let p = c.parent { s["parentId"] = p }
        return ["kind": "youtube#comment", "id": c.id, "snippet": s]
    }

    func youtubeThreadJSON(_ t: YouTubeThread) -> [String: Any] {
        [
            "kind": "youtube#commentThread", "id": t.id,
            "snippet": [
                "channelId": accounts.youtubeChannel, "videoId": t.video, "topLevelComment": youtubeCommentJSON(t.top),
                "totalReplyCount": t.replies.count, "canReply": true, "isPublic": true,
            ],
            "replies": ["comments": t.replies.suffix(5).reversed().map(youtubeCommentJSON)],
        ]
    }

    /// `POST comments?part=snippet`: a reply under a top-level comment of the channel.
    func youtubeInsert(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let snippet = r.json?["snippet"] as? [String: Any] ?? [:]
        let parent = snippet["parentId"] as? String ?? ""
        let text = snippet["textOriginal"] as? String ?? ""
        func reject(_ status: Int, _ reason: String, _ why: String) -> LoopbackServer.Response {
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "rejected", status: status, error: why))
            return DemoNetwork.youtubeError(status, reason, why)
        }
        guard let thread = youtubeThreads().first(where: { $0.id == parent }) else {
            return reject(404, "parentCommentNotFound", "The parent comment could not be found.")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= 10_000 else {
            return reject(400, "commentTextRequired", "The comment must have text of at most 10,000 characters.")
        }
        let post: DemoPost = lock.withLock {
            let n = posts.filter { $0.network == "youtube" && $0.inReplyTo == parent }.count + 1
            let id = "\(parent).acme\(String(format: "%03d", n))"
            let p = DemoPost(
                network: "youtube", id: id, uri: id, text: text, inReplyTo: parent, createdAt: now())
            posts.append(p)
            append(
                DemoNetworkRecord(
                    at: p.createdAt, method: r.method, path: r.path, outcome: "created", status: 200, post: p))
            return p
        }
        let c = YouTubeComment(
            id: post.id, author: "@AcmeCloud", authorChannel: accounts.youtubeChannel, text: text,
            at: post.createdAt, video: thread.video, parent: parent)
        return DemoNetwork.json(youtubeCommentJSON(c))
    }

    static func youtubeError(_ status: Int, _ reason: String, _ message: String) -> LoopbackServer.Response {
        json(
            ["error": ["code": status, "message": message, "errors": [["reason": reason, "message": message]]]],
            status: status)
    }
}
