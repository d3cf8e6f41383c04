/// A role's style as a terminal with a given number of colours draws it: palette indexes (-1 = the
/// terminal's default) and attributes. `TerminalStyle.resolved` maps 256 colours down to 16 and 8.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: Int, bg: Int, bold: Bool, underline: Bool, reverse: Bool, dim: Bool, italic: Bool

    /// The foreground as a palette colour, the default one taken to be `background`'s foreground.
    public func effectiveForeground(colors: Int, background: TerminalBackground) -> Int {
        fg >= 0 ? fg : background.foreground(colors: colors)
    }

    /// The background as a palette colour, the default one taken to be `background`'s colour.
    public func effectiveBackground(colors: Int, background: TerminalBackground) -> Int {
        bg >= 0 ? bg : background.color(colors: colors)
    }
}

extension TerminalStyle {
    /// How this style is drawn on a terminal with `colors` colours (0: none) whose own background is
    /// `background`. 256 colours and more: the 256-colour values. 16 (or 88): the 16-colour fallback
    /// (`fg16`/`bg16`, else the nearest of the 16). 8: bright colours become their base colour, in bold
    /// for a foreground. Whatever the depth, a foreground never equals the background it is drawn on (the
    /// role's own, else the terminal's): it is replaced by a visible one (white or black, dimmed where it
    /// stood for a grey), so nothing is ever drawn black on black.
    public func resolved(colors: Int, background: TerminalBackground) -> ResolvedStyle {
        var out = ResolvedStyle(
            fg: -1, bg: -1, bold: bold, underline: underline, reverse: reverse, dim: dim, italic: italic)
        guard colors >= 8 else { return out }
        if colors >= 256 {
            out.fg = fg
            out.bg = bg
        } else {
            out.fg = fg16
            out.bg = bg16
            if colors < 16 {
                if out.fg >= 8 { out.fg -= 8; out.bold = true }
                if out.bg >= 8 { out.bg -= 8 }
            }
        }
        let depth = colors >= 256 ? 256 : (colors >= 16 ? 16 : 8)
        let fgColor = out.effectiveForeground(colors: depth, background: background)
        let bgColor = out.effectiveBackground(colors: depth, background: background)
        if Self.looksAlike(fgColor, bgColor, depth: depth) {
            // A grey (bright black) becomes dimmed white on a dark background; anything else white or black.
            let grey = fg16 == 8
            let dark = Self.isDark(bgColor)
            out.fg = dark ? (depth >= 16 && !grey ? 15 : 7) : 0
            out.bold = bold
            if grey && dark { out.dim = true }
        }
        return out
    }

    /// Two palette colours that are the same on a terminal of this depth (black 0 and 16 on 256 colours,
    /// white 15 and 231).
    static func looksAlike(_ a: Int, _ b: Int, depth: Int) -> Bool {
        func canonical(_ c: Int) -> Int {
            switch c {
            case 16: return 0
            case 231: return 15
            default: return c
            }
        }
        return canonical(a) == canonical(b)
    }

    /// Whether a palette colour is dark (a light foreground shows on it).
    static func isDark(_ c: Int) -> Bool {
        switch c {
        case 0, 1, 4, 5, 8, 16: return true
        case 2, 3, 6, 7, 9...15: return false
        case 232...243: return true
        case 244...255: return false
        default:
            // The 6×6×6 cube: dark when the channels add up low.
            let v = c - 16
            return (v / 36) + (v / 6 % 6) + (v % 6) < 8
        }
    }

    /// The nearest of the 16 basic colours to a 256-colour index (for themes without a 16-colour fallback).
    public static func nearest16(_ c: Int) -> Int {
        guard c >= 16 else { return c }
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
            (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
            (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let rgb: (Int, Int, Int)
        if c >= 232 {
            let g = 8 + (c - 232) * 10
            rgb = (g, g, g)
        } else {
            let v = c - 16
            let level = [0, 95, 135, 175, 215, 255]
            rgb = (level[v / 36], level[v / 6 % 6], level[v % 6])
        }
        var best = 0
        var bestDistance = Int.max
        for (i, b) in basic.enumerated() {
            let d = (b.0 - rgb.0) * (b.0 - rgb.0) + (b.1 - rgb.1) * (b.1 - rgb.1) + (b.2 - rgb.2) * (b.2 - rgb.2)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }
}
