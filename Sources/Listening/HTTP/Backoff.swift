import Foundation

/// Exponential backoff with full jitter ("AWS architecture blog" style): after `failures` consecutive
/// failures wait a random time in [base·2^(n-1)/2, base·2^(n-1)], capped at `cap`.
public struct Backoff: Sendable, Hashable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 10, cap: TimeInterval = 15 * 60) { (self.base, self.cap) = (base, cap) }

    /// The delay before the next try after `failures` (≥ 1) consecutive failures.
    public func delay(failures: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        guard failures > 0 else { return 0 }
        let exp = min(Double(failures - 1), 30)
        let ceiling = min(cap, base * pow(2, exp))
        // Half fixed, half jitter: never hammers, never waits longer than the ceiling.
        return ceiling / 2 + ceiling / 2 * min(max(random, 0), 1)
    }
}
