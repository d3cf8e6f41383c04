import Foundation

/// A Bluesky login as persisted in `state/bluesky-<source>.session.json` (mode 0600): the JWTs, the account,
/// and the times of recent logins, so the network's login limit (30 per 5 minutes, 300 per day) is never hit.
public struct BlueskyStoredSession: Codable, Sendable, Hashable {
    public var schema = 1
    public var service: String, did: String, handle: String, accessJwt: String, refreshJwt: String, updatedAt: Date
    /// Login attempts (createSession calls), newest last; older than a day are dropped.
    public var logins: [Date]

    enum CodingKeys: String, CodingKey {
        case schema = "v", service, did, handle, logins, accessJwt = "access_jwt", refreshJwt = "refresh_jwt"
        case updatedAt = "updated_at"
    }
}
