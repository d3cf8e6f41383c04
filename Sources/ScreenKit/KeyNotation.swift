/// Key notation, as keymap files, `switchboard keys` and the help overlay write keys:
/// `j`, `G`, `?`, `C-d`, `M-x`, `<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<Space>`, `<BS>`, `<Del>`,
/// `<Ins>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`, `<F1>`…`<F24>`.
/// Parsing is case-insensitive inside `<…>`, accepts the brackets around `C-`/`M-` (`<C-d>`) and a few
/// aliases (`<CR>`, `<Return>`, `<Backspace>`, `<Delete>`, `<PageDown>`, `<BackTab>`, …).
public enum KeyNotation {
    /// A key name that could not be parsed, with a message fit for the user.
    public struct ParseError: Error, CustomStringConvertible, Equatable, Sendable {
        public let text: String
        public let message: String
        public var description: String { message }
    }

    /// The canonical name of `key`.
    public static func name(_ key: Key) -> String {
        switch key {
        case .char(" "): return "<Space>"
        case .char(let c): return printable(c) ? String(c) : "<U+\(hex(c))>"
        case .ctrl(let c): return "C-\(ctrlName(c))"
        case .alt(" "): return "M-<Space>"
        case .alt("\u{7F}"), .alt("\u{8}"): return "M-<BS>"
        case .alt(let c): return "M-\(c)"
        case .function(let n): return "<F\(n)>"
        default:
            for (k, n) in named where k == key { return "<\(n)>" }
            return "<?>"
        }
    }

    /// The key `text` names, or nil.
    public static func parse(_ text: String) -> Key? { try? parseOrThrow(text) }

    /// The key `text` names; throws a `ParseError` that says what is wrong.
    public static func parseOrThrow(_ text: String) throws -> Key {
        func fail(_ why: String) -> ParseError { ParseError(text: text, message: why) }
        if text.isEmpty { throw fail("empty key name") }
        if text.count == 1 {
            let c = text.first!
            guard printable(c) else {
                throw fail("key name \(quoted(text)) is a control character: write it as C-x or <Name>")
            }
            return .char(c)
        }
        var body = Substring(text)
        var bracketed = false
        if body.hasPrefix("<") && body.hasSuffix(">") && body.count > 2 {
            body = body.dropFirst().dropLast()
            bracketed = true
        }
        // Alt-Backspace is .alt(DEL), as terminals send it (ESC DEL).
        if ["m-<bs>", "<m-bs>", "a-<bs>", "<a-bs>", "m-<backspace>", "<m-backspace>"].contains(text.lowercased()) {
            return .alt("\u{7F}")
        }
        // C-x, M-x (and M-<Space>, C-<Space>)
        if body.count >= 3, let p = body.first, body.dropFirst().first == "-", "CcMmAa".contains(p) {
            let rest = String(body.dropFirst(2))
            let ch: Character
            if rest.count == 1 {
                ch = rest.first!
            } else if rest.lowercased() == "<space>" || rest.lowercased() == "space" {
                ch = " "
            } else if p == "C" || p == "c", rest.count >= 3,
                let base = try? parseOrThrow(bracketed ? "<\(rest)>" : rest), base == .tab
            {
                return .tab
            } else { throw fail("unknown key name \(quoted(text)): after \(p)- comes one character, as in C-d or M-x") }
            if p == "C" || p == "c" {
                let lower = Character(ch.lowercased())
                guard lower.isASCII, lower.isLetter || "@[\\]^_ ".contains(lower) else {
                    throw fail("unknown key name \(quoted(text)): Ctrl combines with a letter (C-a … C-z)")
                }
                return .ctrl(lower == " " ? "@" : lower)
            }
            guard printable(ch) else { throw fail("unknown key name \(quoted(text))") }
            return .alt(ch)
        }
        let lower = body.lowercased()
        if lower.count >= 2, lower.first == "f", let n = Int(lower.dropFirst()) {
            guard (1...24).contains(n) else {
                throw fail("unknown key name \(quoted(text)): function keys are F1 … F24")
            }
            return .function(n)
        }
        if let k = aliases[lower] { return k }
        throw fail(
            "unknown key name \(quoted(text)); known names: a character, C-x, M-x, "
                + named.map { "<\($0.1)>" }.joined(separator: ", ") + ", <F1> … <F24>")
    }

    /// Names of the non-character keys, canonical spelling first.
    static let named: [(Key, String)] = [
        (.enter, "Enter"), (.escape, "Esc"), (.tab, "Tab"), (.backTab, "S-Tab"), (.backspace, "BS"),
        (.delete, "Del"), (.insert, "Ins"), (.up, "Up"), (.down, "Down"), (.left, "Left"), (.right, "Right"),
        (.home, "Home"), (.end, "End"), (.pageUp, "PgUp"), (.pageDown, "PgDn"), (.char(" "), "Space"),
    ]

    static let aliases: [String: Key] = {
        var d: [String: Key] = [:]
        for (k, n) in named { d[n.lowercased()] = k }
        let extra: [(String, Key)] = [
            ("cr", .enter), ("return", .enter), ("ret", .enter), ("escape", .escape), ("backtab", .backTab),
            ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete), ("insert", .insert),
            ("pageup", .pageUp), ("pagedown", .pageDown), ("pgdown", .pageDown), ("lt", .char("<")),
            ("gt", .char(">")), ("bar", .char("|")), ("bslash", .char("\\")),
        ]
        for (n, k) in extra { d[n] = k }
        return d
    }()

    static func printable(_ c: Character) -> Bool {
        TextWidth.width(c) > 0 && !ScreenBuffer.isUnsafe(c)
    }

    static func ctrlName(_ c: Character) -> String {
        c == " " ? "<Space>" : String(c)
    }

    static func hex(_ c: Character) -> String {
        c.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: "+")
    }

    static func quoted(_ s: String) -> String { "'\(Sanitizer.line(s))'" }
}
