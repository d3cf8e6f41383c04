import Foundation

/// How the brand's published posts did, from the latest `metrics` reading of each (post, account): the top posts,
/// engagement per network and per slot (weekday and hour the post went out, in the team's time zone). Engagement is
/// likes + reposts + replies + quotes; posts without a reading yet are left out.
public struct PostPerformance: Codable, Sendable, Equatable {
    public struct Post: Codable, Sendable, Equatable {
        public var id: String, account: String, network: String, at: Date
        /// The first line of the post's text.
        public var text: String
        public var metrics: PostMetrics
        public var engagement: Int
    }

    /// A network or a slot: how many posts, their engagement together and on average.
    public struct Group: Codable, Sendable, Equatable {
        public var name: String, posts: Int, engagement: Int
        public var average: Double { posts > 0 ? Double(engagement) / Double(posts) : 0 }
    }

    public var top: [Post]
    public var byNetwork: [Group]
    /// `mon 09` (weekday and hour), best average first.
    public var bySlot: [Group]

    public var isEmpty: Bool { top.isEmpty }

    /// From `queue`, the posts that went out in [since, until) (nil: any time); at most `topLimit` top posts.
    public init(
        queue: Queue, team: TeamConfig, since: Date? = nil, until: Date? = nil, timeZone: TimeZone,
        topLimit: Int = 10
    ) {
        let posts = Self.posts(queue, team: team, since: since, until: until)
        top = Array(posts.sorted { ($0.engagement, $1.at) > ($1.engagement, $0.at) }.prefix(topLimit))
        func groups(_ key: (Post) -> String) -> [Group] {
            Dictionary(grouping: posts, by: key).map {
                Group(name: $0.key, posts: $0.value.count, engagement: $0.value.map(\.engagement).reduce(0, +))
            }.sorted { ($0.average, $1.name) > ($1.average, $0.name) }
        }
        byNetwork = groups(\.network)
        bySlot = groups { Self.slotName($0.at, timeZone: timeZone) }
    }

    /// Every (post, account) with a reading.
    static func posts(_ queue: Queue, team: TeamConfig?, since: Date?, until: Date?) -> [Post] {
        queue.all.flatMap { i in
            i.metrics.compactMap { account, m -> Post? in
                let r = i.result(account)
                guard r.state == .published, let at = r.at, at >= (since ?? .distantPast),
                    at < (until ?? .distantFuture)
                else { return nil }
                let net = team?.sources.first { $0.id == account }?.type.lowercased() ?? account
                let line = i.draft.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return Post(
                    id: i.id, account: account, network: net == "bsky" ? "bluesky" : net, at: at, text: line,
                    metrics: m, engagement: m.engagement)
            }
        }
    }

    /// `mon 09`: the slot a time falls into (weekday as in `posting_schedule`, the hour).
    public static func slotName(_ d: Date, timeZone: TimeZone) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.weekday, .hour], from: d)
        return PostingSchedule.weekdays[(c.weekday ?? 1) - 1] + String(format: " %02d", c.hour ?? 0)
    }
}
