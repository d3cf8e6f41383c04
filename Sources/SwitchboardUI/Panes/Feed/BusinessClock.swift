import Foundation
import SwitchboardCore

/// Business seconds over a span of days: the UI's seconds-since-1970 face of Core's `SLA.Clock` (the SLA's own
/// windows, prefix sums, two binary searches per question). Used to count overdue mentions over the whole feed
/// on every tick.
struct BusinessClock {
    private let clock: SLA.Clock

    init(sla: SLA, from: Double, to: Double) {
        clock = SLA.Clock(sla, from: Date(timeIntervalSince1970: from), to: Date(timeIntervalSince1970: to))
    }

    /// Business seconds between `a` and `b` (`a` ≤ `b`).
    func between(_ a: Double, _ b: Double) -> Double {
        clock.between(Date(timeIntervalSince1970: a), Date(timeIntervalSince1970: b))
    }
}
