import Foundation
import SwitchboardCore

/// How many posts an X source has read, per calendar month (UTC): `state/x-<id>.reads.json`, shared by every process
/// on the data directory (each update is a read-modify-write under `FILE.lock`, written atomically). X charges per
/// post read, so the source asks this ledger how much of its `monthly_read_budget` is left before every request.
public struct XReadLedger: Sendable {
    public let file: URL

    public init(dataDir: DataDirectory, sourceID: String) {
        file = dataDir.stateDir.appendingPathComponent("x-\(sourceID).reads.json")
    }

    /// `2026-12` for a date in December 2026 (UTC).
    public static func month(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month], from: d)
        return String(format: "%04d-%02d", c.year ?? 1970, c.month ?? 1)
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The first instant of the month of `d` (UTC).
    public static func monthStart(_ d: Date) -> Date {
        calendar.date(from: calendar.dateComponents([.year, .month], from: d)) ?? d
    }

    /// The first instant of the next month (UTC): when a spent budget is renewed.
    public static func monthEnd(_ d: Date) -> Date {
        calendar.date(byAdding: .month, value: 1, to: monthStart(d)) ?? d.addingTimeInterval(31 * 86400)
    }

    /// Posts read in the month of `now`.
    public func used(now: Date) -> Int { load()[XReadLedger.month(now)] ?? 0 }

    /// Adds `count` posts read at `now` and returns the month's new total.
    @discardableResult
    public func add(_ count: Int, now: Date) throws -> Int {
        guard count > 0 else { return used(now: now) }
        try FileIO.makeDirectory(file.deletingLastPathComponent())
        return try FileIO.withLock(URL(fileURLWithPath: file.path + ".lock")) {
            var months = load()
            let key = XReadLedger.month(now)
            months[key, default: 0] += count
            // Keep a year of history: enough for a person comparing months, small forever.
            for k in months.keys.sorted().dropLast(12) { months[k] = nil }
            let data = try JSONSerialization.data(withJSONObject: months, options: [.sortedKeys, .prettyPrinted])
            try FileIO.writeDocument(data + Data("\n".utf8), to: file)
            return months[key] ?? 0
        }
    }

    /// `{"2026-11": 9800, "2026-12": 7420}`; an unreadable file counts as empty (it is rewritten on the next read).
    func load() -> [String: Int] {
        guard let d = FileManager.default.contents(atPath: file.path),
            let obj = try? JSONSerialization.jsonObject(with: d) as? [String: Any]
        else { return [:] }
        return obj.compactMapValues { ($0 as? NSNumber)?.intValue }
    }
}

/// The arithmetic of a monthly read budget: what is left, what a request may ask for, and when the next poll may
/// run so that the month's reads are spread over the month.
public struct XReadBudget: Sendable {
    public var budget: Int, used: Int
    public var now: Date

    public init(budget: Int, used: Int, now: Date) { (self.budget, self.used, self.now) = (budget, used, now) }

    public var remaining: Int { max(0, budget - used) }

    /// The share of the month gone by (0…1).
    public var elapsed: Double {
        let s = XReadLedger.monthStart(now), e = XReadLedger.monthEnd(now)
        return min(1, max(0, now.timeIntervalSince(s) / e.timeIntervalSince(s)))
    }

    /// The budget spread evenly over the month up to now, with one day's share in hand (so the first hours of a
    /// month are not throttled).
    public var proRata: Double { Double(budget) * min(1, elapsed + 86400 / monthLength) }

    var monthLength: TimeInterval { XReadLedger.monthEnd(now).timeIntervalSince(XReadLedger.monthStart(now)) }

    /// True once reads pass 80% of the pro-rata budget: the source slows down.
    public var isNear: Bool { Double(used) >= 0.8 * proRata }

    /// The earliest next poll when the budget is near: when the pro-rata budget allows `minimum` more reads than were
    /// made, at least twice the interval and at most six hours away; nil while reads keep to the budget.
    public func slowedNextPoll(interval: TimeInterval, minimum: Int = 5) -> Date? {
        guard isNear, budget > 0 else { return nil }
        let s = XReadLedger.monthStart(now)
        let due = s.addingTimeInterval(Double(used + minimum) / Double(budget) * monthLength - 86400)
        let lo = now.addingTimeInterval(2 * interval), hi = now.addingTimeInterval(6 * 3600)
        return min(max(due, lo), hi)
    }
}
