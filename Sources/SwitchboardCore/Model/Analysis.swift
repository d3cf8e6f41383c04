import Foundation

/// What the Insight module read in a mention.
public struct Analysis: Codable, Hashable, Sendable {
    public var lang: String
    public var sentiment: Sentiment
    /// -1 (very negative) … +1 (very positive).
    public var score: Double
    public var intents: [Intent]
    /// Configured crisis terms found in the text.
    public var crisisTerms: [String]?
    /// Analysis model version, so `reanalyze` knows what is stale.
    public var model: String?

    public init(
        lang: String, sentiment: Sentiment, score: Double, intents: [Intent], crisisTerms: [String]? = nil,
        model: String? = nil
    ) {
        (self.lang, self.sentiment, self.score, self.intents) = (lang, sentiment, score, intents)
        (self.crisisTerms, self.model) = (crisisTerms, model)
    }

    enum CodingKeys: String, CodingKey {
        case lang, sentiment, score, intents, model
        case crisisTerms = "crisis_terms"
    }
}
