import Foundation

/// What a command's argument is (drives `:` completion).
public enum CommandArgument: Sendable, Equatable {
    case none, pane, sortOrder, theme, status, filter, view, layout
    /// `crisis` sub-commands: start|drill PLAYBOOK, end SUMMARY, severity LEVEL, step ID done|skip|block|open [REASON].
    case crisis
    /// Free text (a user, a tag, a note): no completion.
    case text
    /// An internal team (completed from the routing rules and earlier hand-offs), then a free-text note.
    case team
    /// Contact roles to add (+fan) or remove (-critic).
    case roles
    /// A file of the media library (completed from `media/`) or a path, then free-text alt text.
    case media
}

/// What a command takes and what the help says about it.
public struct CommandSpec: Sendable {
    public var command: CommandName
    public var name: String { command.rawValue }
    public var argument: CommandArgument, argumentRequired: Bool, help: String
}
