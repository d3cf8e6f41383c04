import ScreenKit

extension StyleRole {
    /// Secondary text in feed rows and details: time, network, author.
    public static let meta: StyleRole = "meta"
    /// Key names in the help overlay and the key hint.
    public static let keyName: StyleRole = "key"
    /// The background of overlays (help, command-line completions, confirmations).
    public static let overlay: StyleRole = "overlay"
    /// Posts by the brand's own accounts (the `»` rows of the feed, our posts in a thread).
    public static let own: StyleRole = "own"
}

/// Every role the workbench draws with: each theme file must define all of them.
public enum UIRoles {
    public static let all: [StyleRole] = [
        .normal, .dim, .border, .borderFocused, .paneTitle, .paneTitleFocused, .selected, .feedNew,
        .negative, .positive, .neutral, .question, .complaint, .praise, .crisisBanner, .warning, .error,
        .statusBar, .hint, .tabActive, .tabInactive, .overdue, .accent, .input, .meta, .keyName, .overlay, .own,
    ]
}
