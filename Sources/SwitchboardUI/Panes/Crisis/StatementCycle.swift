import Foundation
import SwitchboardCore

/// The composer's holding-statement cycle: repeated presses replace the inserted statement with the next one.
public struct StatementCycle: Sendable, Equatable {
    public var key: String
    public var index: Int
    /// The draft before the first statement went in, and right after the last one did.
    public var before: TextEditor
    public var after: TextEditor
}
