import Foundation
import SwitchboardCore

extension MastodonPublisher: MediaPublisher {
    /// The MIME type Mastodon is told for a file, from its extension.
    static func mimeType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "mp4": return "video/mp4"
        case "mov": return "video/quicktime"
        default: return "application/octet-stream"
        }
    }

    /// `POST /api/v2/media` (multipart: `file`, `description` = alt text); returns the attachment id.
    public func uploadMedia(_ m: QueueMedia) async throws -> String {
        guard let data = FileManager.default.contents(atPath: m.path) else {
            throw PublishError.configuration("cannot read the media file \(m.path)")
        }
        let boundary = "switchboard-" + UUID().uuidString
        var body = Data()
        func part(_ name: String, filename: String? = nil, type: String? = nil, _ content: Data) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"".utf8))
            if let filename {
                body.append(Data("; filename=\"\(filename.replacingOccurrences(of: "\"", with: ""))\"".utf8))
            }
            body.append(Data("\r\n".utf8))
            if let type { body.append(Data("Content-Type: \(type)\r\n".utf8)) }
            body.append(Data("\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        part("file", filename: (m.path as NSString).lastPathComponent, type: Self.mimeType(m.path), data)
        if let alt = m.alt, !alt.isEmpty { part("description", Data(alt.utf8)) }
        body.append(Data("--\(boundary)--\r\n".utf8))
        let r = try await send(
            path: "/api/v2/media", contentType: "multipart/form-data; boundary=\(boundary)", body: body,
            idempotencyKey: nil)
        struct Attachment: Decodable { var id: String }
        do { return try NetworkCall.decode(Attachment.self, from: r, label: client.label).id } catch let e
            as SourceError
        { throw PublishError(e) }
    }

    /// Uploads the media, then posts the status with their ids (`media_ids`) and the idempotency key. A retry uploads
    /// again (an unattached upload is harmless) and gets the status already created.
    public func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        if media.isEmpty { return try await post(draft, idempotencyKey: idempotencyKey) }
        var ids: [String] = []
        for m in media { ids.append(try await uploadMedia(m)) }
        var obj: [String: Any] = MastodonPublisher.body(for: draft)
        obj["media_ids"] = ids
        let body = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])
        let r = try await send(
            path: "/api/v1/statuses", contentType: "application/json", body: body, idempotencyKey: idempotencyKey)
        do {
            let s = try NetworkCall.decode(Mastodon.Status.self, from: r, label: client.label)
            return PostedRef(id: s.id, uri: s.uri, url: s.url)
        } catch let e as SourceError { throw PublishError(e) }
    }

    private func send(path: String, contentType: String, body: Data, idempotencyKey: String?) async throws
        -> HTTPResponse
    {
        var headers = [
            "Content-Type": contentType, "Accept": "application/json", "User-Agent": MastodonClient.userAgent,
        ]
        if let idempotencyKey { headers["Idempotency-Key"] = idempotencyKey }
        let r: HTTPResponse
        do {
            headers["Authorization"] = "Bearer " + (try client.token.get())
            r = try await NetworkCall.send(
                client.http,
                HTTPRequest(
                    method: "POST", url: NetworkCall.url(client.instance, path: path), headers: headers,
                    body: body, timeout: client.timeout), label: client.label)
        } catch let e as SourceError { throw PublishError(e) }
        if [400, 403, 404, 413, 415, 422].contains(r.status) {
            throw PublishError.rejected(NetworkCall.errorMessage(r.body) ?? "HTTP \(r.status)")
        }
        if r.status == 401 { client.token.reset() }
        do { try NetworkCall.check(r, label: client.label, loginHint: client.loginHint, now: client.now()) } catch let e
            as SourceError
        { throw PublishError(e) }
        return r
    }
}
