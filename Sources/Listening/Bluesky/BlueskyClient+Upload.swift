import Foundation
import SwitchboardCore

extension BlueskyClient {
    /// `com.atproto.repo.uploadBlob` with the raw bytes; returns the `blob` object to embed, as JSON.
    func uploadBlob(_ data: Data, mimeType: String) async throws -> Data {
        func send(_ token: String) async throws -> HTTPResponse {
            let headers = [
                "Authorization": "Bearer " + token, "Accept": "application/json",
                "User-Agent": MastodonClient.userAgent, "Content-Type": mimeType,
            ]
            let req = HTTPRequest(
                method: "POST", url: NetworkCall.url(service, path: "/xrpc/com.atproto.repo.uploadBlob"),
                headers: headers, body: data, timeout: timeout)
            return try await NetworkCall.send(http, req, label: label)
        }
        var s = try await session()
        if let exp = BlueskyClient.jwtExpiry(s.accessJwt), exp < now().addingTimeInterval(30) { s = try await renew(s) }
        var r = try await send(s.accessJwt)
        if BlueskyClient.isExpired(r) { s = try await renew(s); r = try await send(s.accessJwt) }
        try NetworkCall.check(r, label: label, loginHint: loginHint, now: now())
        guard let obj = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any],
            let blob = obj["blob"] as? [String: Any]
        else {
            throw SourceError.malformed(
                "\(label): uploadBlob answered without a blob", sample: NetworkCall.sample(r.body))
        }
        return try JSONSerialization.data(withJSONObject: blob, options: [.sortedKeys])
    }
}
