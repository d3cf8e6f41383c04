/// Makes hostile text (anything from the network, a file or a paste) safe for the terminal and for logs.
///
/// Removes C0 controls (tab becomes a space; newlines per call), DEL, C1 controls, complete escape
/// sequences (CSI, OSC including OSC 52 and OSC 8, DCS/SOS/PM/APC strings, two-character ESC sequences
/// and their 8-bit forms), bidi controls and invisible format characters. Keeps ZWJ, ZWNJ, variation
/// selectors and emoji tag sequences, so emoji and every script stay intact. An unterminated string
/// sequence (OSC, DCS, …) swallows the rest of the input, as a terminal would.
/// Text with nothing to remove is returned as is, without copying.
public enum Sanitizer {
    /// One line: newlines (LF, CR, CRLF, NEL, U+2028/9) become one space each.
    public static func line(_ s: String) -> String { clean(s, keepNewlines: false) }
    /// Multi-line text: newlines are kept as "\n" (CRLF and lone CR become "\n").
    public static func text(_ s: String) -> String { clean(s, keepNewlines: true) }

    public static func line(_ s: Substring) -> String { line(String(s)) }
    public static func text(_ s: Substring) -> String { text(String(s)) }

    /// True when `s` needs no change for `line` (no control, escape, bidi or hidden format character).
    public static func isClean(_ s: String, keepNewlines: Bool = false) -> Bool {
        var nonASCII = false
        for b in s.utf8 {
            if b < 0x20 {
                if !(keepNewlines && b == 0x0A) { return false }
            } else if b == 0x7F {
                return false
            } else if b >= 0x80 {
                nonASCII = true
            }
        }
        if !nonASCII { return true }
        var previous: Unicode.Scalar = " "
        for u in s.unicodeScalars {
            if u.value >= 0x80 && isUnsafe(u, after: previous) { return false }
            previous = u
        }
        return true
    }

    /// True for a scalar that must never reach the terminal on its own: C0/C1 controls, DEL, bidi
    /// controls and invisible format characters (not ZWJ/ZWNJ, variation selectors, or emoji tags
    /// following a waving black flag or another tag).
    @inline(__always)
    public static func isUnsafe(_ u: Unicode.Scalar, after previous: Unicode.Scalar = " ") -> Bool {
        let v = u.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v <= 0x9F || v == 0xAD { return true }
        if v < 0x600 { return false }
        if v >= 0xE0000 {
            if v <= 0xE007F {
                // Emoji tag sequences (subdivision flags) are tags after U+1F3F4.
                let p = previous.value
                return !(v >= 0xE0020 && (p == 0x1F3F4 || (p >= 0xE0020 && p <= 0xE007F)))
            }
            return false
        }
        switch v {
        case 0x600...0x605, 0x61C, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0x180E,
             0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F,
             0xFEFF, 0xFFF9...0xFFFB, 0x110BD, 0x110CD, 0x13430...0x1343F, 0x1BCA0...0x1BCA3,
             0x1D173...0x1D17A:
            return true
        default:
            return false
        }
    }

    static func clean(_ s: String, keepNewlines: Bool) -> String {
        if isClean(s, keepNewlines: keepNewlines) { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        let n = scalars.count
        var i = 0
        var previous: Unicode.Scalar = " "
        @inline(__always) func newline() {
            out.append(keepNewlines ? "\n" : " ")
            previous = " "
        }
        while i < n {
            let u = scalars[i]
            let v = u.value
            switch v {
            case 0x09:
                out.append(" "); previous = " "; i += 1
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                newline(); i += 1
            case 0x0D:
                newline()
                i += (i + 1 < n && scalars[i + 1].value == 0x0A) ? 2 : 1
            case 0x1B:
                i = skipEscape(scalars, from: i)
            case 0x9B:
                i = skipCSI(scalars, from: i + 1)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                i = skipString(scalars, from: i + 1)
            default:
                if isUnsafe(u, after: previous) {
                    i += 1
                } else {
                    out.append(u); previous = u; i += 1
                }
            }
        }
        return String(out)
    }

    /// `from` points at ESC; returns the index after the sequence it starts.
    static func skipEscape(_ s: [Unicode.Scalar], from: Int) -> Int {
        let i = from + 1
        guard i < s.count else { return i }
        let v = s[i].value
        switch v {
        case 0x5B: return skipCSI(s, from: i + 1)                         // ESC [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return skipString(s, from: i + 1) // ESC ] P X ^ _
        case 0x4E, 0x4F:                                                   // SS2 / SS3 + one character
            if i + 1 < s.count, s[i + 1].value >= 0x20, s[i + 1].value < 0x7F { return i + 2 }
            return i + 1
        case 0x20...0x2F:                                                  // intermediates, then a final byte
            var j = i
            while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }
            if j < s.count, (0x30...0x7E).contains(s[j].value) { return j + 1 }
            return j
        case 0x30...0x7E: return i + 1                                     // two-character sequence
        default: return i                                                  // lone ESC: drop it only
        }
    }

    /// Parameters and intermediates, then a final byte. Stops (dropping what it read) at anything else.
    static func skipCSI(_ s: [Unicode.Scalar], from: Int) -> Int {
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
    static func skipString(_ s: [Unicode.Scalar], from: Int) -> Int {
        var j = from
        while j < s.count {
            let v = s[j].value
            if v == 0x07 || v == 0x9C { return j + 1 }
            if v == 0x1B {
                if j + 1 < s.count && s[j + 1].value == 0x5C { return j + 2 }
                return j // ESC that is not ST ends the string; the ESC starts a new sequence
            }
            j += 1
        }
        return j
    }
}
