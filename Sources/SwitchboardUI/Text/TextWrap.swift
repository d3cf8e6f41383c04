import ScreenKit

/// The UI's names for ScreenKit's width-aware text layout (never splits a wide character).
enum TextWrap {
    /// The longest prefix of `s` that fits `width` cells.
    static func clip(_ s: String, width: Int) -> String { String(TextLayout.prefix(s, width: max(0, width)).text) }
    /// Clips with a trailing "…" when the text does not fit.
    static func ellipsize(_ s: String, width: Int) -> String { TextLayout.clip(s, width: width) }
    /// Pads (or clips) to exactly `width` cells.
    static func pad(_ s: String, width: Int) -> String { TextLayout.pad(s, width: width, ellipsis: "") }
    static func padLeft(_ s: String, width: Int) -> String {
        TextLayout.pad(s, width: width, alignment: .right, ellipsis: "")
    }
    /// Word wrap; explicit newlines start new lines; over-long words are broken.
    static func wrap(_ text: String, width: Int) -> [String] { TextLayout.wrap(text, width: width) }
}
