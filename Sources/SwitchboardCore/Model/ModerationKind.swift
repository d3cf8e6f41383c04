import Foundation

/// What a moderator can do to an item on its network. Which ones a network offers: `Moderator.supported`
/// (in Listening). Recorded in the log as `Action.moderate` once the network said yes.
public enum ModerationKind: String, Codable, CaseIterable, Sendable {
    /// Hide from everyone but the author and their friends (Facebook, Instagram, X replies, Threads).
    case hide, unhide
    /// Delete (a comment the Page/account may delete; one's own post).
    case delete
    /// YouTube: hold for review, publish (approve), reject; Reddit: approve, remove, lock, unlock.
    case hold, approve, reject, remove, lock, unlock

    /// The past participle for the history: `hidden`, `deleted`, `held for review`.
    public var done: String {
        switch self {
        case .hide: return "hidden"
        case .unhide: return "unhidden"
        case .delete: return "deleted"
        case .hold: return "held for review"
        case .approve: return "approved"
        case .reject: return "rejected"
        case .remove: return "removed"
        case .lock: return "locked"
        case .unlock: return "unlocked"
        }
    }

    /// The short mark of the feed row: `hidden`, `deleted`, `held`.
    public var mark: String { self == .hold ? "held" : done }

    /// What the item is after this action, as the feed marks it (nil: visible as usual).
    public var visibilityAfter: ModerationKind? {
        switch self {
        case .unhide, .approve: return nil
        case .lock, .unlock: return nil
        default: return self
        }
    }
}
