import Foundation
import SwitchboardCore

extension Listener {
    /// The connector types of one network: its source, and its publisher and moderator where it has them.
    typealias NetworkKinds = (
        source: any (Source & NetworkConnector).Type, publisher: (any (Publisher & NetworkConnector).Type)?,
        moderator: (any (Moderator & NetworkConnector).Type)?
    )

    /// The connectors of this module by source `type`: Mastodon, Bluesky, Instagram, Facebook, Threads, YouTube,
    /// X and Reddit; nil for other types. Each network's connector adds its line here.
    static func networkKinds(_ type: String) -> NetworkKinds? {
        switch type.lowercased() {
        case "mastodon": return (MastodonSource.self, MastodonPublisher.self, nil)
        case "bluesky", "bsky": return (BlueskySource.self, BlueskyPublisher.self, nil)
        case "instagram": return (InstagramSource.self, InstagramPublisher.self, GraphModerator.self)
        case "facebook": return (FacebookSource.self, FacebookPublisher.self, GraphModerator.self)
        case "threads": return (ThreadsSource.self, ThreadsPublisher.self, GraphModerator.self)
        case "youtube": return (YouTubeSource.self, YouTubePublisher.self, YouTubeModerator.self)
        case "x": return (XSource.self, XPublisher.self, XModerator.self)
        case "reddit": return (RedditSource.self, RedditPublisher.self, RedditModerator.self)
        default: return nil
        }
    }

    /// The network source for a source config, nil for other types, so a factory can chain:
    /// `try Listener.networkSource(c, …) ?? feedSource(c, …)`.
    public static func networkSource(_ c: SourceConfig, dataDir: DataDirectory, http: HTTPClient) throws -> Source? {
        try networkKinds(c.type)?.source.init(ConnectorSetup(config: c, dataDir: dataDir, http: http))
    }

    /// The publisher that answers mentions found by source `c` (same account), or nil when its network
    /// has no reply API (RSS, JSON Lines).
    public static func publisher(for c: SourceConfig, dataDir: DataDirectory, http: HTTPClient) throws -> Publisher? {
        try networkKinds(c.type)?.publisher?.init(ConnectorSetup(config: c, dataDir: dataDir, http: http))
    }

    /// The moderator for items found by source `c` (same account), or nil when its network offers no moderation
    /// API (RSS, JSON Lines, Mastodon, Bluesky).
    public static func moderator(for c: SourceConfig, dataDir: DataDirectory, http: HTTPClient) throws -> Moderator? {
        try networkKinds(c.type)?.moderator?.init(ConnectorSetup(config: c, dataDir: dataDir, http: http))
    }
}
