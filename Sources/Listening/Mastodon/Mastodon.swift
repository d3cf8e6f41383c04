import Foundation

/// The Mastodon entities Switchboard reads, decoded as the API documentation describes them
/// (fields the docs mark nullable or version-dependent are optional).
public enum Mastodon {
    public struct Account: Codable, Sendable, Hashable {
        public var id: String
        public var username: String
        /// `user` for local accounts, `user@domain` for remote ones.
        public var acct: String
        public var displayName: String?
        public var url: String?
        public var followersCount: Int?
        public var bot: Bool?

        enum CodingKeys: String, CodingKey {
            case id, username, acct, url, bot
            case displayName = "display_name", followersCount = "followers_count"
        }
    }

    public struct StatusMention: Codable, Sendable, Hashable {
        public var id: String
        public var username: String
        public var url: String?
        public var acct: String
    }

    public struct Tag: Codable, Sendable, Hashable {
        public var name: String
        public var url: String?
    }

    /// A status. `reblog` holds the boosted status, when this one is a boost.
    public struct Status: Codable, Sendable, Hashable {
        public var id: String
        public var uri: String
        public var url: String?
        public var createdAt: Date, account: Account, content: String, visibility: String
        public var sensitive: Bool?
        public var spoilerText: String?
        public var inReplyToId: String?
        public var inReplyToAccountId: String?
        public var language: String?
        public var mentions: [StatusMention]?
        public var tags: [Tag]?
        public var repliesCount: Int?
        public var reblogsCount: Int?
        public var favouritesCount: Int?
        public var reblog: Boxed?
        /// The user's own server filters this status matched (Mastodon 4, API v2 filters).
        public var filtered: [FilterResult]?

        enum CodingKeys: String, CodingKey {
            case id, uri, url, account, content, visibility, sensitive, language, mentions, tags, reblog, filtered
            case createdAt = "created_at", spoilerText = "spoiler_text", inReplyToId = "in_reply_to_id"
            case inReplyToAccountId = "in_reply_to_account_id", repliesCount = "replies_count"
            case reblogsCount = "reblogs_count", favouritesCount = "favourites_count"
        }
    }

    /// A server filter a status matched: `filter.filter_action` is `warn` (show behind the filter's title),
    /// `hide` (do not show at all) or `blur` (media only).
    public struct FilterResult: Codable, Sendable, Hashable {
        public struct Filter: Codable, Sendable, Hashable {
            public var id: String?
            public var title: String
            public var filterAction: String?
            enum CodingKeys: String, CodingKey { case id, title, filterAction = "filter_action" }
            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                id = try? c.decodeIfPresent(String.self, forKey: .id)
                title = (try? c.decodeIfPresent(String.self, forKey: .title)) ?? ""
                filterAction = try? c.decodeIfPresent(String.self, forKey: .filterAction)
            }
        }
        public var filter: Filter
    }

    /// Breaks the Status → reblog → Status recursion.
    public final class Boxed: Codable, Sendable, Hashable {
        public let status: Status
        public init(_ s: Status) { status = s }
        public init(from decoder: Decoder) throws { status = try Status(from: decoder) }
        public func encode(to encoder: Encoder) throws { try status.encode(to: encoder) }
        public static func == (a: Boxed, b: Boxed) -> Bool { a.status == b.status }
        public func hash(into h: inout Hasher) { h.combine(status) }
    }

    public struct Notification: Codable, Sendable, Hashable {
        public var id: String, type: String, createdAt: Date, account: Account
        public var status: Status?
        enum CodingKeys: String, CodingKey { case id, type, account, status, createdAt = "created_at" }
    }

    /// `GET /api/v2/search`.
    public struct SearchResults: Codable, Sendable {
        public var statuses: [Status]
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            statuses = try c.decodeIfPresent([Status].self, forKey: .statuses) ?? []
        }
        enum CodingKeys: String, CodingKey { case statuses }
    }

    /// `POST /api/v1/apps`.
    public struct Application: Codable, Sendable {
        public var clientId: String
        public var clientSecret: String
        enum CodingKeys: String, CodingKey { case clientId = "client_id", clientSecret = "client_secret" }
    }

    /// `POST /oauth/token`.
    public struct Token: Codable, Sendable {
        public var accessToken: String
        public var tokenType: String?
        public var scope: String?
        enum CodingKeys: String, CodingKey { case accessToken = "access_token", tokenType = "token_type", scope }
    }

    /// The `Link` header's targets by relation: `<https://…?max_id=1>; rel="next", <…?min_id=9>; rel="prev"`.
    public static func links(_ header: String?) -> [String: URL] {
        guard let header else { return [:] }
        var out: [String: URL] = [:]
        for part in header.split(separator: ",") {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard let lt = p.firstIndex(of: "<"), let gt = p.firstIndex(of: ">"), lt < gt,
                let url = URL(string: String(p[p.index(after: lt)..<gt]))
            else { continue }
            for attr in p[gt...].split(separator: ";") {
                let kv = attr.trimmingCharacters(in: .whitespaces)
                guard kv.hasPrefix("rel=") else { continue }
                let rel = kv.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                for r in rel.split(separator: " ") { out[String(r)] = url }
            }
        }
        return out
    }

    /// Orders Mastodon ids (decimal snowflakes of any length) numerically.
    public static func idLess(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count < b.count : a < b
    }
}
