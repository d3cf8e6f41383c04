import Foundation

/// Appends JSON text to a byte buffer: the hot path of writing logs.
struct JSONWriter {
    var out: [UInt8] = []
    var needComma = false

    mutating func raw(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func string(_ s: String) {
        out.append(34)
        var s = s
        s.withUTF8 { b in
            var start = 0
            for j in 0..<b.count {
                let c = b[j]
                if c >= 0x20 && c != 34 && c != 92 { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<j]))
                switch c {
                case 34: raw("\\\"")
                case 92: raw("\\\\")
                case 10: raw("\\n")
                case 13: raw("\\r")
                case 9: raw("\\t")
                default:
                    raw("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(hex[Int(c >> 4)])
                    out.append(hex[Int(c & 15)])
                }
                start = j + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count]))
        }
        out.append(34)
    }

    mutating func key(_ k: StaticString) {
        if needComma { out.append(44) }
        needComma = true
        out.append(34)
        raw(k)
        out.append(34)
        out.append(58)
    }

    mutating func field(_ k: StaticString, _ v: String) {
        key(k)
        string(v)
    }
    mutating func field(_ k: StaticString, _ v: String?) {
        if let v { key(k); string(v) }
    }
    mutating func field(_ k: StaticString, _ v: Int) {
        key(k)
        int(v)
    }

    mutating func int(_ v: Int) {
        if v < 0 { out.append(45) }
        var m = v.magnitude
        if m < 10 { out.append(48 + UInt8(m)); return }
        var buf:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &buf) { b in
            while m > 0 { b[19 - n] = 48 + UInt8(m % 10); m /= 10; n += 1 }
            out.append(contentsOf: b[(20 - n)...])
        }
    }
    mutating func field(_ k: StaticString, _ v: Int?) { if let v { field(k, v) } }
    mutating func field(_ k: StaticString, _ v: Date) {
        key(k)
        Timestamp.write(v, into: &out)
    }
    mutating func field(_ k: StaticString, _ v: Double) {
        key(k)
        // JSON has no infinity or NaN: `inf` would make a line nobody can read back (scores are required: 0).
        guard v.isFinite else { out.append(48); return }
        // (A score past ~1.8e304 overflows when rounded: kept as it is, not written as `inf`.)
        let r = abs(v) < 1e300 ? (v * 10000).rounded() / 10000 : v
        out.append(contentsOf: Array((r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)).utf8))
    }
    mutating func beginObject() {
        out.append(123)
        needComma = false
    }
    mutating func endObject() {
        out.append(125)
        needComma = true
    }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let d) where !d.isFinite: raw("null")  // `1e999` imports as infinity; JSON has none
        case .number(let d):
            out.append(contentsOf: Array((d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)).utf8))
        case .string(let s): string(s)
        case .array(let a):
            out.append(91)
            for (j, x) in a.enumerated() {
                if j > 0 { out.append(44) }
                value(x)
            }
            out.append(93)
        case .object(let o):
            out.append(123)
            for (j, k) in o.keys.sorted().enumerated() {
                if j > 0 { out.append(44) }
                string(k)
                out.append(58)
                value(o[k]!)
            }
            out.append(125)
        }
    }
}
