import Foundation
import SwitchboardCore

/// The Meta Graph API family (Facebook Pages, Instagram, Threads): the API version in one place, the default
/// hosts, and the helpers the connectors share. A source's `api` replaces a default host (a proxy, a test server);
/// the version segment is added to whatever base is used.
public enum Graph {
    /// The Graph API version of Facebook and Instagram requests (`/v24.0/…`). Change it here only.
    public static let version = "v24.0"
    /// The Threads API version (`graph.threads.net/v1.0/…`).
    public static let threadsVersion = "v1.0"

    /// Which Graph host a request goes to.
    public enum Host: String, Sendable, CaseIterable {
        /// `graph.facebook.com`: Pages, and Instagram with Facebook Login (hashtags, mentions, tags).
        case facebook
        /// `graph.instagram.com`: Instagram with Instagram Login (tokens starting `IG`).
        case instagram
        /// `graph.threads.net`.
        case threads

        public var defaultBase: URL {
            switch self {
            case .facebook: return URL(string: "https://graph.facebook.com")!
            case .instagram: return URL(string: "https://graph.instagram.com")!
            case .threads: return URL(string: "https://graph.threads.net")!
            }
        }

        /// The version segment requests on this host carry.
        public var version: String { self == .threads ? Graph.threadsVersion : Graph.version }
    }

    /// The base a source's requests go to: its `api` when set, else the host's default.
    public static func base(_ host: Host, config: SourceConfig) -> URL { config.apiBase ?? host.defaultBase }

    /// The Instagram host a token belongs to: Instagram Login tokens start with `IG` (or the token file says
    /// `"login": "instagram"`); every other token is a Facebook Login (Page) token.
    public static func instagramHost(for token: OAuthToken) -> Host {
        if let l = token.extra?["login"] { return l == "instagram" ? .instagram : .facebook }
        return token.accessToken.hasPrefix("IG") ? .instagram : .facebook
    }

    /// Graph times: `2021-06-30T21:21:18+0000` (also with `Z` or a colon in the offset), or Unix seconds.
    public static func date(_ s: String?) -> Date? {
        guard let s, !s.isEmpty else { return nil }
        if let d = Timestamp.parse(s) { return d }
        if let v = Double(s), v.isFinite, v > 0 { return Date(timeIntervalSince1970: v) }
        return nil
    }

    /// The permissions a Meta error message names (`(#10) Requires pages_read_engagement permission`).
    static func permissions(in message: String) -> [String] {
        let known = [
            "pages_read_engagement", "pages_read_user_content", "pages_manage_engagement", "pages_manage_posts",
            "pages_show_list", "pages_manage_metadata", "instagram_basic", "instagram_manage_comments",
            "instagram_content_publish", "instagram_manage_insights", "instagram_business_basic",
            "instagram_business_manage_comments", "instagram_business_content_publish", "threads_basic",
            "threads_read_replies", "threads_manage_replies", "threads_keyword_search", "threads_content_publish",
            "threads_manage_mentions", "business_management", "public_profile", "pages_messaging",
            "instagram_manage_messages", "instagram_business_manage_messages",
        ]
        let lower = message.lowercased()
        return known.filter { lower.contains($0) }
    }
}
