import Foundation

/// First-response targets (`team.json` `sla`): minutes per priority band, counted only inside business hours
/// (in the team's time zone) when `business_hours` is set, e.g. `"Mon-Fri 08:00-18:00"` or
/// `"Mon-Fri 08:00-18:00, Sat 10:00-14:00"`. Daylight-saving changes are handled by the calendar: an hour that
/// does not exist is not counted, a repeated one counts twice, exactly as the clock on the wall runs.
public struct SLA: Sendable, Equatable {
    public var firstResponseMinutes: Int
    public var byPriority: [String: Int]
    /// Open windows per weekday (1 = Sunday … 7 = Saturday, as `Calendar`), minutes since midnight; nil = always.
    public var hours: [Int: [ClosedRange<Int>]]?
    public var timeZone: TimeZone
    /// The brand's own accounts: their posts never need an answer (no due time, never overdue).
    public var own = OwnAccounts()

    public init(_ config: TeamConfig.SLA, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws {
        firstResponseMinutes = config.firstResponseMinutes
        byPriority = config.byPriority ?? [:]
        self.timeZone = timeZone
        hours = try config.businessHours.map(SLA.parseHours)
    }

    /// The team's SLA; an unknown time zone name is an error naming it.
    public init(team: TeamConfig) throws {
        var tz = TimeZone(identifier: "UTC")!
        if let name = team.timezone, !name.isEmpty {
            guard let z = TimeZone(identifier: name) else {
                throw SwitchboardError("team.json: unknown timezone \"\(name)\"")
            }
            tz = z
        }
        try self.init(team.sla, timeZone: tz)
        own = OwnAccounts(team: team)
    }

    /// The target for a priority band (`high`, `normal`, `low`), else the team's first-response target.
    public func target(band: String?) -> TimeInterval {
        Double(band.flatMap { byPriority[$0] } ?? firstResponseMinutes) * 60
    }

    /// When the first response to `mention` is due.
    public func due(for mention: Mention, band: String? = nil) -> Date { due(from: mention.createdAt, band: band) }

    public func due(from start: Date, band: String? = nil) -> Date { adding(target(band: band), to: start) }

    /// Business time left until the first response is due (negative: overdue by that much business time).
    public func timeLeft(for mention: Mention, band: String? = nil, now: Date) -> TimeInterval {
        let due = due(for: mention, band: band)
        return now <= due ? businessTime(from: now, to: due) : -businessTime(from: due, to: now)
    }

    /// Whether `mention` waits for a first response: open, not yet answered, and not one of our own posts.
    public func needsAnswer(_ mention: Mention, state: MentionState) -> Bool {
        state.status.isOpen && state.firstResponseAt == nil && !own.contains(mention)
    }

    /// Waiting for a first response (`needsAnswer`) and past its due time.
    public func isOverdue(_ mention: Mention, state: MentionState, band: String? = nil, now: Date) -> Bool {
        needsAnswer(mention, state: state) && now > due(for: mention, band: band)
    }

    // MARK: Business time

    var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// The open windows of the local day that contains `date`, as absolute times.
    func windows(onDayOf date: Date, _ cal: Calendar) -> [(Date, Date)] {
        let dayStart = cal.startOfDay(for: date)
        let weekday = cal.component(.weekday, from: dayStart)
        return (hours?[weekday] ?? []).compactMap { r in
            guard let a = time(dayStart, minutes: r.lowerBound, cal),
                let b = time(dayStart, minutes: r.upperBound, cal), a < b
            else { return nil }
            return (a, b)
        }
    }

    func time(_ dayStart: Date, minutes: Int, _ cal: Calendar) -> Date? {
        if minutes >= 1440 { return cal.date(byAdding: .day, value: 1, to: dayStart) }
        return cal.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: dayStart)
    }

    /// Whether the SLA clock runs at `date`: inside business hours, or always without them.
    public func isBusinessTime(_ date: Date) -> Bool {
        guard let hours, hours.values.contains(where: { !$0.isEmpty }) else { return true }
        return windows(onDayOf: date, calendar).contains { $0.0 <= date && date < $0.1 }
    }

    /// When the SLA clock starts running again after `date` (nil: it runs at `date`, or never within 8 weeks).
    public func nextOpening(after date: Date) -> Date? {
        if isBusinessTime(date) { return nil }
        let cal = calendar
        var day = date
        for _ in 0..<56 {
            if let w = windows(onDayOf: day, cal).first(where: { $0.0 > date }) { return w.0 }
            guard let next = cal.date(byAdding: .day, value: 1, to: cal.startOfDay(for: day)) else { break }
            day = next
        }
        return nil
    }

    /// `start` plus `seconds` of business time.
    public func adding(_ seconds: TimeInterval, to start: Date) -> Date {
        guard let hours, !hours.isEmpty, hours.values.contains(where: { !$0.isEmpty }) else {
            return start.addingTimeInterval(seconds)
        }
        let cal = calendar
        var left = seconds
        var day = start
        for _ in 0..<800 {
            for (a, b) in windows(onDayOf: day, cal) where b > start {
                let from = max(a, start)
                let span = b.timeIntervalSince(from)
                if span >= left { return from.addingTimeInterval(left) }
                left -= span
            }
            guard let next = cal.date(byAdding: .day, value: 1, to: cal.startOfDay(for: day)) else { break }
            day = next
        }
        return start.addingTimeInterval(seconds)
    }

    /// Business time between two instants (`from` ≤ `to`).
    public func businessTime(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        guard let hours, hours.values.contains(where: { !$0.isEmpty }) else { return to.timeIntervalSince(from) }
        let cal = calendar
        var total: TimeInterval = 0
        var day = from
        while day < to {
            for (a, b) in windows(onDayOf: day, cal) {
                let s = max(a, from)
                let e = min(b, to)
                if e > s { total += e.timeIntervalSince(s) }
            }
            guard let next = cal.date(byAdding: .day, value: 1, to: cal.startOfDay(for: day)) else { break }
            day = next
        }
        return total
    }

    // MARK: Parsing business hours

    static let dayNames = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]

    /// `"Mon-Fri 08:00-18:00, Sat 10:00-14:00"` → windows per weekday.
    public static func parseHours(_ s: String) throws -> [Int: [ClosedRange<Int>]] {
        var out: [Int: [ClosedRange<Int>]] = [:]
        for part in s.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let bits = part.split(separator: " ", omittingEmptySubsequences: true)
            guard bits.count == 2 else {
                throw SwitchboardError(
                    "business_hours \"\(s)\": expected DAYS HH:MM-HH:MM like \"Mon-Fri 08:00-18:00\"")
            }
            let days = try parseDays(String(bits[0]), whole: s)
            let times = bits[1].split(separator: "-")
            guard times.count == 2, let a = minutes(times[0]), let b = minutes(times[1]), a < b else {
                throw SwitchboardError("business_hours \"\(s)\": \"\(bits[1])\" is not a time range like 08:00-18:00")
            }
            for d in days { out[d, default: []].append(a...b) }
        }
        return out
    }

    static func parseDays(_ s: String, whole: String) throws -> [Int] {
        var out: [Int] = []
        for item in s.lowercased().split(separator: "/") {
            let ends = item.split(separator: "-").map { dayNames[String($0.prefix(3))] }
            guard !ends.isEmpty, ends.allSatisfy({ $0 != nil }) else {
                throw SwitchboardError("business_hours \"\(whole)\": \"\(s)\" is not days like Mon-Fri")
            }
            if ends.count == 1 { out.append(ends[0]!); continue }
            var d = ends[0]!
            while true {
                out.append(d)
                if d == ends[1]! { break }
                d = d % 7 + 1
            }
        }
        return out
    }

    static func minutes(_ s: Substring) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m),
            h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }
}
