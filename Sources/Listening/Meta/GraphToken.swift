import Foundation
import SwitchboardCore

/// Where a Graph source's access token comes from: its `token_file` (an `OAuthTokenStore`, renewed before it
/// expires when the network allows: Threads `th_refresh_token`, Instagram Login `ig_refresh_token`) or its
/// `token_command`. The token value never appears in a message.
public final class GraphToken: @unchecked Sendable {
    public let store: OAuthTokenStore?
    let command: String?
    let what: String
    /// How long before expiry a token is renewed (Meta's long-lived tokens last 60 days).
    public var refreshMargin: TimeInterval = 5 * 86400
    private let lock = NSLock()
    private var commandToken: String?

    public init(config: SourceConfig, dataDir: DataDirectory) throws {
        what = "token of source \(config.id)"
        if let f = config.tokenFile, !f.isEmpty {
            store = OAuthTokenStore(file: Secrets.path(f, in: dataDir), what: what)
            command = nil
        } else if let c = config.tokenCommand, !c.isEmpty {
            (store, command) = (nil, c)
        } else {
            throw SourceError.configuration(
                "source \(config.id): no token configured (set token_file, or run `switchboard sources add \(config.type)`)"
            )
        }
    }

    /// The token as stored (no renewal).
    public func current() throws -> OAuthToken {
        if let store { return try store.current() }
        if let t = lock.withLock({ commandToken }) { return OAuthToken(accessToken: t) }
        let t = try Secrets.run(command ?? "", what: what)
        lock.withLock { commandToken = t }
        return OAuthToken(accessToken: t)
    }

    /// A token to use now: renewed by `refresh` when it expires within `refreshMargin`. When renewal fails and the
    /// token has not expired yet, the old one is used (the next poll tries again); an expired token needs a login.
    public func valid(now: Date, refresh: (@Sendable (OAuthToken) async throws -> OAuthToken)?) async throws
        -> OAuthToken
    {
        let t = try current()
        guard let store, let refresh, t.expires(within: refreshMargin, now: now) else {
            if t.expires(within: 0, now: now) {
                throw SourceError.needsLogin(
                    "the \(what) expired at \(Timestamp.format(t.expiresAt ?? now)); run `switchboard sources add` again"
                )
            }
            return t
        }
        do {
            return try await store.valid(margin: refreshMargin, now: now, refresh: refresh)
        } catch {
            if t.expires(within: 0, now: now) { throw error }
            return t
        }
    }

    /// Forgets cached values (after Meta refused the token, so a file fixed by hand is picked up).
    public func reset() {
        store?.reset()
        lock.withLock { commandToken = nil }
    }
}
