import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// An OAuth access token with what it takes to renew it, as kept in a source's `token_file`: JSON
/// (`{"access_token": …, "refresh_token": …, "expires_at": "2026-12-05T10:00:00Z", "scope": …}`), or one line of
/// plain text (a token pasted by hand, which never expires as far as we know).
public struct OAuthToken: Codable, Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String?
    public var expiresAt: Date?
    public var scope: String?
    /// Network-specific extras (Meta's long-lived token kind, Reddit's user name), kept as strings.
    public var extra: [String: String]?

    public init(
        accessToken: String, refreshToken: String? = nil, expiresAt: Date? = nil, scope: String? = nil,
        extra: [String: String]? = nil
    ) {
        (self.accessToken, self.refreshToken, self.expiresAt) = (accessToken, refreshToken, expiresAt)
        (self.scope, self.extra) = (scope, extra)
    }

    /// True when the token expires within `margin` seconds of `now` (never for a token without an expiry).
    public func expires(within margin: TimeInterval, now: Date) -> Bool {
        expiresAt.map { $0.timeIntervalSince(now) <= margin } ?? false
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", refreshToken = "refresh_token", expiresAt = "expires_at", scope, extra
    }

    /// Reads a token file's contents: JSON as above, or a plain token. Nil when it holds neither.
    public static func parse(_ data: Data) -> OAuthToken? {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("{") {
            let d = JSONDecoder()
            d.dateDecodingStrategy = .custom { dec in
                let c = try dec.singleValueContainer()
                if let secs = try? c.decode(Double.self) { return Date(timeIntervalSince1970: secs) }
                let s = try c.decode(String.self)
                guard let date = Timestamp.parse(s) else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
                }
                return date
            }
            guard let t = try? d.decode(OAuthToken.self, from: Data(text.utf8)), !t.accessToken.isEmpty else {
                return nil
            }
            return t
        }
        guard !text.contains(where: { $0.isWhitespace }) else { return nil }
        return OAuthToken(accessToken: text)
    }

    /// The file's JSON form (keys sorted, dates as ISO 8601 UTC).
    public func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted]
        e.dateEncodingStrategy = .custom { date, enc in
            var c = enc.singleValueContainer()
            try c.encode(Timestamp.format(date))
        }
        return (try? e.encode(self)) ?? Data()
    }
}

/// A source's token file, shared by every process on the data directory (workbench, listener, CLI): read on demand,
/// renewed by one process at a time under `FILE.lock` (networks that rotate refresh tokens — X, Reddit — refuse the
/// old one once used, so two processes must never refresh at once), written atomically with mode 0600.
public final class OAuthTokenStore: @unchecked Sendable {
    public let file: URL
    /// Names the token in messages ("token of source ig"); the value never appears in one.
    public let what: String
    private let lock = NSLock()
    private var cached: OAuthToken?

    public init(file: URL, what: String) { (self.file, self.what) = (file, what) }

    /// The token as the file holds it now (cached until `reset`).
    public func current() throws -> OAuthToken {
        if let t = lock.withLock({ cached }) { return t }
        let t = try load()
        lock.withLock { cached = t }
        return t
    }

    /// Forgets the cached token (after a 401, so a token file fixed by hand is picked up).
    public func reset() { lock.withLock { cached = nil } }

    /// Replaces the token file (mode 0600, atomically) and the cache.
    public func save(_ token: OAuthToken) throws {
        try FileIO.makeDirectory(file.deletingLastPathComponent(), mode: 0o700)
        try FileIO.writeDocument(token.encoded() + Data("\n".utf8), to: file, mode: 0o600)
        lock.withLock { cached = token }
    }

    /// A token valid for at least `margin` more seconds: the current one, or one renewed by `refresh` (run by one
    /// process at a time; a process that waited for another's renewal uses the token that one wrote).
    public func valid(
        margin: TimeInterval = 300, now: Date = Date(),
        refresh: @Sendable (OAuthToken) async throws -> OAuthToken
    ) async throws -> OAuthToken {
        let t = try current()
        guard t.expires(within: margin, now: now) else { return t }
        let fd = try lockFile()
        defer { flock(fd, LOCK_UN); close(fd) }
        let fresh = try load()
        lock.withLock { cached = fresh }
        guard fresh.expires(within: margin, now: now) else { return fresh }
        let renewed = try await refresh(fresh)
        try save(renewed)
        return renewed
    }

    private func load() throws -> OAuthToken {
        let data = try Secrets.read(file, what: what)
        if let why = Secrets.exposure(file) { Secrets.warn("warning: the \(what) file \(file.path) \(why)") }
        guard let t = OAuthToken.parse(data) else {
            throw SourceError.configuration(
                "the \(what) file \(file.path) holds neither a token nor the JSON `switchboard sources add` writes")
        }
        return t
    }

    /// Blocks (off the cooperative pool's critical path: a refresh is rare) until `FILE.lock` is ours.
    private func lockFile() throws -> Int32 {
        let path = file.path + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SourceError.configuration("cannot open \(path): \(FileIO.errnoText())") }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw SourceError.configuration("cannot lock \(path): \(FileIO.errnoText())")
            }
        }
        return fd
    }
}
