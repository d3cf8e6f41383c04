import Foundation

/// One author account's (identity's) part of the contacts fold, kept by a derived index as mentions come
/// (`HistoryIndex`'s `person` table), so a person's roles are a few rows read instead of every mention of theirs:
/// `Contacts(tallies:events:team:)` makes the contact from the tallies of the identities the contact book groups.
///
/// The tally counts as `Contacts` counts (`RoleSuggester.tally`) with the default role settings
/// (`ContactSettings()`: the employer-review sites are the only setting the counting reads — a team that lists
/// others folds its people from their mentions). The brand's own accounts and the competitors are told at read time
/// from the first mention's handle and name, as the fold tells them at an identity's first mention. The scores are
/// summed in billionths, so a re-analysis takes the old score out exactly. No mention keys are kept; `praise` is not
/// kept (no role reads it).
public struct PersonTally: Hashable, Sendable {
    /// The fold's identity (no mention keys; `scoreSum` follows `scoreNanos`).
    public var identity: ContactIdentity
    /// The handle and name of the identity's first mention.
    public var firstHandle: String, firstName: String?
    /// The sum of the analysed mentions' scores in billionths.
    public var scoreNanos: Int64 {
        didSet { identity.scoreSum = Double(scoreNanos) / 1e9 }
    }

    static let suggester = RoleSuggester(settings: ContactSettings(), team: nil)

    /// The employer-review sites the tallies count with: a team whose settings differ cannot use them.
    public static let employeeReviewSites = ContactSettings().employeeReviewSites

    /// The tally of `m`'s author with `m` counted (nil when it has no author or an empty handle).
    public init?(first m: Mention) {
        guard let a = m.author, !a.handle.isEmpty, let key = ContactIdentity.key(of: m) else { return nil }
        identity = ContactIdentity(
            key: key, platform: m.platform.lowercased(), handle: a.handle, name: a.name, url: a.url,
            followers: a.followers, firstSeen: m.createdAt, lastSeen: m.createdAt, mentions: [])
        (firstHandle, firstName, scoreNanos) = (a.handle, a.name, 0)
        add(m)
    }

    /// A tally as stored (`HistoryIndex`'s `person` row).
    public init(
        key: String, platform: String, handle: String, name: String?, url: String?, followers: Int?,
        firstSeen: Date, lastSeen: Date, firstHandle: String, firstName: String?, mentions: Int,
        sentiments: (positive: Int, neutral: Int, negative: Int), scored: Int, scoreNanos: Int64,
        evidence: (news: Int, employee: Int, former: Int, customer: Int)
    ) {
        identity = ContactIdentity(
            key: key, platform: platform, handle: handle, name: name, url: url, followers: followers,
            firstSeen: firstSeen, lastSeen: lastSeen, mentions: [])
        identity.mentionCount = mentions
        (identity.positive, identity.neutral, identity.negative) = sentiments
        identity.scored = scored
        (identity.newsItems, identity.employeeReviews, identity.formerEmployeeReviews, identity.customerReviews) =
            evidence
        identity.scoreSum = Double(scoreNanos) / 1e9
        (self.firstHandle, self.firstName, self.scoreNanos) = (firstHandle, firstName, scoreNanos)
    }

    /// Counts another mention of the same identity.
    public mutating func add(_ m: Mention) {
        PersonTally.suggester.tally(m, into: &identity)
        identity.praise = 0
        if let an = m.analysis { scoreNanos += PersonTally.nanos(an.score) }
    }

    /// A counted mention's analysis replaced (`old`: its sentiment and score before, nil when it had none).
    public mutating func reanalyzed(from old: (sentiment: Sentiment, score: Double)?, to new: Analysis) {
        if let old {
            count(old.sentiment, by: -1)
            identity.scored -= 1
            scoreNanos -= PersonTally.nanos(old.score)
        }
        count(new.sentiment, by: 1)
        identity.scored += 1
        scoreNanos += PersonTally.nanos(new.score)
    }

    private mutating func count(_ s: Sentiment, by n: Int) {
        switch s {
        case .positive: identity.positive += n
        case .neutral: identity.neutral += n
        case .negative: identity.negative += n
        }
    }

    /// A score (-1…+1) in billionths.
    public static func nanos(_ score: Double) -> Int64 {
        score.isFinite ? Int64((min(max(score, -1e6), 1e6) * 1e9).rounded()) : 0
    }
}
