import Foundation

/// What happened in a period, computed once from the mentions, their states, the actions log and the team
/// config (`Report.compute`), then rendered as text, Markdown, CSV or JSON (`Report+Text.swift` …). Every string
/// that came from the network is already cleaned of control characters, escape sequences and bidi overrides.
public struct Report: Codable, Sendable, Equatable {
    public static let schemaVersion = 1

    public var schema = Report.schemaVersion
    public var brand: String
    /// The team's time zone: days and the period's dates are in it.
    public var timeZone: String
    /// The period [since, until) and the one before it of the same length [previousSince, since).
    public var since: Date, until: Date, previousSince: Date, generatedAt: Date
    /// `day`, `week` or `month` (30 days): the unit of `buckets`.
    public var bucketUnit: String
    /// The start of each bucket (the first is `since`); the charts have one cell per bucket.
    public var buckets: [Date], volume: Volume, sentiment: SentimentShares, shareOfVoice: ShareOfVoice
    public var responses: Responses, topics: [TermCount], hashtags: [TermCount], advocates: Advocates
    public var published: Published, crises: [Crisis]
    /// Every mention the report looked at (all periods), and the oldest and newest: an empty period says where data is.
    public var stored: Stored
    /// Notifications counted, not stored, in the period: network → kind (`follow`, `like`, `boost`, `filtered`)
    /// → count (`state/notification-counts.json`); nil when none were counted.
    public var notifications: [String: [String: Int]]?
    /// Private messages in the period: counted only, their text never reaches a report.
    public var privateMessages: Int?

    public struct Stored: Codable, Sendable, Equatable {
        public var mentions: Int
        public var first: Date?
        public var last: Date?
        public init(mentions: Int, first: Date?, last: Date?) {
            (self.mentions, self.first, self.last) = (mentions, first, last)
        }
    }

    public struct Volume: Codable, Sendable, Equatable {
        public var total: Int
        public var previousTotal: Int
        /// Mentions per bucket, all networks.
        public var perBucket: [Int]
        /// Most mentions first.
        public var networks: [NetworkVolume]
    }

    public struct NetworkVolume: Codable, Sendable, Equatable {
        public var network: String, total: Int, previousTotal: Int, perBucket: [Int]
    }

    public struct SentimentShares: Codable, Sendable, Equatable {
        /// Mentions with an analysis (the shares are of these).
        public var analysed: Int, positive: Int, neutral: Int, negative: Int, previousAnalysed: Int
        public var previousPositive: Int, previousNeutral: Int, previousNegative: Int
        /// Analysed mentions per bucket.
        public var analysedPerBucket: [Int]
        /// (positive − negative) / analysed per bucket, −1…+1; nil where nothing was analysed.
        public var netPerBucket: [Double?]

        public func count(_ s: Sentiment) -> Int { s == .positive ? positive : s == .neutral ? neutral : negative }
        public func previousCount(_ s: Sentiment) -> Int {
            s == .positive ? previousPositive : s == .neutral ? previousNeutral : previousNegative
        }
        /// Share of the analysed mentions (nil when none was).
        public func share(_ s: Sentiment) -> Double? { analysed > 0 ? Double(count(s)) / Double(analysed) : nil }
        public func previousShare(_ s: Sentiment) -> Double? {
            previousAnalysed > 0 ? Double(previousCount(s)) / Double(previousAnalysed) : nil
        }
    }

    /// Mentions naming the brand against mentions naming each competitor (a mention naming both counts for both).
    public struct ShareOfVoice: Codable, Sendable, Equatable {
        /// The terms that count as the brand (brand name and `brand.terms`).
        public var brandTerms: [String], brand: Int, previousBrand: Int, competitors: [CompetitorVoice]
    }

    public struct CompetitorVoice: Codable, Sendable, Equatable {
        public var name: String, mentions: Int, previousMentions: Int
        /// brand / (brand + competitor); nil when neither was named.
        public var share: Double?
        public var previousShare: Double?
    }

    /// Questions (intent question or help request) and first responses; SLA breaches over every mention that
    /// needed a response.
    public struct Responses: Codable, Sendable, Equatable {
        public var questions: Int, answered: Int
        /// First-response time of the answered questions, wall clock, in seconds.
        public var medianSeconds: Double?
        public var p90Seconds: Double?
        public var previousQuestions: Int
        public var previousMedianSeconds: Double?
        /// The team's first-response target (the default band), minutes.
        public var slaMinutes: Int
        /// Mentions of the period that were answered, or are still open and unanswered.
        public var slaChecked: Int
        /// Answered after their due time (business hours and band included).
        public var answeredLate: Int
        /// Open, unanswered, and past their due time at `generatedAt`.
        public var overdue: Int
        public var breaches: Int { answeredLate + overdue }
        /// The worst breaches first (at most 10): key, network, author, how late in business seconds.
        public var worst: [Breach]

        enum CodingKeys: String, CodingKey {
            case questions, answered, medianSeconds, p90Seconds, previousQuestions, previousMedianSeconds, slaMinutes
            case slaChecked, answeredLate, overdue, breaches, worst
        }
        public init(
            questions: Int, answered: Int, medianSeconds: Double?, p90Seconds: Double?, previousQuestions: Int,
            previousMedianSeconds: Double?, slaMinutes: Int, slaChecked: Int, answeredLate: Int, overdue: Int,
            worst: [Breach]
        ) {
            (self.questions, self.answered, self.medianSeconds) = (questions, answered, medianSeconds)
            (self.p90Seconds, self.previousQuestions) = (p90Seconds, previousQuestions)
            (self.previousMedianSeconds, self.slaMinutes) = (previousMedianSeconds, slaMinutes)
            (self.slaChecked, self.answeredLate, self.overdue, self.worst) = (slaChecked, answeredLate, overdue, worst)
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                questions: try c.decode(Int.self, forKey: .questions),
                answered: try c.decode(Int.self, forKey: .answered),
                medianSeconds: try c.decodeIfPresent(Double.self, forKey: .medianSeconds),
                p90Seconds: try c.decodeIfPresent(Double.self, forKey: .p90Seconds),
                previousQuestions: try c.decode(Int.self, forKey: .previousQuestions),
                previousMedianSeconds: try c.decodeIfPresent(Double.self, forKey: .previousMedianSeconds),
                slaMinutes: try c.decode(Int.self, forKey: .slaMinutes),
                slaChecked: try c.decode(Int.self, forKey: .slaChecked),
                answeredLate: try c.decode(Int.self, forKey: .answeredLate),
                overdue: try c.decode(Int.self, forKey: .overdue),
                worst: try c.decode([Breach].self, forKey: .worst))
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(questions, forKey: .questions); try c.encode(answered, forKey: .answered)
            try c.encode(medianSeconds, forKey: .medianSeconds); try c.encode(p90Seconds, forKey: .p90Seconds)
            try c.encode(previousQuestions, forKey: .previousQuestions)
            try c.encode(previousMedianSeconds, forKey: .previousMedianSeconds)
            try c.encode(slaMinutes, forKey: .slaMinutes); try c.encode(slaChecked, forKey: .slaChecked)
            try c.encode(answeredLate, forKey: .answeredLate); try c.encode(overdue, forKey: .overdue)
            try c.encode(breaches, forKey: .breaches); try c.encode(worst, forKey: .worst)
        }
    }

    public struct Breach: Codable, Sendable, Equatable {
        public var key: String, network: String, author: String, createdAt: Date
        /// Business seconds past the due time (at the first response, or at `generatedAt` when still open).
        public var lateSeconds: Double
        public var answered: Bool
    }

    public struct TermCount: Codable, Sendable, Equatable {
        public var term: String
        /// Mentions containing it (each mention counts a term once).
        public var count: Int
        public var previousCount: Int
    }

    public struct Published: Codable, Sendable, Equatable {
        /// Queue posts that went out (`queue_published`, one per account).
        public var posts: Int
        /// Per target account (source id), most first.
        public var byAccount: [NamedCount]
        /// Replies that went out through the network's API (`outbox_sent`, `reply`).
        public var replies: Int
        /// Replies given by hand (feeds without a reply API).
        public var manualReplies: Int
        /// Replies per network of the mention answered, most first.
        public var repliesByNetwork: [NamedCount]
        /// The queue posts, oldest first.
        public var items: [PublishedPost]
        /// How the posts of the period did (from the `metrics` readings); nil when none has counts yet.
        public var performance: PostPerformance?
    }

    public struct NamedCount: Codable, Sendable, Equatable {
        public var name: String, count: Int
    }

    public struct PublishedPost: Codable, Sendable, Equatable {
        public var at: Date
        public var account: String
        /// The first line of the post's text.
        public var text: String
        public var url: String?
    }

    /// A crisis (or drill) run that overlaps the period.
    public struct Crisis: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// The latest severity (a run's severity may change while it is on).
        public var severity: String?
        public var drill: Bool, startedAt: Date, startedBy: String
        public var endedAt: Date?
        public var endedBy: String?
        public var summary: String?
        /// Checklist steps done or skipped, of all.
        public var stepsDone: Int
        public var steps: Int
    }

    enum CodingKeys: String, CodingKey {
        case schema = "v", brand, timeZone, since, until, previousSince, generatedAt, bucketUnit, buckets, volume
        case sentiment, shareOfVoice, responses, topics, hashtags, advocates, published, crises, stored
    }
}

extension Report {
    /// Nothing at all was mentioned in the period.
    public var isEmpty: Bool { volume.total == 0 }

    /// The period as a number of days (fractional for partial days).
    public var days: Double { until.timeIntervalSince(since) / 86400 }
}
