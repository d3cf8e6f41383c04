import Foundation

/// What a report counts of one hour's mentions, summed (the history index keeps one per UTC hour, `report_sum`):
/// counts by network, sentiment, share-of-voice bits, questions and topic words; the answered mentions one by one
/// (their response times and SLA figures depend on `now`); the open, unanswered ones counted per priority band
/// (overdue or not as a whole, as the clock between a creation time and `now` only falls with the time). Each
/// author's account's tally is kept per hour too, but handed over summed over the hours (`ReportSums.accounts`).
/// Spam and the brand's own posts are left out, as in `ReportColumns`.
///
/// A report adds an hour's sums instead of its mentions when the whole hour lies in one bucket of one period and
/// its open mentions are all overdue or all not (`ReportSums.rowsNeeded`); the other hours come as rows.
public struct ReportHourSums: Sendable {
    /// The exact creation times of its earliest and latest mention (`ReportColumns.time`).
    public var minTime = Date.distantFuture, maxTime = Date.distantPast
    /// [0]: mentions that are not private messages, [1]: private messages (left out entirely with `hidePrivate`).
    public var groups = [Group(), Group()]

    public init() {}

    public var isEmpty: Bool { groups[0].count == 0 && groups[1].count == 0 }

    public struct Group: Sendable {
        public var count = 0
        /// Mentions by network (a number of `ReportColumns.networks`).
        public var networks: [(network: Int32, count: Int)] = []
        /// Positive, neutral, negative.
        public var sentiment = [0, 0, 0]
        /// Questions and help requests (answered or not).
        public var questions = 0
        /// Mentions with share-of-voice bit `bit` set (`ReportPrepared.voice`).
        public var voice: [(bit: Int, count: Int)] = []
        /// Mentions per topic word (a number of the index's vocabulary; not kept for private messages).
        public var terms: [(id: Int32, count: Int)] = []
        /// Every mention with a first response (whenever it came).
        public var answered: [Answered] = []
        /// Open mentions without a first response, per priority band.
        public var open: [(band: String?, count: Int)] = []

        public init() {}
    }

    public struct Answered: Sendable {
        public var time: Date, firstResponse: Date
        public var question: Bool
        public var band: String?
        /// Where it stands in the store's order (the index's rowid).
        public var order: Int64

        public init(time: Date, firstResponse: Date, question: Bool, band: String?, order: Int64) {
            (self.time, self.firstResponse, self.question, self.band, self.order) =
                (time, firstResponse, question, band, order)
        }
    }

    /// An author's account's mentions.
    public struct Account: Sendable {
        /// A number of `ReportColumns.accounts`.
        public var account: Int32
        /// The earliest of its mentions in the store's order.
        public var first: Int64
        public var mentions = 0, positive = 0, neutral = 0, negative = 0
        public var followers: Int?

        public init(account: Int32, first: Int64) { (self.account, self.first) = (account, first) }
    }
}

/// The hours a report adds as sums, beside the rows of the others (`Report.compute(columns:sums:…)`).
public struct ReportSums {
    public var hours: [ReportHourSums]
    /// Each account's mentions in those of `hours` that lie in the current period (the people are counted over it
    /// only), summed over the hours: one entry per account. Private messages left out when the options hide them.
    public var accounts: [ReportHourSums.Account]
    /// A mention by its place in the store's order, as the report lists a breach.
    public var mention: (Int64) throws -> Mention

    public init(
        hours: [ReportHourSums], accounts: [ReportHourSums.Account], mention: @escaping (Int64) throws -> Mention
    ) {
        (self.hours, self.accounts, self.mention) = (hours, accounts, mention)
    }

    /// Which of `hours` the report must read as rows: an hour that reaches over the start of either period, the end,
    /// or a bucket's start (30- and 45-minute zones, DST); an hour whose open mentions are partly overdue at `now`;
    /// and the hours that may hold the ten latest overdue mentions (the earliest open ones: walked from the latest
    /// bound down until ten mentions read as rows are surely later than any left in sums).
    public static func rowsNeeded(
        _ hours: [ReportHourSums], team: TeamConfig, since: Date, until: Date, now: Date, options: ReportOptions
    ) throws -> [Bool] {
        let tz = try ReportPeriod.timeZone(team)
        let sla = try SLA(team.sla, timeZone: tz)
        let previousSince = since.addingTimeInterval(-until.timeIntervalSince(since))
        let starts = ReportPeriod.buckets(since: since, until: until, timeZone: tz).starts.map(\.timeIntervalSince1970)
        let clock = SLA.Clock(sla, from: since, to: max(until, now))
        var need = [Bool](repeating: false, count: hours.count)
        // Open mentions overdue as a whole: the latest any of them is (`high`) and the least (`low`).
        var overdue: [(hour: Int, high: Double, low: Double, count: Int)] = []
        for (i, h) in hours.enumerated() where !h.isEmpty {
            let current = h.minTime >= since && h.maxTime < until
            let previous = h.minTime >= previousSince && h.maxTime < since
            guard
                previous
                    || (current
                        && ReportPeriod.bucket(h.minTime.timeIntervalSince1970, starts)
                            == ReportPeriod.bucket(h.maxTime.timeIntervalSince1970, starts))
            else {
                need[i] = true
                continue
            }
            guard current else { continue }
            for g in 0..<2 where g == 0 || !options.hidePrivate {
                for (band, n) in h.groups[g].open where n > 0 {
                    let target = sla.target(band: band)
                    let high = clock.between(h.minTime, now) - target
                    let low = clock.between(h.maxTime, now) - target
                    if low > 0 {
                        overdue.append((i, high, low, n))
                    } else if high >= 0 {
                        need[i] = true
                    }
                }
            }
        }
        // Rows read for the ten latest: every overdue group of an hour read anyway, then the latest bound first.
        var read: [(low: Double, count: Int)] = overdue.filter { need[$0.hour] }.map { ($0.low, $0.count) }
        let left = overdue.filter { !need[$0.hour] }.sorted {
            $0.high != $1.high ? $0.high > $1.high : $0.hour < $1.hour
        }
        for o in left {
            if need[o.hour] { continue }
            let surelyLater = read.reduce(0) { $0 + ($1.low > o.high ? $1.count : 0) }
            if surelyLater >= 10 { break }
            need[o.hour] = true
            for p in overdue where p.hour == o.hour { read.append((p.low, p.count)) }
        }
        return need
    }
}

extension Report {
    /// Adds the hours' sums to the counters of `compute(columns:)`, as its pass over their rows would.
    static func add(
        _ sums: ReportSums, to tally: inout Tally, idCounts: inout TermIDCounts, people: inout [AccountTally],
        worst: inout [(late: Double, index: Int, order: Int64, answered: Bool)], privateCount: inout Int,
        networkOf: (Int32) -> Int, since: Date, now: Date, starts: [Double], sla: SLA, clock: SLA.Clock,
        options: ReportOptions
    ) {
        let rivals = tally.rivals.count
        for h in sums.hours where !h.isEmpty {
            let current = h.minTime >= since
            let b = current ? ReportPeriod.bucket(h.minTime.timeIntervalSince1970, starts) : 0
            for g in 0..<2 where g == 0 || !options.hidePrivate {
                let s = h.groups[g]
                guard s.count > 0 else { continue }
                for (n, count) in s.networks { tally.count(network: networkOf(n), bucket: b, current: current, count) }
                for (k, sentiment) in [Sentiment.positive, .neutral, .negative].enumerated() where s.sentiment[k] > 0 {
                    tally.sentiment(sentiment, bucket: b, current: current, s.sentiment[k])
                }
                for (bit, count) in s.voice {
                    if bit == 0 {
                        if current { tally.brand += count } else { tally.previousBrand += count }
                    } else if bit <= rivals {
                        if current { tally.rivals[bit - 1] += count } else { tally.previousRivals[bit - 1] += count }
                    }
                }
                if g == 1 {
                    if current { privateCount += s.count }
                } else {
                    for (id, count) in s.terms { idCounts.add(id, count, current: current) }
                }
                if current { tally.questions += s.questions } else { tally.previousQuestions += s.questions }
                for a in s.answered {
                    let firstResponse = a.firstResponse <= now ? a.firstResponse : nil
                    if a.question, let f = firstResponse {
                        tally.responseTime(current: current, at: a.time, firstResponse: f)
                    }
                    guard current else { continue }
                    // As the pass: a first response after `now` is not there yet (the mention counts as open).
                    tally.slaChecked += 1
                    let end = firstResponse ?? now
                    let late = clock.between(a.time, end) - sla.target(band: a.band)
                    guard late > 0 || (late == 0 && end > sla.due(from: a.time, band: a.band)) else { continue }
                    if firstResponse != nil { tally.answeredLate += 1 } else { tally.overdue += 1 }
                    insert(&worst, (late, -1, a.order, firstResponse != nil))
                }
                guard current else { continue }
                // Open mentions: all overdue or none (`ReportSums.rowsNeeded` reads the other hours as rows).
                for (band, n) in s.open where n > 0 {
                    tally.slaChecked += n
                    if clock.between(h.maxTime, now) - sla.target(band: band) > 0 { tally.overdue += n }
                }
            }
        }
        for a in sums.accounts { people[Int(a.account)].add(a) }
    }

    /// Keeps the ten latest breaches, latest first; equally late: the earlier in the store's order first.
    @inline(__always)
    static func insert(
        _ worst: inout [(late: Double, index: Int, order: Int64, answered: Bool)],
        _ w: (late: Double, index: Int, order: Int64, answered: Bool)
    ) {
        let (late, o) = (w.late, w.order)
        guard
            worst.count < 10 || late > worst[worst.count - 1].late
                || (late == worst[worst.count - 1].late && o < worst[worst.count - 1].order)
        else { return }
        let at = worst.firstIndex { late > $0.late || (late == $0.late && o < $0.order) } ?? worst.count
        worst.insert(w, at: at)
        if worst.count > 10 { worst.removeLast() }
    }
}

extension Report.AccountTally {
    /// Adds an hour's tally of the account.
    @inline(__always)
    mutating func add(_ a: ReportHourSums.Account) {
        if first < 0 || a.first < first { first = a.first }
        mentions += a.mentions
        positive += a.positive
        neutral += a.neutral
        negative += a.negative
        if let f = a.followers { followers = max(followers ?? f, f) }
    }
}
