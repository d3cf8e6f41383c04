import Foundation

/// Why an outbox operation did not happen.
public struct OutboxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
