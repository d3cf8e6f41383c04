import Foundation
import ScreenKit
import SwitchboardCore

/// How a confirmation names the mention it acted on: the author and the first few words of the text,
/// `@anna "Wie kann ich meinen…"`.
enum MentionLabel {
    /// At most this many words, and this many cells of them.
    static let words = 3
    static let cells = 20

    static func text(author: String, text: String) -> String {
        var handle = sanitizeForScreen(author).trimmingCharacters(in: CharacterSet(charactersIn: "@ "))
        // `anna@social.example` → `@anna`: the words say which mention it was.
        if let at = handle.firstIndex(of: "@") { handle = String(handle[..<at]) }
        // `fee.bsky.social` → `@fee`, and no handle wider than the words.
        if handle.hasSuffix(".bsky.social"), handle.count > 12 { handle = String(handle.dropLast(12)) }
        let standIn = handle.hasPrefix("[") && handle.hasSuffix("]")  // Reddit's `[deleted]`: nobody to address
        let who =
            handle.isEmpty
            ? L10n.t("msg.unknownAuthor") : (standIn ? "" : "@") + TextWrap.ellipsize(handle, width: cells)
        let all = sanitizeForScreen(text).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var shown: [String] = []
        var width = 0
        for w in all.prefix(words) {
            let ww = TextWidth.width(w) + (shown.isEmpty ? 0 : 1)
            if width + ww > cells { break }
            shown.append(w)
            width += ww
        }
        var quote = shown.joined(separator: " ")
        if shown.isEmpty, let first = all.first { quote = TextWrap.clip(first, width: cells - 1) }
        if quote.isEmpty { return who }
        return who + " \"" + quote + (quote.count < all.joined(separator: " ").count ? "…" : "") + "\""
    }
}
