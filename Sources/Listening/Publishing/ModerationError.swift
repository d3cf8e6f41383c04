import Foundation
import SwitchboardCore

/// Why a moderation action was not done. Nothing is recorded when one of these is thrown.
public enum ModerationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mention's network has no moderation API for this account (feeds, Mastodon, Bluesky).
    case noAPI(network: String, why: String)
    /// The network offers other kinds: `offered` names them.
    case notOffered(network: String, kind: ModerationKind, offered: [ModerationKind])
    /// The item is gone (deleted through Switchboard before).
    case deleted(key: String)
    /// The network refused or could not be reached (needs login, a missing permission, 5xx…).
    case failed(PublishError)
    /// No mention with that key.
    case noMention(String)

    public var description: String {
        switch self {
        case .noAPI(_, let why): return why
        case .notOffered(let n, let k, let offered):
            let name = Moderation.networkName(n)
            if offered.isEmpty { return L10n.t("moderation.error.noneOffered", ["network": name]) }
            return L10n.t(
                "moderation.error.notOffered",
                ["network": name, "kind": k.rawValue, "offered": offered.map(\.rawValue).joined(separator: ", ")])
        case .deleted(let k): return L10n.t("moderation.error.deleted", ["key": k])
        case .failed(let e): return e.description
        case .noMention(let k): return L10n.t("msg.noMentionKey", ["key": k])
        }
    }
}
