import Foundation
import ScreenKit
import SwitchboardCore

/// Times and small labels as the panes show them.
enum Format {
    /// "45s", "3m", "2h", "5d", "1y".
    static func relative(_ t: Double, now: Double) -> String {
        let d = max(0, now - t)
        if d < 60 { return "\(Int(d))s" }
        if d < 3600 { return "\(Int(d / 60))m" }
        if d < 86400 { return "\(Int(d / 3600))h" }
        if d < 365 * 86400 { return "\(Int(d / 86400))d" }
        return "\(Int(d / (365 * 86400)))y"
    }

    /// "2026-11-27 14:05" in the given time zone.
    static func dateTime(_ d: Date, _ tz: TimeZone) -> String { Timestamp.local(d, tz) }

    static func status(_ s: MentionStatus) -> String {
        switch s {
        case .new: return "new"
        case .open: return "open"
        case .waiting: return "wait"
        case .answered: return "done"
        case .escalated: return "esc"
        case .ignored: return "ign"
        case .spam: return "spam"
        }
    }

    static func network(_ platform: String) -> String {
        switch platform.lowercased() {
        case "mastodon": return "Mastodon"
        case "bluesky": return "Bluesky"
        case "x": return "X"
        case "rss": return "RSS"
        case "jsonl": return "JSON Lines"
        case "reddit": return "Reddit"
        default: return platform
        }
    }

    static func thousands(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

/// Feed marks: one cell each.
enum Marks {
    /// A post by one of the brand's own accounts (in the feed and in a thread).
    static let own = "»"

    static func sentiment(_ s: Sentiment?) -> (String, ScreenKitRole) {
        switch s {
        case .negative: return ("-", .negative)
        case .positive: return ("+", .positive)
        case .neutral: return ("=", .neutral)
        case nil: return (" ", .normal)
        }
    }

    /// The most urgent intent: `*` crisis, `?` question or help request (waiting for an answer, also when it is a
    /// complaint), `!` complaint, `$` purchase interest, `♥` praise, `~` spam.
    static func intent(_ i: IntentSet) -> (String, ScreenKitRole) {
        if i.contains(.crisis) { return ("*", .crisisBanner) }
        if i.contains(.question) || i.contains(.help) { return ("?", .question) }
        if i.contains(.complaint) { return ("!", .complaint) }
        if i.contains(.purchase) { return ("$", .accent) }
        if i.contains(.praise) { return ("♥", .praise) }
        if i.contains(.spam) { return ("~", .dim) }
        return (" ", .normal)
    }
}

typealias ScreenKitRole = StyleRole
