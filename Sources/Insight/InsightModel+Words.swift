import Foundation
import SwitchboardCore

extension InsightModel {
    /// Tokenizes `s` and hands `body` the scratch buffer (the normalised bytes), the tokens and their count;
    /// an empty text gives `[]`.
    static func withTokens<T>(
        _ s: String, _ body: (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Token>, Int) -> [T]
    ) -> [T] {
        var bytes = Array(s.utf8)
        let n = bytes.count
        guard n > 0 else { return [] }
        var stats = TextStats()
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 8)
        let toks = UnsafeMutablePointer<Token>.allocate(capacity: n + 1)
        defer { scratch.deallocate(); toks.deallocate() }
        let count = bytes.withUnsafeMutableBufferPointer {
            Tokenizer.tokenize(UnsafeBufferPointer($0), scratch: scratch, tokens: toks, capacity: n + 1, stats: &stats)
        }
        return body(scratch, toks, count)
    }

    /// The normalised bytes of each word of `s` (crisis terms).
    static func normalizedWords(_ s: String) -> [[UInt8]] {
        withTokens(s) { scratch, toks, count in
            var out: [[UInt8]] = []
            for i in 0..<count where toks[i].kind == .word || toks[i].kind == .hashtag || toks[i].kind == .number {
                out.append(Array(UnsafeBufferPointer(start: scratch + Int(toks[i].start), count: Int(toks[i].len))))
            }
            return out
        }
    }
}
