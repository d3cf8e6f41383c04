import Foundation

/// Posting slots per account: team.json `"posting_schedule": {"masto": {"mon": ["09:00", "13:00"], …}}`, in the team's
/// time zone (`timezone`, default UTC). Like Buffer: "next free slot" takes the first slot no other item holds.
public struct PostingSchedule: Hashable, Sendable {
    public static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    /// account → weekday (`mon`…`sun`) → minutes after midnight, sorted.
    public var slots: [String: [String: [Int]]]
    public var timeZone: TimeZone
    /// `"prefer_best_slots": true` in `posting_schedule`: `--next-slot` takes the free slot of the coming week where
    /// the brand's posts did best (engagement per weekday and hour), once a slot has `minPostsPerSlot` posts with
    /// counts (`"min_posts_per_slot"`, default 3); until then, the first free slot.
    public var preferBestSlots = false
    public var minPostsPerSlot = 3

    public init(slots: [String: [String: [Int]]], timeZone: TimeZone) {
        (self.slots, self.timeZone) = (slots, timeZone)
    }

    /// Reads the schedule from team.json's extra fields; unreadable times are left out.
    public init(team: TeamConfig) {
        var out: [String: [String: [Int]]] = [:]
        if case .object(let accounts)? = team.extra["posting_schedule"] {
            for (account, v) in accounts {
                guard case .object(let days) = v else { continue }
                for (day, times) in days {
                    guard case .array(let list) = times else { continue }
                    let mins = list.compactMap { $0.stringValue.flatMap(Self.parseTime) }.sorted()
                    out[account, default: [:]][String(day.lowercased().prefix(3))] = mins
                }
            }
        }
        self.init(
            slots: out, timeZone: team.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!)
        if case .object(let o)? = team.extra["posting_schedule"] {
            if case .bool(let b)? = o["prefer_best_slots"] { preferBestSlots = b }
            if let n = o["min_posts_per_slot"]?.intValue, n > 0 { minPostsPerSlot = n }
        }
    }

    /// `09:00` → 540.
    public static func parseTime(_ s: String) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m) else {
            return nil
        }
        return h * 60 + m
    }

    public func hasSchedule(_ account: String) -> Bool {
        slots[account].map { !$0.values.allSatisfy(\.isEmpty) } ?? false
    }

    /// The slots of `account` from `after` (exclusive) on, in time order, for `days` days. A slot that falls into a DST
    /// gap (02:30 on the spring-forward night) moves to the same wall time after the change (03:30); on the
    /// fall-back night a repeated wall time is used once (the first).
    public func slots(after: Date, account: String, days: Int = 7 * 6) -> [Date] {
        guard let week = slots[account] else { return [] }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let startDay = cal.startOfDay(for: after)
        var out: [Date] = []
        for d in 0...days {
            guard
                let noon = cal.date(byAdding: .hour, value: 12, to: startDay).flatMap({
                    cal.date(byAdding: .day, value: d, to: $0)
                })
            else { continue }
            let c = cal.dateComponents([.year, .month, .day, .weekday], from: noon)
            guard let wd = c.weekday, let mins = week[Self.weekdays[wd - 1]] else { continue }
            for m in mins {
                var dc = DateComponents()
                (dc.year, dc.month, dc.day) = (c.year, c.month, c.day)
                dc.hour = m / 60
                dc.minute = m % 60
                guard var t = cal.date(from: dc) else { continue }
                // Normalise a wall time that does not exist (DST gap) to the time after the gap, wall-clock wise.
                let back = cal.dateComponents([.hour, .minute], from: t)
                if back.hour != dc.hour || back.minute != dc.minute {
                    let off = (dc.hour! * 60 + dc.minute!) - ((back.hour ?? 0) * 60 + (back.minute ?? 0))
                    if off > 0 { t = t.addingTimeInterval(Double(off) * 60) }
                }
                if t > after, !out.contains(t) { out.append(t) }
            }
        }
        return out.sorted()
    }
}
