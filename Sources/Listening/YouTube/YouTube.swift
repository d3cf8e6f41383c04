import Foundation
import SwitchboardCore

/// The YouTube Data API v3 shapes Switchboard reads (`commentThreads.list`, `comments.list`, `search.list`,
/// `comments.insert`) and its error body. Decoded tolerantly: every field is optional, unknown fields are ignored,
/// and an item that lacks what a mention needs (an id, a comment snippet) is skipped rather than failing the page.
public enum YouTube {
    /// A list response: `items`, and `nextPageToken` when there is an older page.
    public struct Page<Item: Decodable & Sendable>: Decodable, Sendable {
        public var items: [Item]
        public var nextPageToken: String?

        enum CodingKeys: String, CodingKey { case items, nextPageToken }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            // One item that does not decode (a deleted comment without a snippet) never costs the page.
            items = (try c.decodeIfPresent([Lenient<Item>].self, forKey: .items) ?? []).compactMap(\.value)
            nextPageToken = try? c.decodeIfPresent(String.self, forKey: .nextPageToken)
        }
    }

    /// Decodes a value or, when it does not decode, nothing.
    struct Lenient<T: Decodable & Sendable>: Decodable, Sendable {
        var value: T?
        init(from decoder: Decoder) throws { value = try? T(from: decoder) }
    }

    public struct ChannelRef: Decodable, Sendable { public var value: String? }

    /// `youtube#comment`: a top-level comment or a reply (`parentId` set).
    public struct Comment: Decodable, Sendable {
        public var id: String
        public var snippet: Snippet

        public struct Snippet: Decodable, Sendable {
            public var authorDisplayName: String?
            public var authorChannelUrl: String?
            public var authorChannelId: ChannelRef?
            public var channelId: String?
            public var videoId: String?
            public var textDisplay: String?
            public var textOriginal: String?
            public var parentId: String?
            public var likeCount: Int?
            public var moderationStatus: String?
            public var publishedAt: String?
            public var updatedAt: String?
        }

        /// The comment's text: `textOriginal`, else `textDisplay` read as HTML (what `textFormat=html` returns).
        var text: String {
            if let t = snippet.textOriginal, !t.isEmpty { return t }
            return HTMLText.text(fromHTML: snippet.textDisplay ?? "")
        }

        var published: Date? { snippet.publishedAt.flatMap(Timestamp.parse) }
    }

    /// `youtube#commentThread`: a top-level comment with up to five of its replies inlined (`part=replies`).
    public struct CommentThread: Decodable, Sendable {
        public var id: String
        public var snippet: Snippet
        public var replies: Replies?

        public struct Snippet: Decodable, Sendable {
            public var channelId: String?
            public var videoId: String?
            public var topLevelComment: Comment
            public var totalReplyCount: Int?
            public var canReply: Bool?
        }

        public struct Replies: Decodable, Sendable {
            public var comments: [Comment]?
        }
    }

    /// `youtube#searchResult` of a `type=video` search.
    public struct SearchResult: Decodable, Sendable {
        public var id: ResultID
        public var snippet: Snippet?

        public struct ResultID: Decodable, Sendable { public var videoId: String? }
        public struct Snippet: Decodable, Sendable {
            public var publishedAt: String?
            public var title: String?
            public var channelId: String?
        }
    }

    /// `{"error": {"code": 403, "message": …, "errors": [{"reason": "quotaExceeded", …}], "status": …}}`.
    public struct ErrorBody: Decodable, Sendable {
        public var error: Detail?
        public struct Detail: Decodable, Sendable {
            public var code: Int?
            public var message: String?
            public var status: String?
            public var errors: [Item]?
        }
        public struct Item: Decodable, Sendable {
            public var reason: String?
            public var message: String?
            public var domain: String?
        }

        /// Every reason the body names (the `errors[].reason`s and the status), for classifying.
        var reasons: [String] {
            (error?.errors ?? []).compactMap(\.reason) + [error?.status].compactMap { $0 }
        }

        static func parse(_ d: Data) -> ErrorBody? { try? JSONDecoder().decode(ErrorBody.self, from: d) }
    }
}
