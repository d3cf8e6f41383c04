import Foundation
import SwitchboardCore

/// The X API v2 objects Switchboard reads, decoded tolerantly: every field but a post's id is optional, ids may come
/// as strings or numbers, and an element that does not decode is skipped instead of failing its page (another
/// recording of the same API, a deleted object, a field X adds tomorrow).
public enum X {
    /// `https://api.x.com`; `api.twitter.com` answers the same API.
    public static let defaultBase = URL(string: "https://api.x.com")!
    /// What a post carries when Switchboard asks for it (`tweet.fields`).
    static let tweetFields =
        "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,author_id,public_metrics,entities"
    static let expansions = "author_id,referenced_tweets.id,referenced_tweets.id.author_id"
    static let userFields = "username,name,verified,public_metrics"

    /// One page of posts: `data`, `includes` (authors and referenced posts), partial `errors` and `meta`.
    public typealias Page = Paged<Tweet>

    /// One page of an X v2 list (posts, direct message events): `data`, `includes`, partial `errors` and `meta`.
    public struct Paged<Item: Decodable & Sendable>: Decodable, Sendable {
        public var data: [Item]
        public var includes: Includes
        public var errors: [Problem]
        public var meta: Meta?

        enum CodingKeys: String, CodingKey { case data, includes, errors, meta }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            data = (try? c.decodeIfPresent(Lossy<Item>.self, forKey: .data))?.items ?? []
            includes = (try? c.decodeIfPresent(Includes.self, forKey: .includes)) ?? Includes()
            errors = (try? c.decodeIfPresent(Lossy<Problem>.self, forKey: .errors))?.items ?? []
            meta = try? c.decodeIfPresent(Meta.self, forKey: .meta)
        }
    }

    public struct Includes: Decodable, Sendable {
        public var users: [User] = []
        public var tweets: [Tweet] = []
        init() {}
        enum CodingKeys: String, CodingKey { case users, tweets }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            users = (try? c.decodeIfPresent(Lossy<User>.self, forKey: .users))?.items ?? []
            tweets = (try? c.decodeIfPresent(Lossy<Tweet>.self, forKey: .tweets))?.items ?? []
        }
    }

    public struct Meta: Decodable, Sendable {
        public var newestID: String?, oldestID: String?, nextToken: String?
        public var resultCount: Int?
        enum CodingKeys: String, CodingKey {
            case newestID = "newest_id", oldestID = "oldest_id", nextToken = "next_token", resultCount = "result_count"
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            newestID = c.flexibleID(.newestID)
            oldestID = c.flexibleID(.oldestID)
            nextToken = try? c.decodeIfPresent(String.self, forKey: .nextToken)
            resultCount = try? c.decodeIfPresent(Int.self, forKey: .resultCount)
        }
    }

    public struct Tweet: Decodable, Sendable {
        public var id: String
        public var text: String
        public var createdAt: String?, conversationID: String?, authorID: String?, inReplyToUserID: String?
        public var lang: String?
        public var referenced: [Reference]
        public var urls: [URLEntity]

        public struct Reference: Decodable, Sendable {
            /// `replied_to`, `quoted` or `retweeted`.
            public var type: String
            public var id: String
            enum CodingKeys: String, CodingKey { case type, id }
            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                type = (try? c.decodeIfPresent(String.self, forKey: .type)) ?? ""
                guard let id = c.flexibleID(.id) else {
                    throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: "no id"))
                }
                self.id = id
            }
        }

        /// A t.co link of the text and the address it stands for.
        public struct URLEntity: Decodable, Sendable {
            public var url: String
            public var expandedURL: String?
            enum CodingKeys: String, CodingKey { case url, expandedURL = "expanded_url" }
        }

        struct Entities: Decodable { var urls: Lossy<URLEntity>? }

        enum CodingKeys: String, CodingKey {
            case id, text, lang, entities
            case createdAt = "created_at", conversationID = "conversation_id", authorID = "author_id"
            case inReplyToUserID = "in_reply_to_user_id", referenced = "referenced_tweets"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard let id = c.flexibleID(.id), !id.isEmpty else {
                throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: "no id"))
            }
            self.id = id
            text = (try? c.decodeIfPresent(String.self, forKey: .text)) ?? ""
            createdAt = try? c.decodeIfPresent(String.self, forKey: .createdAt)
            conversationID = c.flexibleID(.conversationID)
            authorID = c.flexibleID(.authorID)
            inReplyToUserID = c.flexibleID(.inReplyToUserID)
            lang = try? c.decodeIfPresent(String.self, forKey: .lang)
            referenced = (try? c.decodeIfPresent(Lossy<Reference>.self, forKey: .referenced))?.items ?? []
            urls = (try? c.decodeIfPresent(Entities.self, forKey: .entities))?.urls?.items ?? []
        }

        /// The post this one answers, when it is a reply.
        public var repliedTo: String? { referenced.first { $0.type == "replied_to" }?.id }
    }

    public struct User: Decodable, Sendable {
        public var id: String
        public var username: String?, name: String?
        public var verified: Bool?
        enum CodingKeys: String, CodingKey { case id, username, name, verified }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard let id = c.flexibleID(.id) else {
                throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: "no id"))
            }
            self.id = id
            username = try? c.decodeIfPresent(String.self, forKey: .username)
            name = try? c.decodeIfPresent(String.self, forKey: .name)
            verified = try? c.decodeIfPresent(Bool.self, forKey: .verified)
        }
    }

    /// A problem object (RFC 7807 style, as X sends it): a whole error response, or a partial error next to `data`.
    public struct Problem: Decodable, Sendable {
        public var title: String?, detail: String?, type: String?, message: String?
        public var resourceType: String?, resourceID: String?
        enum CodingKeys: String, CodingKey {
            case title, detail, type, message, resourceType = "resource_type", resourceID = "resource_id"
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try? c.decodeIfPresent(String.self, forKey: .title)
            detail = try? c.decodeIfPresent(String.self, forKey: .detail)
            type = try? c.decodeIfPresent(String.self, forKey: .type)
            message = try? c.decodeIfPresent(String.self, forKey: .message)
            resourceType = try? c.decodeIfPresent(String.self, forKey: .resourceType)
            resourceID = c.flexibleID(.resourceID)
        }

        /// The error response of a failed request: a problem object, or the first of `errors`.
        static func parse(_ body: Data) -> Problem? {
            struct Wrapper: Decodable { var errors: Lossy<Problem>? }
            let d = JSONDecoder()
            if let w = try? d.decode(Wrapper.self, from: body), let first = w.errors?.items.first,
                first.title != nil || first.detail != nil || first.message != nil
            {
                if let whole = try? d.decode(Problem.self, from: body), whole.title != nil || whole.detail != nil {
                    return whole
                }
                return first
            }
            guard let p = try? d.decode(Problem.self, from: body), p.title != nil || p.detail != nil || p.type != nil
            else { return nil }
            return p
        }

        /// Title and detail (or message), sanitised, for a message.
        var summary: String {
            let parts = [title, detail ?? message].compactMap { $0 }.filter { !$0.isEmpty }
            var seen: [String] = []
            for p in parts where !seen.contains(p) { seen.append(p) }
            return NetworkText.clean(seen.joined(separator: ": "), max: 200)
        }
    }

    /// `POST /2/tweets` answers `{"data": {"id": …, "text": …}}`.
    struct Created: Decodable { var data: Tweet }

    /// An array whose elements that do not decode are skipped.
    struct Lossy<Element: Decodable>: Decodable {
        var items: [Element] = []
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            while !c.isAtEnd {
                if let e = try? c.decode(Element.self) {
                    items.append(e)
                } else {
                    _ = try? c.decode(Skip.self)
                }
            }
        }
        struct Skip: Decodable { init(from decoder: Decoder) throws {} }
    }

    /// A post's text as X sends it has `&`, `<` and `>` escaped as HTML entities: undone.
    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `https://x.com/USER/status/ID` (`i/web` when the author is unknown).
    public static func webURL(username: String?, id: String) -> String {
        "https://x.com/\(username.flatMap { $0.isEmpty ? nil : $0 } ?? "i/web")/status/\(id)"
    }
}

extension KeyedDecodingContainer {
    /// An id sent as a string or as a number (the v1.1 habit), nil when absent or neither.
    fileprivate func flexibleID(_ key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return NetworkText.identifier(s) }
        if let n = try? decodeIfPresent(Int64.self, forKey: key) { return String(n) }
        if let n = try? decodeIfPresent(UInt64.self, forKey: key) { return String(n) }
        return nil
    }
}
