import Foundation
import SwitchboardCore

/// A small multi-line text editor: the reply draft (and the `:` line uses the same moves).
public struct TextEditor: Sendable, Equatable {
    public private(set) var chars: [Character]
    /// Cursor position: an index into `chars` (0…count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    public var text: String { String(chars) }
    public var isEmpty: Bool { chars.isEmpty }

    public mutating func insert(_ s: String) {
        let new = Array(s)
        chars.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func delete() {
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(chars.count, cursor + 1) }

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "@" || c == "#" }

    public mutating func wordLeft() {
        var i = cursor
        while i > 0, !TextEditor.isWordChar(chars[i - 1]) { i -= 1 }
        while i > 0, TextEditor.isWordChar(chars[i - 1]) { i -= 1 }
        cursor = i
    }

    public mutating func wordRight() {
        var i = cursor
        while i < chars.count, !TextEditor.isWordChar(chars[i]) { i += 1 }
        while i < chars.count, TextEditor.isWordChar(chars[i]) { i += 1 }
        cursor = i
    }

    /// Deletes the word before the cursor; right after a `{{placeholder}}`, the whole placeholder.
    public mutating func deleteWordBack() {
        let end = cursor
        if let start = placeholderStart(before: end) {
            cursor = start
        } else { wordLeft() }
        chars.removeSubrange(cursor..<end)
    }

    /// Where the `{{…}}` that ends at `end` starts (its name on one line, without braces), if one does.
    func placeholderStart(before end: Int) -> Int? {
        guard end >= 4, chars[end - 1] == "}", chars[end - 2] == "}" else { return nil }
        var i = end - 2
        while i >= 2 {
            let c = chars[i - 1]
            if c == "{" { return chars[i - 2] == "{" && i < end - 2 ? i - 2 : nil }
            if c == "}" || c == "\n" { return nil }
            i -= 1
        }
        return nil
    }

    var lineStartIndex: Int {
        var i = cursor
        while i > 0, chars[i - 1] != "\n" { i -= 1 }
        return i
    }

    var lineEndIndex: Int {
        var i = cursor
        while i < chars.count, chars[i] != "\n" { i += 1 }
        return i
    }

    public mutating func lineStart() { cursor = lineStartIndex }
    public mutating func lineEnd() { cursor = lineEndIndex }

    public mutating func killLine() {
        let end = lineEndIndex
        if end == cursor, cursor < chars.count { chars.remove(at: cursor) } else { chars.removeSubrange(cursor..<end) }
    }

    /// Deletes from the start of the line to the cursor; `keeping` characters at the start of the text stay (a
    /// command word the line opened with).
    public mutating func killLineStart(keeping: Int = 0) {
        let start = max(lineStartIndex, min(keeping, cursor))
        chars.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Moves to the same column (in characters) of the previous / next logical line.
    public mutating func up() {
        let start = lineStartIndex
        guard start > 0 else { cursor = 0; return }
        let col = cursor - start
        var prevStart = start - 1
        while prevStart > 0, chars[prevStart - 1] != "\n" { prevStart -= 1 }
        cursor = min(prevStart + col, start - 1)
    }

    public mutating func down() {
        let end = lineEndIndex
        guard end < chars.count else { cursor = chars.count; return }
        let col = cursor - lineStartIndex
        let nextStart = end + 1
        var nextEnd = nextStart
        while nextEnd < chars.count, chars[nextEnd] != "\n" { nextEnd += 1 }
        cursor = min(nextStart + col, nextEnd)
    }
}
