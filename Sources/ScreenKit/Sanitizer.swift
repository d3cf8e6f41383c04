import TextSafety

/// Makes hostile text (anything from the network, a file or a paste) safe for the terminal and for logs:
/// ScreenKit's names for TextSafety's one sanitiser (`SafeText`, where the definition of unsafe lives).
/// Tab becomes a space; an unterminated string sequence (OSC, DCS, …) swallows the rest of the input.
/// Text with nothing to remove is returned as is, without copying.
public enum Sanitizer {
    /// One line: newlines (LF, CR, CRLF, NEL, U+2028/9) become one space each.
    public static func line(_ s: String) -> String { SafeText.clean(s, newlines: .space) }
    /// Multi-line text: newlines are kept as "\n" (CRLF and lone CR become "\n").
    public static func text(_ s: String) -> String { SafeText.clean(s, newlines: .keep) }

    public static func line(_ s: Substring) -> String { line(String(s)) }
    public static func text(_ s: Substring) -> String { text(String(s)) }

    /// True when `s` needs no change for `line` (or for `text` with `keepNewlines`).
    public static func isClean(_ s: String, keepNewlines: Bool = false) -> Bool {
        SafeText.isClean(s, newlines: keepNewlines ? .keep : .space)
    }

    /// True for a scalar that must never reach the terminal on its own (see `SafeText.isUnsafe`).
    @inline(__always)
    public static func isUnsafe(_ u: Unicode.Scalar, after previous: Unicode.Scalar = " ") -> Bool {
        SafeText.isUnsafe(u, after: previous)
    }
}
