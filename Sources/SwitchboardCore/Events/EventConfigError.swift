import Foundation

/// `team.json`'s `"events"` has problems; each names the sink and the field.
public struct EventConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
