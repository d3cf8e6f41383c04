import Foundation

/// The suspend switch as it stands.
public struct QueueSuspension: Hashable, Sendable, Codable {
    public var reason: String, by: String, at: Date
}
