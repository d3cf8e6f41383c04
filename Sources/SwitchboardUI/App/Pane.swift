import Foundation

/// The panes of the workbench, in Tab order.
public enum Pane: String, CaseIterable, Sendable {
    case feed, composer, queue, crisis
    public var title: String {
        switch self {
        case .feed: return "Feed"
        case .composer: return "Mention"
        case .queue: return "Queue"
        case .crisis: return "Crisis"
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
