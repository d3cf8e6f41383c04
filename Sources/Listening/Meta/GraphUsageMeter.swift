import Foundation

/// The usage headers seen during one source's requests (a poll makes several): the highest reading since the
/// last `take()`.
public final class GraphUsageMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var usage: GraphUsage?

    public init() {}

    public func record(_ u: GraphUsage?) {
        guard let u else { return }
        lock.withLock { usage = usage.map { $0.merged(u) } ?? u }
    }

    /// The reading so far, without forgetting it.
    public var current: GraphUsage? { lock.withLock { usage } }

    /// The reading so far; the meter starts over.
    public func take() -> GraphUsage? {
        lock.withLock {
            defer { usage = nil }
            return usage
        }
    }
}
