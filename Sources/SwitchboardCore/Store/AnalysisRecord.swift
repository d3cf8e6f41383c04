import Foundation

/// A later analysis of a stored mention (one line of `log/analysis-YYYY-MM.jsonl`).
public struct AnalysisRecord: Codable, Sendable {
    public var schema: Int = 1
    public var key: String
    public var analysis: Analysis
    public init(key: String, analysis: Analysis) { (self.key, self.analysis) = (key, analysis) }
    enum CodingKeys: String, CodingKey {
        case schema = "v"
        case key, analysis
    }
}
