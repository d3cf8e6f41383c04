import Foundation

/// The two periods' mentions as columns — what an index hands over instead of a `Mention` per row: no string is made
/// per mention, the networks and the authors' accounts come as numbers of small tables, the topic words as numbers
/// of the index's vocabulary. Row i of every array is one mention, in the order the store holds them.
///
/// The caller has left out what the report never counts: spam and the brand's own posts (the index tests both in
/// SQL, as `is:own` does). Only for reports whose options read nothing of a mention beyond these columns and the parts
/// the index keeps (`ReportOptions.readsIndexedParts`: people by account, a band that reads no state), no mute list.
public struct ReportColumns {
    /// The exact creation time.
    public var time: [Date] = []
    /// The network as stored: a number of `networks`.
    public var network: [Int32] = []
    public var networks: [String] = []
    public var sentiment: [Sentiment?] = []
    /// Asks a question or for help (Insight's intents).
    public var question: [Bool] = []
    public var status: [MentionStatus] = []
    public var firstResponse: [Date?] = []
    /// Share-of-voice bits (`ReportPrepared.voice`).
    public var voice: [UInt64] = []
    public var isPrivate: [Bool] = []
    /// The author's account as a number of `accounts` (network as stored, handle as written); -1: no author or an
    /// empty handle.
    public var account: [Int32] = []
    public var accounts: [(platform: String, handle: String)] = []
    /// Set by an index that numbers the people when it first writes an account: `accounts` is then empty, and the
    /// accounts' names are asked for only for the people that can be shown (`Report.rankPeople`).
    public var persons: Persons?
    public var followers: [Int?] = []
    /// The priority band of each mention (`ReportOptions.band`), when the team sets SLA targets by band.
    public var band: [String?]?
    /// Where each row stands in the store's order (the index's rowid): who is named first and which of two
    /// equally late breaches comes first follow it. Empty: the rows come in that order.
    public var order: [Int64] = []
    /// Each mention's topic words (each once), as numbers.
    public var terms: ReportTermIDs
    /// Mention i as the report lists a breach (key, network, author, creation time); asked for the ten latest only.
    public var mention: (Int) throws -> Mention

    public init(terms: ReportTermIDs, mention: @escaping (Int) throws -> Mention) {
        (self.terms, self.mention) = (terms, mention)
    }

    public var count: Int { time.count }

    /// The accounts' people as numbers: `of[a]` is the person of account a (as `ReportAuthor.byAccount` groups
    /// them: one id, one number below `count`), `name(a)` its network as stored and its handle as written.
    public struct Persons {
        public var of: [Int32]
        public var count: Int
        public var name: (Int) -> (platform: String, handle: String)

        public init(of: [Int32], count: Int, name: @escaping (Int) -> (platform: String, handle: String)) {
            (self.of, self.count, self.name) = (of, count, name)
        }
    }

    /// Whether `compute(columns:)` gives the report these options ask for.
    public static func answers(_ options: ReportOptions, team: TeamConfig) -> Bool {
        options.readsIndexedParts && (options.band == nil || !options.bandReadsState) && MuteList(team.mute).isEmpty
    }
}

extension Report {
    /// The same report as `compute(mentions:…)` over the same mentions, from columns: the same counters fed without
    /// a `Mention` or a string per row; the people tallied per account first, then gathered into persons as
    /// `ReportAuthor.byAccount` names them (in the order their first mention came).
    public static func compute(
        columns c: ReportColumns, events: [AuditEvent], team: TeamConfig, since: Date, until: Date, now: Date,
        options: ReportOptions, stored: Stored, networkOf: (String) -> String?, sums: ReportSums? = nil
    ) throws -> Report {
        let tz = try ReportPeriod.timeZone(team)
        let sla = try SLA(team.sla, timeZone: tz)
        let previousSince = since.addingTimeInterval(-until.timeIntervalSince(since))
        let (unit, bucketStarts) = ReportPeriod.buckets(since: since, until: until, timeZone: tz)
        let starts = bucketStarts.map(\.timeIntervalSince1970)
        var actions = actionFigures(events, since: since, until: until)

        let rivals = team.competitors.count
        let clock = SLA.Clock(sla, from: since, to: max(until, now))
        let noBand = sla.target(band: nil)
        var tally = Tally(buckets: starts.count, competitors: rivals)
        var worst: [(late: Double, index: Int, order: Int64, answered: Bool)] = []  // the ten latest, latest first
        var privateCount = 0
        var idCounts = TermIDCounts(vocabulary: c.terms.vocabulary)
        var networkOfRaw = [Int](repeating: -1, count: c.networks.count)
        var people = [AccountTally](repeating: AccountTally(), count: c.persons?.of.count ?? c.accounts.count)
        let ordered = c.order.isEmpty

        for i in 0..<c.count {
            let t = c.time[i]
            guard t >= previousSince, t < until else { continue }
            if options.hidePrivate, c.isPrivate[i] { continue }
            let current = t >= since
            let raw = Int(c.network[i])
            if networkOfRaw[raw] < 0 { networkOfRaw[raw] = tally.network(c.networks[raw]) }
            let b = current ? ReportPeriod.bucket(t.timeIntervalSince1970, starts) : 0
            tally.count(network: networkOfRaw[raw], bucket: b, current: current)
            if let s = c.sentiment[i] { tally.sentiment(s, bucket: b, current: current) }

            // Share of voice and topics.
            let voice = c.voice[i]
            if voice & 1 != 0 { if current { tally.brand += 1 } else { tally.previousBrand += 1 } }
            if voice > 1 {
                for r in 0..<rivals where voice & (1 << UInt64(r + 1)) != 0 {
                    if current { tally.rivals[r] += 1 } else { tally.previousRivals[r] += 1 }
                }
            }
            if c.isPrivate[i] {
                if current { privateCount += 1 }
            } else {
                idCounts.count(c.terms, i, current: current)
            }

            // Questions and first responses.
            let firstResponse = c.firstResponse[i].flatMap { $0 <= now ? $0 : nil }
            if c.question[i] { tally.question(current: current, at: t, firstResponse: firstResponse) }
            guard current else { continue }

            // SLA: answered mentions, and open ones not yet answered.
            let answeredLater = firstResponse == nil && c.firstResponse[i] != nil
            if firstResponse != nil || c.status[i].isOpen || answeredLater {
                tally.slaChecked += 1
                let band = c.band?[i] ?? nil
                let target = band == nil ? noBand : sla.target(band: band)
                let end = firstResponse ?? now
                let late = clock.between(t, end) - target
                if late > 0 || (late == 0 && end > sla.due(from: t, band: band)) {
                    if firstResponse != nil { tally.answeredLate += 1 } else { tally.overdue += 1 }
                    // Equally late: the earlier in the store's order first (as a pass in that order keeps them).
                    insert(&worst, (late, i, ordered ? Int64(i) : c.order[i], firstResponse != nil))
                }
            }

            // People: by account here, by person below.
            let a = Int(c.account[i])
            if a >= 0 {
                people[a].add(
                    order: ordered ? Int64(i) : c.order[i], sentiment: c.sentiment[i], followers: c.followers[i])
            }
        }

        if let sums {
            // The hours kept as sums (spread over the rows' periods and buckets as their rows would be).
            for h in sums.hours where !h.isEmpty {
                for g in 0..<2 where g == 0 || !options.hidePrivate {
                    for (raw, n) in h.groups[g].networks where n > 0 && networkOfRaw[Int(raw)] < 0 {
                        networkOfRaw[Int(raw)] = tally.network(c.networks[Int(raw)])
                    }
                }
            }
            let known = networkOfRaw
            add(
                sums, to: &tally, idCounts: &idCounts, people: &people, worst: &worst, privateCount: &privateCount,
                networkOf: { known[Int($0)] }, since: since, now: now, starts: starts, sla: sla, clock: clock,
                options: options)
        }
        tally.terms = idCounts.words(
            c.terms, min: options.minTermCount, limit: options.topLimit, excluding: excludedTerms(team))
        for (key, r) in actions.replyKeys {
            if let n = networkOf(key) { actions.repliesByNetwork[cleanName(n), default: 0] += r }
        }
        let breaches = try worst.map { w in
            breach(
                try w.index >= 0 ? c.mention(w.index) : sums!.mention(w.order), late: w.late, answered: w.answered)
        }
        let numbered = c.persons.map { rankPeople(people, $0, limit: options.authorLimit) }
        return assemble(
            team: team, timeZone: tz, since: since, until: until, now: now, unit: unit, buckets: bucketStarts,
            tally: tally, authors: numbered == nil ? persons(people, c.accounts) : [:], advocates: numbered,
            breaches: breaches, actions: actions, events: events, options: options, stored: stored,
            privateCount: privateCount)
    }

    /// One account's mentions this period.
    struct AccountTally {
        /// Where its first mention stands in the store's order (-1: none this period).
        var first: Int64 = -1
        var mentions = 0, positive = 0, neutral = 0, negative = 0
        var followers: Int?

        @inline(__always)
        mutating func add(order: Int64, sentiment: Sentiment?, followers f: Int?) {
            if first < 0 || order < first { first = order }
            mentions += 1
            switch sentiment {
            case .positive?: positive += 1
            case .neutral?: neutral += 1
            case .negative?: negative += 1
            case nil: break
            }
            if let f { followers = max(followers ?? f, f) }
        }
    }

    /// The accounts gathered into people as `ReportAuthor.byAccount` names them: a person's name is that of the
    /// account whose mention came first, as when `AuthorTally` is fed mention by mention.
    static func persons(_ people: [AccountTally], _ accounts: [(platform: String, handle: String)]) -> [String:
        AuthorTally]
    {
        persons(people, people.indices.filter { people[$0].first >= 0 }) { accounts[$0] }
    }

    /// The same for the accounts `some` only, each named by `name`.
    static func persons(
        _ people: [AccountTally], _ some: [Int], name: (Int) -> (platform: String, handle: String)
    ) -> [String: AuthorTally] {
        var out: [String: AuthorTally] = [:]
        let order = some.sorted { people[$0].first < people[$1].first }
        out.reserveCapacity(order.count)
        // Each tally changed where it is in the dictionary (a copy taken out and put back copied its arrays).
        func add(_ p: AccountTally, _ platform: String, _ handle: String, to t: inout AuthorTally) {
            if !t.networks.contains(platform) { t.networks.append(platform) }
            t.mentions += p.mentions
            t.positive += p.positive
            t.neutral += p.neutral
            t.negative += p.negative
            if let f = p.followers { t.followers.append((platform, handle, f)) }
        }
        for a in order {
            let (platform, handle) = name(a)
            let bare = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
            let id = ReportAuthor.lower(platform) + ":" + ReportAuthor.lower(bare)
            add(people[a], platform, handle, to: &out[id, default: AuthorTally(name: clean("@" + bare))])
        }
        return out
    }

    /// `rankAuthors(persons(people, accounts), limit:)` with the people numbered by the index: each person's
    /// numbers summed in flat arrays and ranked by them; the names, networks and `AuthorTally`s made only for the
    /// people that can be among the shown ones (those not behind the `limit`-th by the numbers, ties included, and
    /// the advocates with the most positive mentions, mentions or followers), which `rankAuthors` then ranks as it
    /// would among everyone.
    static func rankPeople(_ people: [AccountTally], _ p: ReportColumns.Persons, limit: Int) -> Advocates {
        let n = p.count
        var mentions = [Int](repeating: 0, count: n), positive = mentions, negative = mentions, reach = mentions
        var seen = [Bool](repeating: false, count: n)
        var count = 0
        for a in people.indices where people[a].first >= 0 {
            let q = Int(p.of[a])
            if !seen[q] {
                seen[q] = true
                count += 1
            }
            mentions[q] += people[a].mentions
            positive[q] += people[a].positive
            negative[q] += people[a].negative
            reach[q] += people[a].followers ?? 0
        }
        typealias Entry = (score: Double, mentions: Int, followers: Int, person: Int)
        var pro: [Entry] = [], contra: [Entry] = []
        for q in 0..<n where seen[q] && positive[q] != negative[q] {
            let e = (
                AuthorTally.score(positive: positive[q], negative: negative[q], reach: reach[q]), mentions[q],
                reach[q], q
            )
            if positive[q] > negative[q] { pro.append(e) } else { contra.append(e) }
        }
        /// As `rankAuthors`: true when `a` comes first whatever the names.
        func ahead(_ a: Entry, _ b: Entry) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return a.followers > b.followers
        }
        var wanted = [Bool](repeating: false, count: n)
        func top(_ xs: [Entry]) {
            guard let edge = edge(xs, limit: limit, ahead: ahead) else { return }
            for e in xs where !ahead(edge, e) { wanted[e.person] = true }
        }
        top(pro)
        top(contra)
        for key in [{ positive[$0] }, { mentions[$0] }, { reach[$0] }] as [(Int) -> Int] {
            guard let m = pro.lazy.map({ key($0.person) }).max() else { continue }
            for e in pro where key(e.person) == m { wanted[e.person] = true }
        }
        let some = people.indices.filter { people[$0].first >= 0 && wanted[Int(p.of[$0])] }
        var out = rankAuthors(persons(people, some, name: p.name), limit: limit)
        out.people = count
        return out
    }
}
