import Foundation

/// One pass over UTF-8 bytes: tags (when `markup`), character references (when `markup` or `entities`),
/// escape sequences, controls and whitespace. Output is built as UTF-8 bytes.
struct TextCleaner {
    let markup: Bool
    let keepNewlines: Bool
    var entities: Bool
    var out: [UInt8] = []
    var pendingSpace = false
    var pendingBreaks = 0

    init(markup: Bool, keepNewlines: Bool, capacity: Int) {
        self.markup = markup; self.keepNewlines = keepNewlines; self.entities = markup
        out.reserveCapacity(capacity)
    }

    func result() -> String { String(decoding: out, as: UTF8.self) }

    // MARK: output

    @inline(__always) mutating func space() { pendingSpace = true }

    @inline(__always) mutating func lineBreak(_ add: Bool = false) {
        guard keepNewlines else { pendingSpace = true; return }
        pendingBreaks = add ? min(2, pendingBreaks + 1) : max(1, pendingBreaks)
    }

    @inline(__always) mutating func flush() {
        if !out.isEmpty {
            if pendingBreaks > 0 { for _ in 0..<pendingBreaks { out.append(10) } }
            else if pendingSpace { out.append(32) }
        }
        pendingSpace = false; pendingBreaks = 0
    }

    @inline(__always) mutating func emit(_ b: UInt8) { flush(); out.append(b) }

    /// A decoded scalar: whitespace and controls handled like raw input.
    mutating func emit(scalar v: UInt32) {
        switch v {
        case 0x09, 0x20, 0xA0, 0x3000, 0x1680, 0x2000...0x200A, 0x202F, 0x205F: space()
        case 0x0A, 0x0D, 0x0C, 0x0B, 0x85, 0x2028, 0x2029: if markup { space() } else { lineBreak(true) }
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0xFEFF: return
        case 0xD800...0xDFFF: emit(scalar: 0xFFFD)
        default:
            guard let u = Unicode.Scalar(v) else { return }
            flush()
            out.append(contentsOf: UTF8.encode(u)!)
        }
    }

    // MARK: input

    mutating func run(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                switch c {
                case 0x3C where markup: i = tag(b, i)
                case 0x26 where entities: i = reference(b, i)
                case 0x1B: i = skipEscape(b, i + 1)
                case 0x20, 0x09: space(); i += 1
                case 0x0A, 0x0D, 0x0C, 0x0B:
                    if markup { space() } else { lineBreak(true) }
                    if c == 0x0D, i + 1 < n, b[i + 1] == 0x0A { i += 1 }
                    i += 1
                case 0..<0x20, 0x7F: i += 1
                default: emit(c); i += 1
                }
                continue
            }
            // Multi-byte UTF-8 (the input is a valid Swift string): decode to filter controls and bidi.
            let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            guard i + len <= n else { break }
            var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            for k in 1..<len { v = v << 6 | UInt32(b[i + k] & 0x3F) }
            if v == 0x9B { i = skipEscape(b, i + len, csi: true); continue }
            if v == 0x9D || v == 0x90 || v == 0x9E || v == 0x9F { i = skipString(b, i + len); continue }
            if v <= 0xA0 || (v >= 0x2000 && v <= 0x206F) || v == 0xFEFF || v == 0x3000 || v == 0x1680 || v == 0x061C {
                emit(scalar: v)
            } else {
                flush()
                for k in 0..<len { out.append(b[i + k]) }
            }
            i += len
        }
    }

    /// ESC already consumed at `i - 1`: skips CSI (`ESC [ … final`), OSC/DCS/APC/PM/SOS strings, or one byte.
    func skipEscape(_ b: UnsafeBufferPointer<UInt8>, _ i0: Int, csi: Bool = false) -> Int {
        var i = i0
        let n = b.count
        if !csi {
            guard i < n else { return i }
            switch b[i] {
            case UInt8(ascii: "["): i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                return skipString(b, i + 1)
            // A two-character sequence; never half a UTF-8 character: after ESC + lead byte the decoder
            // would read a continuation byte as a lead and could make an ESC of it (found by fuzzing).
            default: return b[i] < 0x80 ? i + 1 : i
            }
        }
        while i < n, b[i] >= 0x20, b[i] <= 0x3F { i += 1 } // parameters and intermediates
        if i < n, b[i] >= 0x40, b[i] <= 0x7E { i += 1 }      // final byte
        return i
    }

    /// Skips a control string up to BEL, ESC \ or ST (U+009C).
    func skipString(_ b: UnsafeBufferPointer<UInt8>, _ i0: Int) -> Int {
        var i = i0
        let n = b.count
        while i < n {
            if b[i] == 0x07 { return i + 1 }
            if b[i] == 0x1B { return i + 1 < n && b[i + 1] == UInt8(ascii: "\\") ? i + 2 : i + 1 }
            if b[i] == 0xC2, i + 1 < n, b[i + 1] == 0x9C { return i + 2 }
            i += 1
        }
        return n
    }
}
