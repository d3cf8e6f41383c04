import Foundation

/// The AT Protocol / Bluesky shapes Switchboard reads and writes, as the lexicons define them
/// (`com.atproto.server.createSession`, `app.bsky.notification.listNotifications`, `app.bsky.feed.searchPosts`,
/// `app.bsky.feed.post`, `app.bsky.richtext.facet`). Unknown fields are ignored; optional ones are optional.
public enum Bluesky {
    /// Output of `createSession` and `refreshSession`.
    public struct SessionOutput: Codable, Sendable {
        public var accessJwt: String, refreshJwt: String, handle: String, did: String
        public var active: Bool?
        public var status: String?
    }

    public struct StrongRef: Codable, Sendable, Hashable {
        public var uri: String
        public var cid: String
        public init(uri: String, cid: String) { (self.uri, self.cid) = (uri, cid) }
    }

    public struct ReplyRefs: Codable, Sendable, Hashable {
        public var root: StrongRef, parent: StrongRef
    }

    public struct ByteSlice: Codable, Sendable, Hashable {
        public var byteStart: Int, byteEnd: Int
    }

    /// One facet feature: a mention (DID), a link (URI) or a tag; other `$type`s are kept as `.other`.
    public enum Feature: Codable, Sendable, Hashable {
        case mention(did: String)
        case link(uri: String)
        case tag(String)
        case other(String)

        enum Keys: String, CodingKey { case type = "$type", did, uri, tag }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            let t = try c.decodeIfPresent(String.self, forKey: .type) ?? ""
            switch t {
            case "app.bsky.richtext.facet#mention": self = .mention(did: try c.decode(String.self, forKey: .did))
            case "app.bsky.richtext.facet#link": self = .link(uri: try c.decode(String.self, forKey: .uri))
            case "app.bsky.richtext.facet#tag": self = .tag(try c.decode(String.self, forKey: .tag))
            default: self = .other(t)
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            switch self {
            case .mention(let d):
                try c.encode("app.bsky.richtext.facet#mention", forKey: .type)
                try c.encode(d, forKey: .did)
            case .link(let u):
                try c.encode("app.bsky.richtext.facet#link", forKey: .type)
                try c.encode(u, forKey: .uri)
            case .tag(let t):
                try c.encode("app.bsky.richtext.facet#tag", forKey: .type)
                try c.encode(t, forKey: .tag)
            case .other(let t): try c.encode(t, forKey: .type)
            }
        }
    }

    public struct Facet: Codable, Sendable, Hashable {
        public var index: ByteSlice
        public var features: [Feature]
        public init(byteStart: Int, byteEnd: Int, features: [Feature]) {
            index = ByteSlice(byteStart: byteStart, byteEnd: byteEnd)
            self.features = features
        }
    }

    /// An `app.bsky.feed.post` record (the fields Switchboard uses).
    public struct PostRecord: Codable, Sendable, Hashable {
        public var text: String
        public var createdAt: String?
        public var langs: [String]?
        public var reply: ReplyRefs?
        public var facets: [Facet]?

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
            createdAt = try? c.decodeIfPresent(String.self, forKey: .createdAt)
            langs = try? c.decodeIfPresent([String].self, forKey: .langs)
            reply = try? c.decodeIfPresent(ReplyRefs.self, forKey: .reply)
            // A malformed facet list loses the facets, never the post.
            facets = try? c.decodeIfPresent([Facet].self, forKey: .facets)
        }
        enum CodingKeys: String, CodingKey { case text, createdAt, langs, reply, facets }
    }

    /// `app.bsky.actor.defs#profileView` / `#profileViewBasic`.
    public struct Profile: Codable, Sendable, Hashable {
        public var did: String
        public var handle: String
        public var displayName: String?
    }

    /// `app.bsky.notification.listNotifications#notification`.
    public struct Notification: Codable, Sendable {
        public var uri: String, cid: String, author: Profile, reason: String
        public var reasonSubject: String?
        public var record: PostRecord
        public var isRead: Bool?
        public var indexedAt: String
    }

    public struct NotificationsPage: Codable, Sendable {
        public var cursor: String?
        public var notifications: [Notification]
    }

    /// `app.bsky.feed.defs#postView`.
    public struct PostView: Codable, Sendable {
        public var uri: String, cid: String, author: Profile, record: PostRecord, indexedAt: String
        public var replyCount: Int?
        public var likeCount: Int?
    }

    public struct SearchPage: Codable, Sendable {
        public var cursor: String?
        public var hitsTotal: Int?
        public var posts: [PostView]
    }

    /// Output of `com.atproto.repo.createRecord`.
    public struct CreatedRecord: Codable, Sendable {
        public var uri: String
        public var cid: String
    }

    /// XRPC error body: `{"error": "ExpiredToken", "message": "Token has expired"}`.
    public struct XRPCError: Codable, Sendable {
        public var error: String?
        public var message: String?
    }

    /// The record key (last path segment) of an AT-URI: `at://did/app.bsky.feed.post/3k4duaz5vfs2b` → `3k4duaz5vfs2b`.
    public static func recordKey(_ atURI: String) -> String? {
        guard atURI.hasPrefix("at://") else { return nil }
        let parts = atURI.dropFirst(5).split(separator: "/")
        return parts.count == 3 ? String(parts[2]) : nil
    }

    /// The web address of a post: `https://bsky.app/profile/<handle>/post/<rkey>`.
    public static func webURL(handle: String, atURI: String) -> String? {
        guard let rkey = recordKey(atURI) else { return nil }
        return "https://bsky.app/profile/\(handle)/post/\(rkey)"
    }
}
