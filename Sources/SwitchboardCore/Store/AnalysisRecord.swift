import Foundation

/// A later analysis of a stored mention (one line of `log/analysis-YYYY-MM.jsonl`).
public struct AnalysisRecord: Codable, Sendable, SchemaVersioned {
    public static let schemaVersion = 1
    public var schema: Int = 1
    public var key: String
    public var analysis: Analysis
    public init(key: String, analysis: Analysis) { (self.key, self.analysis) = (key, analysis) }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.schemaVersion(.schema, supported: AnalysisRecord.schemaVersion)
        key = try c.decode(String.self, forKey: .key)
        analysis = try c.decode(Analysis.self, forKey: .analysis)
    }
    enum CodingKeys: String, CodingKey {
        case schema = "v"
        case key, analysis
    }
}
