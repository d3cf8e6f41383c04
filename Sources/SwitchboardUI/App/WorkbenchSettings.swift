import Foundation
import SwitchboardCore

/// What the workbench is given at start-up (everything outside the store).
public struct WorkbenchSettings: Sendable {
    public var dataPath: String
    public var user: String
    public var team: TeamConfig?
    public var keymap: Keymap, themeName: String, themes: [String], timeZone: TimeZone
    /// Who polls the sources at start (the Refresher's probe follows it).
    public var sources: SourcesMode
    /// Saved views (named queries from `views.json` in the personal config), for `:view NAME`.
    public var views: [SavedViews.View]
    /// Publish due queue items from this process (Workbench.swift: when it runs the sources).
    public var publishesQueue = false
    /// Why team.json is not in use (file, line and column), while it does not parse.
    public var teamProblem: String?
    /// The team in use is the built-in default (team.json never parsed in this session).
    public var onDefaults = false
    /// How the panes are arranged (the personal config's `layout`); `:layout` changes it for the session.
    public var layout = LayoutStyle.auto
    /// The media library's folder (`media/` of the data directory), for `:attach NAME` and its completion.
    public var mediaDir: URL?
    public init(
        dataPath: String, user: String, team: TeamConfig?, keymap: Keymap = .defaults, themeName: String = "default",
        themes: [String] = ["default"], timeZone: TimeZone = .current, sources: SourcesMode = .polling,
        views: [SavedViews.View] = []
    ) {
        (self.dataPath, self.user, self.team, self.keymap, self.themeName) = (dataPath, user, team, keymap, themeName)
        (self.themes, self.timeZone, self.sources, self.views) = (themes, timeZone, sources, views)
    }
}
