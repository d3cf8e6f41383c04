import Foundation
import SwitchboardCore

extension AppState {
    /// What shows instead of a mention's text while a server filter's warning covers it (Mastodon filter action
    /// `warn`): the filter's title and how to open it; nil when there is no warning or it was opened.
    func filterWarning(key: String, _ warning: String?) -> String? {
        guard let w = warning, !mention.revealed.contains(key) else { return nil }
        return "⚠ " + L10n.t("mention.filtered", ["title": sanitizeForScreen(w)])
    }
}
