import Foundation
import SwitchboardCore

extension FuzzTarget {
    /// Core's JSON Lines importer (`ImportFormat.decodeAll`, as `switchboard ingest` and the jsonl source
    /// read drops): every imported mention is terminal-safe, line numbers of rejects are real lines, and
    /// every mention survives the store's encoder and both of its decoders unchanged.
    public static let jsonl = FuzzTarget(
        name: "jsonl", summary: "Core ImportFormat (JSON Lines): safe mentions, store round trip"
    ) { data in
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let (mentions, rejects) = ImportFormat.decodeAll(data, now: now)
        let lines = LineSplitter.split(data).count
        for r in rejects where r.line < 1 || r.line > lines {
            throw FuzzViolation("reject on line \(r.line) of \(lines)")
        }
        for m in mentions {
            try Invariants.mentionSafe(m)
            try Invariants.terminalSafe(m.source, "source", newlines: false)
            // Extra values are cleaned like text; their keys are data only (never shown, escaped in JSON output).
            for (k, v) in m.extra ?? [:] {
                if case .string(let s) = v {
                    try Invariants.terminalSafe(s, "extra[\(k.debugDescription)]", newlines: true)
                }
            }
            try Invariants.storeRoundTrip(m)
        }
    }

    /// The store's record decoders, differential: on any line, the fast scanner (`Mention.fastDecode`,
    /// `AuditEvent.fastDecode`) either declines or returns exactly what JSONDecoder returns.
    public static let record = FuzzTarget(
        name: "record", summary: "Core fast record decoder vs JSONDecoder (differential)"
    ) { data in
        let bytes = [UInt8](data)
        let dec = RecordCodec.decoder()
        try Invariants.agree(bytes.withUnsafeBufferPointer(RecordCodec.fastMention), data, dec, "mention")
        try Invariants.agree(bytes.withUnsafeBufferPointer(RecordCodec.fastEvent), data, dec, "action")
    }
}

extension Invariants {
    /// A mention written as the Store writes it reads back the same through JSONDecoder, and through
    /// the fast scanner unless it declines; writing what was read gives the same bytes.
    public static func storeRoundTrip(_ m: Mention) throws {
        let bytes = RecordCodec.encodeMention(m)
        let slow: Mention
        do { slow = try RecordCodec.decoder().decode(Mention.self, from: Data(bytes)) } catch {
            throw FuzzViolation(
                "the store cannot read back a mention it wrote (\(error)): "
                + "\(String(decoding: bytes, as: UTF8.self).prefix(300))"
            )
        }
        if RecordCodec.encodeMention(slow) != bytes {
            throw FuzzViolation(
                "JSONDecoder read back a different mention: \(String(decoding: bytes, as: UTF8.self).prefix(300))")
        }
        if let fast = bytes.withUnsafeBufferPointer(RecordCodec.fastMention) {
            if fast != slow {
                throw FuzzViolation(
                    "fast decoder and JSONDecoder differ on the store's own line: "
                    + "\(String(decoding: bytes, as: UTF8.self).prefix(300))"
                )
            }
        }
    }

    /// A record the fast decoder accepted must decode with JSONDecoder too, to the same value.
    static func agree<T: Decodable & Equatable>(_ fast: T?, _ data: Data, _ dec: JSONDecoder, _ what: String) throws {
        guard let fast else { return }
        let slow: T
        do { slow = try dec.decode(T.self, from: data) } catch {
            throw FuzzViolation("fast \(what) decoder accepted a line JSONDecoder rejects (\(error))")
        }
        if fast != slow { throw FuzzViolation("fast and JSONDecoder \(what)s differ:\n fast: \(fast)\n slow: \(slow)") }
    }
}
