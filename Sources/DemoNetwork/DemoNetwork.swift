import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The demo's network: a Mastodon-, Bluesky- and X-compatible endpoint on 127.0.0.1 that `switchboard --demo` starts in
/// its own process, so replies and queued posts really go out over HTTP through the same connectors as real accounts.
///
/// It answers what the connectors call — Mastodon `verify_credentials`, `POST /api/v1/statuses` (honouring
/// `Idempotency-Key`), `GET /api/v1/notifications`; Bluesky `createSession`, `refreshSession`, `resolveHandle`,
/// `createRecord` (a record key seen before is refused as existing), `listNotifications` — checks the token and app
/// password, and returns every accepted post in the account's notifications, as the brand's own post. Every post
/// request is appended to `logFile` (`demo-network.jsonl`), which is also where accepted posts are reloaded from.
public final class DemoNetwork: @unchecked Sendable {
    public let accounts: DemoAccounts
    public let logFile: URL
    let now: @Sendable () -> Date
    private var server: LoopbackServer?
    let lock = NSLock()
    /// Accepted posts, oldest first.
    var posts: [DemoPost] = []
    /// Bluesky access and refresh tokens handed out by this endpoint.
    var sessions: Set<String> = []
    private var lastSnowflake: UInt64 = 0
    /// When this endpoint started (the seeded YouTube comments and X mentions are dated before it).
    let started: Date

    public var port: Int { server?.port ?? 0 }
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts listening on 127.0.0.1 at a port the system picks; the posts in `logFile` are known again.
    public init(accounts: DemoAccounts, logFile: URL, now: @escaping @Sendable () -> Date = { Date() }) throws {
        (self.accounts, self.logFile, self.now) = (accounts, logFile, now)
        started = now()
        posts = DemoNetwork.load(logFile)
        lastSnowflake = posts.filter { $0.network == "mastodon" }.compactMap { UInt64($0.id) }.max() ?? 0
        server = try LoopbackServer { [weak self] r in
            self?.respond(r) ?? .json(#"{"error":"The demo network has stopped"}"#, status: 503)
        }
    }

    deinit { stop() }

    public func stop() { server?.stop() }

    /// Every post accepted so far, oldest first.
    public var accepted: [DemoPost] { lock.withLock { posts } }

    func respond(_ r: LoopbackServer.Request) -> LoopbackServer.Response {
        if r.path.hasPrefix("/xrpc/") { return bluesky(String(r.path.dropFirst(6)), r) }
        if r.path.hasPrefix("/reddit/") { return reddit(r) }
        if r.path.hasPrefix("/api/") { return mastodon(r) }
        if r.path.hasPrefix("/v24.0/") || r.path.hasPrefix("/v1.0/") { return graph(r) }
        if r.path.hasPrefix("/youtube/v3/") { return youtube(r) }
        if r.path.hasPrefix("/2/") { return x(r) }
        return .json(#"{"error":"Record not found"}"#, status: 404)
    }

    // MARK: Shared helpers

    /// A new Mastodon status id: a snowflake (milliseconds since 1970, shifted 16 bits), always above the last one.
    func nextSnowflake() -> String {
        let ms = UInt64(max(0, now().timeIntervalSince1970 * 1000))
        lastSnowflake = max(lastSnowflake + 1, ms << 16)
        return String(lastSnowflake)
    }

    /// Appends one record to the log (a single `write` of a whole line, so readers never see half a line).
    func append(_ rec: DemoNetworkRecord) {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .custom { d, e in
            var c = e.singleValueContainer()
            try c.encode(DemoNetwork.timestamp(d))
        }
        guard var line = try? enc.encode(rec) else { return }
        line.append(10)
        let fd = open(logFile.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// The posts created according to a log file (missing or unreadable: none; a bad line is skipped).
    static func load(_ file: URL) -> [DemoPost] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .custom { d in
            let s = try d.singleValueContainer().decode(String.self)
            guard let t = DemoNetwork.parseTimestamp(s) else {
                throw DecodingError.dataCorrupted(.init(codingPath: d.codingPath, debugDescription: "not a date"))
            }
            return t
        }
        return data.split(separator: 10).compactMap { line in
            guard let r = try? dec.decode(DemoNetworkRecord.self, from: Data(line)), r.outcome == "created" else {
                return nil
            }
            return r.post
        }
    }

    /// `2026-12-05T09:30:00.123Z`, as both networks write times.
    static func timestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: d)
    }

    static func parseTimestamp(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)
    }

    /// The bearer token of a request, if any.
    static func bearer(_ r: LoopbackServer.Request) -> String? {
        guard let a = r.header("authorization"), a.hasPrefix("Bearer ") else { return nil }
        return String(a.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    static func json(_ object: Any, status: Int = 200) -> LoopbackServer.Response {
        let d =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return LoopbackServer.Response(
            status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: d)
    }
}
