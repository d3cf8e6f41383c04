import Foundation

/// A small strict JSON reader over UTF-8 bytes for the import format: several times faster than
/// JSONSerialization on one-line objects, and it keeps a numeric `id`'s digits exactly (a 64-bit
/// snowflake id does not survive a Double). RFC 8259 grammar; nesting limited to 64 levels;
/// invalid UTF-8 inside strings becomes U+FFFD; lone surrogate escapes become U+FFFD.
struct ImportScanner {
    struct Failure: Error {}

    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    @inline(__always) mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws {
        skipSpace()
        guard i < b.count, b[i] == c else { throw Failure() }
        i += 1
    }

    /// The top-level object as key/value pairs, numbers also as their exact text.
    mutating func topLevelObject() throws -> [(key: String, value: JSONValue, raw: String?)]? {
        skipSpace()
        guard i < b.count else { throw Failure() }
        guard b[i] == 0x7B else { _ = try value(); try end(); return nil }
        i += 1
        var out: [(key: String, value: JSONValue, raw: String?)] = []
        skipSpace()
        if i < b.count, b[i] == 0x7D { i += 1; try end(); return out }
        while true {
            skipSpace()
            guard i < b.count, b[i] == 0x22 else { throw Failure() }
            let k = try string()
            try expect(0x3A)
            skipSpace()
            let start = i
            let v = try value()
            var raw: String?
            if case .number = v { raw = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) }
            out.append((k, v, raw))
            skipSpace()
            guard i < b.count else { throw Failure() }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; break }
            throw Failure()
        }
        try end()
        return out
    }

    mutating func end() throws {
        skipSpace()
        guard i == b.count else { throw Failure() }
    }

    mutating func value() throws -> JSONValue {
        skipSpace()
        guard i < b.count else { throw Failure() }
        switch b[i] {
        case 0x22: return .string(try string())
        case 0x7B:
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { throw Failure() }
            i += 1
            var o: [String: JSONValue] = [:]
            skipSpace()
            if i < b.count, b[i] == 0x7D { i += 1; return .object(o) }
            while true {
                skipSpace()
                guard i < b.count, b[i] == 0x22 else { throw Failure() }
                let k = try string()
                try expect(0x3A)
                o[k] = try value()
                skipSpace()
                guard i < b.count else { throw Failure() }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x7D { i += 1; return .object(o) }
                throw Failure()
            }
        case 0x5B:
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { throw Failure() }
            i += 1
            var a: [JSONValue] = []
            skipSpace()
            if i < b.count, b[i] == 0x5D { i += 1; return .array(a) }
            while true {
                a.append(try value())
                skipSpace()
                guard i < b.count else { throw Failure() }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x5D { i += 1; return .array(a) }
                throw Failure()
            }
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        default: return .number(try number())
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw Failure() }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw Failure() }
        i += n
    }

    mutating func number() throws -> Double {
        let start = i
        if i < b.count, b[i] == 0x2D { i += 1 }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw Failure() }
        if b[i] == 0x30 { i += 1 } else { while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 } }
        if i < b.count, b[i] == 0x2E {
            i += 1
            let d = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > d else { throw Failure() }
        }
        if i < b.count, b[i] | 0x20 == 0x65 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            let d = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > d else { throw Failure() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        guard let v = Double(text) else { throw Failure() }
        return v
    }

    /// At the opening quote.
    mutating func string() throws -> String {
        i += 1
        let start = i
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == 0x5C { break }
            if c < 0x20 { throw Failure() }
            i += 1
        }
        guard i < b.count else { throw Failure() }
        var out = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { throw Failure() }
            guard c == 0x5C else { out.append(c); i += 1; continue }
            guard i + 1 < b.count else { throw Failure() }
            let e = b[i + 1]
            i += 2
            if let u = JSONEscape.simple(e) { out.append(u); continue }
            guard e == 0x75 else { throw Failure() }
            var v = try hex4()
            if v >= 0xD800 && v <= 0xDBFF {
                if i + 5 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                    let save = i
                    i += 2
                    let lo = try hex4()
                    if lo >= 0xDC00 && lo <= 0xDFFF {
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    } else { i = save; v = 0xFFFD }
                } else { v = 0xFFFD }
            } else if v >= 0xDC00 && v <= 0xDFFF {
                v = 0xFFFD
            }
            out.append(contentsOf: UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}")!)
        }
        throw Failure()
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Failure() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            default: throw Failure()
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
