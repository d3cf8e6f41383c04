import Foundation
import SwitchboardCore

/// Reads a history page by page for the feed while it shows a window of the index (`HistoryWindowLoop`): the next
/// older rows after those the feed holds, in the feed's order (newest first, keyset-paged by the index). The
/// executable's pager reads `HistoryIndex`; tests give their own.
public protocol HistoryPaging: AnyObject {
    /// The next older page, newest first; empty when the history holds no more.
    func nextPage() throws -> [(mention: Mention, state: MentionState)]
    /// Whether another page may follow.
    var hasMore: Bool { get }
    /// One mention and its state by key (nil when the history has no such mention): the Mention pane's.
    func mention(_ key: String) throws -> (mention: Mention, state: MentionState)?
    /// Catches up with the logs and reads again what the window shows (nil: this pager cannot; the store does).
    func reread(now: Date) throws -> WindowReread?
    /// Starts the pages again with `query` (nil: every mention): its first rows and how many match (nil: cannot).
    func restart(_ query: Query?, now: Date) throws -> (rows: [(mention: Mention, state: MentionState)], matches: Int)?
    /// The thread, author card and person marks without a store (nil: the Mention pane shows the mention alone).
    var panes: WindowPanes? { get }
}

extension HistoryPaging {
    public var panes: WindowPanes? { nil }
    public func reread(now: Date) throws -> WindowReread? { nil }
    public func restart(_ query: Query?, now: Date) throws
        -> (rows: [(mention: Mention, state: MentionState)], matches: Int)?
    { nil }
}

/// What a window without a store reads again after a write or on the refresh tick (`HistoryPaging.reread`).
public struct WindowReread: Sendable {
    /// The state of every row read (`MentionState()`: none).
    public var states: [String: MentionState]
    /// Mentions newer than the newest row read, newest first.
    public var newer: [(mention: Mention, state: MentionState)]
    /// Every mention shown (the feed's title) and the status bar's counts.
    public var total: Int
    public var counts: FeedCounts
    /// The store's delta of this process's write (its outbox entries and queue; its mentions are not used).
    public var delta: StoreDelta?

    public init(
        states: [String: MentionState], newer: [(mention: Mention, state: MentionState)], total: Int,
        counts: FeedCounts
    ) {
        (self.states, self.newer, self.total, self.counts) = (states, newer, total, counts)
    }
}

extension AppState {
    /// How many rows below the selection the window keeps read ahead (two screens of the feed).
    var windowReadAhead: Int { 2 * max(1, Layout.feedViewport(self)) }

    /// Whether the window should read the next page: the selection is within `windowReadAhead` rows of its end.
    var windowWantsMore: Bool {
        showsWindow && (feed.filter == nil || feed.windowMatches != nil) && feed.sort == .newest
            && feed.selected + windowReadAhead >= feed.rows.count
    }

    /// Reads pages from `pager` until the rows reach `windowReadAhead` below the selection (or the history ends).
    /// A page that cannot be read is said in the status line; the rows read so far stay.
    public mutating func readAhead(_ pager: HistoryPaging) {
        while windowWantsMore && pager.hasMore {
            let page: [(mention: Mention, state: MentionState)]
            do { page = try pager.nextPage() } catch {
                chrome.message = StatusMessage(
                    text: L10n.t("window.pageFailed", ["error": "\(error)"]), isError: true,
                    until: chrome.now.addingTimeInterval(10))
                return
            }
            if page.isEmpty { return }
            extendWindow(page)
            pager.panes?.queue(page.map(\.mention))
        }
    }

    /// Adds an older page to the window: its rows go below those shown, the selection and the view stay.
    public mutating func extendWindow(_ page: [(mention: Mention, state: MentionState)]) {
        for (m, st) in page where st != MentionState() { states[m.key] = st }
        feed.append(page.map(\.mention), states: states, now: chrome.now, viewport: Layout.feedViewport(self))
        // A filtered window reads only matches: every row read matches.
        if let q = feed.filter?.query, feed.windowMatches != nil {
            feed.applyMatches(q, Array(feed.items.indices), states: states, viewport: Layout.feedViewport(self))
        }
    }
}
