import Foundation

public struct FeedCounts: Sendable, Equatable {
    public var new = 0
    public var open = 0
    public var overdue = 0
}
