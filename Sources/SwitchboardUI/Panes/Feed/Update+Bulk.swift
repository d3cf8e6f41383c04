import Foundation
import SwitchboardCore

extension FeedModel {
    /// The marked mentions: Space marks plus the visual range (anchor to selection), in feed order.
    public var markedKeys: Set<String> {
        var out = marks
        if let a = visualAnchor, let ai = keyIndex[a], let ar = rows.firstIndex(of: ai) {
            let lo = min(ar, selected)
            let hi = max(ar, selected)
            if lo <= hi, hi < rows.count { for r in lo...hi { out.insert(items[Int(rows[r])].key) } }
        }
        return out
    }
}

extension Update {
    /// Acts on every marked mention (or the selection when nothing is marked) in one durable write, then
    /// clears the marks. With the Mention pane focused it acts on the open mention only (`AppState.actionKey`).
    static func bulk(_ s: inout AppState, _ what: String, one: String? = nil, _ action: (String) -> Action)
        -> [Effect]
    {
        let marked = s.chrome.focus == .composer ? [] : s.feed.markedKeys
        if marked.isEmpty {
            guard let k = s.actionKey else {
                say(&s, s.chrome.focus == .composer ? L10n.t("msg.noOpen") : L10n.t("msg.noSelection"))
                return []
            }
            return [.record([action(k)], done: "\(one ?? what): \(s.label(k))")]
        }
        // Feed order, so the log reads like the screen.
        let keys = s.feed.rows.map { s.feed.items[Int($0)].key }.filter { marked.contains($0) }
        let rest = marked.subtracting(keys).sorted()
        s.feed.marks = []
        s.feed.visualAnchor = nil
        return [
            .record(
                (keys + rest).map(action), done: L10n.t("msg.bulk", ["count": keys.count + rest.count, "what": what]))
        ]
    }
}
