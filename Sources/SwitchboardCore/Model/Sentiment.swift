import Foundation

public enum Sentiment: String, Codable, Sendable, CaseIterable {
    case negative, neutral, positive
}
