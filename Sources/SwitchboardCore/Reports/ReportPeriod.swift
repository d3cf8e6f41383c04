import Foundation

/// The report's period: parsing `--since`/`--until`, the default (the last 7 days), and the chart buckets.
public enum ReportPeriod {
    /// The team's time zone (`team.json` `timezone`), UTC when none is set; an unknown name is an error.
    public static func timeZone(_ team: TeamConfig) throws -> TimeZone {
        guard let name = team.timezone, !name.isEmpty else { return TimeZone(identifier: "UTC")! }
        guard let tz = TimeZone(identifier: name) else {
            throw SwitchboardError("team.json: unknown timezone \"\(name)\"")
        }
        return tz
    }

    static func calendar(_ tz: TimeZone) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = tz
        return c
    }

    /// Today and the `days − 1` days before it, from local midnight, up to `now`.
    public static func lastDays(_ days: Int = 7, now: Date, timeZone: TimeZone) -> (since: Date, until: Date) {
        let cal = calendar(timeZone)
        let today = cal.startOfDay(for: now)
        return (cal.date(byAdding: .day, value: -(max(1, days) - 1), to: today) ?? today, now)
    }

    /// `--since`: `7d` / `2w` (that many calendar days, today included, from local midnight), `12h` / `30m`
    /// (exactly that long ago), a date `2026-11-01` (local midnight), or an ISO 8601 time. Nil when it is none.
    public static func parseSince(_ s: String, now: Date, timeZone: TimeZone) -> Date? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if let last = t.last, !last.isNumber, let n = Double(t.dropLast()), n >= 0, n <= 1_000_000 {
            switch last {
            case "d", "w":
                let days = Int(n) * (last == "w" ? 7 : 1)
                guard Double(Int(n)) == n, days >= 1 else { return nil }
                return lastDays(days, now: now, timeZone: timeZone).since
            case "h", "m", "s":
                return now.addingTimeInterval(-(SourceConfig.parseDuration(t) ?? 0))
            default: return nil
            }
        }
        if let d = localDay(t, timeZone) { return d }
        return Timestamp.parse(s)
    }

    /// `--until`: a date is inclusive (up to the next local midnight), an ISO 8601 time is exact.
    public static func parseUntil(_ s: String, timeZone: TimeZone) -> Date? {
        let t = s.trimmingCharacters(in: .whitespaces)
        if let d = localDay(t, timeZone) { return calendar(timeZone).date(byAdding: .day, value: 1, to: d) }
        return Timestamp.parse(t)
    }

    /// `YYYY-MM-DD` → local midnight of that day.
    static func localDay(_ s: String, _ tz: TimeZone) -> Date? {
        let p = s.split(separator: "-")
        guard s.count == 10, p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return calendar(tz).date(from: DateComponents(year: y, month: m, day: d))
    }

    /// The chart buckets of [since, until): days up to 35 days, weeks up to 245 days (35 weeks), else months.
    /// The first bucket starts at `since`; the others at local midnight (months: on the 1st).
    static func buckets(since: Date, until: Date, timeZone: TimeZone) -> (unit: String, starts: [Date]) {
        let cal = calendar(timeZone)
        let days = until.timeIntervalSince(since) / 86400
        let (unit, component, step): (String, Calendar.Component, Int) =
            days <= 35 ? ("day", .day, 1) : days <= 245 ? ("week", .day, 7) : ("month", .month, 1)
        let base =
            unit == "month"
            ? cal.date(from: cal.dateComponents([.year, .month], from: since)) ?? since : cal.startOfDay(for: since)
        var starts = [since]
        var i = 1
        while let next = cal.date(byAdding: component, value: step * i, to: base), next < until, i < 400 {
            if next > since { starts.append(next) }
            i += 1
        }
        return (unit, starts)
    }

    /// The bucket of `t` (the last start ≤ t).
    @inline(__always)
    static func bucket(_ t: Double, _ starts: [Double]) -> Int {
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }
}
