import Foundation
import SwitchboardCore

/// Business seconds over a span of days, from the team's SLA windows (same construction as Core's SLA: the
/// weekday windows of each local day, through the calendar, so DST behaves the same), with prefix sums: the
/// business time between two instants is two binary searches instead of calendar arithmetic per mention.
/// Used to count overdue mentions over the whole feed on every tick.
struct BusinessClock {
    private var starts: [Double] = []
    private var ends: [Double] = []
    private var before: [Double] = []

    init(sla: SLA, from: Double, to: Double) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = sla.timeZone
        var windows: [(Double, Double)] = []
        var day = cal.startOfDay(for: Date(timeIntervalSince1970: from - 86400))
        let end = Date(timeIntervalSince1970: to + 86400)
        var guardDays = 0
        while day < end, guardDays < 4000 {
            let weekday = cal.component(.weekday, from: day)
            for r in sla.hours?[weekday] ?? [] {
                guard let a = BusinessClock.time(day, r.lowerBound, cal), let b = BusinessClock.time(day, r.upperBound, cal), a < b else { continue }
                windows.append((a.timeIntervalSince1970, b.timeIntervalSince1970))
            }
            guard let next = cal.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
            guardDays += 1
        }
        windows.sort { $0.0 < $1.0 }
        var total = 0.0
        for (a, b) in windows {
            starts.append(a); ends.append(b); before.append(total)
            total += b - a
        }
    }

    static func time(_ dayStart: Date, _ minutes: Int, _ cal: Calendar) -> Date? {
        if minutes >= 1440 { return cal.date(byAdding: .day, value: 1, to: dayStart) }
        return cal.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: dayStart)
    }

    /// Business seconds from the first window to `x`.
    func elapsed(_ x: Double) -> Double {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return 0 }
        let i = lo - 1
        return before[i] + (min(x, ends[i]) - starts[i])
    }

    /// Business seconds between `a` and `b` (`a` ≤ `b`).
    func between(_ a: Double, _ b: Double) -> Double { b > a ? elapsed(b) - elapsed(a) : 0 }
}
