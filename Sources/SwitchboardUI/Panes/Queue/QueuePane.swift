import Foundation
import SwitchboardCore

/// The Queue pane: the content queue and the selection in its agenda.
public struct QueuePane: Sendable {
    public var info = QueueInfo()
    public var selected = 0
    /// The queue item `u` restores (the last one deleted here).
    public var undo: String?
    /// A publishQueue effect is running.
    public var publishing = false

    /// The selected item (agenda order).
    public var selectedItem: QueueItem? { info.items[safe: selected] }
}
