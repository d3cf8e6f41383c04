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
                } else { followers.append((m.platform, h, f)) }
            }
        }

        func stats(id: String) -> AuthorStats {
            let reach = followers.reduce(0) { $0 + $1.count }
            let net = Double(positive - negative)
            let score = ((abs(net) * (1 + log10(1 + Double(reach)) / 6)) * 100).rounded() / 100
            return AuthorStats(
                id: id, name: name, networks: Array(Set(networks.map(Report.cleanName))).sorted(), mentions: mentions,
                positive: positive,
                neutral: neutral, negative: negative, followers: reach, score: score)
        }
    }

    static func rankAuthors(_ tallies: [String: AuthorTally], limit: Int) -> Advocates {
        var pro: [AuthorStats] = []
        var contra: [AuthorStats] = []
        for (id, t) in tallies {
            if t.positive > t.negative {
                pro.append(t.stats(id: id))
            } else if t.negative > t.positive {
                contra.append(t.stats(id: id))
            }
        }
        func order(_ a: AuthorStats, _ b: AuthorStats) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.followers != b.followers { return a.followers > b.followers }
            return a.name != b.name ? a.name < b.name : a.id < b.id
        }
        pro.sort(by: order)
        contra.sort(by: order)
        func best(_ key: (AuthorStats) -> Int) -> AuthorStats? {
            pro.max { a, b in key(a) != key(b) ? key(a) < key(b) : order(b, a) }
        }
        func cleaned(_ a: AuthorStats?) -> AuthorStats? {
            a.map {
                var x = $0
                x.id = Report.clean(x.id)
                return x
            }
        }
        return Advocates(
            advocates: pro.prefix(limit).compactMap(cleaned), critics: contra.prefix(limit).compactMap(cleaned),
            mostPositive: cleaned(best(\.positive)), mostActive: cleaned(best(\.mentions)),
            widestReach: cleaned(best(\.followers)),
            people: tallies.count)
    }
}
