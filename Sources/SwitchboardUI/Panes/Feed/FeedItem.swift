import Foundation
import Insight
import SwitchboardCore

/// What the feed keeps of one stored mention: enough to draw its row, sort, filter and count it.
/// (The full mention is loaded for the detail pane only; this keeps 100,000 rows small.)
public struct FeedItem: Sendable {
    public var key: String, platform: String, author: String, text: String, time: Double, priority: Float
    public var sentiment: Sentiment?
    public var intents: IntentSet
    public var followers: Int32
    /// Part of a conversation (in_reply_to or thread_root): Insight's priority weighs it.
    public var isReply: Bool
    /// The analysis' mood score (-1…1), kept to recompute the priority later.
    public var moodScore: Float
    /// Posted by one of the brand's own accounts: shown as ours, never waits for an answer, never counted.
    public var isOwn: Bool
    /// A private message (🔒 in the row; hidden from members whose role may not read them).
    public var isPrivate: Bool
    /// A server filter's warning (Mastodon `warn`): the row shows it instead of the text.
    public var filterWarning: String?

    public init(_ m: Mention, sla: Int, now: Date, status: MentionStatus = .new, own: Bool = false) {
        (key, platform, author, text) = (m.key, m.platform, m.author?.handle ?? FeedItem.standIn(m), m.text)
        (time, sentiment) = (m.createdAt.timeIntervalSince1970, m.analysis?.sentiment)
        intents = IntentSet(m.analysis?.intents ?? [])
        followers = Int32(clamping: m.author?.followers ?? 0)
        isReply = m.inReplyTo != nil || m.threadRoot != nil
        moodScore = Float(m.analysis?.score ?? 0)
        isOwn = own
        (isPrivate, filterWarning) = (m.isPrivate, m.filterWarning)
        // Our own posts sink like closed work: nothing to do about them.
        priority = FeedItem.priority(
            m.analysis, followers: m.author?.followers, time: time, isReply: isReply, status: own ? .answered : status,
            sla: sla, now: now)
    }

    /// The priority again at `now` (age against the SLA moves on; closed work sinks).
    func currentPriority(status: MentionStatus, sla: Int, now: Date) -> Float {
        let a = sentiment.map { Analysis(lang: "", sentiment: $0, score: Double(moodScore), intents: intents.list) }
        return FeedItem.priority(
            a, followers: Int(followers), time: time, isReply: isReply, status: isOwn ? .answered : status, sla: sla,
            now: now)
    }

    /// Insight's priority score (intent, mood, reach, age against the SLA, conversation; closed work sinks).
    static func priority(
        _ a: Analysis?, followers: Int?, time: Double, isReply: Bool, status: MentionStatus, sla: Int, now: Date
    ) -> Float {
        Float(
            Priority.score(
                analysis: a, followers: followers, createdAt: Date(timeIntervalSince1970: time), isReply: isReply,
                status: status, slaMinutes: sla, now: now))
    }

    /// One-letter network code shown in the feed: M(astodon), B(luesky), R(SS), J(SON Lines), r(eddit), else the first
    /// letter.
    public var networkMark: String {
        switch platform.lowercased() {
        case "mastodon": return "M"
        case "bluesky": return "B"
        case "rss", "atom": return "R"
        case "jsonl": return "J"
        case "reddit": return "r"
        default: return platform.first.map { String($0).uppercased() } ?? "?"
        }
    }
}

extension FeedItem {
    /// What the author column shows when the network names no author: the hashtag the post was found by
    /// (Instagram's hashtag search gives no user name), else nothing.
    static func standIn(_ m: Mention) -> String {
        if case .string(let via)? = m.extra?["via"], via.hasPrefix("#") { return via }
        return ""
    }
}
