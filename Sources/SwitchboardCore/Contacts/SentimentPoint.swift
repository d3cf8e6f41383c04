import Foundation

/// A contact's sentiment in one period (a day or a week in the team's time zone).
public struct SentimentPoint: Hashable, Sendable {
    /// First day of the period, `YYYY-MM-DD`.
    public var period: String, start: Date, count: Int, positive: Int, neutral: Int, negative: Int
    /// Mean score (-1…+1) of the analysed mentions.
    public var mean: Double
}
