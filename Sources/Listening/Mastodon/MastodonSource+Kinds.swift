import Foundation
import SwitchboardCore

extension MastodonSource {
    /// The notification types asked for with `types[]`: those that become mentions and those only counted.
    var notificationTypes: [String] {
        let kinds = config.mentionKinds
        var t: [String] = []
        if kinds.contains(.mention) || kinds.contains(.reply) { t.append("mention") }
        if kinds.contains(.quote) { t.append("quote") }
        return t + ["follow", "favourite", "reblog"]
    }

    /// The kind of a notification: Mastodon's `mention` is a reply when its status answers another.
    static func kind(_ n: Mastodon.Notification) -> NotificationKind? {
        switch n.type {
        case "mention": return n.status?.inReplyToId == nil ? .mention : .reply
        case "quote": return .quote
        case "follow": return .follow
        case "favourite": return .like
        case "reblog": return .boost
        default: return nil
        }
    }

    /// The statuses of a notifications page that become mentions, as (status, kind); the rest is counted
    /// into `tally` (by kind, and posts a server filter hides as `filtered`).
    func take(_ page: [Mastodon.Notification], tally: NotificationTally?) -> [(Mastodon.Status, NotificationKind)] {
        let kinds = config.mentionKinds
        var out: [(Mastodon.Status, NotificationKind)] = []
        for n in page {
            guard let k = MastodonSource.kind(n) else { continue }
            // Follows, likes and boosts are about the brand's own posts: counted, never a mention to answer.
            guard kinds.contains(k), !NotificationKind.counted.contains(k), let s = n.status else {
                if NotificationKind.counted.contains(k) { tally?.add(k.rawValue, at: n.createdAt) }
                continue
            }
            if MastodonSource.filterAction(s) == "hide" {
                tally?.add("filtered", at: n.createdAt)
                continue
            }
            out.append((s, k))
        }
        return out
    }

    /// The strongest server filter action a status matched: `hide` before `warn`; nil when none.
    static func filterAction(_ s: Mastodon.Status) -> String? {
        let actions = (s.filtered ?? []).map { ($0.filter.filterAction ?? "warn").lowercased() }
        return actions.contains("hide") ? "hide" : actions.contains("warn") ? "warn" : nil
    }

    /// The titles of the `warn` filters a status matched, for the warning shown instead of its text.
    static func filterWarning(_ s: Mastodon.Status) -> String? {
        let warns = (s.filtered ?? []).filter { ($0.filter.filterAction ?? "warn").lowercased() == "warn" }
        guard !warns.isEmpty else { return nil }
        let titles = warns.map { NetworkText.clean($0.filter.title, max: 100) }.filter { !$0.isEmpty }
        return titles.isEmpty ? "filtered" : titles.joined(separator: ", ")
    }
}
