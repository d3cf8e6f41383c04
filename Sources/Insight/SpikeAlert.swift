import Foundation
import SwitchboardCore

/// A raised spike alert.
public struct SpikeAlert: Sendable, Hashable {
    public enum Kind: String, Sendable { case all, negative }
    public var kind: Kind
    /// Mentions in the last hour.
    public var count: Int
    /// The baseline per hour it was measured against (the larger of the two baselines).
    public var baseline: Double
    /// count / max(baseline, 1).
    public var ratio: Double
    /// Mean per hour over the previous 24 hours, and the same hour a week earlier (nil without data that old).
    public var dayBaseline: Double
    public var weekBaseline: Double?
    public var at: Date
    /// "negative mentions ×5 in the last hour (25 against 5.0 per hour)".
    public var message: String
}
