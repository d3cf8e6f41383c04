import Foundation

/// The kinds of notification a network sends about the brand's account. Mentions, replies and quotes become
/// mentions by default; follows, likes and boosts only are counted (`state/notification-counts.json`) for the
/// report, unless a source's `notification_kinds` turns them into mentions too.
public enum NotificationKind: String, CaseIterable, Codable, Sendable, Hashable {
    case mention, reply, quote, follow, like, boost

    /// What a source turns into mentions when its entry does not say.
    public static let defaultMentions: Set<NotificationKind> = [.mention, .reply, .quote]
    /// Kinds that are never mentions unless asked for: counted for reports.
    public static let counted: [NotificationKind] = [.follow, .like, .boost]

    /// A kind by its name or a network's own word for it (`favourite`, `reblog`, `repost`, `likes`…).
    public init?(name: String) {
        let n = name.trimmingCharacters(in: .whitespaces).lowercased()
        let aliases: [String: NotificationKind] = [
            "mention": .mention, "mentions": .mention, "reply": .reply, "replies": .reply, "quote": .quote,
            "quotes": .quote, "follow": .follow, "follows": .follow, "like": .like, "likes": .like,
            "favourite": .like, "favorite": .like, "favourites": .like, "boost": .boost, "boosts": .boost,
            "reblog": .boost, "reblogs": .boost, "repost": .boost, "reposts": .boost,
        ]
        guard let k = aliases[n] else { return nil }
        self = k
    }
}

extension SourceConfig {
    /// The notification kinds this source turns into mentions (`notification_kinds`; a source with an unknown
    /// name in it refuses to start, naming it: `checkNotificationKinds`).
    public var mentionKinds: Set<NotificationKind> {
        guard let names = notificationKinds else { return NotificationKind.defaultMentions }
        return Set(names.compactMap(NotificationKind.init(name:)))
    }

    /// Names in `notification_kinds` that mean no kind.
    public var unknownNotificationKinds: [String] {
        (notificationKinds ?? []).filter { NotificationKind(name: $0) == nil }
    }
}

extension SourceConfig {
    /// A clear configuration error for a name in `notification_kinds` that means no kind (a typo like `replys`
    /// would otherwise silently keep replies out of the feed).
    public func notificationKindsProblem() -> String? {
        let bad = unknownNotificationKinds
        guard !bad.isEmpty else { return nil }
        return "source \(id): `notification_kinds` holds \(bad.map { "\"\($0)\"" }.joined(separator: ", ")): "
            + "the kinds are mention, reply, quote, follow, like, boost"
    }
}
