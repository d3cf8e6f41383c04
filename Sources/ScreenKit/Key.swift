/// A key press, decoded from the terminal. Key notation (`j`, `C-d`, `<Tab>`, `<S-Tab>`, `<PgDn>`, `<Enter>`,
/// `<Esc>`, `<F1>`, `<Space>`) is how keymaps and help name keys.
public enum Key: Hashable, Sendable {
    /// A printable character (grapheme), including space.
    case char(Character)
    /// Control plus a letter: `.ctrl("d")` is Ctrl-D.
    case ctrl(Character)
    /// Alt/Meta plus a character.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// A mouse action, in cell coordinates.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, wheelUp, wheelDown }
    public var kind: Kind, x: Int, y: Int
    public init(kind: Kind, x: Int, y: Int) { (self.kind, self.x, self.y) = (kind, x, y) }
}

/// Everything a terminal can tell the program.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// Bracketed paste: the pasted text as one event.
    case paste(String)
    case mouse(MouseEvent)
    case resize(Size)
    /// Another thread called `wake()` (new log records, timers, effect results).
    case wake
    /// SIGTERM / SIGHUP / SIGINT arrived: quit cleanly.
    case terminate
}

/// How a role looks on a real terminal: colours (256-colour index, -1 = terminal default) with an
/// 8/16-colour fallback, and attributes. Themes produce these; NCursesTerminal applies them.
public struct TerminalStyle: Hashable, Sendable {
    public var fg: Int, bg: Int, fg16: Int, bg16: Int, bold: Bool, underline: Bool, reverse: Bool, dim: Bool
    public var italic: Bool
    public init(
        fg: Int = -1, bg: Int = -1, fg16: Int? = nil, bg16: Int? = nil, bold: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false, italic: Bool = false
    ) {
        (self.fg, self.bg) = (fg, bg)
        self.fg16 = fg16 ?? TerminalStyle.nearest16(fg)
        self.bg16 = bg16 ?? TerminalStyle.nearest16(bg)
        (self.bold, self.underline, self.reverse, self.dim, self.italic) = (bold, underline, reverse, dim, italic)
    }
    public static let plain = TerminalStyle()
}
