import Foundation
import SwitchboardCore

extension XPublisher: MediaPublisher {
    /// Chunks of at most 4 MiB (X accepts up to 5 MB per APPEND).
    static let chunkSize = 4 << 20

    /// Uploads each file (v2 chunked upload: `initialize`, `append`, `finalize`, then `STATUS` while X processes a
    /// video), gives it its alt text (`POST /2/media/metadata`), then posts with the media ids. A retry uploads again
    /// (an unattached upload expires by itself); the post itself is looked up first like any other.
    public func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        if media.isEmpty { return try await post(draft, idempotencyKey: idempotencyKey) }
        guard !XPublisher.isDirect(draft) else {
            throw PublishError.rejected("an answer to a direct message is sent as a message, without media")
        }
        guard media.count <= 4 else { throw PublishError.rejected("X takes at most 4 images or 1 video per post") }
        var ids: [String] = []
        for m in media { ids.append(try await upload(m)) }
        return try await post(draft, mediaIDs: ids)
    }

    struct MediaData: Decodable {
        struct Info: Decodable {
            var state: String?
            var checkAfterSecs: Double?
            enum CodingKeys: String, CodingKey { case state, checkAfterSecs = "check_after_secs" }
        }
        struct Item: Decodable {
            var id: String
            var processingInfo: Info?
            enum CodingKeys: String, CodingKey { case id, processingInfo = "processing_info" }
        }
        var data: Item
    }

    /// Uploads one file and sets its alt text; returns the media id.
    func upload(_ m: QueueMedia) async throws -> String {
        guard let data = FileManager.default.contents(atPath: m.path) else {
            throw PublishError.configuration("cannot read the media file \(m.path)")
        }
        let type = MastodonPublisher.mimeType(m.path)
        let category = type.hasPrefix("video/") ? "tweet_video" : type == "image/gif" ? "tweet_gif" : "tweet_image"
        let initial: MediaData = try await media(
            "/2/media/upload/initialize",
            json: ["media_type": type, "total_bytes": data.count, "media_category": category])
        let id = NetworkText.identifier(initial.data.id)
        var offset = 0, segment = 0
        while offset < data.count || (data.isEmpty && segment == 0) {
            let chunk = data.subdata(in: offset..<min(data.count, offset + XPublisher.chunkSize))
            let boundary = "switchboard-" + UUID().uuidString
            var body = Data()
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"segment_index\"\r\n\r\n\(segment)\r\n".utf8
                ))
            body.append(
                Data(
                    ("--\(boundary)\r\nContent-Disposition: form-data; name=\"media\"; filename=\"chunk\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n").utf8))
            body.append(chunk)
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            let r = try await call {
                try await client.send(
                    "POST", "/2/media/upload/\(id)/append", body: body,
                    contentType: "multipart/form-data; boundary=\(boundary)")
            }
            try refuse(r, replying: false)
            (offset, segment) = (offset + chunk.count, segment + 1)
            if data.isEmpty { break }
        }
        var done: MediaData = try await media("/2/media/upload/\(id)/finalize", json: nil)
        var checks = 0
        while let info = done.data.processingInfo, ["pending", "in_progress"].contains(info.state ?? "") {
            checks += 1
            guard checks <= 60 else { throw PublishError.transient("X is still processing \(m.path)") }
            try await Task.sleep(nanoseconds: UInt64(min(10, max(0.05, info.checkAfterSecs ?? 1)) * 1e9))
            let r = try await call {
                try await client.send("GET", "/2/media/upload", query: [("command", "STATUS"), ("media_id", id)])
            }
            try refuse(r, replying: false)
            done = try call { try NetworkCall.decode(MediaData.self, from: r, label: client.label) }
        }
        if done.data.processingInfo?.state == "failed" {
            throw PublishError.rejected("X could not process the media file \(m.path)")
        }
        if let alt = m.alt, !alt.isEmpty {
            let r = try await call {
                try await client.send(
                    "POST", "/2/media/metadata",
                    json: ["id": id, "metadata": ["alt_text": ["text": String(alt.prefix(1000))]]])
            }
            try refuse(r, replying: false)
        }
        return id
    }

    private func media(_ path: String, json: [String: Any]?) async throws -> MediaData {
        let r = try await call {
            try await client.send("POST", path, json: json, body: json == nil ? Data() : nil)
        }
        try refuse(r, replying: false)
        return try call { try NetworkCall.decode(MediaData.self, from: r, label: client.label) }
    }
}
