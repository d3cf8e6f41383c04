import Foundation
import SwitchboardCore

/// One rule for every action key (status, assign, tag, note, hand-off, retry): it acts on the mention highlighted
/// in the feed, unless the Mention pane has the focus: then on the mention open there.
extension AppState {
    /// The mention an action acts on (see the rule above); nil when there is none.
    var actionKey: String? { chrome.focus == .composer ? shownKey : feed.selectedKey }

    /// The mention named for a confirmation: `@anna "Where is my refund…"` (the key when it is not loaded).
    func label(_ key: String) -> String {
        if let i = feed.keyIndex[key] {
            let it = feed.items[Int(i)]
            return MentionLabel.text(author: it.author, text: it.text)
        }
        if let m = mention.detail?.mention, m.key == key {
            return MentionLabel.text(author: m.author?.handle ?? "", text: m.text)
        }
        return key
    }
}
