import Foundation

public struct FeedCounts: Sendable, Equatable {
    public var new = 0
    public var open = 0
    public var overdue = 0
    /// The overdue count is not known (a window of the index with an SLA per priority band or business hours): the
    /// status bar says so instead of showing none.
    public var overdueUnknown = false

    public init(new: Int = 0, open: Int = 0, overdue: Int = 0) {
        (self.new, self.open, self.overdue) = (new, open, overdue)
    }

    /// The counts of a window of the index (`overdue` nil: not counted there).
    public init(new: Int, open: Int, overdue: Int?) {
        (self.new, self.open, self.overdue, overdueUnknown) = (new, open, overdue ?? 0, overdue == nil)
    }
}
