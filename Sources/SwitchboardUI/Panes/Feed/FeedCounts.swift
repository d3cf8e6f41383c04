import Foundation

public struct FeedCounts: Sendable, Equatable {
    public var new = 0
    public var open = 0
    public var overdue = 0

    public init(new: Int = 0, open: Int = 0, overdue: Int = 0) {
        (self.new, self.open, self.overdue) = (new, open, overdue)
    }
}
