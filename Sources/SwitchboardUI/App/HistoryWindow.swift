import Foundation
import SwitchboardCore

/// The first frame of a large history, read from the index (`HistoryIndex.window`) instead of folding the logs: the
/// newest mentions with their states and the counts the title and the status bar show. The workbench draws it at
/// once and handles keys on it while the store loads off the main loop; the store's first delta then replaces it
/// (`FeedModel.rebuild` keeps the selection by mention).
public struct HistoryWindow: Sendable {
    /// The newest mentions, newest first.
    public var mentions: [Mention]
    public var states: [String: MentionState]
    /// Every stored mention (the feed's title).
    public var total: Int
    public var counts: FeedCounts

    public init(mentions: [Mention], states: [String: MentionState], total: Int, counts: FeedCounts) {
        (self.mentions, self.states, self.total, self.counts) = (mentions, states, total, counts)
    }
}

extension AppState {
    /// Shows a window of the history before the store is loaded.
    public mutating func showWindow(_ w: HistoryWindow) {
        states = w.states
        feed.rebuild(w.mentions, states: w.states, now: chrome.now, viewport: Layout.feedViewport(self))
        feed.windowTotal = w.total
        // The store's first delta is the first load: it sets the baseline of new arrivals.
        feed.baseline = nil
        chrome.counts = w.counts
    }

    /// Whether the feed shows a window of the index (the store is still loading).
    public var showsWindow: Bool { feed.windowTotal != nil }

    /// The sources as they are once the store is loaded (the window was drawn before this workbench could poll).
    public mutating func sourcesKnown(_ mode: SourcesMode, publishesQueue: Bool) {
        chrome.sources = mode
        if settings.publishesQueue != publishesQueue { reconfigure { $0.publishesQueue = publishesQueue } }
    }
}

extension AppSettings {
    /// Seconds after which an open, unanswered mention is overdue, when that is one number (as `FeedModel.counts`
    /// decides it) — what the index's window counts (`HistoryIndex.window`): 0 minutes counts none; nil: a target
    /// per priority band or business hours need each mention's priority (the store's counts).
    public var windowOverdueTarget: Double? {
        if slaMinutes <= 0 { return .infinity }
        guard let team, let sla = try? SLA(team: team) else { return Double(slaMinutes) * 60 }
        return sla.hours == nil && sla.byPriority.isEmpty ? sla.target(band: nil) : nil
    }
}
