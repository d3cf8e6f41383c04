import Foundation

/// Collects the learned-model tokens of a text (training only).
final class TokenCollector {
    var tokens: [String] = []
    /// The keys of the learned layer's features (`LearnedModel`), in text order.
    var keys: [UInt64] = []
}
