import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for connector tests: an ephemeral port, scripted responses per
/// method and path (a queue: each request takes the next, the last one repeats), and a record of every
/// request (method, path, query, headers, body). Responses can be delayed or cut short.
public final class NetworkTestServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// The raw query string (without `?`), percent-encoded as sent.
        public var query: String
        public var headers: [String: String]
        public var body: Data

        /// Decoded query items in order (`types[]=mention&x=1` → [("types[]", "mention"), ("x", "1")]).
        public var queryItems: [(String, String)] {
            query.split(separator: "&").map { pair in
                let kv = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                return (kv[0], kv.count > 1 ? kv[1] : "")
            }
        }
        public func query(_ name: String) -> String? { queryItems.first { $0.0 == name }?.1 }
        public func header(_ name: String) -> String? { headers[name.lowercased()] }
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        /// Seconds to wait before answering.
        public var delay: TimeInterval = 0
        /// Send only this many body bytes (with the full Content-Length), then close the connection.
        public var truncateAt: Int? = nil

        public init(
            status: Int = 200, headers: [String: String] = [:], body: Data, delay: TimeInterval = 0,
            truncateAt: Int? = nil
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.truncateAt = truncateAt
        }
        public static func json(_ s: String, status: Int = 200, headers: [String: String] = [:]) -> Response {
            var h = headers
            h["Content-Type"] = "application/json; charset=utf-8"
            return Response(status: status, headers: h, body: Data(s.utf8))
        }
        public static func json(object: Any, status: Int = 200, headers: [String: String] = [:]) -> Response {
            let d = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return json(String(decoding: d, as: UTF8.self), status: status, headers: headers)
        }
    }

    private let fd: Int32
    public let port: Int
    private let lock = NSLock()
    private var routes: [String: [Response]] = [:]
    private var handlers: [String: @Sendable (Request) -> Response] = [:]
    private var fallback: (@Sendable (Request) -> Response)?
    private var _requests: [Request] = []
    private var stopped = false

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    /// `path` (with its query, if any) on this server.
    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }
    public var requests: [Request] { lock.withLock { _requests } }
    public func requests(_ method: String, _ path: String) -> [Request] {
        requests.filter { $0.method == method && $0.path == path }
    }

    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NSError(domain: "NetworkTestServer", code: Int(errno)) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw NSError(domain: "NetworkTestServer", code: Int(errno))
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let t = Thread { [self] in acceptLoop() }
        t.start()
    }

    /// A server that answers every request with a function of it (no scripted routes).
    public convenience init(responder: @escaping @Sendable (Request) -> Response) throws {
        try self.init()
        lock.withLock { fallback = responder }
    }

    deinit { stop() }

    public func stop() {
        let already = lock.withLock {
            let s = stopped
            stopped = true
            return s
        }
        // Only shut down here: the accept thread closes the descriptor when it leaves, so its number cannot be
        // reused by the next test's server while this thread might still call accept() on it.
        if !already { shutdown(fd, Int32(SHUT_RDWR)) }
    }

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

    private func acceptLoop() {
        defer { close(fd) }
        while true {
            if lock.withLock({ stopped }) { return }
            let c = accept(fd, nil, nil)
            if c < 0 {
                if errno == EINTR { continue }
                return
            }
            if lock.withLock({ stopped }) {
                close(c)
                return
            }
            var one: Int32 = 1
            setsockopt(c, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let t = Thread { [self] in serve(c) }
            t.start()
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

    private func serve(_ c: Int32) {
        defer { close(c) }
        var buf = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int? = nil
        while headerEnd == nil {
            let n = read(c, &chunk, chunk.count)
            if n <= 0 { return }
            buf += chunk[0..<n]
            if let r = find(buf, [13, 10, 13, 10]) { headerEnd = r }
        }
        let head = String(decoding: buf[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let start = lines.removeFirst().split(separator: " ")
        guard start.count >= 2 else { return }
        var headers: [String: String] = [:]
        for l in lines {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Array(buf[(headerEnd! + 4)...])
        while body.count < length {
            let n = read(c, &chunk, chunk.count)
            if n <= 0 { break }
            body += chunk[0..<n]
        }
        let target = String(start[1])
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let req = Request(
            method: String(start[0]), path: parts[0], query: parts.count > 1 ? parts[1] : "",
            headers: headers, body: Data(body))
        let resp = respond(to: req)
        if resp.delay > 0 { usleep(UInt32(resp.delay * 1_000_000)) }
        var out = "HTTP/1.1 \(resp.status) \(resp.status == 200 ? "OK" : "Status")\r\n"
        var h = resp.headers
        h["Content-Length"] = String(resp.body.count)
        h["Connection"] = "close"
        for (k, v) in h.sorted(by: { $0.key < $1.key }) { out += "\(k): \(v)\r\n" }
        out += "\r\n"
        var bytes = Array(out.utf8)
        bytes += resp.truncateAt.map { Array(resp.body.prefix($0)) } ?? Array(resp.body)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(c, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    private func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}
