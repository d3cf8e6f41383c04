import Foundation
import HistoryIndex
import SwitchboardCore
import SwitchboardUI

/// The feed's window reads the history page by page through the index (`HistoryIndex.search`, keyset-paged after
/// the last row read), and the Mention pane its one mention by key: what `HistoryWindowLoop` asks of a
/// `HistoryPaging`.
final class IndexPager: HistoryPaging {
    let index: HistoryIndex
    var environment: QueryEnvironment
    /// The thread, author card and person marks from the index (bounded only: otherwise the store brings them).
    var panes: WindowPanes?
    /// Where the next page starts; nil once the history holds no more.
    private var next: HistoryIndex.PageCursor?
    let pageSize: Int

    init(index: HistoryIndex, environment: QueryEnvironment, after first: HistoryIndex.PageCursor?, pageSize: Int) {
        (self.index, self.environment, self.next, self.pageSize) = (index, environment, first, pageSize)
    }

    var hasMore: Bool { next != nil }

    func nextPage() throws -> [(mention: Mention, state: MentionState)] {
        guard let after = next else { return [] }
        let page = try index.search(.all, environment: environment, limit: pageSize, after: after)
        next = page.mentions.isEmpty ? nil : page.next
        return page.mentions
    }

    func mention(_ key: String) throws -> (mention: Mention, state: MentionState)? { try index.mention(key) }
}

/// The index answers the panes of a window without a store (`WindowPanes`): thread, people, trends, crisis slots.
extension HistoryIndex: HistorySource {}
