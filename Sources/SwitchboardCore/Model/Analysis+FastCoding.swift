import Foundation

extension Analysis {
    /// Reads an analysis as `JSONEncoder` writes it (the index keeps each mention's latest analysis that way) with the
    /// fast scanner; nil when anything is unexpected (the caller then uses `JSONDecoder`).
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis? {
        var s = JSONScanner(bytes)
        do {
            guard s.peek() == UInt8(ascii: "{"), let a = try Mention.decodeAnalysis(&s) else { return nil }
            try s.end()
            return a
        } catch { return nil }
    }
}
