import Foundation
import SwitchboardCore

extension Listener {
    /// The network connectors of this module for a source config: Mastodon, Bluesky, Instagram, Facebook, Threads,
    /// YouTube, X and
    /// Reddit.
    /// Nil for other types, so a factory can chain: `try Listener.networkSource(c, …) ?? feedSource(c, …)`.
    public static func networkSource(_ c: SourceConfig, dataDir: DataDirectory, http: HTTPClient) throws -> Source? {
        switch c.type.lowercased() {
        case "mastodon": return try MastodonSource(config: c, dataDir: dataDir, http: http)
        case "bluesky", "bsky": return try BlueskySource(config: c, dataDir: dataDir, http: http)
        case "instagram": return try InstagramSource(config: c, dataDir: dataDir, http: http)
        case "facebook": return try FacebookSource(config: c, dataDir: dataDir, http: http)
        case "threads": return try ThreadsSource(config: c, dataDir: dataDir, http: http)
        case "youtube": return try YouTubeSource(config: c, dataDir: dataDir, http: http)
        case "x": return try XSource(config: c, dataDir: dataDir, http: http)
        case "reddit": return try RedditSource(config: c, dataDir: dataDir, http: http)
        default: return nil
        }
    }

    /// The publisher that answers mentions found by source `c` (same account), or nil when its network
    /// has no reply API (RSS, JSON Lines).
    public static func publisher(for c: SourceConfig, dataDir: DataDirectory, http: HTTPClient) throws -> Publisher? {
        switch c.type.lowercased() {
        case "mastodon": return try MastodonPublisher(config: c, dataDir: dataDir, http: http)
        case "bluesky", "bsky": return try BlueskyPublisher(config: c, dataDir: dataDir, http: http)
        case "instagram": return try InstagramPublisher(config: c, dataDir: dataDir, http: http)
        case "facebook": return try FacebookPublisher(config: c, dataDir: dataDir, http: http)
        case "threads": return try ThreadsPublisher(config: c, dataDir: dataDir, http: http)
        case "youtube": return try YouTubePublisher(config: c, dataDir: dataDir, http: http)
        case "x": return try XPublisher(config: c, dataDir: dataDir, http: http)
        case "reddit": return try RedditPublisher(config: c, dataDir: dataDir, http: http)
        default: return nil
        }
    }
}

extension Listener {
    /// The moderator for items found by source `c` (same account), or nil when its network offers no moderation
    /// API (RSS, JSON Lines, Mastodon, Bluesky). Each network's connector adds its case here.
    public static func moderator(for c: SourceConfig, dataDir: DataDirectory, http: HTTPClient) throws -> Moderator? {
        switch c.type.lowercased() {
        case "instagram", "facebook", "threads": return try GraphModerator(config: c, dataDir: dataDir, http: http)
        case "youtube": return try YouTubeModerator(config: c, dataDir: dataDir, http: http)
        case "x": return try XModerator(config: c, dataDir: dataDir, http: http)
        case "reddit": return try RedditModerator(config: c, dataDir: dataDir, http: http)
        default: return nil
        }
    }
}
