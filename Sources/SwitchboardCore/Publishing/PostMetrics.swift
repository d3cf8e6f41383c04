import Foundation

/// How one published post did at one moment: what its network counts (likes, reposts/boosts, replies, quotes,
/// views where the API gives them). Recorded by the listener as a `metrics` action:
/// `{"type":"metrics","data":{"queue":ID,"account":ACCOUNT,"post_id":…,"likes":3,…}}`; a count the network does not
/// give is left out (nil), never written as 0.
public struct PostMetrics: Hashable, Sendable, Codable {
    public static let typeName = "metrics"

    public var queue: String
    public var account: String
    public var postID: String?
    public var likes: Int?
    public var reposts: Int?
    public var replies: Int?
    public var quotes: Int?
    public var views: Int?
    /// When the counts were read (the action's time once recorded).
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case queue, account, likes, reposts, replies, quotes, views, at
        case postID = "post_id"
    }

    public init(
        queue: String, account: String, postID: String? = nil, likes: Int? = nil, reposts: Int? = nil,
        replies: Int? = nil, quotes: Int? = nil, views: Int? = nil, at: Date
    ) {
        (self.queue, self.account, self.postID, self.at) = (queue, account, postID, at)
        (self.likes, self.reposts, self.replies, self.quotes, self.views) = (likes, reposts, replies, quotes, views)
    }

    /// Likes, reposts, replies and quotes together (views are not engagement).
    public var engagement: Int { [likes, reposts, replies, quotes].compactMap { $0 }.reduce(0, +) }

    /// The counts only (queue, account and post id left as they are) from `other`.
    public func with(counts other: PostMetrics) -> PostMetrics {
        var m = self
        (m.likes, m.reposts, m.replies, m.quotes, m.views) =
            (other.likes, other.reposts, other.replies, other.quotes, other.views)
        return m
    }

    /// Reads a `metrics` event (nil for any other event, or one without its queue id and account).
    public init?(event e: AuditEvent) {
        guard case .other(Self.typeName, _, let d) = e.action, let q = d["queue"]?.stringValue,
            let a = d["account"]?.stringValue
        else { return nil }
        func count(_ k: String) -> Int? { d[k]?.intValue.flatMap { $0 >= 0 ? $0 : nil } }
        self.init(
            queue: q, account: a, postID: d["post_id"]?.stringValue, likes: count("likes"),
            reposts: count("reposts"), replies: count("replies"), quotes: count("quotes"), views: count("views"),
            at: e.at)
    }

    /// The action to record.
    public var action: Action {
        var d: [String: JSONValue] = ["queue": .string(queue), "account": .string(account)]
        if let postID { d["post_id"] = .string(postID) }
        for (k, v) in [("likes", likes), ("reposts", reposts), ("replies", replies), ("quotes", quotes)] {
            if let v { d[k] = .number(Double(v)) }
        }
        if let views { d["views"] = .number(Double(views)) }
        return .other(type: Self.typeName, mention: nil, data: d)
    }

    /// `12 likes · 3 reposts · 2 replies · 1 quote · 480 views` (only what the network gave), in the interface's
    /// language.
    public var line: String {
        var parts: [String] = []
        for (k, v) in [
            ("likes", likes), ("reposts", reposts), ("replies", replies), ("quotes", quotes), ("views", views),
        ] {
            if let v { parts.append(L10n.t("metrics." + k, ["count": LocalFormat.number(v)])) }
        }
        return parts.isEmpty ? L10n.t("metrics.none") : parts.joined(separator: " · ")
    }
}
