import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request the loopback server received. Header names are lower-cased.
struct HTTPRequestRecord: Sendable {
    var method: String
    /// Path with query string, as sent (`/feed.xml?q=acme`).
    var path: String
    var headers: [String: String]
    var body: Data
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What the server answers: a status, headers and body, optionally late (`delay`) or cut short
/// (`truncateAt` bytes of the body sent after a Content-Length promising all of it).
struct LoopbackResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    var delay: TimeInterval = 0
    var truncateAt: Int?

    init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: TimeInterval = 0, truncateAt: Int? = nil) {
        self.status = status; self.headers = headers; self.body = body; self.delay = delay; self.truncateAt = truncateAt
    }
    init(status: Int, headers: [String: String] = [:], body: String) { self.init(status: status, headers: headers, body: Data(body.utf8)) }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for connector tests: every request is recorded and
/// answered by `routes`; one connection per request (`Connection: close`). Stop it with `stop()`.
final class LoopbackServer: @unchecked Sendable {
    private let fd: Int32
    let port: UInt16
    private let routes: @Sendable (HTTPRequestRecord) -> LoopbackResponse
    private let lock = NSLock()
    private var recorded: [HTTPRequestRecord] = []
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }
    var requests: [HTTPRequestRecord] { lock.withLock { recorded } }

    convenience init(routes: @escaping @Sendable (HTTPRequestRecord) -> (Int, [String: String], Data)) throws {
        try self.init(responder: { r in let (s, h, b) = routes(r); return LoopbackResponse(status: s, headers: h, body: b) })
    }

    init(responder: @escaping @Sendable (HTTPRequestRecord) -> LoopbackResponse) throws {
        routes = responder
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard s >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(s, 64) == 0 else { close(s); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        fd = s
        port = UInt16(bigEndian: addr.sin_port)
        let t = Thread { [self] in acceptLoop() }
        t.start()
    }

    deinit { stop() }

    func stop() {
        let first: Bool = lock.withLock { let f = !stopped; stopped = true; return f }
        guard first else { return }
        done.wait()
        close(fd)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        while !isStopped {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 50) > 0 else { continue }
            let c = accept(fd, nil, nil)
            guard c >= 0 else { continue }
            DispatchQueue.global().async { [self] in handle(c) }
        }
        done.signal()
    }

    private func handle(_ c: Int32) {
        defer { close(c) }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard let req = readRequest(c) else { return }
        lock.withLock { recorded.append(req) }
        let r = routes(req)
        if r.delay > 0 { Thread.sleep(forTimeInterval: r.delay) }
        var head = "HTTP/1.1 \(r.status) \(LoopbackServer.reason(r.status))\r\n"
        var headers = r.headers
        if headers.keys.first(where: { $0.lowercased() == "content-length" }) == nil { headers["Content-Length"] = "\(r.body.count)" }
        headers["Connection"] = "close"
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        var out = Data(head.utf8)
        out.append(r.truncateAt.map { r.body.prefix($0) } ?? r.body)
        out.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(c, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { break }
                sent += n
            }
        }
        shutdown(c, Int32(SHUT_WR))
    }

    private func readRequest(_ c: Int32) -> HTTPRequestRecord? {
        var buf = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(c, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buf.append(contentsOf: chunk[0..<n])
            if let r = buf.firstRange(of: [13, 10, 13, 10]) { headerEnd = r.upperBound }
            if buf.count > 1 << 20 { return nil }
        }
        let head = String(decoding: buf[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for l in lines where !l.isEmpty {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buf[headerEnd!...])
        let want = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < want {
            let n = recv(c, &chunk, min(chunk.count, want - body.count), 0)
            guard n > 0 else { break }
            body.append(contentsOf: chunk[0..<n])
        }
        return HTTPRequestRecord(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Data(body))
    }

    static func reason(_ s: Int) -> String {
        switch s {
        case 200: return "OK"; case 201: return "Created"; case 204: return "No Content"; case 304: return "Not Modified"
        case 400: return "Bad Request"; case 401: return "Unauthorized"; case 403: return "Forbidden"; case 404: return "Not Found"
        case 429: return "Too Many Requests"; case 500: return "Internal Server Error"; case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"; default: return "Status"
        }
    }
}
