import Foundation

/// Image uploads for replies with images (`:attach`, `reply --media`): Mastodon `POST /api/v2/media`, Bluesky
/// `com.atproto.repo.uploadBlob` and X's chunked upload (`initialize`, `append`, `finalize`, `POST /2/media/metadata`).
/// The bytes are not kept: each upload answers with a fresh id (or blob reference) the reply can carry.
extension DemoNetwork {
    /// Mastodon: the attachment, with its description, as a server that has processed it (200).
    func mastodonMedia(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let id = lock.withLock { nextSnowflake() }
        return DemoNetwork.json(["id": id, "type": "image", "url": "https://social.example/media/\(id)"])
    }

    /// Bluesky: a blob reference for the uploaded bytes.
    func blueskyBlob(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        let id = lock.withLock { nextSnowflake() }
        let type = r.header("content-type") ?? "application/octet-stream"
        return DemoNetwork.json([
            "blob": ["$type": "blob", "ref": ["$link": "bafkdemo\(id)"], "mimeType": type, "size": r.body.count]
        ])
    }

    /// X: the upload steps and the alt text; nil for any other path.
    func xMedia(_ r: LoopbackServer.Request) -> LoopbackServer.Response? {
        guard r.method == "POST" else { return nil }
        if r.path == "/2/media/upload/initialize" {
            let id = lock.withLock { nextSnowflake() }
            return DemoNetwork.json(["data": ["id": id, "media_key": "3_\(id)", "expires_after_secs": 86400]])
        }
        if r.path == "/2/media/metadata" { return DemoNetwork.json(["data": ["id": r.json?["id"] ?? ""]]) }
        let parts = r.path.split(separator: "/")
        guard parts.count == 5, parts[1] == "media", parts[2] == "upload" else { return nil }
        switch parts[4] {
        case "append": return LoopbackServer.Response(status: 204, body: Data())
        case "finalize": return DemoNetwork.json(["data": ["id": String(parts[3])]])
        default: return nil
        }
    }
}
