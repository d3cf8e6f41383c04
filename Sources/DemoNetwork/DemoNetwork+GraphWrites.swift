import Foundation

extension DemoNetwork {
    /// The Graph API writes the demo answers, so replying, hiding and deleting can be tried: `POST /{comment}/replies`
    /// (Instagram) and `POST /{comment-or-post}/comments` (Facebook) create a reply by the brand (kept like every demo
    /// post, and listed again by `GET /{comment}/replies` for the lookup before a retry); `POST /{comment}` with
    /// `hide` or `is_hidden`, and `DELETE /{comment}`, answer `{"success": true}`. Each is appended to the log.
    func graphWrite(_ r: LoopbackServer.Request, _ parts: [String]) -> LoopbackServer.Response? {
        let form = DemoNetwork.form(r)
        let network = parts.first?.contains("_") == true ? "facebook" : "instagram"
        switch (r.method, parts.count, parts.last ?? "") {
        case ("POST", 2, "replies"), ("POST", 2, "comments"):
            guard let text = form["message"], !text.isEmpty else {
                return DemoNetwork.graphError(100, "(#100) The parameter message is required")
            }
            let parent = parts[0]
            return lock.withLock {
                let id =
                    network == "facebook" ? parent.split(separator: "_")[0] + "_" + nextSnowflake() : nextSnowflake()
                let post = DemoPost(
                    network: network, id: id, uri: id, text: text, inReplyTo: parent, createdAt: now())
                posts.append(post)
                append(
                    DemoNetworkRecord(
                        at: now(), method: r.method, path: r.path, outcome: "created", status: 200, post: post))
                return DemoNetwork.json(["id": id])
            }
        case ("GET", 2, "replies"):
            let mine = accepted.filter { $0.inReplyTo == parts[0] }.reversed().map { p -> [String: Any] in
                [
                    "id": p.id, "text": p.text, "username": "acmecloud",
                    "timestamp": DemoNetwork.timestamp(p.createdAt),
                    "from": ["id": DemoGraphContent.instagramAccount, "username": "acmecloud"],
                ]
            }
            return DemoNetwork.json(["data": Array(mine)])
        case ("POST", 1, _) where form["hide"] != nil || form["is_hidden"] != nil, ("DELETE", 1, _):
            let what =
                r.method == "DELETE" ? "deleted" : (form["hide"] ?? form["is_hidden"]) == "true" ? "hidden" : "unhidden"
            append(DemoNetworkRecord(at: now(), method: r.method, path: r.path, outcome: what, status: 200))
            return DemoNetwork.json(["success": true])
        default: return nil
        }
    }

    /// The brand's replies under `parent`, as Facebook lists comments (for the lookup before a retry).
    func ownComments(_ parent: String) -> [[String: Any]] {
        accepted.filter { $0.inReplyTo == parent && $0.network == "facebook" }.reversed().map {
            [
                "id": $0.id, "message": $0.text, "created_time": DemoNetwork.timestamp($0.createdAt),
                "from": ["id": DemoGraphContent.facebookPage, "name": "Acme"],
            ]
        }
    }

    /// A form body (`a=1&b=2`, percent-decoded).
    static func form(_ r: LoopbackServer.Request) -> [String: String] {
        let q = LoopbackServer.Request(
            method: "GET", path: "/", query: String(decoding: r.body, as: UTF8.self), body: Data())
        return Dictionary(q.queryItems, uniquingKeysWith: { a, _ in a })
    }

    static func graphError(_ code: Int, _ message: String) -> LoopbackServer.Response {
        json(
            ["error": ["message": message, "type": "OAuthException", "code": code, "fbtrace_id": "Demo"]], status: 400)
    }
}
