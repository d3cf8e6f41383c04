import Foundation
import SwitchboardCore

/// Moderation keys and commands: `X` asks which kinds the mention's network offers and shows them as a chooser
/// (`moderate KIND [REASON]` on the command line); `:hide [REASON]` and `:unhide` do it at once. Like every action
/// key, they act on the highlighted row (or the mention open in the composer while it has the focus).
extension Update {
    /// `moderate KIND [REASON]`; without a kind, asks the network's choices first.
    static func moderate(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let k = s.actionKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        let words = arg.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first else { return [.moderation(.choices(key: k))] }
        guard let kind = ModerationKind(rawValue: first.lowercased()) else {
            say(
                &s,
                L10n.t(
                    "moderation.unknown",
                    ["kind": first, "kinds": ModerationKind.allCases.map(\.rawValue).joined(separator: ", ")]),
                error: true)
            return []
        }
        let reason = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        return moderate(&s, k, kind, reason: reason)
    }

    /// `hide [REASON]` / `unhide [REASON]`.
    static func moderate(_ s: inout AppState, _ kind: ModerationKind, _ arg: String) -> [Effect] {
        guard let k = s.actionKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        return moderate(&s, k, kind, reason: arg.trimmingCharacters(in: .whitespaces))
    }

    static func moderate(_ s: inout AppState, _ k: String, _ kind: ModerationKind, reason: String) -> [Effect] {
        let label = s.label(k)
        say(&s, L10n.t("moderation.asking", ["kind": kind.rawValue, "label": label]))
        return [.moderation(.apply(key: k, kind: kind, reason: reason.isEmpty ? nil : reason, label: label))]
    }

    /// The network's kinds for the highlighted mention: the command line with them as choices.
    static func moderationChoices(_ s: inout AppState, key: String, kinds: [ModerationKind]) -> [Effect] {
        guard s.actionKey == key else { return [] }
        prompt(&s, "moderate ", candidates: kinds.map(\.rawValue))
        return []
    }

    /// The network answered (and the action was recorded, when `ok`).
    static func moderated(_ s: inout AppState, _ text: String, ok: Bool) -> [Effect] {
        say(&s, text, error: !ok)
        return [.refreshStore]
    }
}
