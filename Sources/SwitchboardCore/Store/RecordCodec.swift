import Foundation

/// The store's record codecs as one public surface: the fast scanner/writer the Store uses for log
/// lines, and the JSONDecoder/JSONEncoder path it falls back to. The fuzz targets compare the two
/// (the fast path must agree with JSONDecoder or decline), and benchmarks can time them.
public enum RecordCodec {
    /// A stored mention line read by the fast scanner; nil when it declines (the Store then uses JSONDecoder).
    public static func fastMention(_ bytes: UnsafeBufferPointer<UInt8>) -> Mention? { Mention.fastDecode(bytes) }

    /// An action line read by the fast scanner; nil when it declines.
    public static func fastEvent(_ bytes: UnsafeBufferPointer<UInt8>) -> AuditEvent? { AuditEvent.fastDecode(bytes) }

    /// A mention as the Store appends it to `log/mentions-*.jsonl` (without the newline).
    public static func encodeMention(_ m: Mention) -> [UInt8] {
        var w = JSONWriter()
        m.fastEncode(into: &w)
        return w.out
    }

    /// The JSONDecoder the Store falls back to (dates as `Timestamp`).
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .switchboard
        return d
    }
}
