import ScreenKit

/// Key notation (ScreenKit's KeyNotation), plus `M-<BS>` for Alt-Backspace.
enum KeyNames {
    static func parse(_ s: String) -> Key? {
        if s == "M-<BS>" || s == "<M-BS>" || s == "A-<BS>" { return .alt("\u{7F}") }
        return KeyNotation.parse(s)
    }

    static func parseOrThrow(_ s: String) throws -> Key {
        if let k = parse(s) { return k }
        return try KeyNotation.parseOrThrow(s)
    }

    static func name(_ k: Key) -> String {
        switch k {
        case .alt("\u{7F}"), .alt("\u{8}"): return "M-<BS>"
        default: return KeyNotation.name(k)
        }
    }
}
