import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 and an ephemeral port: one thread accepts, one thread per connection
/// reads a request (headers and a `Content-Length` body), asks `respond` for the answer and closes the connection.
/// The demo's network (`DemoNetwork`) and the connector tests' scripted server are built on it.
public final class LoopbackServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// The raw query string (without `?`), percent-encoded as sent.
        public var query: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data

        public init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: Data) {
            (self.method, self.path, self.query, self.headers, self.body) = (method, path, query, headers, body)
        }

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
        public var status: Int, headers: [String: String], body: Data
        /// Seconds to wait before answering.
        public var delay: TimeInterval = 0
        /// Send only this many body bytes (with the full Content-Length), then close the connection.
        public var truncateAt: Int? = nil
        /// Close the connection without answering at all (the request was handled: its outcome is unknown).
        public var hangUp = false

        public init(
            status: Int = 200, headers: [String: String] = [:], body: Data, delay: TimeInterval = 0,
            truncateAt: Int? = nil
        ) {
            (self.status, self.headers, self.body, self.delay) = (status, headers, body, delay)
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
    private var stopped = false
    private let respond: @Sendable (Request) -> Response

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Listens on 127.0.0.1 (never another interface) at `port`, or a port the system picks (0).
    public init(port: UInt16 = 0, respond: @escaping @Sendable (Request) -> Response) throws {
        self.respond = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError("cannot open a socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let e = errno
            close(fd)
            throw LoopbackServerError("cannot listen on 127.0.0.1", e)
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: addr.sin_port))
        let t = Thread { [self] in acceptLoop() }
        t.start()
    }

    deinit { stop() }

    public func stop() {
        let already = lock.withLock {
            let s = stopped
            stopped = true
            return s
        }
        // Only shut down here: the accept thread closes the descriptor when it leaves, so its number cannot be
        // reused by the next server while this thread might still call accept() on it.
        if !already { shutdown(fd, Int32(SHUT_RDWR)) }
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
            if lock.withLock({ stopped }) { close(c); return }
            _ = fcntl(c, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            setsockopt(c, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let t = Thread { [self] in serve(c) }
            t.start()
        }
    }

    private func serve(_ c: Int32) {
        defer { close(c) }
        guard let req = LoopbackServer.readRequest(c) else { return }
        let resp = respond(req)
        if resp.delay > 0 { usleep(UInt32(resp.delay * 1_000_000)) }
        if resp.hangUp { return }
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

    /// Reads one request: the head up to the blank line (at most 64 KiB), then `Content-Length` body bytes
    /// (at most 8 MiB). Nil when the client went away or sent no request line.
    static func readRequest(_ c: Int32) -> Request? {
        var buf = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int? = nil
        while headerEnd == nil {
            let n = read(c, &chunk, chunk.count)
            if n <= 0 || buf.count > 65536 { return nil }
            buf += chunk[0..<n]
            headerEnd = find(buf, [13, 10, 13, 10])
        }
        let head = String(decoding: buf[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let start = lines.removeFirst().split(separator: " ")
        guard start.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for l in lines {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = min(8 << 20, max(0, Int(headers["content-length"] ?? "0") ?? 0))
        var body = Array(buf[(headerEnd! + 4)...])
        while body.count < length {
            let n = read(c, &chunk, chunk.count)
            if n <= 0 { break }
            body += chunk[0..<n]
        }
        let parts = String(start[1]).split(separator: "?", maxSplits: 1).map(String.init)
        return Request(
            method: String(start[0]), path: parts.first ?? "/", query: parts.count > 1 ? parts[1] : "",
            headers: headers, body: Data(body))
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
