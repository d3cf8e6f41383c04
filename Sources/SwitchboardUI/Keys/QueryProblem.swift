import Foundation

/// A query that did not parse, shown under the command line with a caret at the position.
public struct QueryProblem: Sendable, Equatable {
    /// Column in the command line's text (after the `:`) where the caret goes.
    public var column: Int
    public var message: String
}
