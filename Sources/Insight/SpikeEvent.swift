import Foundation
import SwitchboardCore

/// One event the detector counts: when a mention was created and its sentiment.
public struct SpikeEvent: Sendable, Hashable {
    public var at: Date
    public var negative: Bool
    public init(at: Date, negative: Bool) { (self.at, self.negative) = (at, negative) }
    public init(_ m: Mention) {
        at = m.createdAt
        negative = m.analysis?.sentiment == .negative
    }
}
