import Foundation
import SwitchboardCore

/// What background work hands to the main thread.
enum Incoming: Sendable {
    case message(Message)
    /// `Store.refresh()` found something: the main thread turns it into a delta.
    case storeChanges(StoreChanges)
    /// A playbook file changed on disk (added, edited, removed).
    case panelFilesChanged
}

/// A thread-safe queue from background threads to the main loop.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Incoming] = []

    func post(_ i: Incoming) { lock.withLock { items.append(i) } }

    func drain() -> [Incoming] {
        lock.withLock {
            let out = items
            items = []
            return out
        }
    }
}
