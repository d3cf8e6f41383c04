import Foundation

/// `team.json`'s routing rules have problems; each names the rule and the field.
public struct RoutingConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
