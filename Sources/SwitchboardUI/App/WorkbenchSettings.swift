import Foundation
import SwitchboardCore

/// What the workbench is given at start-up (everything outside the store).
public struct WorkbenchSettings: Sendable {
    public var dataPath: String
    public var user: String
    public var team: TeamConfig?
    public var keymap: Keymap
    public var themeName: String
    public var themes: [String]
    public var timeZone: TimeZone
    public var listener: String
    /// Saved views (named queries from `views.json` in the personal config), for `:view NAME`.
    public var views: [SavedViews.View]
    /// Publish due queue items from this process (Workbench.swift: when it runs the sources).
    public var publishesQueue = false
    public init(
        dataPath: String, user: String, team: TeamConfig?, keymap: Keymap = .defaults, themeName: String = "default",
        themes: [String] = ["default"], timeZone: TimeZone = .current, listener: String = "sources: this workbench",
        views: [SavedViews.View] = []
    ) {
        self.dataPath = dataPath
        self.user = user
        self.team = team
        self.keymap = keymap
        self.themeName = themeName
        self.themes = themes
        self.timeZone = timeZone
        self.listener = listener
        self.views = views
    }
}
