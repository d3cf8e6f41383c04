import Foundation

/// Checks a queue item before it is scheduled: the lessons of brand accounts that asked the crowd the wrong question.
public enum Preflight {
    /// Open questions that invite the crowd to answer anything, including what the brand won't like
    /// (the desert-island lesson). Lower-cased; apostrophes normalised to `'`.
    public static let openQuestionPatterns: [String] = [
        "which one would you", "which would you choose", "which would you take", "which would you pick",
        "which one do you",
        "what's your favourite", "what's your favorite", "what is your favourite", "what is your favorite",
        "your favourite", "your favorite",
        "would you rather", "desert island", "tell us your", "tell us what you", "describe us in",
        "what do you think of us",
        "ask us anything", "what would you take",
        "was ist euer liebstes", "was ist dein liebstes", "was ist eure liebste", "was ist deine liebste",
        "euer liebstes", "dein liebstes",
        "eure lieblings", "deine lieblings", "euer lieblings", "dein lieblings", "welches würdet ihr",
        "welche würdet ihr",
        "welchen würdet ihr", "was würdet ihr mitnehmen", "welches würdest du", "welche würdest du", "einsame insel",
        "sagt uns eure meinung",
        "erzählt uns",
    ]

    public struct Context: Sendable {
        public var team: TeamConfig
        /// Events of the actions log (for crisis markers, spike alerts and recent posts).
        public var events: [AuditEvent], queue: Queue, now: Date
        /// The team's time zone: times in the warnings are written in it.
        public var timeZone: TimeZone { team.timezone.flatMap(TimeZone.init(identifier:)) ?? .current }
        public init(team: TeamConfig, events: [AuditEvent], queue: Queue, now: Date) {
            (self.team, self.events, self.queue, self.now) = (team, events, queue, now)
        }
        public init(team: TeamConfig, store: Store, now: Date = Date()) {
            self.init(team: team, events: store.events, queue: Queue(store: store), now: now)
        }
    }

    /// Every warning for `d`, in a stable order (the rules in `Kind` order).
    public static func check(_ d: QueueDraft, _ ctx: Context) -> [PreflightWarning] {
        var out: [PreflightWarning] = []
        let networks = d.accounts.map { a in ctx.team.sources.first { $0.id == a }?.type.lowercased() ?? "" }
        let texts = Array(Set([d.text] + d.variants.values))
        let lowered = texts.map(normalise)

        let competitors = ctx.team.competitors.map(\.name)
        if let hit = openQuestionPatterns.first(where: { p in lowered.contains { $0.contains(p) } }) {
            let also =
                competitors.isEmpty
                ? "" : " — " + L10n.t("preflight.competitorAnswers", ["names": competitors.joined(separator: ", ")])
            out.append(
                .init(
                    .openQuestion,
                    L10n.t("preflight.openQuestion", ["phrase": hit]) + also))
        }
        for c in ctx.team.competitors {
            if let t = ([c.name] + c.terms).first(where: { term in
                lowered.contains { containsWord($0, term.lowercased()) }
            }) {
                out.append(.init(.competitor, L10n.t("preflight.competitor", ["name": c.name, "term": t])))
            }
        }
        for t in ctx.team.sensitiveTerms where lowered.contains(where: { containsWord($0, t.lowercased()) }) {
            out.append(.init(.sensitive, L10n.t("preflight.sensitive", ["term": t])))
        }
        if d.crisis == nil, let why = activeCrisis(ctx.events, now: ctx.now, timeZone: ctx.timeZone) {
            out.append(.init(.crisis, why))
        }
        for m in d.media where (m.alt ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(
                .init(.mediaWithoutAlt, L10n.t("preflight.noAlt", ["file": (m.path as NSString).lastPathComponent])))
        }
        for net in Set(networks) where !net.isEmpty {
            guard let limit = PostLength.limit(net) else { continue }
            let n = PostLength.count(d.body(for: net), net)
            if n > limit {
                out.append(.init(.tooLong, L10n.t("preflight.tooLong", ["n": n, "network": net, "limit": limit])))
            }
        }
        out += networkRules(d, networks: networks)
        out += utmRules(d, ctx.team, networks: networks)
        if let dup = recentDuplicate(d, ctx) {
            out.append(
                .init(
                    .duplicate,
                    L10n.t(
                        "preflight.duplicate",
                        [
                            "id": dup.id,
                            "when": dup.scheduledAt.map { LocalFormat.dateTime($0, ctx.timeZone) }
                                ?? L10n.t("queue.state.draft"),
                            "text": String(dup.draft.text.prefix(60)),
                        ])
                ))
        }
        return out
    }

    /// A reason when a crisis is on (a real one, not a drill), or a `spike_alert` came in the last hour.
    public static func activeCrisis(_ events: [AuditEvent], now: Date, timeZone: TimeZone? = nil) -> String? {
        var spike: AuditEvent?
        for e in events where e.action.spikeAlert != nil && e.at <= now && now.timeIntervalSince(e.at) < 3600 {
            spike = e
        }
        if let c = CrisisLog(events: events).active {
            return
                L10n.t(
                    "preflight.crisisOn",
                    [
                        "name": c.name, "by": c.startedBy,
                        "since": timeZone.map { LocalFormat.dateTime(c.startedAt, $0) }
                            ?? Timestamp.format(c.startedAt),
                    ])
                + (c.severity.map { ", \($0)" } ?? "")
        }
        if let s = spike {
            return L10n.t(
                "preflight.spike", ["minutes": Int(now.timeIntervalSince(s.at) / 60), "summary": s.action.summary])
        }
        return nil
    }

    /// The same or nearly the same text (word overlap ≥ 80 %) among items published or scheduled within 14 days of now.
    public static func recentDuplicate(_ d: QueueDraft, _ ctx: Context) -> QueueItem? {
        let mine = words(d.text)
        guard !mine.isEmpty else { return nil }
        let window: TimeInterval = 14 * 86400
        return ctx.queue.all.first { i in
            guard i.id != d.id, !i.deleted else { return false }
            let when =
                i.draft.accounts.compactMap { i.result($0).state == .published ? i.result($0).at : nil }.max()
                ?? i.scheduledAt
            guard let w = when, abs(w.timeIntervalSince(ctx.now)) <= window else { return false }
            let theirs = words(i.draft.text)
            let inter = mine.intersection(theirs).count
            let union = mine.union(theirs).count
            return union > 0 && Double(inter) / Double(union) >= 0.8
        }
    }

    static func normalise(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "\n", with: " ")
    }

    /// Words without links, punctuation and case.
    static func words(_ s: String) -> Set<String> {
        Set(
            normalise(s).split(whereSeparator: { $0.isWhitespace }).filter { !$0.hasPrefix("http") }
                .map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty })
    }

    /// `term` as a whole word (or phrase) in `text` (both lower-cased).
    static func containsWord(_ text: String, _ term: String) -> Bool {
        guard !term.isEmpty else { return false }
        var from = text.startIndex
        while let r = text.range(of: term, range: from..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false)
                && !(after?.isNumber ?? false)
            {
                return true
            }
            from = text.index(after: r.lowerBound)
        }
        return false
    }

    /// With UTM presets in team.json: a link they would tag that gets no `utm_campaign` (no campaign given and no
    /// default), so the analytics cannot tell the post's campaign.
    static func utmRules(_ d: QueueDraft, _ team: TeamConfig, networks: [String]) -> [PreflightWarning] {
        guard let p = UTMPresets(team) else { return [] }
        let tagged = p.apply(to: d, networks: networks)
        var seen = Set<String>()
        var out: [PreflightWarning] = []
        for body in Set(networks.map { tagged.variants[$0.lowercased()] ?? tagged.text }).sorted() {
            for l in UTMPresets.links(in: body) where seen.insert(l).inserted {
                guard let u = URL(string: l), p.wants(u) else { continue }
                let names = URLComponents(string: l)?.queryItems?.map(\.name) ?? []
                if !names.contains("utm_campaign") {
                    let known =
                        p.campaigns.isEmpty
                        ? "" : " " + L10n.t("preflight.utmPresets", ["names": p.campaignNames.joined(separator: ", ")])
                    out.append(.init(.untaggedLink, L10n.t("preflight.untaggedLink", ["link": l]) + known))
                }
            }
        }
        return out.isEmpty ? [] : [out[0]]
    }

    /// What a network requires of a post besides its length: Instagram posts need an image (and at most 30
    /// hashtags), carousels at most 10 images.
    static func networkRules(_ d: QueueDraft, networks: [String]) -> [PreflightWarning] {
        var out: [PreflightWarning] = []
        for net in Set(networks) where !net.isEmpty {
            let name = net.prefix(1).uppercased() + net.dropFirst()
            if let limit = PostLength.hashtagLimit(net) {
                let n = PostLength.hashtags(d.body(for: net))
                if n > limit {
                    out.append(
                        .init(.tooManyHashtags, L10n.t("preflight.hashtags", ["n": n, "network": net, "limit": limit])))
                }
            }
            if net == "instagram", d.media.isEmpty {
                out.append(
                    .init(
                        .needsMedia,
                        L10n.t("preflight.needsMedia")))
            }
            if let limit = PostLength.mediaLimit(net), d.media.count > limit {
                out.append(
                    .init(
                        .tooManyMedia,
                        L10n.t(
                            "preflight.tooManyMedia",
                            ["n": d.media.count, "network": net, "name": name, "limit": limit])))
            }
        }
        return out.sorted { $0.message < $1.message }
    }
}
