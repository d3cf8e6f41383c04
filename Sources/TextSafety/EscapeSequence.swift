/// The one escape-sequence skipper: where a sequence that a terminal would act on ends.
public enum EscapeSequence {
    /// True for a scalar that starts a sequence: ESC, CSI (U+009B) or a string introducer
    /// (DCS U+0090, SOS U+0098, OSC U+009D, PM U+009E, APC U+009F).
    @inline(__always)
    public static func isIntroducer(_ v: UInt32) -> Bool {
        v == 0x1B || v == 0x9B || v == 0x90 || v == 0x98 || v == 0x9D || v == 0x9E || v == 0x9F
    }

    /// `at` points at an introducer (see `isIntroducer`); returns the index after the sequence it starts.
    /// A lone ESC is dropped on its own. An unterminated string sequence started by ESC swallows the rest, as a
    /// terminal would; a lone 8-bit string introducer with no terminator anywhere after it (a stray C1
    /// character, usually mis-decoded text) is dropped on its own.
    public static func end(in s: [Unicode.Scalar], at i: Int) -> Int {
        switch s[i].value {
        case 0x1B: return afterEscape(s, from: i)
        case 0x9B: return afterCSI(s, from: i + 1)
        default:
            let j = afterString(s, from: i + 1)
            return j == s.count && !terminated(s, from: i + 1) ? i + 1 : j
        }
    }

    /// `from` points at ESC.
    static func afterEscape(_ s: [Unicode.Scalar], from: Int) -> Int {
        let i = from + 1
        guard i < s.count else { return i }
        let v = s[i].value
        switch v {
        case 0x5B: return afterCSI(s, from: i + 1)  // ESC [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return afterString(s, from: i + 1)  // ESC ] P X ^ _
        case 0x4E, 0x4F:  // SS2 / SS3 + one character
            if i + 1 < s.count, s[i + 1].value >= 0x20, s[i + 1].value < 0x7F { return i + 2 }
            return i + 1
        case 0x20...0x2F:  // intermediates, then a final byte
            var j = i
            while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }
            if j < s.count, (0x30...0x7E).contains(s[j].value) { return j + 1 }
            return j
        case 0x30...0x7E: return i + 1  // two-character sequence
        default: return i  // lone ESC: drop it only
        }
    }

    /// True when the string sequence from `from` ends before the end of the input (BEL, ST or an ESC).
    static func terminated(_ s: [Unicode.Scalar], from: Int) -> Bool {
        s[from...].contains { $0.value == 0x07 || $0.value == 0x9C || $0.value == 0x1B }
    }

    /// Parameters and intermediates, then a final byte. Stops (dropping what it read) at anything else.
    static func afterCSI(_ s: [Unicode.Scalar], from: Int) -> Int {
        var j = from
        while j < s.count {
            let v = s[j].value
            if v >= 0x20 && v <= 0x3F { j += 1; continue }
            if v >= 0x40 && v <= 0x7E { return j + 1 }
            return j
        }
        return j
    }

    /// A string sequence (OSC, DCS, SOS, PM, APC): up to BEL, ESC \ or 8-bit ST; unterminated: to the end.
    static func afterString(_ s: [Unicode.Scalar], from: Int) -> Int {
        var j = from
        while j < s.count {
            let v = s[j].value
            if v == 0x07 || v == 0x9C { return j + 1 }
            if v == 0x1B {
                if j + 1 < s.count && s[j + 1].value == 0x5C { return j + 2 }
                return j  // ESC that is not ST ends the string; the ESC starts a new sequence
            }
            j += 1
        }
        return j
    }
}
