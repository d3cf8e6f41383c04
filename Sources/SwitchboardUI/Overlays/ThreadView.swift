import Foundation
import ScreenKit
import SwitchboardCore

/// The thread view (`t`): the whole conversation of a mention as a tree, a post selected, answers folded by key.
public struct ThreadView: Sendable {
    /// The mention it was opened on.
    public var key: String
    /// Nil while it is being fetched.
    public var conversation: Conversation?
    /// Why the network's part is missing (shown under the title).
    public var problem: String?
    /// Posts whose answers are hidden.
    public var folded: Set<String> = []
    /// The selected post (an index into `conversation.posts`).
    public var selected = 0

    public init(key: String) { self.key = key }

    /// The indices of the posts shown (folded answers left out).
    public var rows: [Int] { conversation?.visible(folded: folded) ?? [] }

    /// The selected post's mention.
    public var selectedMention: Mention? { conversation?.posts[safe: selected]?.mention }

    /// Opens on the mention asked for.
    mutating func loaded(_ c: Conversation, problem: String?) {
        let keep = selectedMention?.key
        (conversation, self.problem) = (c, problem)
        selected = keep.flatMap(c.index(of:)) ?? c.focus
    }

    /// Moves the selection over the shown posts; a page is `page` posts (what the screen shows).
    mutating func move(_ m: ListMotion, page: Int = 5) {
        let r = rows
        guard !r.isEmpty else { return }
        let at = r.firstIndex(of: selected) ?? 0
        selected = r[ListCursor(at, count: r.count, page: max(1, page)).moved(m)]
    }

    /// Folds or unfolds the selected post's answers; on a post without answers, folds its parent (and selects it).
    mutating func toggleFold() -> String? {
        guard let c = conversation, let p = c.posts[safe: selected] else { return nil }
        if p.descendants == 0 {
            guard let up = p.parent else { return L10n.t("thread.nothingToFold") }
            selected = up
            folded.insert(c.posts[up].mention.key)
            return nil
        }
        if folded.remove(p.mention.key) == nil { folded.insert(p.mention.key) }
        return nil
    }
}
