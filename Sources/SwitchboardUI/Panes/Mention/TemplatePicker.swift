import Foundation
import SwitchboardCore

/// The templates picker (`C-t`, `:template`): fuzzy search over the team's saved replies.
public struct TemplatePicker: Sendable, Equatable {
    public var key: String
    public var query = TextEditor()
    public var selected = 0
    public init(key: String, query: String = "") {
        self.key = key
        self.query = TextEditor(query)
    }
}
