import Foundation

extension SLA {
    /// Business time over a span of days with prefix sums: the business seconds between two instants are two
    /// binary searches instead of calendar arithmetic per mention (what a report over 100,000 mentions needs).
    /// The windows are the SLA's own (`windows(onDayOf:)`), so daylight-saving days behave exactly as `SLA`'s.
    /// Without business hours the clock is the wall clock.
    public struct Clock: Sendable {
        private var starts: [Double] = []
        private var ends: [Double] = []
        private var before: [Double] = []
        private let always: Bool

        /// Covers `from…to` (with a day's margin on both sides); instants outside count no business time.
        public init(_ sla: SLA, from: Date, to: Date) {
            guard let hours = sla.hours, hours.values.contains(where: { !$0.isEmpty }) else { always = true; return }
            always = false
            let cal = sla.calendar
            var day = cal.startOfDay(for: from.addingTimeInterval(-86400))
            let end = to.addingTimeInterval(86400)
            var windows: [(Double, Double)] = []
            var n = 0
            while day < end, n < 20_000 {
                for (a, b) in sla.windows(onDayOf: day, cal) {
                    windows.append((a.timeIntervalSince1970, b.timeIntervalSince1970))
                }
                guard let next = cal.date(byAdding: .day, value: 1, to: day) else { break }
                day = next
                n += 1
            }
            windows.sort { $0.0 < $1.0 }
            var total = 0.0
            for (a, b) in windows where b > a {
                starts.append(a)
                ends.append(b)
                before.append(total)
                total += b - a
            }
        }

        /// Business seconds from the first window to `x`.
        func elapsed(_ x: Double) -> Double {
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= x { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0 else { return 0 }
            let i = lo - 1
            return before[i] + (min(x, ends[i]) - starts[i])
        }

        /// Business seconds between `a` and `b` (0 when `b` ≤ `a`).
        public func between(_ a: Date, _ b: Date) -> TimeInterval {
            guard b > a else { return 0 }
            if always { return b.timeIntervalSince(a) }
            return elapsed(b.timeIntervalSince1970) - elapsed(a.timeIntervalSince1970)
        }
    }
}
