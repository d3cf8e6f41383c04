import Foundation
import SwitchboardCore

/// Any object the Graph sources read — an Instagram media or comment, a Facebook post or comment, a Threads post or
/// reply — with every field optional: the APIs leave fields out (deleted authors, private users, fields the token
/// may not see) and send numbers as strings or strings as numbers. The accessors pick whichever name the network uses.
public struct GraphObject: Decodable, Sendable {
    public var id: String?
    /// Instagram comments and Threads posts: `text`; Facebook: `message`; Instagram media: `caption`.
    var text: String?, message: String?, caption: String?
    /// Instagram and Threads: `timestamp`; Facebook: `created_time`.
    var timestamp: String?, createdTime: String?
    var permalink: String?, permalinkURL: String?
    /// Instagram and Threads: `username`; Facebook and Instagram comments: `from {id, name, username}`.
    var username: String?
    var from: Person?
    /// Facebook `parent {id}`, Instagram `parent_id`, Threads `replied_to {id}` and `root_post {id}`.
    var parent: Ref?, parentID: String?, repliedTo: Ref?, rootPost: Ref?
    /// Replies of an Instagram comment (a nested page).
    var replies: GraphPage<GraphObject>?
    /// Comment counts: Instagram `comments_count`, Facebook `comment_count` and `comments.summary.total_count`.
    var commentsCount: Int?, commentCount: Int?, comments: Summary?
    var mediaType: String?
    var hidden: Bool?, isHidden: Bool?

    public struct Person: Decodable, Sendable {
        var id: String?, name: String?, username: String?
        enum CodingKeys: String, CodingKey { case id, name, username }
        public init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            (id, name, username) = (c.graphString(.id), c.graphString(.name), c.graphString(.username))
        }
    }

    public struct Ref: Decodable, Sendable {
        var id: String?
        enum CodingKeys: String, CodingKey { case id }
        public init(from d: Decoder) throws {
            if let s = try? d.singleValueContainer().decode(String.self) { id = s; return }
            id = try d.container(keyedBy: CodingKeys.self).graphString(.id)
        }
    }

    public struct Summary: Decodable, Sendable {
        var total: Int?
        enum CodingKeys: String, CodingKey { case summary }
        enum TotalKeys: String, CodingKey { case total = "total_count" }
        public init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            total = (try? c.nestedContainer(keyedBy: TotalKeys.self, forKey: .summary))?.graphInt(.total)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, text, message, caption, timestamp, permalink, username, from, parent, replies, comments, hidden
        case createdTime = "created_time", permalinkURL = "permalink_url", parentID = "parent_id"
        case repliedTo = "replied_to", rootPost = "root_post", commentsCount = "comments_count"
        case commentCount = "comment_count", mediaType = "media_type", isHidden = "is_hidden"
    }

    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = c.graphString(.id)
        (text, message, caption) = (c.graphString(.text), c.graphString(.message), c.graphString(.caption))
        (timestamp, createdTime) = (c.graphString(.timestamp), c.graphString(.createdTime))
        (permalink, permalinkURL) = (c.graphString(.permalink), c.graphString(.permalinkURL))
        username = c.graphString(.username)
        from = try? c.decodeIfPresent(Person.self, forKey: .from)
        parent = try? c.decodeIfPresent(Ref.self, forKey: .parent)
        parentID = c.graphString(.parentID)
        repliedTo = try? c.decodeIfPresent(Ref.self, forKey: .repliedTo)
        rootPost = try? c.decodeIfPresent(Ref.self, forKey: .rootPost)
        replies = try? c.decodeIfPresent(GraphPage<GraphObject>.self, forKey: .replies)
        (commentsCount, commentCount) = (c.graphInt(.commentsCount), c.graphInt(.commentCount))
        comments = try? c.decodeIfPresent(Summary.self, forKey: .comments)
        mediaType = c.graphString(.mediaType)
        hidden = (try? c.decodeIfPresent(Bool.self, forKey: .hidden)) ?? nil
        isHidden = (try? c.decodeIfPresent(Bool.self, forKey: .isHidden)) ?? nil
        if id == nil { id = GraphObject.facebookCommentID(permalinkURL) }
        if parent == nil, parentID == nil, let p = GraphObject.facebookParentID(permalinkURL), p != id {
            parentID = p
        }
    }

    /// The text, whichever field holds it ("" when none: a photo without a caption).
    public var body: String { text ?? message ?? caption ?? "" }
    public var created: Date? { Graph.date(timestamp ?? createdTime) }
    public var link: String? { permalink ?? permalinkURL }
    /// The comment this one answers (Facebook `parent`, Instagram `parent_id`) or the Threads post it replies to.
    public var parentObject: String? { parent?.id ?? parentID ?? repliedTo?.id }
    public var authorID: String? { from?.id }
    public var handle: String? { username ?? from?.username }
    public var displayName: String? { from?.name }
    public var commentTotal: Int? { comments?.total ?? commentsCount ?? commentCount }

    /// A Facebook comment without an `id` (fields not asked for) still has its `permalink_url`
    /// (`…/posts/POST/?comment_id=C&reply_comment_id=R`): its id is `POST_R` for a reply, else `POST_C`.
    static func facebookCommentID(_ permalink: String?) -> String? {
        guard let p = permalink, let q = URLComponents(string: p) else { return nil }
        let items = q.queryItems ?? []
        func item(_ n: String) -> String? { items.first { $0.name == n }?.value.flatMap { $0.isEmpty ? nil : $0 } }
        guard let comment = item("reply_comment_id") ?? item("comment_id") else { return nil }
        let parts = q.path.split(separator: "/")
        guard let i = parts.firstIndex(where: { $0 == "posts" || $0 == "videos" || $0 == "photos" }),
            i + 1 < parts.count
        else { return comment }
        return parts[i + 1] + "_" + comment
    }

    /// The top-level comment of a Facebook reply, from its permalink (`comment_id` when `reply_comment_id` is there).
    static func facebookParentID(_ permalink: String?) -> String? {
        guard let p = permalink, let q = URLComponents(string: p), let items = q.queryItems,
            items.contains(where: { $0.name == "reply_comment_id" }),
            let c = items.first(where: { $0.name == "comment_id" })?.value
        else { return nil }
        let parts = q.path.split(separator: "/")
        guard let i = parts.firstIndex(of: "posts"), i + 1 < parts.count else { return c }
        return parts[i + 1] + "_" + c
    }
}
