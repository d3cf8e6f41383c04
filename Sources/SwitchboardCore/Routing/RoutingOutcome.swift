import Foundation

/// What happened to one rule's hand-off of one mention.
public struct RoutingOutcome: Hashable, Sendable {
    public enum Result: Hashable, Sendable {
        case delivered(target: String)
        /// Recorded as `handoff_failed` (retried later) — or, when nothing could be recorded, only reported.
        case failed(String)
        /// Another process (or an earlier run) already handed it off with this rule.
        case alreadyRouted
    }
    public var mention: String, rule: String, team: String, result: Result
}
