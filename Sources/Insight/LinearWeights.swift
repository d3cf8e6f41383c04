import Foundation

/// Learned combination of the rule features (see Scripts/train-sentiment.py).
struct LinearWeights {
    /// Bias toward positive / negative.
    var biasPos: Float = 0
    var biasNeg: Float = 0
    /// Dense-feature weights toward positive / negative.
    var densePos = SIMD16<Float>(repeating: 0)
    var denseNeg = SIMD16<Float>(repeating: 0)
}
