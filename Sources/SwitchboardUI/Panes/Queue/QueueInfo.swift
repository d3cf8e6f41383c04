import Foundation
import SwitchboardCore

/// What the Queue pane shows: the content queue folded from the actions log (`Queue.current`).
public struct QueueInfo: Sendable, Equatable {
    /// The agenda: by time, drafts last; deleted items left out.
    public var items: [QueueItem] = []
    /// The suspend switch, when on.
    public var suspension: QueueSuspension?
    public var error: String?
    public init(items: [QueueItem] = [], suspension: QueueSuspension? = nil, error: String? = nil) {
        (self.items, self.suspension, self.error) = (items, suspension, error)
    }
}
