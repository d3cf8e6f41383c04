import Foundation

/// One moderation action on a mention as the network confirmed it (`Action.moderate`), kept in `MentionState`.
public struct ModerationRecord: Codable, Hashable, Sendable {
    public var kind: ModerationKind
    public var actor: String
    public var at: Date
    public var reason: String?
    /// The author was banned too (where the network can).
    public var ban: Bool

    public init(kind: ModerationKind, actor: String, at: Date, reason: String? = nil, ban: Bool = false) {
        (self.kind, self.actor, self.at, self.reason, self.ban) = (kind, actor, at, reason, ban)
    }

    /// `hidden by alice: spam`, `rejected by ben (author banned)` (`verborgen von alice: spam` in German).
    public var line: String {
        L10n.t(
            ban ? "moderation.lineBanned" : "moderation.line",
            ["done": L10n.t("moderation.done." + kind.rawValue), "user": actor])
            + (reason.map { ": " + $0 } ?? "")
    }
}

extension MentionState {
    /// How the item stands on its network after the moderation recorded so far (`hide`, `delete`, `hold`,
    /// `reject`, `remove`), or nil when it is visible as usual (never moderated, unhidden, approved).
    public var moderated: ModerationKind? {
        var v: ModerationKind?
        for r in moderation where r.kind != .lock && r.kind != .unlock && !r.kind.concernsAuthor {
            // Nothing brings a deleted item back.
            if v == .delete { break }
            v = r.kind.visibilityAfter
        }
        return v
    }

    /// Locked against new replies (Reddit `lock`, until `unlock`).
    public var locked: Bool {
        moderation.last(where: { $0.kind == .lock || $0.kind == .unlock })?.kind == .lock
    }
}
