import Foundation

/// What `refresh()` or a write found: new mentions and mentions whose state changed.
public struct StoreChanges: Sendable, Equatable {
    public var newMentions: [String] = []
    public var changedStates: Set<String> = []
    public var newEvents: Int = 0
    public var reloaded = false
    public init() {}
    public var isEmpty: Bool { newMentions.isEmpty && changedStates.isEmpty && newEvents == 0 && !reloaded }
    mutating func merge(_ o: StoreChanges) {
        newMentions += o.newMentions
        changedStates.formUnion(o.changedStates)
        newEvents += o.newEvents
        reloaded = reloaded || o.reloaded
    }
}
