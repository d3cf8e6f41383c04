/// What a theme assumes about the terminal's own background (the colour of cells drawn with the default
/// background): a dark one (light text) or a light one (dark text). On 8- and 16-colour terminals a role's
/// foreground is never mapped to the colour that background has.
public enum TerminalBackground: String, Sendable, Hashable, Codable {
    case dark
    case light

    /// The palette colour the default background is taken to be on a terminal with `colors` colours.
    public func color(colors: Int) -> Int {
        switch self {
        case .dark: return 0
        case .light: return colors >= 16 ? 15 : 7
        }
    }

    /// The palette colour the default foreground is taken to be.
    public func foreground(colors: Int) -> Int {
        switch self {
        case .dark: return 7
        case .light: return 0
        }
    }
}
