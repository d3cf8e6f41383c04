import Foundation

/// A hand-off this process recorded and now has to deliver (one rule, one mention, one attempt).
public struct RoutedHandoff: Sendable {
    public var mention: Mention
    public var rule: RoutingRule
    /// When it was handed off (the payload's `at`, the same on every attempt).
    public var at: Date
    public var attempt: Int
}
