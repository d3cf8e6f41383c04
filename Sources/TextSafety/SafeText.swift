/// The one definition of what must never reach a terminal or a log, and the one sanitiser that removes it.
///
/// Unsafe (removed): C0 controls and DEL (tab and line breaks are handled per call, see `Newlines` and
/// `Tabs`), C1 controls, complete escape sequences (CSI, OSC including OSC 52 and OSC 8, DCS/SOS/PM/APC
/// strings, two-character ESC sequences and their 8-bit forms; see `EscapeSequence`), bidi controls
/// (U+200E/200F/061C marks, U+202A–202E embeddings and overrides, U+2066–2069 isolates) and invisible format
/// characters (soft hyphen, U+200B, U+2028/2029 outside line handling, U+2060–206F, BOM, interlinear
/// annotation, Arabic/Syriac/Egyptian/shorthand/musical format controls, lone tag characters).
/// Kept: ZWJ, ZWNJ, variation selectors and emoji tag sequences, so emoji and every script stay intact.
public enum SafeText {
    /// What happens to line breaks (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029).
    public enum Newlines: Sendable {
        /// Each line break becomes one space (one line of text).
        case space
        /// Each line break becomes "\n" (CRLF counts as one).
        case keep
        /// LF stays, CRLF becomes "\n", every other line-break character is removed.
        case lineFeedOnly
    }

    /// What happens to a tab.
    public enum Tabs: Sendable {
        case space
        case keep
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

    /// True when `clean(s, newlines:tabs:)` would return `s` unchanged.
    public static func isClean(_ s: String, newlines: Newlines = .space, tabs: Tabs = .space) -> Bool {
        let keepLF = newlines != .space
        let keepTab = tabs == .keep
        var nonASCII = false
        for b in s.utf8 {
            if b < 0x20 {
                if !(keepLF && b == 0x0A) && !(keepTab && b == 0x09) { return false }
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
}
