import Foundation
import SwitchboardCore

/// What a poll fetched before one of its feeds failed: the listener stores `result` (and saves its cursor)
/// and records `error`, so one broken hashtag or search never blocks the others.
public struct PartialPoll: Error, Sendable {
    public var result: PollResult
    public var error: SourceError
    public init(result: PollResult, error: SourceError) { (self.result, self.error) = (result, error) }
}

/// Shared HTTP plumbing of the network connectors: transport errors, status codes and bodies mapped
/// onto `SourceError`, with short sanitised samples and never a secret in a message.
enum NetworkCall {
    /// Sends `request`; a transport failure (timeout, refused connection) becomes `.transient`.
    static func send(_ http: HTTPClient, _ request: HTTPRequest, label: String) async throws -> HTTPResponse {
        do {
            return try await withDeadline(request.timeout + 1) { try await http.send(request) }
        } catch is DeadlineExceeded {
            throw SourceError.transient("\(label): cannot reach \(request.url.host ?? "the server"): timed out")
        } catch SourceError.transient(let why) {
            throw SourceError.transient("\(label): \(NetworkText.clean(why, max: 200))")
        } catch let e as SourceError {
            throw e
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let host = request.url.host ?? "the server"
            let why = NetworkText.clean(transportReason(error), max: 120)
            throw SourceError.transient("\(label): cannot reach \(host): \(why)")
        }
    }

    struct DeadlineExceeded: Error {}

    /// Runs `body`, giving up after `seconds` even when the transport ignores its own timeout
    /// (the body is cancelled; its result, if any, is dropped).
    static func withDeadline<T: Sendable>(
        _ seconds: TimeInterval,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { g in
            g.addTask { try await body() }
            g.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0.05, seconds) * 1e9))
                throw DeadlineExceeded()
            }
            defer { g.cancelAll() }
            guard let first = try await g.next() else { throw DeadlineExceeded() }
            return first
        }
    }

    static func transportReason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSURLErrorDomain {
            switch ns.code {
            case NSURLErrorTimedOut: return "timed out"
            case NSURLErrorCannotConnectToHost: return "connection refused"
            case NSURLErrorNetworkConnectionLost: return "connection lost"
            case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "host not found"
            case NSURLErrorNotConnectedToInternet: return "not connected"
            default: break
            }
        }
        return ns.localizedDescription
    }

    /// Throws the `SourceError` a non-2xx response means: 401/403 → needs login (with `loginHint`),
    /// 429 → rate limited, 5xx/408 → transient, other 4xx → configuration (bad request, unknown endpoint).
    static func check(_ r: HTTPResponse, label: String, loginHint: String, now: Date = Date()) throws {
        guard !(200..<300).contains(r.status) else { return }
        let why = errorMessage(r.body).map { ": \($0)" } ?? ""
        switch r.status {
        case 401, 403:
            throw SourceError.needsLogin(
                "\(label): the server refused the login (HTTP \(r.status)\(why)); \(loginHint)")
        case 429:
            let info = RateLimitInfo.parse(r.headers, now: now)
            throw SourceError.rateLimited(retryAt: info.retryAt(now: now), detail: "\(label): HTTP 429\(why)")
        case 408, 500...599:
            throw SourceError.transient("\(label): HTTP \(r.status)\(why)")
        default:
            throw SourceError.configuration("\(label): HTTP \(r.status)\(why)")
        }
    }

    /// Decodes a JSON body; anything else (an HTML error page, a truncated body) is `.malformed` with a sample.
    static func decode<T: Decodable>(_ type: T.Type, from r: HTTPResponse, label: String) throws -> T {
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        do {
            return try dec.decode(type, from: r.body)
        } catch {
            let kind =
                looksLikeHTML(r.body)
                ? "an HTML page instead of JSON"
                : (r.body.isEmpty ? "an empty body" : "a body that is not the documented JSON")
            throw SourceError.malformed("\(label): the server sent \(kind)", sample: sample(r.body))
        }
    }

    static func looksLikeHTML(_ d: Data) -> Bool {
        let head = String(decoding: d.prefix(200), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return ["<!doctype html", "<html", "<head", "<body"].contains { head.hasPrefix($0) }
    }

    /// At most 80 printable characters of a body, for error messages and logs.
    static func sample(_ d: Data) -> String {
        NetworkText.clean(String(decoding: d.prefix(240), as: UTF8.self), max: 80)
    }

    /// `{"error": "..."}` (Mastodon) or `{"error": "Name", "message": "..."}` (AT Protocol), sanitised.
    static func errorMessage(_ d: Data) -> String? {
        guard let obj = try? JSONSerialization.jsonObject(with: d) as? [String: Any] else { return nil }
        let e = obj["error"] as? String
        let m = obj["message"] as? String ?? obj["error_description"] as? String
        let s = [e, m].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        return s.isEmpty ? nil : NetworkText.clean(s, max: 200)
    }

    /// Builds `base` + `path` + query items (percent-encoded per RFC 3986, `+` encoded too).
    static func url(_ base: URL, path: String, query: [(String, String)] = []) -> URL {
        var s = base.absoluteString
        while s.hasSuffix("/") { s.removeLast() }
        s += path
        if !query.isEmpty {
            s += "?" + query.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
        }
        return URL(string: s) ?? base
    }

    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~[]")
    static func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s }
}
