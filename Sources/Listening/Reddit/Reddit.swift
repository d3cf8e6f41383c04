import Foundation

/// The Reddit API's objects Switchboard reads, decoded tolerantly: every field is optional and a field of an
/// unexpected type is read as missing (Reddit has renamed, retyped and dropped fields over the years, and deleted
/// or removed things come back with placeholders), so one odd item never fails a page.
public enum Reddit {
    /// `{"kind": "Listing", "data": {"after": …, "before": …, "children": [Thing]}}`. Children that are not things
    /// (or do not decode) are left out.
    public struct Listing: Decodable, Sendable {
        public var after: String?
        public var before: String?
        public var children: [Thing]

        public init(from decoder: Decoder) throws {
            let outer = try decoder.container(keyedBy: Key.self)
            let c = try outer.nestedContainer(keyedBy: Key.self, forKey: Key("data"))
            (after, before) = (c.string("after"), c.string("before"))
            children = ((try? c.decode([Lenient<Thing>].self, forKey: Key("children"))) ?? []).compactMap(\.value)
        }

        public init(after: String? = nil, before: String? = nil, children: [Thing]) {
            (self.after, self.before, self.children) = (after, before, children)
        }
    }

    /// One listing, or several in an array (a comment page is `[post listing, comments listing]`), as one.
    public struct Listings: Decodable, Sendable {
        public var listing: Listing
        public init(from decoder: Decoder) throws {
            if let one = try? Listing(from: decoder) {
                listing = one
            } else {
                let many = try [Lenient<Listing>](from: decoder).compactMap(\.value)
                listing = Listing(after: many.last?.after, children: many.flatMap(\.children))
            }
        }
    }

    /// A thing: `t1` comment, `t3` post (link), `t4` message, … with its data.
    public struct Thing: Decodable, Sendable {
        public var kind: String
        public var data: ThingData
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            kind = c.string("kind") ?? ""
            data = (try? c.decode(ThingData.self, forKey: Key("data"))) ?? ThingData()
        }
        public init(kind: String, data: ThingData) { (self.kind, self.data) = (kind, data) }

        /// The fullname (`t1_abc`): `name`, else kind and id.
        public var fullname: String? {
            if let n = data.name, !n.isEmpty { return n }
            guard let id = data.id, !id.isEmpty, !kind.isEmpty else { return nil }
            return kind + "_" + id
        }
    }

    /// The fields of a comment, post or message that Switchboard uses.
    public struct ThingData: Decodable, Sendable {
        public var name, id, author, body, title, selftext, subreddit, permalink, context, url: String?
        public var linkID, parentID, linkTitle, removedByCategory, type, distinguished: String?
        public var createdUTC: Double?
        public var locked: Bool?
        /// A comment's answers on a comment page (`replies`: a listing, or `""` when there are none).
        public var replies: [Thing] = []

        public init() {}

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            (name, id, author, body) = (c.string("name"), c.string("id"), c.string("author"), c.string("body"))
            (title, selftext, subreddit) = (c.string("title"), c.string("selftext"), c.string("subreddit"))
            (permalink, context, url) = (c.string("permalink"), c.string("context"), c.string("url"))
            (linkID, parentID, linkTitle) = (c.string("link_id"), c.string("parent_id"), c.string("link_title"))
            (removedByCategory, type) = (c.string("removed_by_category"), c.string("type"))
            distinguished = c.string("distinguished")
            createdUTC = c.number("created_utc") ?? c.number("created")
            locked = try? c.decodeIfPresent(Bool.self, forKey: Key("locked"))
            replies = (try? c.decode(Listing.self, forKey: Key("replies")))?.children ?? []
        }
    }

    /// `POST /api/comment` (and the other `api_type=json` calls): `{"json": {"errors": [[CODE, message, field]],
    /// "data": {"things": [Thing]}}}`; the moderation calls answer `{}`.
    public struct JSONReply: Decodable, Sendable {
        public var errors: [(code: String, message: String)]
        public var things: [Thing]
        /// Seconds until the account may comment again, sent beside a RATELIMIT error.
        public var ratelimit: Double?

        public init(from decoder: Decoder) throws {
            let outer = try decoder.container(keyedBy: Key.self)
            guard let c = try? outer.nestedContainer(keyedBy: Key.self, forKey: Key("json")) else {
                (errors, things) = ([], [])
                return
            }
            ratelimit = c.number("ratelimit")
            let raw = (try? c.decode([[Lenient<String>]].self, forKey: Key("errors"))) ?? []
            errors = raw.map { e in (e.first?.value ?? "UNKNOWN", e.count > 1 ? e[1].value ?? "" : "") }
            let data = try? c.nestedContainer(keyedBy: Key.self, forKey: Key("data"))
            things = ((try? data?.decode([Lenient<Thing>].self, forKey: Key("things"))) ?? []).compactMap(\.value)
        }
    }

    /// `GET /api/v1/me`: the account a token belongs to.
    public struct Me: Decodable, Sendable {
        public var name: String
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            guard let n = c.string("name"), !n.isEmpty else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no name"))
            }
            name = n
        }
    }

    /// `POST /api/v1/access_token`: a token, or `{"error": "invalid_grant"}` (with HTTP 200 or 400).
    public struct TokenReply: Decodable, Sendable {
        public var accessToken: String?
        public var refreshToken: String?
        public var expiresIn: Double?
        public var scope: String?
        public var error: String?
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            (accessToken, refreshToken) = (c.string("access_token"), c.string("refresh_token"))
            (expiresIn, scope) = (c.number("expires_in"), c.string("scope"))
            error =
                c.string("error") ?? c.number("error").map { Int(exactly: $0.rounded(.down)).map(String.init) ?? "\($0)" }
        }
    }

    /// The link id of a comment whose `link_id` is missing (inbox items): `/r/SUB/comments/ID/slug/…` → `t3_ID`.
    static func linkID(fromPath path: String?) -> String? {
        guard let path else { return nil }
        let parts = path.split(separator: "?").first?.split(separator: "/") ?? []
        guard let i = parts.firstIndex(of: "comments"), i + 1 < parts.count else { return nil }
        return "t3_" + parts[i + 1]
    }

    /// Decodes anything, or nil when it does not decode (always moves on in an array).
    struct Lenient<T: Decodable>: Decodable {
        let value: T?
        init(from decoder: Decoder) throws { value = try? T(from: decoder) }
    }

    struct Key: CodingKey {
        let stringValue: String
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

extension KeyedDecodingContainer where Key == Reddit.Key {
    /// A string field, or nil when missing, null or of another type.
    func string(_ k: String) -> String? { (try? decodeIfPresent(String.self, forKey: Key(k))) ?? nil }

    /// A number field given as a number or a numeric string, or nil.
    func number(_ k: String) -> Double? {
        if let d = (try? decodeIfPresent(Double.self, forKey: Key(k))) ?? nil { return d }
        return string(k).flatMap(Double.init)
    }
}
