import Foundation

/// A template filled in: the text, and the placeholders it did not know (left in place, e.g. `{{order}}`).
public struct RenderedTemplate: Sendable, Equatable {
    public var text: String
    public var unknown: [String]
}
