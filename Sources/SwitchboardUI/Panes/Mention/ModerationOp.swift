import Foundation
import SwitchboardCore

/// Moderation through the mention's network (the `X` key, `:moderate`, `:hide`, `:unhide`).
public enum ModerationOp: Sendable, Equatable {
    /// Which kinds the mention's network offers (answered with `Message.moderationChoices`, or an error naming why
    /// there are none).
    case choices(key: String)
    /// Ask the network, then record it; `label` names the mention in the confirmation.
    case apply(key: String, kind: ModerationKind, reason: String?, label: String)
}
