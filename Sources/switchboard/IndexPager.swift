import Foundation
import HistoryIndex
import SwitchboardCore
import SwitchboardUI

/// The feed's window reads the history through the index (`WindowReader`: pages keyset-paged after the last row
/// read, in the filter's query; the counts; the catch-up after a write), and the Mention pane its one mention by key:
/// what `HistoryWindowLoop` and `BoundedEffects` ask of a `HistoryPaging`.
final class IndexPager: HistoryPaging {
    let reader: WindowReader
    /// The thread, author card and person marks from the index (bounded only: otherwise the store brings them).
    var panes: WindowPanes?

    init(_ reader: WindowReader) { self.reader = reader }

    var hasMore: Bool { reader.hasMore }

    func nextPage() throws -> [(mention: Mention, state: MentionState)] { try reader.nextPage(now: Date()) }

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

/// The index answers the panes of a window without a store (`WindowPanes`): thread, people, trends, crisis slots.
extension HistoryIndex: HistorySource {}
