import Foundation

/// A message in the status bar: an info message until `until`; an error until the next key.
public struct StatusMessage: Sendable, Equatable {
    public var text: String, isError: Bool, until: Date
    public init(text: String, isError: Bool, until: Date) {
        (self.text, self.isError, self.until) = (text, isError, until)
    }
}
