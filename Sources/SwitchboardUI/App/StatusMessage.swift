import Foundation

/// A transient message in the status bar.
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
