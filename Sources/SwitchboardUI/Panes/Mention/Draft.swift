import Foundation
import SwitchboardCore

/// The reply draft of one mention.
public struct Draft: Sendable, Equatable {
    public var editor = TextEditor()
    /// The text as last saved (or loaded); differs from the editor's text when there are unsaved changes.
    public var savedText = ""
    /// The prefill (the author's handle): a draft that is only that has nothing to lose.
    public var pristine = ""
    /// Images to send with the reply (`:attach`).
    public var media: [QueueMedia] = []
    public init() {}
    public init(saved: String) {
        editor = TextEditor(saved)
        savedText = saved
    }
    public var isDirty: Bool { editor.text != savedText && editor.text != pristine }
}
