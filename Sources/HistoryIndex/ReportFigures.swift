import Foundation

/// The report's simple figures aggregated in SQL over the index, without reading a record: volume (this period and
/// the one before, by network), sentiment shares, questions with their first-response times. The same rules as
/// `Report.compute` (the reference, and `ReportFiguresTests` holds them equal): spam and the brand's own posts are
/// left out. A team with a mute list gets nil (its terms are substrings of the raw text: the report's own code).
public struct ReportFigures: Sendable, Equatable {
    public var total = 0, previousTotal = 0
    /// This period's mentions by network (`Report.cleanName` of the network).
    public var networks: [String: Int] = [:]
    public var analysed = 0, positive = 0, neutral = 0, negative = 0
    /// Questions and help requests this period, those answered by `now`, and the median time to that answer.
    public var questions = 0, answered = 0
    public var medianSeconds: Double?
    public init() {}
}
