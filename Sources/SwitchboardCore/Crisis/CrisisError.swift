import Foundation

public struct CrisisError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ m: String) { message = m }
    public var description: String { message }
}
