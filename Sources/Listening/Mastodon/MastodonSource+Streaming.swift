import Foundation
import SwitchboardCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension MastodonSource: StreamingSource {
    public var wantsStreaming: Bool { config.streaming == true && (config.notifications ?? true) }

    /// `GET /api/v1/streaming/user/notification`: each `notification` event of type `mention` becomes a mention.
    public func stream(_ deliver: @escaping @Sendable ([Mention]) async -> Void) async throws {
        let token = try client.token.get()
        let base = try await streamingBase()
        let req = HTTPRequest(
            url: NetworkCall.url(base, path: "/api/v1/streaming/user/notification"),
            headers: [
                "Authorization": "Bearer " + token, "Accept": "text/event-stream",
                "User-Agent": MastodonClient.userAgent,
            ],
            timeout: 120)
        var parser = ServerSentEvents()
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        do {
            for try await line in EventStreamClient.lines(req) {
                guard let ev = parser.feed(line), ev.event == "notification" else { continue }
                // The kinds and filters of polling; what is only counted waits for the poll, which counts it.
                guard let n = try? dec.decode(Mastodon.Notification.self, from: Data(ev.data.utf8)),
                    let (s, _) = take([n], tally: nil).first
                else { continue }
                await deliver([mention(s, via: "stream")])
            }
        } catch SourceError.needsLogin(let why) {
            client.token.reset()
            throw SourceError.needsLogin(
                why.replacingOccurrences(of: "streaming:", with: client.label + " (streaming):"))
        }
    }

    /// Where the streaming API lives: `configuration.urls.streaming` of `GET /api/v2/instance` (servers may serve
    /// it from another host, like `wss://streaming.example`), else the instance itself.
    func streamingBase() async throws -> URL {
        // A configured `api` (a proxy, a test server) carries the stream too.
        if let api = config.apiBase { return api }
        struct Instance: Decodable {
            struct Configuration: Decodable {
                struct URLs: Decodable { var streaming: String? }
                var urls: URLs?
            }
            var configuration: Configuration?
        }
        let r: HTTPResponse
        do { r = try await client.get(NetworkCall.url(instance, path: "/api/v2/instance")) } catch SourceError
            .configuration
        { return instance }
        guard let info = try? NetworkCall.decode(Instance.self, from: r, label: client.label),
            var s = info.configuration?.urls?.streaming, !s.isEmpty
        else { return instance }
        if s.hasPrefix("wss://") {
            s = "https://" + s.dropFirst(6)
        } else if s.hasPrefix("ws://") {
            s = "http://" + s.dropFirst(5)
        }
        guard let u = URL(string: s), u.scheme == "https" || (u.scheme == "http" && instance.scheme == "http"),
            u.host != nil
        else { return instance }
        return u
    }
}
