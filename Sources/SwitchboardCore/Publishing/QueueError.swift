import Foundation

/// Why a queue operation did not happen.
public struct QueueError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
