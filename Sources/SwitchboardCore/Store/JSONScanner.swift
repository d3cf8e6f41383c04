import Foundation

/// A small pull parser over UTF-8 bytes for the hot path of reading logs (JSONDecoder is ~10× slower
/// and allocates far more). Any surprise throws, and the caller falls back to JSONDecoder, which
/// also produces the error message a person reads.
struct JSONScanner {
    struct Failure: Error {}
    let p: UnsafeBufferPointer<UInt8>
    var i: Int
    var first = true

    init(_ p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        i = 0
    }

    @inline(__always) mutating func ws() {
        while i < p.count {
            let c = p[i]
            if c == 32 || c == 10 || c == 13 || c == 9 { i += 1 } else { return }
        }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws {
        ws()
        guard i < p.count, p[i] == c else { throw Failure() }
        i += 1
    }

    @inline(__always) mutating func peek() -> UInt8 {
        ws()
        return i < p.count ? p[i] : 0
    }

    /// Marks field `bit` of the object being read as seen; a second occurrence throws. JSONDecoder
    /// keeps the first of duplicate keys, this scanner would keep the last: it declines instead.
    @inline(__always) static func once(_ seen: inout UInt64, _ bit: Int) throws {
        let b: UInt64 = 1 << UInt64(bit)
        guard seen & b == 0 else { throw Failure() }
        seen |= b
    }

    /// Iterates an object's keys; `body` must consume the value.
    mutating func object(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try expect(123)  // {
        if peek() == 125 { i += 1; return }
        while true {
            ws()
            guard i < p.count, p[i] == 34 else { throw Failure() }
            let key = try rawStringNoEscape()
            try expect(58)  // :
            try body(&self, key)
            ws()
            guard i < p.count else { throw Failure() }
            if p[i] == 44 { i += 1; continue }
            if p[i] == 125 { i += 1; return }
            throw Failure()
        }
    }

    /// Manual object iteration without closures: call `beginObject()`, then `nextKey()` until nil.
    mutating func beginObject() throws {
        try expect(123)
        first = true
    }

    mutating func nextKey() throws -> UnsafeBufferPointer<UInt8>? {
        ws()
        guard i < p.count else { throw Failure() }
        if p[i] == 125 { i += 1; return nil }
        if !first {
            guard p[i] == 44 else { throw Failure() }
            i += 1
            ws()
        }
        first = false
        guard i < p.count, p[i] == 34 else { throw Failure() }
        let key = try rawStringNoEscape()
        try expect(58)
        return key
    }

    mutating func array(_ body: (inout JSONScanner) throws -> Void) throws {
        try expect(91)  // [
        if peek() == 93 { i += 1; return }
        while true {
            try body(&self)
            ws()
            guard i < p.count else { throw Failure() }
            if p[i] == 44 { i += 1; continue }
            if p[i] == 93 { i += 1; return }
            throw Failure()
        }
    }

    /// A key without escapes (our keys never have any); the bytes between the quotes.
    mutating func rawStringNoEscape() throws -> UnsafeBufferPointer<UInt8> {
        i += 1
        let start = i
        var ascii = true
        while i < p.count {
            let c = p[i]
            if c == 34 {
                let r = UnsafeBufferPointer(rebasing: p[start..<i])
                // Control characters and invalid UTF-8 make JSONDecoder reject the line: decline too.
                if !ascii, String(validating: r, as: UTF8.self) == nil { throw Failure() }
                i += 1
                return r
            }
            if c == 92 || c < 0x20 { throw Failure() }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        throw Failure()
    }

    mutating func string() throws -> String {
        ws()
        guard i < p.count, p[i] == 34 else { throw Failure() }
        i += 1
        let start = i
        while i < p.count {
            let c = p[i]
            if c == 34 {
                // Invalid UTF-8 is declined (JSONDecoder rejects it too), never repaired.
                guard let s = String(validating: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self) else {
                    throw Failure()
                }
                i += 1
                return s
            }
            if c == 92 { i = start; return try escapedString() }
            if c < 0x20 { throw Failure() }
            i += 1
        }
        throw Failure()
    }

    private mutating func escapedString() throws -> String {
        var out = [UInt8]()
        while i < p.count {
            let c = p[i]
            if c == 34 {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Failure() }
                return s
            }
            if c < 0x20 { throw Failure() }
            if c != 92 { out.append(c); i += 1; continue }
            i += 1
            guard i < p.count else { throw Failure() }
            let e = p[i]
            i += 1
            switch e {
            case 34: out.append(34)
            case 92: out.append(92)
            case 47: out.append(47)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                var u = try hex4()
                if (0xD800..<0xDC00).contains(u) {
                    guard i + 1 < p.count, p[i] == 92, p[i + 1] == 117 else { throw Failure() }
                    i += 2
                    let lo = try hex4()
                    guard (0xDC00..<0xE000).contains(lo) else { throw Failure() }
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                } else if (0xDC00..<0xE000).contains(u) {
                    throw Failure()
                }
                guard let sc = Unicode.Scalar(u) else { throw Failure() }
                out.append(contentsOf: Array(String(Character(sc)).utf8))
            default: throw Failure()
            }
        }
        throw Failure()
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= p.count else { throw Failure() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            i += 1
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw Failure()
            }
            v = v * 16 + d
        }
        return v
    }

    mutating func optionalString() throws -> String? {
        if peek() == 110 { try literal("null"); return nil }
        return try string()
    }

    mutating func literal(_ s: StaticString) throws {
        ws()
        let n = s.utf8CodeUnitCount
        guard i + n <= p.count else { throw Failure() }
        for k in 0..<n where p[i + k] != s.utf8Start[k] { throw Failure() }
        i += n
    }

    mutating func number() throws -> Double {
        ws()
        let start = i
        while i < p.count {
            let c = p[i]
            if (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69 { i += 1 } else { break }
        }
        guard i > start, JSONScanner.isJSONNumber(UnsafeBufferPointer(rebasing: p[start..<i])) else { throw Failure() }
        // Fast path for plain integers.
        var v = 0.0
        var neg = false
        var k = start
        if p[k] == 45 { neg = true; k += 1 }
        var plain = k < i
        while k < i {
            let c = p[k]
            if c >= 48 && c <= 57 {
                v = v * 10 + Double(c - 48)
            } else { plain = false; break }
            k += 1
        }
        if plain { return neg ? -v : v }
        guard let d = Double(String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)) else {
            throw Failure()
        }
        return d
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (no `+1`, `01`, `1.` or `.5`).
    static func isJSONNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        let n = b.count
        @inline(__always) func digits() -> Int {
            let s = k
            while k < n, b[k] >= 48, b[k] <= 57 { k += 1 }
            return k - s
        }
        if k < n, b[k] == 45 { k += 1 }
        guard k < n else { return false }
        if b[k] == 48 { k += 1 } else if digits() == 0 { return false }
        if k < n, b[k] == 46 {
            k += 1
            if digits() == 0 { return false }
        }
        if k < n, b[k] == 101 || b[k] == 69 {
            k += 1
            if k < n, b[k] == 43 || b[k] == 45 { k += 1 }
            if digits() == 0 { return false }
        }
        return k == n
    }

    mutating func int() throws -> Int {
        let d = try number()
        guard d.rounded() == d, abs(d) < 9e15 else { throw Failure() }
        return Int(d)
    }

    /// An integer written as plain digits (an optional minus, no fraction or exponent), exact over the whole 64-bit
    /// range: a clock reading (`hlc`, ~1.2e17) is past what `int()` reads through a Double.
    mutating func exactInt() throws -> Int {
        ws()
        var k = i
        let neg = k < p.count && p[k] == 45
        if neg { k += 1 }
        let first = k
        var v = 0
        while k < p.count, p[k] >= 48, p[k] <= 57 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(p[k] - 48))
            guard !o1, !o2 else { throw Failure() }
            v = a
            k += 1
        }
        // No digits, a leading zero before more digits, or a fraction/exponent: not this reader's.
        guard k > first, !(p[first] == 48 && k - first > 1) else { throw Failure() }
        if k < p.count, p[k] == 46 || p[k] == 101 || p[k] == 69 { throw Failure() }
        i = k
        return neg ? -v : v
    }

    mutating func optionalInt() throws -> Int? {
        if peek() == 110 { try literal("null"); return nil }
        return try int()
    }

    mutating func bool() throws -> Bool {
        if peek() == 116 { try literal("true"); return true }
        try literal("false")
        return false
    }

    mutating func date() throws -> Date {
        ws()
        guard i < p.count, p[i] == 34 else { throw Failure() }
        let s = try rawStringNoEscape()
        guard let d = Timestamp.parse(bytes: s) else { throw Failure() }
        return d
    }

    mutating func stringArray() throws -> [String] {
        var out: [String] = []
        try array { out.append(try $0.string()) }
        return out
    }

    mutating func value() throws -> JSONValue {
        switch peek() {
        case 34: return .string(try string())
        case 123:
            var o: [String: JSONValue] = [:]
            try object { s, k in
                guard let key = String(validating: k, as: UTF8.self), o.updateValue(try s.value(), forKey: key) == nil
                else { throw Failure() }
            }
            return .object(o)
        case 91:
            var a: [JSONValue] = []
            try array { a.append(try $0.value()) }
            return .array(a)
        case 116, 102: return .bool(try bool())
        case 110:
            try literal("null")
            return .null
        default: return .number(try number())
        }
    }

    /// Steps over one value of any kind without building it. Only where it ends is checked, not what it holds.
    mutating func skipValue() throws {
        ws()
        guard i < p.count else { throw Failure() }
        switch p[i] {
        case 34:
            i += 1
            while i < p.count {
                let c = p[i]
                if c == 92 {
                    i += 2
                } else if c == 34 {
                    i += 1
                    return
                } else {
                    i += 1
                }
            }
            throw Failure()
        case 123: try object { s, _ in try s.skipValue() }
        case 91: try array { try $0.skipValue() }
        default:
            // A number, true, false or null: up to the next separator.
            let start = i
            while i < p.count {
                let c = p[i]
                if c == 44 || c == 125 || c == 93 || c == 32 || c == 10 || c == 13 || c == 9 { break }
                i += 1
            }
            guard i > start else { throw Failure() }
        }
    }

    mutating func end() throws {
        ws()
        guard i == p.count else { throw Failure() }
    }
}

@inline(__always) func keyIs(_ k: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard k.count == n else { return false }
    let b = s.utf8Start
    for j in 0..<n where k[j] != b[j] { return false }
    return true
}
