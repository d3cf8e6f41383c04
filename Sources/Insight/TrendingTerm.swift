import Foundation
import SwitchboardCore

/// A term or hashtag rising in the last hour.
public struct TrendingTerm: Sendable, Hashable {
    /// The normalised term (lower case); hashtags keep their `#`.
    public var term: String
    /// Mentions containing it in the last hour.
    public var count: Int
    /// Mean mentions per hour containing it over the previous 24 hours.
    public var baseline: Double
    /// (count + 1) / (baseline + 1): how many times its usual rate.
    public var ratio: Double
    public var isHashtag: Bool { term.hasPrefix("#") }
}
