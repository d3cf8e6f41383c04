import Foundation

/// Collects the learned-model tokens of a text (training only).
final class TokenCollector { var tokens: [String] = [] }
