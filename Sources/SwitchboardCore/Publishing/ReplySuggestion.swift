import Foundation

/// A reply the composer offers for a mention (`ReplySuggester`): a saved template or the team's own earlier answer
/// to a similar mention. Only ever inserted into the draft by a key; never sent on its own.
public struct ReplySuggestion: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A saved reply (`templates/NAME.json`), inserted through the template renderer.
        case template(name: String)
        /// What the team answered to the mention `key` (at `at`).
        case answer(key: String, at: Date)
    }
    public var source: Source
    /// The text to insert (a template's text with its placeholders).
    public var text: String
    public var score: Double

    public init(source: Source, text: String, score: Double) {
        (self.source, self.text, self.score) = (source, text, score)
    }
}
