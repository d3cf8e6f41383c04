/// A semantic style: what a cell *means* (selected, negative, crisis banner, …). Themes map roles to
/// colours and attributes; panes never name colours. Open set: the UI may define more roles.
public struct StyleRole: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ raw: String) { self.rawValue = raw }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let normal: StyleRole = "normal"
    public static let dim: StyleRole = "dim"
    public static let border: StyleRole = "border"
    public static let borderFocused: StyleRole = "border_focused"
    public static let paneTitle: StyleRole = "pane_title"
    public static let paneTitleFocused: StyleRole = "pane_title_focused"
    public static let selected: StyleRole = "selected"
    public static let feedNew: StyleRole = "feed_new"
    public static let negative: StyleRole = "negative"
    public static let positive: StyleRole = "positive"
    public static let neutral: StyleRole = "neutral"
    public static let question: StyleRole = "question"
    public static let complaint: StyleRole = "complaint"
    public static let praise: StyleRole = "praise"
    public static let crisisBanner: StyleRole = "crisis_banner"
    public static let warning: StyleRole = "warning"
    public static let error: StyleRole = "error"
    public static let statusBar: StyleRole = "status_bar"
    public static let hint: StyleRole = "hint"
    public static let tabActive: StyleRole = "tab_active"
    public static let tabInactive: StyleRole = "tab_inactive"
    public static let overdue: StyleRole = "overdue"
    public static let accent: StyleRole = "accent"
    public static let input: StyleRole = "input"
}
