import Foundation

/// A message in the status bar: an info message until `until`; an error until the next key.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public var until: Date
    public init(text: String, isError: Bool, until: Date) {
        self.text = text
        self.isError = isError
        self.until = until
    }
}
