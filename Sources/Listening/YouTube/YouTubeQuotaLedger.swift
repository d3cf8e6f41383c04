import Foundation
import SwitchboardCore

/// A YouTube source's quota ledger, `state/youtube-<id>.quota.json`: the units spent on the current quota day
/// (Google resets the Data API quota at midnight Pacific time). Every call is charged BEFORE it is made, under
/// `FILE.lock` and written atomically, so the listener, the workbench and the CLI on one data directory share one
/// count and never go past the budget together. Reads may use the budget less a reserve kept for replies and
/// moderation (writes cost 50 units each); writes may use all of it.
public final class YouTubeQuotaLedger: @unchecked Sendable {
    public let file: URL
    /// Units this source may spend a day (`daily_quota`, default 10,000: a Google Cloud project's default).
    public let budget: Int

    /// What the file holds.
    public struct Day: Codable, Sendable, Equatable {
        /// The Pacific-time date, `2026-12-05`.
        public var day: String
        public var used: Int
        /// Set when the server answered `quotaExceeded`: nothing more until the reset, whatever `used` says.
        public var exhausted: Bool?
        public var reads: Int?
        public var writes: Int?
    }

    /// Units per call, as Google documents them: a list 1, a search 100, a write (insert, moderate, delete) 50.
    public enum Cost {
        public static let list = 1, search = 100, write = 50
    }

    public static let defaultBudget = 10_000
    public static let pacific = TimeZone(identifier: "America/Los_Angeles") ?? TimeZone(secondsFromGMT: -8 * 3600)!

    public init(file: URL, budget: Int?) {
        self.file = file
        self.budget = max(1, budget ?? YouTubeQuotaLedger.defaultBudget)
    }

    /// `state/youtube-<id>.quota.json`.
    public static func file(_ dir: DataDirectory, id: String) -> URL {
        dir.stateDir.appendingPathComponent("youtube-\(id).quota.json")
    }

    /// Units kept for writes: a tenth of the budget, at most 1,000.
    public var writeReserve: Int { min(1000, budget / 10) }
    /// What reads may spend a day.
    public var readBudget: Int { budget - writeReserve }

    // MARK: Pacific days

    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = pacific
        return c
    }

    /// The quota day `d` falls in, as `yyyy-MM-dd` in Pacific time.
    public static func day(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Midnight Pacific that starts the quota day of `d`.
    public static func dayStart(_ d: Date) -> Date { calendar.startOfDay(for: d) }

    /// The next reset after `d` (the next midnight Pacific; 23 or 25 hours away on the days clocks change).
    public static func nextReset(after d: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: dayStart(d)) ?? d.addingTimeInterval(86400)
    }

    // MARK: Reading and charging

    /// The current day's record (a new, empty one when the file is missing, unreadable or of an earlier day).
    public func today(now: Date) -> Day {
        let d = YouTubeQuotaLedger.day(now)
        guard let data = FileManager.default.contents(atPath: file.path),
            let rec = try? JSONDecoder().decode(Day.self, from: data), rec.day == d
        else { return Day(day: d, used: 0) }
        return rec
    }

    /// Charges `units` for a call about to be made, or throws `SourceError.rateLimited` until the reset when the
    /// call would take the day past the budget (reads: past the budget less the write reserve).
    public func charge(_ units: Int, write: Bool = false, now: Date, label: String) throws {
        let limit = write ? budget : readBudget
        let refused: Day? = try update(now: now) { rec in
            if rec.exhausted == true || rec.used + units > limit { return false }
            rec.used += units
            if write { rec.writes = (rec.writes ?? 0) + units } else { rec.reads = (rec.reads ?? 0) + units }
            return true
        }
        if let rec = refused { throw exhaustedError(rec, now: now, label: label, asked: units, write: write) }
    }

    /// Records the server's `quotaExceeded`: the day is spent, whatever the count says.
    public func markExhausted(now: Date) {
        _ = try? update(now: now) { rec in
            rec.exhausted = true
            return true
        }
    }

    /// The error that says the budget is spent and when polling resumes.
    public func exhaustedError(_ rec: Day, now: Date, label: String, asked: Int = 1, write: Bool = false)
        -> SourceError
    {
        let reset = YouTubeQuotaLedger.nextReset(after: now)
        let why =
            rec.exhausted == true
            ? "YouTube answered quotaExceeded: the project's daily quota is spent"
            : (write
                ? "the daily budget of \(YouTubeQuotaLedger.number(budget)) units is spent"
                : "the daily budget for reading is spent (\(YouTubeQuotaLedger.number(writeReserve)) of the "
                    + "\(YouTubeQuotaLedger.number(budget)) units are kept for replies)")
        return .rateLimited(
            retryAt: reset,
            detail: "\(label): quota exhausted: \(why); \(YouTubeQuotaLedger.number(rec.used)) units used today, "
                + "\(asked) more asked; it resets at midnight Pacific time (\(Timestamp.format(reset)))")
    }

    /// Reads, changes and writes the day's record under the lock. `change` returns false to refuse; then nothing
    /// is written and the record is returned.
    func update(now: Date, _ change: (inout Day) -> Bool) throws -> Day? {
        try FileIO.makeDirectory(file.deletingLastPathComponent())
        let lock = URL(fileURLWithPath: file.path + ".lock")
        return try FileIO.withLock(lock) { () throws -> Day? in
            var rec = today(now: now)
            guard change(&rec) else { return rec }
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            try FileIO.writeDocument(try enc.encode(rec) + Data("\n".utf8), to: file)
            return nil
        }
    }

    // MARK: Pacing

    /// The shortest wait before the next poll that keeps the day's reads within the read budget: the rest of the
    /// budget spread evenly over the rest of the day. A poll costs `list` units plus, for each of `searches` terms,
    /// a 100-unit search at most once per `searchInterval` (so a slower poll also searches less often per poll).
    public func pacedInterval(list: Int, searches: Int, searchInterval: TimeInterval, now: Date) -> TimeInterval {
        let left = Double(readBudget - today(now: now).used)
        let secondsLeft = YouTubeQuotaLedger.nextReset(after: now).timeIntervalSince(now)
        guard left > 0 else { return secondsLeft }
        let l = Double(max(0, list)), k = Double(max(0, searches)), search = Double(Cost.search)
        // Polls closer than searchInterval: the searches cost k·100 per searchInterval, the lists l per poll.
        let rest = left - secondsLeft * k * search / searchInterval
        if rest > 0, l > 0 {
            let i = secondsLeft * l / rest
            if i < searchInterval { return i }
        } else if rest > 0 {
            return 0
        }
        return secondsLeft * (l + k * search) / left
    }

    /// `quota 3,150/10,000 units today`, and a warning when the budget will be reached today at the current pace.
    public func summary(now: Date) -> (line: String, warning: String?) {
        let rec = today(now: now)
        let n = YouTubeQuotaLedger.number
        let line = L10n.t("youtube.quota.line", ["used": n(rec.used), "budget": n(budget)])
        if rec.exhausted == true || rec.used >= readBudget {
            return (line, L10n.t("youtube.quota.spent"))
        }
        let start = YouTubeQuotaLedger.dayStart(now)
        let elapsed = now.timeIntervalSince(start)
        let length = YouTubeQuotaLedger.nextReset(after: now).timeIntervalSince(start)
        guard rec.used > 0, elapsed >= 600 else { return (line, nil) }
        let projected = Double(rec.used) * length / elapsed
        guard projected > Double(budget) else { return (line, nil) }
        let at = start.addingTimeInterval(elapsed * Double(budget) / Double(rec.used))
        let f = DateFormatter()
        f.dateFormat = "HH:mm"
        f.timeZone = TimeZone.current
        return (line, L10n.t("youtube.quota.pace", ["time": f.string(from: at)]))
    }

    /// `10000` → `10,000`.
    public static func number(_ v: Int) -> String { LocalFormat.number(v) }
}

extension YouTubeQuotaLedger {
    /// The lines `sources list` prints under its table for the YouTube sources: `yt: quota 3,150/10,000 units today`,
    /// with a warning when the budget will be reached today at the current pace.
    public static func listLines(_ sources: [SourceConfig], dir: DataDirectory, now: Date) -> [String] {
        let yt = sources.filter { $0.type.lowercased() == "youtube" }
        guard !yt.isEmpty else { return [] }
        var out = [""]
        for c in yt {
            let s = YouTubeQuotaLedger(file: file(dir, id: c.id), budget: c.dailyQuota).summary(now: now)
            out.append(
                "\(NetworkText.clean(c.id, max: 40)): \(s.line)"
                    + (s.warning.map { "; " + L10n.t("cli.warning", ["text": $0]) } ?? ""))
        }
        return out
    }
}
