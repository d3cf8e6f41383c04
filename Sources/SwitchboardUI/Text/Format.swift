import Foundation
import ScreenKit
import SwitchboardCore

/// Times and small labels as the panes show them.
enum Format {
    /// "45s", "3m", "2h", "5d", "1y" (German: "5T", "1J"): `LocalFormat.age`.
    static func relative(_ t: Double, now: Double) -> String { LocalFormat.age(now - t) }

    /// "2026-11-27 14:05" (German: "27.11.2026 14:05") in the given time zone.
    static func dateTime(_ d: Date, _ tz: TimeZone) -> String { LocalFormat.dateTime(d, tz) }

    static func status(_ s: MentionStatus) -> String {
        switch s {
        case .new: return L10n.t("feed.status.new")
        case .open: return L10n.t("feed.status.open")
        case .waiting: return L10n.t("feed.status.waiting")
        case .answered: return L10n.t("feed.status.answered")
        case .escalated: return L10n.t("feed.status.escalated")
        case .ignored: return L10n.t("feed.status.ignored")
        case .spam: return L10n.t("feed.status.spam")
        }
    }

    /// A status's full name in the interface's language (`answered`, `beantwortet`).
    static func statusName(_ s: MentionStatus) -> String { L10n.t("mention.status." + s.rawValue) }

    /// A sentiment's name in the interface's language.
    static func sentimentName(_ s: Sentiment) -> String { L10n.t("sentiment." + s.rawValue) }

    /// An intent's name in the interface's language.
    static func intentName(_ i: Intent) -> String { L10n.t("intent." + i.rawValue) }

    /// A contact role's name in the interface's language.
    static func roleName(_ r: ContactRole) -> String { L10n.t("role." + r.rawValue) }

    static func network(_ platform: String) -> String {
        switch platform.lowercased() {
        case "mastodon": return "Mastodon"
        case "bluesky", "bsky": return "Bluesky"
        case "x": return "X"
        case "youtube": return "YouTube"
        case "facebook": return "Facebook"
        case "instagram": return "Instagram"
        case "threads": return "Threads"
        case "rss": return "RSS"
        case "jsonl": return "JSON Lines"
        case "reddit": return "Reddit"
        default: return platform
        }
    }

    /// `1,200` (German: `1.200`): `LocalFormat.number`.
    static func thousands(_ n: Int) -> String { LocalFormat.number(n) }
}

/// Feed marks: one cell each.
enum Marks {
    /// A post by one of the brand's own accounts (in the feed and in a thread).
    static let own = "»"
    /// A private message (Mastodon direct, a Bluesky chat message).
    static let locked = "🔒"

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
