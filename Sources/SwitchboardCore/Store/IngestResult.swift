import Foundation

public struct IngestResult: Sendable, Equatable {
    public var added: [String] = []
    public var duplicates = 0
    public init() {}
}
