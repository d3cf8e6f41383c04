import Foundation
import HistoryIndex
import SwitchboardCore

@testable import SwitchboardUI

/// The executable's `IndexPager` for the UI tests: the history through the index's `WindowReader` (keyset-paged after
/// the window's last row, in the filter's query; the catch-up after a write); counts the pages it read.
final class IndexTestPager: HistoryPaging {
    let reader: WindowReader
    var panes: WindowPanes?
    private(set) var pagesRead = 0

    init(_ reader: WindowReader) { self.reader = reader }

    var hasMore: Bool { reader.hasMore }

    func nextPage() throws -> [(mention: Mention, state: MentionState)] {
        pagesRead += 1
        return try reader.nextPage(now: TestApp.now)
    }

    func mention(_ key: String) throws -> (mention: Mention, state: MentionState)? { try reader.index.mention(key) }

    func reread(now: Date) throws -> WindowReread? {
        let r = try reader.reread(now: now)
        return WindowReread(
            states: r.states, newer: r.newer, total: r.counts.total,
            counts: FeedCounts(new: r.counts.new, open: r.counts.open, overdue: r.counts.overdue))
    }

    func restart(_ query: Query?, now: Date) throws
        -> (rows: [(mention: Mention, state: MentionState)], matches: Int)?
    {
        try reader.restart(query, now: now)
    }
}

extension IndexTestPager {
    /// Opens the index of `app`'s data directory and shows its first window in `state` (the team's mute list and
    /// private messages hidden as the feed hides them).
    static func showWindow(_ app: TestApp, in state: inout AppState) throws -> IndexTestPager {
        let index = try HistoryIndex(dir: app.dir, writer: "test")
        let s = state.settings
        let reader = try WindowReader(
            index: index, mute: MuteList(team: s.team, user: s.user), own: OwnAccounts(team: s.team), me: s.user,
            pageSize: 200, overdueAfter: s.windowOverdueTarget)
        reader.slaMinutes = s.slaMinutes
        // The screens compared with a folded store's need every count exact, however loaded the machine.
        reader.countBudget = 60
        let w = try reader.first(now: state.chrome.now)
        var states: [String: MentionState] = [:]
        for (m, st) in w.newest where st != MentionState() { states[m.key] = st }
        state.showWindow(
            HistoryWindow(
                mentions: w.newest.map(\.mention), states: states, total: w.total,
                counts: FeedCounts(new: w.new, open: w.open, overdue: w.overdue)))
        return IndexTestPager(reader)
    }
}

/// The index answers the panes of a window without a store (`WindowPanes`): thread, people, trends, crisis slots.
extension HistoryIndex: HistorySource {}
