import Foundation

extension Report {
    /// The report for [since, until) at `now`, in one pass over the actions and one over the mentions.
    /// Left out: mentions with status `spam` and those the team's mute list hides. Throws on a bad time zone or
    /// business-hours setting in the team config.
    ///
    /// `mentions` may be only the two periods' mentions (what an index hands over) when `stored` gives what the
    /// whole store holds and `networkOf` the network of any stored key (for replies to older mentions). `prepared`
    /// holds each mention's folded text and topic words when the caller worked them out beforehand (in parallel).
    public static func compute(
        mentions: [Mention], states: [String: MentionState], events: [AuditEvent], team: TeamConfig,
        since: Date, until: Date, now: Date, options: ReportOptions = ReportOptions(), stored: Stored? = nil,
        networkOf: ((String) -> String?)? = nil, prepared: ReportPrepared? = nil
    ) throws -> Report {
        let tz = try ReportPeriod.timeZone(team)
        let sla = try SLA(team.sla, timeZone: tz)
        let previousSince = since.addingTimeInterval(-until.timeIntervalSince(since))
        let (unit, bucketStarts) = ReportPeriod.buckets(since: since, until: until, timeZone: tz)
        let starts = bucketStarts.map(\.timeIntervalSince1970)
        let nb = starts.count

        var actions = actionFigures(events, since: since, until: until)
        let replyKeys = actions.replyKeys

        // Mentions.
        var mute = MuteList(team.mute)
        mute.hidePrivate = options.hidePrivate
        let brandTerms = [team.brand.name] + team.brand.terms
        let brandMatcher = ReportTerms.Matcher(brandTerms)
        let rivals = team.competitors.map { ReportTerms.Matcher([$0.name] + $0.terms) }
        let excluded = excludedTerms(team)
        let clock = SLA.Clock(sla, from: since, to: max(until, now))
        var tally = Tally(buckets: nb, competitors: rivals.count)
        var authors: [String: AuthorTally] = [:]
        var repliesByNetwork: [String: Int] = [:]
        var worst: [(late: Double, index: Int, answered: Bool)] = []  // the ten latest, latest first

        var privateCount = 0
        var idCounts = TermIDCounts(vocabulary: prepared?.termIDs?.vocabulary ?? 0)
        var first = Date.distantFuture
        var last = Date.distantPast
        for index in mentions.indices {
            // Only the fields needed until the mention is known to be in one of the two periods (no copy of it).
            let t = mentions[index].createdAt
            if t < first { first = t }
            if t > last { last = t }
            if networkOf == nil, !replyKeys.isEmpty, let r = replyKeys[mentions[index].key] {
                repliesByNetwork[cleanName(mentions[index].platform), default: 0] += r
            }
            guard t >= previousSince, t < until else { continue }
            let m = mentions[index]
            let st = states[m.key]
            if st?.status == .spam || mute.hides(m) || options.isOwn?(m) == true { continue }
            let current = t >= since
            let net = tally.network(m.platform)
            let b = current ? ReportPeriod.bucket(t.timeIntervalSince1970, starts) : 0
            tally.count(network: net, bucket: b, current: current)
            if let a = m.analysis { tally.sentiment(a.sentiment, bucket: b, current: current) }

            // Share of voice and topics.
            var named = [Bool](repeating: false, count: rivals.count)
            let brand: Bool
            if let voice = prepared?.voice {
                brand = voice[index] & 1 != 0
                for i in named.indices { named[i] = voice[index] & (1 << UInt64(i + 1)) != 0 }
            } else {
                let folded = prepared.map { $0.folded[index] } ?? QueryText.fold(m.text)
                brand = brandMatcher.matches(folded)
                for (i, r) in rivals.enumerated() { named[i] = r.matches(folded) }
            }
            tally.voice(brand: brand, competitors: named, current: current)
            // A private message's words never reach the topics: it is counted, nothing more.
            if m.isPrivate {
                if current { privateCount += 1 }
            } else if let ids = prepared?.termIDs {
                idCounts.count(ids, index, current: current)
            } else {
                let words = prepared.map { $0.terms[index] } ?? options.terms(m.text)
                for (i, term) in words.enumerated() where !words[..<i].contains(term) {
                    tally.term(term, current: current)
                }
            }

            // Questions and first responses.
            let intents = m.analysis?.intents ?? []
            let question = intents.contains(.question) || intents.contains(.help)
            // A response after `now` (a report --as-of an earlier time) had not happened yet.
            let firstResponse = st?.firstResponseAt.flatMap { $0 <= now ? $0 : nil }
            if question { tally.question(current: current, at: t, firstResponse: firstResponse) }
            guard current else { continue }

            // SLA: answered mentions, and open ones not yet answered.
            let status = st?.status ?? .new
            let answeredLater = firstResponse == nil && st?.firstResponseAt != nil
            if firstResponse != nil || status.isOpen || answeredLater {
                tally.slaChecked += 1
                let band = options.band?(m, st ?? MentionState())
                let target = sla.target(band: band)
                let end = firstResponse ?? now
                let late = clock.between(t, end) - target
                if late > 0 || (late == 0 && end > sla.due(for: m, band: band)) {
                    if firstResponse != nil { tally.answeredLate += 1 } else { tally.overdue += 1 }
                    if worst.count < 10 || late > worst[worst.count - 1].late {
                        let at = worst.firstIndex { late > $0.late } ?? worst.count
                        worst.insert((late, index, firstResponse != nil), at: at)
                        if worst.count > 10 { worst.removeLast() }
                    }
                }
            }

            // People.
            if let who = options.authorOf(m) { authors[who.id, default: AuthorTally(name: clean(who.name))].add(m) }
        }

        if let ids = prepared?.termIDs {
            tally.terms = idCounts.words(
                ids, min: options.minTermCount, limit: options.topLimit, excluding: excluded)
        }
        if let networkOf {
            for (key, r) in replyKeys { if let n = networkOf(key) { repliesByNetwork[cleanName(n), default: 0] += r } }
        }

        // The worst breaches (ties: the earlier mention first), cleaned only for the ten shown.
        let breaches = worst.map { w -> Breach in
            let m = mentions[w.index]
            return breach(m, late: w.late, answered: w.answered)
        }
        actions.repliesByNetwork = repliesByNetwork
        return assemble(
            team: team, timeZone: tz, since: since, until: until, now: now, unit: unit, buckets: bucketStarts,
            tally: tally, authors: authors, breaches: breaches, actions: actions, events: events,
            options: options,
            stored: stored
                ?? Stored(
                    mentions: mentions.count, first: mentions.isEmpty ? nil : first,
                    last: mentions.isEmpty ? nil : last),
            privateCount: privateCount)
    }

    /// A breach as the report lists it.
    static func breach(_ m: Mention, late: Double, answered: Bool) -> Breach {
        Breach(
            key: m.key, network: cleanName(m.platform),
            author: clean(m.author.map { "@" + Author.normalized(handle: $0.handle) } ?? "-"),
            createdAt: m.createdAt, lateSeconds: late, answered: answered)
    }

    /// What the report reads of the actions: what was published in the period, replies (by key: their mentions'
    /// networks come from the mentions), crisis runs.
    struct ActionFigures {
        var posts: [PublishedPost] = []
        var replyKeys: [String: Int] = [:]
        var replies = 0, manual = 0
        var crisisLog = CrisisLog()
        /// Filled in by the mentions' pass.
        var repliesByNetwork: [String: Int] = [:]
    }

    static func actionFigures(_ events: [AuditEvent], since: Date, until: Date) -> ActionFigures {
        var out = ActionFigures()
        var queueText: [String: String] = [:]
        for e in events {
            let inPeriod = e.at >= since && e.at < until
            switch e.action {
            case .queue(.add(let d)): queueText[d.id] = d.text
            case .queue(.edit(let id, let text, _)): queueText[id] = text
            case .queue(.published(let id, let account, _, let url)) where inPeriod:
                out.posts.append(
                    PublishedPost(
                        at: e.at, account: clean(account), text: firstLine(queueText[id] ?? ""), url: url.map(clean)))
            case .outboxSent(_, let key, let r, _) where inPeriod, .reply(let key, let r) where inPeriod:
                if r.manual == true { out.manual += 1 } else { out.replies += 1 }
                out.replyKeys[key, default: 0] += 1
            case .crisis: out.crisisLog.apply(e)
            default: break
            }
        }
        return out
    }

    /// The report from the passes' counters (the same for every way of counting the mentions).
    static func assemble(
        team: TeamConfig, timeZone tz: TimeZone, since: Date, until: Date, now: Date, unit: String, buckets: [Date],
        tally: Tally, authors: [String: AuthorTally], advocates: Advocates? = nil, breaches: [Breach],
        actions: ActionFigures, events: [AuditEvent], options: ReportOptions, stored: Stored, privateCount: Int
    ) -> Report {
        let previousSince = since.addingTimeInterval(-until.timeIntervalSince(since))
        let brandTerms = [team.brand.name] + team.brand.terms
        let excluded = excludedTerms(team)
        var posts = actions.posts
        posts.sort { $0.at != $1.at ? $0.at < $1.at : $0.account < $1.account }
        var byAccount: [String: Int] = [:]
        for p in posts { byAccount[p.account, default: 0] += 1 }

        return Report(
            brand: clean(team.brand.name), timeZone: tz.identifier, since: since, until: until,
            previousSince: previousSince,
            generatedAt: now, bucketUnit: unit, buckets: buckets,
            volume: tally.volume(),
            sentiment: tally.sentimentShares(),
            shareOfVoice: tally.shareOfVoice(
                brandTerms: brandTerms.map(clean), names: team.competitors.map { clean($0.name) }),
            responses: Responses(
                questions: tally.questions, answered: tally.responseTimes.count,
                medianSeconds: median(tally.responseTimes), p90Seconds: percentile(tally.responseTimes, 0.9),
                previousQuestions: tally.previousQuestions, previousMedianSeconds: median(tally.previousResponseTimes), slaMinutes: team.sla.firstResponseMinutes,
                slaChecked: tally.slaChecked, answeredLate: tally.answeredLate, overdue: tally.overdue,
                worst: breaches),
            topics: tally.top(hashtags: false, limit: options.topLimit, min: options.minTermCount, excluding: excluded),
            hashtags: tally.top(
                hashtags: true, limit: options.topLimit, min: options.minTermCount, excluding: excluded),
            advocates: advocates ?? rankAuthors(authors, limit: options.authorLimit),
            published: Published(
                posts: posts.count, byAccount: ranked(byAccount), replies: actions.replies,
                manualReplies: actions.manual, repliesByNetwork: ranked(actions.repliesByNetwork), items: posts,
                performance: performance(events, team: team, since: since, until: until, timeZone: tz)),
            crises: crises(actions.crisisLog, since: since, until: until),
            stored: stored,
            privateMessages: privateCount > 0 ? privateCount : nil)
    }

    /// How the period's queue posts did; nil when no post has counts yet.
    static func performance(_ events: [AuditEvent], team: TeamConfig, since: Date, until: Date, timeZone: TimeZone)
        -> PostPerformance?
    {
        guard events.contains(where: { PostMetrics(event: $0) != nil }) else { return nil }
        let p = PostPerformance(
            queue: Queue(events: events), team: team, since: since, until: until, timeZone: timeZone, topLimit: 5)
        return p.isEmpty ? nil : p
    }

    /// Terms a topic list leaves out: the brand's own (its name, the words of its name, its terms, as words and
    /// as hashtags, "Acme Cloud" also as `#acmecloud`).
    static func excludedTerms(_ team: TeamConfig) -> Set<String> {
        var out = Set<String>()
        for t in [team.brand.name] + team.brand.terms {
            let l = t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#@ "))
            guard !l.isEmpty else { continue }
            let squeezed = l.filter { $0.isLetter || $0.isNumber }
            out.formUnion([l, "#" + l, squeezed, "#" + squeezed])
            for w in l.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                out.insert(String(w))
                out.insert("#" + w)
            }
        }
        return out
    }

    static func ranked(_ d: [String: Int]) -> [NamedCount] {
        d.map { NamedCount(name: clean($0.key), count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name
        }
    }

    /// The median (mean of the two middle values for an even count); nil for none.
    public static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The nearest-rank percentile: the smallest value with at least `p` of the values at or below it.
    static func percentile(_ xs: [Double], _ p: Double) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s[max(0, min(s.count - 1, Int((p * Double(s.count)).rounded(.up)) - 1))]
    }

    /// Text from the network or a file, safe for a terminal, a log and a table cell: one line, no controls.
    static func clean(_ s: String) -> String {
        let u = s.utf8
        if let f = u.first, let l = u.last, f != 32, l != 32, u.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        let c = ImportFormat.clean(s, newlines: false)
        guard c.first?.isWhitespace == true || c.last?.isWhitespace == true else { return c }
        return String(c.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// A network or account name: lower case, cleaned only when it holds something else than printable ASCII.
    @inline(__always)
    public static func cleanName(_ s: String) -> String {
        let l = s.lowercased()
        return l.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? l : clean(l)
    }

    static func firstLine(_ s: String) -> String {
        clean(
            String(
                s.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""))
    }
}

extension Report {
    /// The report over a store as it is now (what the CLI and the workbench's `:report` view call).
    public static func compute(
        store: Store, team: TeamConfig, since: Date, until: Date, now: Date = Date(),
        options: ReportOptions = ReportOptions()
    ) throws -> Report {
        var r = try compute(
            mentions: store.mentions, states: store.states(), events: store.events, team: team,
            since: since, until: until, now: now, options: options)
        r.countNotifications(dir: store.dir)
        return r
    }

    /// Adds the period's counted notifications (follows, likes, boosts) from `state/notification-counts.json`.
    public mutating func countNotifications(dir: DataDirectory) {
        let t = NotificationCounts(dir: dir).totals(from: since, to: until)
        notifications = t.isEmpty ? nil : t
    }

    /// The default report: today and the 6 days before it (from midnight in the team's time zone) up to `now`.
    public static func lastWeek(
        store: Store, team: TeamConfig, now: Date = Date(), options: ReportOptions = ReportOptions()
    ) throws -> Report {
        let (since, until) = ReportPeriod.lastDays(7, now: now, timeZone: try ReportPeriod.timeZone(team))
        return try compute(store: store, team: team, since: since, until: until, now: now, options: options)
    }
}
