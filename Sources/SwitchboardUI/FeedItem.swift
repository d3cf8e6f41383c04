import Foundation
import SwitchboardCore

/// What the feed keeps of one stored mention: enough to draw its row, sort, filter and count it.
/// (The full mention is loaded for the detail pane only; this keeps 100,000 rows small.)
public struct FeedItem: Sendable {
    public var key: String
    public var platform: String
    public var author: String
    public var text: String
    public var time: Double
    public var priority: Float
    public var sentiment: Sentiment?
    public var intents: IntentSet
    public var followers: Int32

    public init(_ m: Mention, sla: Int, now: Date) {
        key = m.key
        platform = m.platform
        author = m.author?.handle ?? ""
        text = m.text
        time = m.createdAt.timeIntervalSince1970
        sentiment = m.analysis?.sentiment
        intents = IntentSet(m.analysis?.intents ?? [])
        followers = Int32(clamping: m.author?.followers ?? 0)
        priority = 0
        priority = Priority.score(self, slaMinutes: sla, now: now.timeIntervalSince1970)
    }

    /// One-letter network code shown in the feed: M(astodon), B(luesky), R(SS), J(SON Lines), else the first letter.
    public var networkMark: String {
        switch platform.lowercased() {
        case "mastodon": return "M"
        case "bluesky": return "B"
        case "rss", "atom": return "R"
        case "jsonl": return "J"
        default: return platform.first.map { String($0).uppercased() } ?? "?"
        }
    }
}

/// The intents of a mention as bits (small and fast to test in filters).
public struct IntentSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let question = IntentSet(rawValue: 1)
    public static let complaint = IntentSet(rawValue: 2)
    public static let praise = IntentSet(rawValue: 4)
    public static let help = IntentSet(rawValue: 8)
    public static let purchase = IntentSet(rawValue: 16)
    public static let spam = IntentSet(rawValue: 32)
    public static let crisis = IntentSet(rawValue: 64)

    public init(_ intents: [Intent]) {
        var s: IntentSet = []
        for i in intents {
            switch i {
            case .question: s.insert(.question)
            case .complaint: s.insert(.complaint)
            case .praise: s.insert(.praise)
            case .help: s.insert(.help)
            case .purchase: s.insert(.purchase)
            case .spam: s.insert(.spam)
            case .crisis: s.insert(.crisis)
            }
        }
        self = s
    }
}

/// A simple local priority (0…100) until Insight's priority lands: what needs an answer first.
public enum Priority {
    public static func score(_ item: FeedItem, slaMinutes: Int, now: Double) -> Float {
        var s: Float = 10
        let i = item.intents
        if i.contains(.crisis) { s += 40 }
        if i.contains(.complaint) { s += 25 }
        if i.contains(.question) || i.contains(.help) { s += 20 }
        if i.contains(.purchase) { s += 10 }
        if i.contains(.spam) { s -= 30 }
        if item.sentiment == .negative { s += 15 }
        if item.followers > 0 { s += min(15, Float(log10(Double(item.followers) + 1)) * 3) }
        let ageMinutes = (now - item.time) / 60
        if slaMinutes > 0, ageMinutes >= 0 {
            let ratio = ageMinutes / Double(slaMinutes)
            // Rising toward the SLA, highest just past it, fading once very old (days).
            if ratio <= 1 { s += Float(ratio) * 10 } else if ratio < 24 { s += 12 } else { s -= 10 }
        }
        return max(0, min(100, s))
    }
}
