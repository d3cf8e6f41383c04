import Foundation

extension DemoNetwork {
    /// `GET /api/v1/statuses/:id` for the statuses the network knows (the seed's and the brand's).
    func mastodonStatusByID(_ id: String) -> LoopbackServer.Response {
        guard let p = threadPosts("mastodon").first(where: { $0.id == id }) else {
            return DemoNetwork.json(["error": "Record not found"], status: 404)
        }
        return DemoNetwork.json(mastodonStatus(p))
    }

    /// `POST /api/v1/accounts/:id/mute|unmute|block|unblock` and `POST /api/v1/reports`: answered as Mastodon does
    /// and appended to the log (`muted`, `blocked`, `reported`…, the account as `key`).
    func mastodonAuthorAction(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let parts = r.path.split(separator: "/").map(String.init)
        let done = ["mute": "muted", "unmute": "unmuted", "block": "blocked", "unblock": "unblocked"]
        if r.path == "/api/v1/reports" {
            let account = r.json?["account_id"] as? String
            append(
                DemoNetworkRecord(
                    at: now(), method: r.method, path: r.path, outcome: "reported", status: 200, key: account))
            return DemoNetwork.json(["id": nextSnowflake(), "category": "other", "comment": r.json?["comment"] ?? ""])
        }
        guard parts.count == 5, let outcome = done[parts[4]] else {
            return DemoNetwork.json(["error": "Record not found"], status: 404)
        }
        let account = parts[3].removingPercentEncoding ?? parts[3]
        append(
            DemoNetworkRecord(at: now(), method: r.method, path: r.path, outcome: outcome, status: 200, key: account))
        return DemoNetwork.json([
            "id": account, "muting": parts[4] == "mute", "blocking": parts[4] == "block", "following": false,
        ])
    }

    /// `PUT /api/v1/statuses/:id` (edit, with `status`) and `DELETE /api/v1/statuses/:id`: answered with the status
    /// and appended to the log (`edited`, `deleted`, the status id as `key`).
    func mastodonOwnPostChange(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let id = String(r.path.dropFirst(17))
        let edit = r.method == "PUT"
        let text = edit ? r.json?["status"] as? String : nil
        if edit && (text ?? "").isEmpty {
            return DemoNetwork.json(["error": "Validation failed: Text can't be blank"], status: 422)
        }
        append(
            DemoNetworkRecord(
                at: now(), method: r.method, path: r.path, outcome: edit ? "edited" : "deleted", status: 200, key: id))
        return DemoNetwork.json(["id": id, "content": text ?? "", "visibility": "public"])
    }
}
