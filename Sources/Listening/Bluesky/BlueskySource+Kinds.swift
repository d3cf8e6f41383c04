import Foundation
import SwitchboardCore

extension BlueskySource {
    /// The `reasons` asked of `listNotifications`: those that become mentions and those only counted.
    var requestedReasons: [String] {
        let kinds = config.mentionKinds
        let mentions = [NotificationKind.mention, .reply, .quote].filter { kinds.contains($0) }.map(\.rawValue)
        return mentions + ["follow", "like", "repost"]
    }

    /// The kind of a notification's reason (`like-via-repost` is a like, `repost-via-repost` a boost).
    static func kind(reason: String) -> NotificationKind? {
        switch reason {
        case "mention": return .mention
        case "reply": return .reply
        case "quote": return .quote
        case "follow": return .follow
        case "like", "like-via-repost": return .like
        case "repost", "repost-via-repost": return .boost
        default: return nil
        }
    }

    /// Whether a notification becomes a mention; a follow, like or boost that does not is counted in `tally`.
    /// Only posts become mentions (a like's record is a like, not a post).
    func take(_ n: Bluesky.Notification, tally: NotificationTally?) -> Bool {
        guard let k = BlueskySource.kind(reason: n.reason) else { return false }
        if config.mentionKinds.contains(k), [.mention, .reply, .quote].contains(k) { return true }
        if NotificationKind.counted.contains(k) {
            tally?.add(k.rawValue, at: Timestamp.parse(n.indexedAt) ?? client.now())
        }
        return false
    }
}
