import Foundation
import SwitchboardCore

/// What a `ReplyGating` change did: the outcome, what the network said or what was changed, and (restricting) the
/// gate the post had before, to be put back when the crisis ends.
public struct ReplyGateResult: Sendable, Equatable {
    public var outcome: ReplyGateRecord.Outcome
    public var detail: String?
    /// The post's gate before the change, as the network gave it (nil: none recorded).
    public var previous: JSONValue?

    public init(_ outcome: ReplyGateRecord.Outcome, _ detail: String? = nil, previous: JSONValue? = nil) {
        (self.outcome, self.detail, self.previous) = (outcome, detail, previous)
    }
}
