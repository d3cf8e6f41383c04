import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Authorised XRPC calls for one Bluesky account: one `createSession`, then `refreshSession` whenever the
/// access token expires (never a login per poll), shared safely between processes through the session file.
final class BlueskyClient: @unchecked Sendable {
    let service: URL, identifier: String, label: String, http: HTTPClient
    let now: @Sendable () -> Date
    let password: TokenCache
    let sessionFile: URL
    var timeout: TimeInterval = 30
    /// Own ceiling below the network's 30 logins per 5 minutes and 300 per day.
    var maxLogins5m = 25, maxLoginsDay = 250

    private let lock = NSLock()
    private var cached: BlueskyStoredSession?

    init(
        service: URL, identifier: String, label: String, http: HTTPClient, now: @escaping @Sendable () -> Date,
        password: TokenCache, sessionFile: URL
    ) {
        (self.service, self.identifier, self.label, self.http, self.now) = (service, identifier, label, http, now)
        (self.password, self.sessionFile) = (password, sessionFile)
    }

    var loginHint: String {
        "check the handle and the app password (app_password_file/app_password_command), or create a new app password"
    }

    // MARK: Calls

    /// `headers` go with the call (the chat service's `atproto-proxy`).
    func get(_ nsid: String, _ query: [(String, String)], headers: [String: String] = [:]) async throws
        -> HTTPResponse
    {
        try await call("GET", nsid, query: query, body: nil, headers: headers)
    }

    func post(_ nsid: String, json: Data, headers: [String: String] = [:]) async throws -> HTTPResponse {
        try await call("POST", nsid, query: [], body: json, headers: headers)
    }

    /// The current session (logging in only when there is none at all).
    func session() async throws -> BlueskyStoredSession {
        if let s = lock.withLock({ cached }) { return s }
        if let s = readFile() {
            lock.withLock { cached = s }
            return s
        }
        return try await withFileLock { try await self.freshSession(replacing: nil) }
    }

    private func call(
        _ method: String, _ nsid: String, query: [(String, String)], body: Data?, headers: [String: String]
    ) async throws -> HTTPResponse {
        var s = try await session()
        if let exp = BlueskyClient.jwtExpiry(s.accessJwt), exp < now().addingTimeInterval(30) { s = try await renew(s) }
        var r = try await send(method, nsid, query: query, body: body, token: s.accessJwt, extra: headers)
        if BlueskyClient.isExpired(r) {
            s = try await renew(s)
            r = try await send(method, nsid, query: query, body: body, token: s.accessJwt, extra: headers)
        }
        try NetworkCall.check(r, label: label, loginHint: loginHint, now: now())
        return r
    }

    private func send(
        _ method: String, _ nsid: String, query: [(String, String)], body: Data?, token: String,
        extra: [String: String]
    ) async throws -> HTTPResponse {
        var headers = [
            "Authorization": "Bearer " + token, "Accept": "application/json", "User-Agent": MastodonClient.userAgent,
        ]
        headers.merge(extra) { _, new in new }
        if body != nil { headers["Content-Type"] = "application/json" }
        let req = HTTPRequest(
            method: method, url: NetworkCall.url(service, path: "/xrpc/" + nsid, query: query), headers: headers,
            body: body, timeout: timeout)
        return try await NetworkCall.send(http, req, label: label)
    }

    /// `ExpiredToken` / `InvalidToken` (400 or 401): the access JWT needs renewing.
    static func isExpired(_ r: HTTPResponse) -> Bool {
        guard r.status == 400 || r.status == 401 else { return false }
        let e = (try? JSONDecoder().decode(Bluesky.XRPCError.self, from: r.body))?.error
        return e == "ExpiredToken" || e == "InvalidToken"
    }

    // MARK: Session renewal

    /// Renews an expired session: adopts a newer one another process wrote, else `refreshSession`,
    /// else (refresh token expired too) one `createSession`.
    func renew(_ old: BlueskyStoredSession) async throws -> BlueskyStoredSession {
        try await withFileLock {
            if let disk = self.readFile(), disk.accessJwt != old.accessJwt,
                (BlueskyClient.jwtExpiry(disk.accessJwt) ?? .distantFuture) > self.now().addingTimeInterval(30)
            {
                self.lock.withLock { self.cached = disk }
                return disk
            }
            let current = self.readFile() ?? old
            let req = HTTPRequest(
                method: "POST", url: NetworkCall.url(self.service, path: "/xrpc/com.atproto.server.refreshSession"),
                headers: [
                    "Authorization": "Bearer " + current.refreshJwt, "Accept": "application/json",
                    "User-Agent": MastodonClient.userAgent,
                ],
                timeout: self.timeout)
            let r = try await NetworkCall.send(self.http, req, label: self.label)
            if (200..<300).contains(r.status) {
                let out = try NetworkCall.decode(Bluesky.SessionOutput.self, from: r, label: self.label)
                var s = current
                (s.accessJwt, s.refreshJwt, s.did, s.handle) = (out.accessJwt, out.refreshJwt, out.did, out.handle)
                s.updatedAt = self.now()
                try self.store(s)
                return s
            }
            if r.status == 400 || r.status == 401 { return try await self.freshSession(replacing: current) }
            try NetworkCall.check(r, label: self.label, loginHint: self.loginHint, now: self.now())
            throw SourceError.transient("\(self.label): refreshSession answered HTTP \(r.status)")
        }
    }

    /// One `createSession`, if the login budget allows. Call holding the file lock.
    private func freshSession(replacing old: BlueskyStoredSession?) async throws -> BlueskyStoredSession {
        // Another process may have logged in while we waited for the lock.
        if let disk = readFile(), disk.accessJwt != old?.accessJwt {
            lock.withLock { cached = disk }
            return disk
        }
        let t = now()
        var logins = (readFile() ?? old)?.logins.filter { $0 > t.addingTimeInterval(-86400) } ?? []
        let recent = logins.filter { $0 > t.addingTimeInterval(-300) }
        if recent.count >= maxLogins5m, let first = recent.first {
            throw SourceError.rateLimited(
                retryAt: first.addingTimeInterval(300),
                detail: "\(label): \(recent.count) logins in 5 minutes; waiting before logging in again")
        }
        if logins.count >= maxLoginsDay, let first = logins.first {
            throw SourceError.rateLimited(
                retryAt: first.addingTimeInterval(86400),
                detail: "\(label): \(logins.count) logins today; waiting before logging in again")
        }
        let pass = try password.get()
        logins.append(t)
        // Record the attempt before making it: a failed login counts against the limit too.
        if var o = readFile() ?? old { o.logins = logins; try? store(o, cache: false) }
        let body = try JSONSerialization.data(withJSONObject: ["identifier": identifier, "password": pass])
        let req = HTTPRequest(
            method: "POST", url: NetworkCall.url(service, path: "/xrpc/com.atproto.server.createSession"),
            headers: [
                "Content-Type": "application/json", "Accept": "application/json",
                "User-Agent": MastodonClient.userAgent,
            ],
            body: body, timeout: timeout)
        let r = try await NetworkCall.send(http, req, label: label)
        if r.status == 400 || r.status == 401 {
            password.reset()
            let why = NetworkCall.errorMessage(r.body).map { " (\($0))" } ?? ""
            throw SourceError.needsLogin("\(label): Bluesky refused the login for \(identifier)\(why); \(loginHint)")
        }
        try NetworkCall.check(r, label: label, loginHint: loginHint, now: now())
        let out = try NetworkCall.decode(Bluesky.SessionOutput.self, from: r, label: label)
        let s = BlueskyStoredSession(
            service: service.absoluteString, did: out.did, handle: out.handle, accessJwt: out.accessJwt,
            refreshJwt: out.refreshJwt, updatedAt: t, logins: logins)
        try store(s)
        return s
    }

    // MARK: The session file

    func readFile() -> BlueskyStoredSession? {
        guard let d = FileManager.default.contents(atPath: sessionFile.path) else { return nil }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .switchboard
        guard let s = try? dec.decode(BlueskyStoredSession.self, from: d), s.service == service.absoluteString,
            !s.accessJwt.isEmpty
        else { return nil }
        return s
    }

    private func store(_ s: BlueskyStoredSession, cache: Bool = true) throws {
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileIO.makeDirectory(sessionFile.deletingLastPathComponent())
        try FileIO.writeDocument(try enc.encode(s), to: sessionFile, mode: 0o600)
        if cache { lock.withLock { cached = s } }
    }

    /// Runs `body` holding an exclusive lock on `<session file>.lock`, polled without blocking a thread
    /// (a listener and a workbench may renew the same account's session at once).
    private func withFileLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        let lockURL = URL(fileURLWithPath: sessionFile.path + ".lock")
        try FileIO.makeDirectory(lockURL.deletingLastPathComponent())
        let fd = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SourceError.configuration("cannot open \(lockURL.path): \(FileIO.errnoText())") }
        defer { close(fd) }
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waited += 1
            if waited > 1200 { throw SourceError.transient("\(label): the session file stayed locked for a minute") }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try await body()
    }

    /// The `exp` claim of a JWT, when it has one.
    static func jwtExpiry(_ jwt: String) -> Date? {
        let parts = jwt.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        var b64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let d = Data(base64Encoded: b64), let obj = try? JSONSerialization.jsonObject(with: d) as? [String: Any],
            let exp = obj["exp"] as? Double
        else { return nil }
        return Date(timeIntervalSince1970: exp)
    }
}
