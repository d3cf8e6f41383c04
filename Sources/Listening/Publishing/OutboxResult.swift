import Foundation
import SwitchboardCore

/// What one send attempt did.
public struct OutboxResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case sent(PostedRef)
        /// Failed; retried automatically at `retryAt`, or only when asked (nil).
        case failed(message: String, retryAt: Date?)
        /// Not sent by this sender: not due, manual, or another sender has it.
        case skipped(String)
    }
    public var id: String, mention: String, outcome: Outcome
}
