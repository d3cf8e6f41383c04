import Foundation
import ScreenKit
import SwitchboardCore

/// The `:` command line.
public struct CommandLineState: Sendable, Equatable {
    public var editor = TextEditor()
    /// Candidates of the last Tab (shown above the line); Tab again cycles through them.
    public var candidates: [String] = []
    public var candidateIndex: Int?
    /// The text before completion started cycling.
    var completionBase: String?
    /// A `filter …` line whose query does not parse: where and why (shown with a caret above the line).
    public var problem: QueryProblem?
    /// The filter active when live filtering started (Esc puts it back); nil when not filtering.
    var filterBefore: String??
}
