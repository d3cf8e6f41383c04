import Foundation

/// The themes compiled into the program: the same documents as `Themes/*.json` (a test keeps them equal),
/// so that `default`, `light`, `high-contrast` and `mono` (what `NO_COLOR` chooses) work wherever the
/// program is installed. A file of the same name in a theme directory overrides one.
enum BuiltinTheme {
    /// The names of the compiled-in themes.
    static let names = ["default", "high-contrast", "light", "mono"]

    /// The compiled-in theme `name`, or nil.
    static func named(_ name: String) -> Theme? { themes[name] }

    /// The compiled-in default theme.
    static var theme: Theme { themes["default"] ?? Theme(name: "default", styles: [:]) }

    static let themes: [String: Theme] = {
        var out: [String: Theme] = [:]
        for (name, json) in documents {
            out[name] = try? Theme.parse(Data(json.utf8), name: name, file: "(built-in theme \(name))")
        }
        return out
    }()

    static let documents: [String: String] = [
        "default": #"""
        {
          "v": 1,
          "name": "default",
          "description": "Dark: light text on the terminal's own (dark) background.",
          "background": "dark",
          "roles": {
            "normal":             {"fg": "default", "bg": "default"},
            "dim":                {"fg": 244, "fg16": 8},
            "border":             {"fg": 240, "fg16": 8},
            "border_focused":     {"fg": 39, "fg16": 12, "bold": true},
            "pane_title":         {"fg": 250, "fg16": 7},
            "pane_title_focused": {"fg": 231, "bg": 25, "fg16": 15, "bg16": 4, "bold": true},
            "selected":           {"fg": 231, "bg": 24, "fg16": 15, "bg16": 4},
            "feed_new":           {"fg": 220, "fg16": 11, "bold": true},
            "negative":           {"fg": 203, "fg16": 9},
            "positive":           {"fg": 114, "fg16": 10},
            "neutral":            {"fg": 248, "fg16": 7},
            "question":           {"fg": 81, "fg16": 14, "bold": true},
            "complaint":          {"fg": 209, "fg16": 3, "bold": true},
            "praise":             {"fg": 213, "fg16": 13},
            "crisis_banner":      {"fg": 231, "bg": 160, "fg16": 15, "bg16": 1, "bold": true},
            "warning":            {"fg": 214, "fg16": 11},
            "error":              {"fg": 196, "fg16": 9, "bold": true},
            "status_bar":         {"fg": 252, "bg": 237, "fg16": 0, "bg16": 7},
            "hint":               {"fg": 245, "fg16": 8},
            "tab_active":         {"fg": 231, "bg": 25, "fg16": 15, "bg16": 4, "bold": true},
            "tab_inactive":       {"fg": 248, "bg": 236, "fg16": 7, "bg16": 0},
            "overdue":            {"fg": 203, "fg16": 9, "bold": true},
            "accent":             {"fg": 75, "fg16": 12},
            "input":              {"fg": 231, "fg16": 15},
            "meta":               {"fg": 245, "fg16": 8},
            "own":                {"fg": 73, "fg16": 6},
            "key":                {"fg": 117, "fg16": 14, "bold": true},
            "overlay":            {"fg": 252, "bg": 235, "fg16": 7, "bg16": 0}
          }
        }
        """#,
        "high-contrast": #"""
        {
          "v": 1,
          "name": "high-contrast",
          "description": "High contrast: pure white and strong colours on black, bold accents.",
          "background": "dark",
          "roles": {
            "normal":             {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0},
            "dim":                {"fg": 250, "bg": 16, "fg16": 7, "bg16": 0},
            "border":             {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0},
            "border_focused":     {"fg": 226, "bg": 16, "fg16": 11, "bg16": 0, "bold": true},
            "pane_title":         {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0, "bold": true},
            "pane_title_focused": {"fg": 16, "bg": 226, "fg16": 0, "bg16": 11, "bold": true},
            "selected":           {"fg": 16, "bg": 231, "fg16": 0, "bg16": 15, "bold": true},
            "feed_new":           {"fg": 226, "bg": 16, "fg16": 11, "bg16": 0, "bold": true, "underline": true},
            "negative":           {"fg": 196, "bg": 16, "fg16": 9, "bg16": 0, "bold": true},
            "positive":           {"fg": 46, "bg": 16, "fg16": 10, "bg16": 0, "bold": true},
            "neutral":            {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0},
            "question":           {"fg": 51, "bg": 16, "fg16": 14, "bg16": 0, "bold": true},
            "complaint":          {"fg": 208, "bg": 16, "fg16": 11, "bg16": 0, "bold": true},
            "praise":             {"fg": 201, "bg": 16, "fg16": 13, "bg16": 0, "bold": true},
            "crisis_banner":      {"fg": 231, "bg": 196, "fg16": 15, "bg16": 9, "bold": true},
            "warning":            {"fg": 16, "bg": 226, "fg16": 0, "bg16": 11, "bold": true},
            "error":              {"fg": 231, "bg": 196, "fg16": 15, "bg16": 9, "bold": true},
            "status_bar":         {"fg": 16, "bg": 231, "fg16": 0, "bg16": 15, "bold": true},
            "hint":               {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0},
            "tab_active":         {"fg": 16, "bg": 226, "fg16": 0, "bg16": 11, "bold": true},
            "tab_inactive":       {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0},
            "overdue":            {"fg": 196, "bg": 16, "fg16": 9, "bg16": 0, "bold": true, "underline": true},
            "accent":             {"fg": 51, "bg": 16, "fg16": 14, "bg16": 0, "bold": true},
            "input":              {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0, "bold": true},
            "meta":               {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0},
            "own":                {"fg": 87, "bg": 16, "fg16": 14, "bg16": 0, "italic": true},
            "key":                {"fg": 226, "bg": 16, "fg16": 11, "bg16": 0, "bold": true},
            "overlay":            {"fg": 231, "bg": 16, "fg16": 15, "bg16": 0}
          }
        }
        """#,
        "light": #"""
        {
          "v": 1,
          "name": "light",
          "description": "Light: dark text for terminals with a light background.",
          "background": "light",
          "roles": {
            "normal":             {"fg": "default", "bg": "default"},
            "dim":                {"fg": 245, "fg16": 8},
            "border":             {"fg": 250, "fg16": 7},
            "border_focused":     {"fg": 26, "fg16": 4, "bold": true},
            "pane_title":         {"fg": 238, "fg16": 0},
            "pane_title_focused": {"fg": 231, "bg": 26, "fg16": 15, "bg16": 4, "bold": true},
            "selected":           {"fg": 16, "bg": 153, "fg16": 0, "bg16": 14},
            "feed_new":           {"fg": 130, "fg16": 3, "bold": true},
            "negative":           {"fg": 160, "fg16": 1},
            "positive":           {"fg": 28, "fg16": 2},
            "neutral":            {"fg": 242, "fg16": 8},
            "question":           {"fg": 25, "fg16": 4, "bold": true},
            "complaint":          {"fg": 166, "fg16": 1, "bold": true},
            "praise":             {"fg": 127, "fg16": 5},
            "crisis_banner":      {"fg": 231, "bg": 160, "fg16": 15, "bg16": 1, "bold": true},
            "warning":            {"fg": 130, "fg16": 3, "bold": true},
            "error":              {"fg": 160, "fg16": 1, "bold": true},
            "status_bar":         {"fg": 16, "bg": 252, "fg16": 0, "bg16": 7},
            "hint":               {"fg": 243, "fg16": 8},
            "tab_active":         {"fg": 231, "bg": 26, "fg16": 15, "bg16": 4, "bold": true},
            "tab_inactive":       {"fg": 238, "bg": 254, "fg16": 0, "bg16": 7},
            "overdue":            {"fg": 160, "fg16": 1, "bold": true},
            "accent":             {"fg": 26, "fg16": 4},
            "input":              {"fg": 16, "fg16": 0},
            "meta":               {"fg": 243, "fg16": 8},
            "own":                {"fg": 30, "fg16": 6},
            "key":                {"fg": 25, "fg16": 4, "bold": true},
            "overlay":            {"fg": 16, "bg": 255, "fg16": 0, "bg16": 7}
          }
        }
        """#,
        "mono": #"""
        {
          "v": 1,
          "name": "mono",
          "description": "Monochrome: attributes only, no colours (chosen when NO_COLOR is set; right for vt100).",
          "background": "dark",
          "roles": {
            "normal":             {},
            "dim":                {"dim": true},
            "border":             {},
            "border_focused":     {"bold": true},
            "pane_title":         {},
            "pane_title_focused": {"reverse": true, "bold": true},
            "selected":           {"reverse": true},
            "feed_new":           {"bold": true},
            "negative":           {"underline": true},
            "positive":           {},
            "neutral":            {},
            "question":           {"bold": true},
            "complaint":          {"bold": true},
            "praise":             {},
            "crisis_banner":      {"reverse": true, "bold": true},
            "warning":            {"bold": true},
            "error":              {"bold": true, "underline": true},
            "status_bar":         {"reverse": true},
            "hint":               {},
            "tab_active":         {"reverse": true, "bold": true},
            "tab_inactive":       {},
            "overdue":            {"bold": true, "underline": true},
            "accent":             {"bold": true},
            "input":              {},
            "meta":               {"dim": true},
            "own":                {"dim": true, "italic": true},
            "key":                {"bold": true},
            "overlay":            {}
          }
        }
        """#,
    ]
}
