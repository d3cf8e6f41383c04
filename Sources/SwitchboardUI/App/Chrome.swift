import Foundation
import ScreenKit
import SwitchboardCore

/// The frame around the panes: size, clock, focus and zoom, theme, listener line, status line, spike banner.
public struct Chrome: Sendable {
    public var size: Size
    public var now: Date
    public var focus: Pane = .feed
    public var zoomed = false
    /// How the panes are arranged (`Layout.compute`).
    public var layout = LayoutStyle.auto
    public var themeName: String
    /// Who polls the sources (the status bar shows its short form at every width).
    public var sources: SourcesMode
    /// The long form of `sources`.
    public var listener: String { sources.text }
    /// Feed counts for the status bar.
    public var counts = FeedCounts()
    public var message: StatusMessage?
    public var quit = false
    /// Set when the user chose another brand: the workbench quits and reopens on its data directory.
    public var nextBrand: BrandList.Brand?
    /// The newest spike alert from the actions log, shown while younger than the cooldown.
    public var spike: SpikeNotice?

    init(size: Size, now: Date, themeName: String, sources: SourcesMode) {
        (self.size, self.now, self.themeName, self.sources) = (size, now, themeName, sources)
    }
}
