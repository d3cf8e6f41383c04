import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SwitchboardCore

/// A source that can also push mentions as they happen (the listener keeps polling as the fallback and
/// for the cursor; the store dedupes what arrives both ways).
public protocol StreamingSource: Source {
    /// True when the config asks for streaming.
    var wantsStreaming: Bool { get }
    /// Streams until the connection ends or the task is cancelled, handing over mentions as they arrive.
    func stream(_ deliver: @escaping @Sendable ([Mention]) async -> Void) async throws
}

/// Server-sent events over a long-lived HTTP response, line by line (URLSession with a data delegate,
/// so it works with FoundationNetworking on Linux).
public final class EventStreamClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private var continuation: AsyncThrowingStream<String, Error>.Continuation?
    private var buffer = [UInt8]()
    private var status = 0
    private var errorBody = [UInt8]()
    private let lock = NSLock()

    /// The response's lines (without line endings). Throws `SourceError` for a non-2xx status.
    public static func lines(_ request: HTTPRequest) -> AsyncThrowingStream<String, Error> {
        let client = EventStreamClient()
        return AsyncThrowingStream { cont in
            client.continuation = cont
            let config = URLSessionConfiguration.ephemeral
            config.timeoutIntervalForRequest = request.timeout
            config.timeoutIntervalForResource = 7 * 86400
            config.urlCache = nil
            let session = URLSession(configuration: config, delegate: client, delegateQueue: nil)
            var r = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
            r.httpMethod = request.method
            for (k, v) in request.headers { r.setValue(v, forHTTPHeaderField: k) }
            let task = session.dataTask(with: r)
            cont.onTermination = { _ in task.cancel(); session.invalidateAndCancel() }
            task.resume()
        }
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                           completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            if !(200..<300).contains(status) { errorBody += data.prefix(2048); return }
            buffer += data
            while let nl = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<nl])
                if line.last == 13 { line.removeLast() }
                buffer.removeSubrange(...nl)
                continuation?.yield(String(decoding: line, as: UTF8.self))
            }
        }
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if !(200..<300).contains(status), status != 0 {
                let r = HTTPResponse(status: status, headers: [:], body: Data(errorBody))
                do { try NetworkCall.check(r, label: "streaming", loginHint: "check the token") } catch { continuation?.finish(throwing: error); return }
            }
            if let error { continuation?.finish(throwing: SourceError.transient("streaming: \(NetworkCall.transportReason(error))")) }
            else { continuation?.finish() }
        }
        session.finishTasksAndInvalidate()
    }
}

/// Parses `event:` / `data:` lines into events; comments (`:thump`) and unknown fields are ignored.
struct ServerSentEvents {
    private var event = ""
    private var data: [String] = []

    /// Feeds one line; returns an event when a blank line completes one.
    mutating func feed(_ line: String) -> (event: String, data: String)? {
        if line.isEmpty {
            defer { event = ""; data = [] }
            return data.isEmpty ? nil : (event.isEmpty ? "message" : event, data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let (field, value): (Substring, Substring)
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            var v = line[line.index(after: colon)...]
            if v.first == " " { v = v.dropFirst() }
            value = v
        } else { field = Substring(line); value = "" }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        default: break
        }
        return nil
    }
}

extension MastodonSource: StreamingSource {
    public var wantsStreaming: Bool { config.streaming == true && (config.notifications ?? true) }

    /// `GET /api/v1/streaming/user/notification`: each `notification` event of type `mention` becomes a mention.
    public func stream(_ deliver: @escaping @Sendable ([Mention]) async -> Void) async throws {
        let token = try client.token.get()
        let base = try await streamingBase()
        let req = HTTPRequest(url: NetworkCall.url(base, path: "/api/v1/streaming/user/notification"),
                              headers: ["Authorization": "Bearer " + token, "Accept": "text/event-stream", "User-Agent": MastodonClient.userAgent],
                              timeout: 120)
        var parser = ServerSentEvents()
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        do {
            for try await line in EventStreamClient.lines(req) {
                guard let ev = parser.feed(line), ev.event == "notification" else { continue }
                guard let n = try? dec.decode(Mastodon.Notification.self, from: Data(ev.data.utf8)), n.type == "mention", let s = n.status else { continue }
                await deliver([mention(s, via: "stream")])
            }
        } catch SourceError.needsLogin(let why) {
            client.token.reset()
            throw SourceError.needsLogin(why.replacingOccurrences(of: "streaming:", with: client.label + " (streaming):"))
        }
    }

    /// Where the streaming API lives: `configuration.urls.streaming` of `GET /api/v2/instance` (servers may serve
    /// it from another host, like `wss://streaming.example`), else the instance itself.
    func streamingBase() async throws -> URL {
        struct Instance: Decodable {
            struct Configuration: Decodable { struct URLs: Decodable { var streaming: String? }; var urls: URLs? }
            var configuration: Configuration?
        }
        let r: HTTPResponse
        do { r = try await client.get(NetworkCall.url(instance, path: "/api/v2/instance")) } catch SourceError.configuration { return instance }
        guard let info = try? NetworkCall.decode(Instance.self, from: r, label: client.label),
              var s = info.configuration?.urls?.streaming, !s.isEmpty else { return instance }
        if s.hasPrefix("wss://") { s = "https://" + s.dropFirst(6) } else if s.hasPrefix("ws://") { s = "http://" + s.dropFirst(5) }
        guard let u = URL(string: s), u.scheme == "https" || (u.scheme == "http" && instance.scheme == "http"), u.host != nil else { return instance }
        return u
    }
}
