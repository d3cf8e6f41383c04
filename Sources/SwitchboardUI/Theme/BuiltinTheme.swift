import Foundation

/// The compiled-in fallback theme: the same document as Themes/default.json (a test keeps them equal).
enum BuiltinTheme {
    static let json = #"""
        {
          "v": 1,
          "name": "default",
          "description": "Dark: light text on the terminal's own (dark) background.",
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
        """#

    static let theme: Theme = {
        do {
            return try Theme.parse(Data(json.utf8), name: "default", file: "(built-in default theme)")
        } catch {
            return Theme(name: "default", styles: [:])
        }
    }()
}
