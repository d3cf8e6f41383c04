import Foundation

extension Report {
    /// The people to nurture and the people to listen to, ranked by one documented score:
    ///
    ///     net   = positive mentions − negative mentions          (in the period, analysed mentions only)
    ///     reach = 1 + log10(1 + followers) / 6                   (1 with no followers, 2 at a million)
    ///     score = net × reach                                    (rounded to 2 decimals)
    ///
    /// Advocates have net > 0, highest score first; critics have net < 0, ranked by −net × reach. Followers are
    /// the most an account showed in the period, summed over the accounts of a person. Ties: more mentions,
    /// then more followers, then name.
    public struct Advocates: Codable, Sendable, Equatable {
        public var advocates: [AuthorStats]
        public var critics: [AuthorStats]
        /// Among the advocates: the most positive mentions, the most mentions, the widest reach.
        public var mostPositive: AuthorStats?
        public var mostActive: AuthorStats?
        public var widestReach: AuthorStats?
        /// Distinct people who mentioned the brand in the period.
        public var people: Int
    }

    public struct AuthorStats: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// The networks the person posted on, sorted.
        public var networks: [String], mentions: Int, positive: Int, neutral: Int, negative: Int, followers: Int
        public var score: Double
    }

    /// Accumulates one person's mentions (the report's pass over the mentions feeds it).
    struct AuthorTally {
        var name: String
        /// Platforms as stored (normalised in `stats`).
        var networks: [String] = []
        var mentions = 0, positive = 0, neutral = 0, negative = 0
        /// Most followers seen per account (platform and handle).
        var followers: [(platform: String, handle: String, count: Int)] = []

        init(name: String) { self.name = name }

        mutating func add(_ m: Mention) {
            mentions += 1
            if !networks.contains(m.platform) { networks.append(m.platform) }
            switch m.analysis?.sentiment {
            case .positive?: positive += 1
            case .neutral?: neutral += 1
            case .negative?: negative += 1
            case nil: break
            }
            if let f = m.author?.followers, let h = m.author?.handle {
                if let i = followers.firstIndex(where: { $0.handle == h && $0.platform == m.platform }) {
                    followers[i].count = max(followers[i].count, f)
                } else {
                    followers.append((m.platform, h, f))
                }
            }
        }

        /// The documented score (rounded to 2 decimals).
        static func score(positive: Int, negative: Int, reach: Int) -> Double {
            let net = Double(positive - negative)
            return ((abs(net) * (1 + log10(1 + Double(reach)) / 6)) * 100).rounded() / 100
        }

        func stats(id: String) -> AuthorStats {
            let reach = followers.reduce(0) { $0 + $1.count }
            let score = AuthorTally.score(positive: positive, negative: negative, reach: reach)
            return AuthorStats(
                id: id, name: name, networks: Array(Set(networks.map(Report.cleanName))).sorted(), mentions: mentions,
                positive: positive,
                neutral: neutral, negative: negative, followers: reach, score: score)
        }
    }

    static func rankAuthors(_ tallies: [String: AuthorTally], limit: Int) -> Advocates {
        // The numbers each person is ranked by first (no string, no set of networks): `stats` — the networks
        // sorted, the name compared — only for the people that can be among the shown ones.
        typealias Entry = (score: Double, mentions: Int, followers: Int, positive: Int, at: [String: AuthorTally].Index)
        var pro: [Entry] = [], contra: [Entry] = []
        for i in tallies.indices {
            let t = tallies[i].value
            guard t.positive != t.negative else { continue }
            let reach = t.followers.reduce(0) { $0 + $1.count }
            let e = (
                AuthorTally.score(positive: t.positive, negative: t.negative, reach: reach), t.mentions, reach,
                t.positive, i
            )
            if t.positive > t.negative { pro.append(e) } else { contra.append(e) }
        }
        func order(_ a: AuthorStats, _ b: AuthorStats) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.followers != b.followers { return a.followers > b.followers }
            return a.name != b.name ? a.name < b.name : a.id < b.id
        }
        func stats(_ e: Entry) -> AuthorStats { tallies[e.at].value.stats(id: tallies[e.at].key) }
        /// The numbers' part of `order`: true when `a` comes first whatever the names.
        func ahead(_ a: Entry, _ b: Entry) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return a.followers > b.followers
        }
        /// The first `limit` by `order`: the `limit`-th by the numbers bounds them; everyone not behind it by the
        /// numbers (ties included) is ranked in full.
        func top(_ xs: [Entry]) -> [AuthorStats] {
            guard let edge = edge(xs, limit: limit, ahead: ahead) else { return [] }
            return xs.filter { !ahead(edge, $0) }.map(stats).sorted(by: order).prefix(limit).map { $0 }
        }
        /// Among the advocates: the most by `key`, ties the first by `order`.
        func most(_ key: (Entry) -> Int) -> AuthorStats? {
            guard let m = pro.map(key).max() else { return nil }
            return pro.filter { key($0) == m }.map(stats).min(by: order)
        }
        func cleaned(_ a: AuthorStats?) -> AuthorStats? {
            a.map {
                var x = $0
                x.id = Report.clean(x.id)
                return x
            }
        }
        return Advocates(
            advocates: top(pro).compactMap(cleaned), critics: top(contra).compactMap(cleaned),
            mostPositive: cleaned(most(\.positive)), mostActive: cleaned(most(\.mentions)),
            widestReach: cleaned(most(\.followers)),
            people: tallies.count)
    }

    /// The `limit`-th of `xs` by `ahead` (the ones before it kept in the order met); nil for none or `limit` ≤ 0.
    static func edge<E>(_ xs: [E], limit: Int, ahead: (E, E) -> Bool) -> E? {
        guard limit > 0, !xs.isEmpty else { return nil }
        var best: [E] = []
        for e in xs where best.count < limit || ahead(e, best[best.count - 1]) {
            let at = best.firstIndex { ahead(e, $0) } ?? best.count
            best.insert(e, at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.last
    }
}
