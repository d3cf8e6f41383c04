import ScreenKit

/// Key notation as keymaps and help name keys: `j`, `G`, `C-d`, `M-b`, `<Tab>`, `<S-Tab>`, `<PgDn>`,
/// `<Enter>`, `<Esc>`, `<F1>`, `<Space>`, `<Up>`. Private to the UI until ScreenKit's KeyNotation lands.
enum KeyNames {
    static let named: [(String, Key)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("BS", .backspace),
        ("Del", .delete), ("Ins", .insert), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PgUp", .pageUp), ("PgDn", .pageDown), ("Space", .char(" ")),
    ]
    static let aliases: [String: Key] = [
        "cr": .enter, "return": .enter, "ret": .enter, "escape": .escape, "backtab": .backTab,
        "backspace": .backspace, "delete": .delete, "insert": .insert, "pageup": .pageUp, "pagedown": .pageDown,
        "lt": .char("<"), "gt": .char(">"),
    ]

    /// Parses one key in notation; nil when it is not a key.
    static func parse(_ s: String) -> Key? {
        if s.count == 1, let c = s.first, c != " " { return .char(c) }
        if s.hasPrefix("<"), s.hasSuffix(">"), s.count > 2 {
            let inner = String(s.dropFirst().dropLast())
            if let k = named.first(where: { $0.0.lowercased() == inner.lowercased() })?.1 { return k }
            if let k = aliases[inner.lowercased()] { return k }
            if inner.first == "F" || inner.first == "f", let n = Int(inner.dropFirst()), (1...24).contains(n) { return .function(n) }
            if inner.count > 2 { return parseModified(inner) }
            return nil
        }
        if s.count > 2 { return parseModified(s) }
        return nil
    }

    private static func parseModified(_ s: String) -> Key? {
        // Alt-Backspace: `M-<BS>`.
        if s.count > 3, s.hasPrefix("M-<") || s.hasPrefix("A-<") {
            if let k = parse(String(s.dropFirst(2))), k == .backspace { return .alt("\u{7F}") }
            return nil
        }
        let parts = Array(s)
        guard parts.count == 3, parts[1] == "-", let base = parts.last else { return nil }
        switch parts[0] {
        case "C", "c":
            guard base.isLetter, base.isASCII else { return nil }
            return .ctrl(Character(base.lowercased()))
        case "M", "m", "A", "a":
            guard base != " " else { return nil }
            return .alt(base)
        default: return nil
        }
    }

    /// The canonical notation of a key.
    static func name(_ k: Key) -> String {
        switch k {
        case .char(" "): return "<Space>"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .alt("\u{7F}"), .alt("\u{8}"): return "M-<BS>"
        case .alt(let c): return "M-\(c)"
        case .function(let n): return "<F\(n)>"
        default:
            if let n = named.first(where: { $0.1 == k }) { return "<\(n.0)>" }
            return "<?>"
        }
    }
}
