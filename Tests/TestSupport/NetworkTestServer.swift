import DemoNetwork
import Foundation

/// A tiny HTTP/1.1 server on 127.0.0.1 for connector tests: an ephemeral port, scripted responses per
/// method and path (a queue: each request takes the next, the last one repeats), and a record of every
/// request (method, path, query, headers, body). Responses can be delayed or cut short. The sockets are
/// `LoopbackServer`'s (DemoNetwork), shared with the demo's network.
public final class NetworkTestServer: @unchecked Sendable {
    public typealias Request = LoopbackServer.Request
    public typealias Response = LoopbackServer.Response

    private var server: LoopbackServer!
    public var port: Int { server.port }
    private let lock = NSLock()
    private var routes: [String: [Response]] = [:]
    private var handlers: [String: @Sendable (Request) -> Response] = [:]
    private var fallback: (@Sendable (Request) -> Response)?
    private var _requests: [Request] = []

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    /// `path` (with its query, if any) on this server.
    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }
    public var requests: [Request] { lock.withLock { _requests } }
    public func requests(_ method: String, _ path: String) -> [Request] {
        requests.filter { $0.method == method && $0.path == path }
    }

    public init() throws {
        server = try LoopbackServer { [weak self] r in
            self?.respond(to: r) ?? .json(#"{"error":"stopped"}"#, status: 503)
        }
    }

    /// A server that answers every request with a function of it (no scripted routes).
    public convenience init(responder: @escaping @Sendable (Request) -> Response) throws {
        try self.init()
        lock.withLock { fallback = responder }
    }

    deinit { stop() }

    public func stop() { server?.stop() }

    /// Scripts the answers to `method path`: each request takes the next; the last repeats.
    public func on(_ method: String, _ path: String, _ responses: Response...) {
        lock.withLock {
            routes[method + " " + path] = responses
            handlers[method + " " + path] = nil
        }
    }

    /// Answers `method path` with a function of the request.
    public func handle(_ method: String, _ path: String, _ h: @escaping @Sendable (Request) -> Response) {
        lock.withLock {
            handlers[method + " " + path] = h
            routes[method + " " + path] = nil
        }
    }

    private func respond(to r: Request) -> Response {
        lock.withLock {
            _requests.append(r)
            let key = r.method + " " + r.path
            if let h = handlers[key] { return h(r) }
            if var q = routes[key], !q.isEmpty {
                let first = q.count > 1 ? q.removeFirst() : q[0]
                routes[key] = q
                return first
            }
            if let f = fallback { return f(r) }
            return .json(#"{"error":"Record not found"}"#, status: 404)
        }
    }
}
