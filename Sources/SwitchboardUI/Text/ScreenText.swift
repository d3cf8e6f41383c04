import ScreenKit

/// Sanitises a string from a mention (or any outside source) before it is drawn: ScreenKit's Sanitizer
/// (C0/C1 controls, ESC sequences, bidi and invisible format characters never reach a cell).
func sanitizeForScreen(_ s: String, singleLine: Bool = true) -> String {
    singleLine ? Sanitizer.line(s) : Sanitizer.text(s)
}

enum ScreenText {
    /// True for a scalar that must never reach the terminal on its own.
    static func isUnsafe(_ u: Unicode.Scalar) -> Bool { Sanitizer.isUnsafe(u) }
}
