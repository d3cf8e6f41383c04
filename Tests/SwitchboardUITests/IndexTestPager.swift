import Foundation
import HistoryIndex
import SwitchboardCore

@testable import SwitchboardUI

/// The executable's `IndexPager` for the UI tests: the history through `HistoryIndex.search`, keyset-paged after the
/// window's last row; counts the pages it read.
final class IndexTestPager: HistoryPaging {
    let index: HistoryIndex
    var environment: QueryEnvironment
    var panes: WindowPanes?
    var next: HistoryIndex.PageCursor?
    private(set) var pagesRead = 0

    init(_ index: HistoryIndex, after first: HistoryIndex.PageCursor?) {
        (self.index, self.next) = (index, first)
        environment = QueryEnvironment(me: "alice", now: TestApp.now)
    }

    var hasMore: Bool { next != nil }

    func nextPage() throws -> [(mention: Mention, state: MentionState)] {
        guard let after = next else { return [] }
        let page = try index.search(.all, environment: environment, limit: 200, after: after)
        next = page.mentions.isEmpty ? nil : page.next
        pagesRead += 1
        return page.mentions
    }

    func mention(_ key: String) throws -> (mention: Mention, state: MentionState)? { try index.mention(key) }
}

/// The index answers the panes of a window without a store (`WindowPanes`): thread, people, trends, crisis slots.
extension HistoryIndex: HistorySource {}
