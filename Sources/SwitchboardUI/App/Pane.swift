import Foundation
import SwitchboardCore

/// The panes of the workbench, in Tab order.
public enum Pane: String, CaseIterable, Sendable {
    case feed, composer, queue, crisis
    public var title: String {
        switch self {
        case .feed: return L10n.t("pane.feed")
        case .composer: return L10n.t("pane.composer")
        case .queue: return L10n.t("pane.queue")
        case .crisis: return L10n.t("pane.crisis")
        }
    }
    /// The key context whose bindings apply while this pane has the focus.
    var context: KeyContext {
        switch self {
        case .feed: return .feed
        case .composer: return .composer
        case .queue: return .queue
        case .crisis: return .crisis
        }
    }
}
