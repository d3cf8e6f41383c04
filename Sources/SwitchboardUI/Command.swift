import Foundation
import ScreenKit
import SwitchboardCore

/// The panes of the workbench, in Tab order.
public enum Pane: String, CaseIterable, Sendable {
    case feed, composer, queue, crisis
    public var title: String {
        switch self {
        case .feed: return "Feed"
        case .composer: return "Mention"
        case .queue: return "Queue"
        case .crisis: return "Crisis"
        }
    }
    /// The key context whose bindings apply while this pane has the focus.
    var context: KeyContext {
        switch self {
        case .feed: return .feed
        case .composer: return .composer
        case .queue: return .queue
        case .crisis: return .crisis
        }
    }
}

/// Where a binding applies. `global` applies everywhere except to printable keys while typing in the
/// composer; `help` and `cmdline` are the help overlay and the `:` command line (modal).
public enum KeyContext: String, CaseIterable, Sendable {
    case global, feed, composer, queue, crisis, help, cmdline, trends, templates, contacts, report
}

/// What a command's argument is (drives `:` completion).
public enum CommandArgument: Sendable, Equatable {
    case none
    case pane
    case sortOrder
    case theme
    case status
    case filter
    case view
    /// `crisis` sub-commands: start|drill PLAYBOOK, end SUMMARY, severity LEVEL, step ID done|skip|block|open [REASON].
    case crisis
    /// Free text (a user, a tag, a note): no completion.
    case text
    /// An internal team (completed from the routing rules and earlier hand-offs), then a free-text note.
    case team
    /// Contact roles to add (+fan) or remove (-critic).
    case roles
}

/// What a command takes and what the help says about it.
public struct CommandSpec: Sendable {
    public var command: CommandName
    public var name: String { command.rawValue }
    public var argument: CommandArgument
    public var argumentRequired: Bool
    public var help: String
}

public enum SortOrder: String, CaseIterable, Sendable { case newest, priority }

/// Every command of the workbench: what every key runs and what `:` accepts. The raw value is the name in
/// keymap files and on the command line; `Update.run` switches over it exhaustively, so a command without a
/// handler does not compile.
public enum CommandName: String, CaseIterable, Sendable {
    case quit
    case help
    case command
    case focus
    case focusNext = "focus-next"
    case focusPrev = "focus-prev"
    case zoom
    case back
    case theme
    case filter
    case view
    case search
    case sort
    case toggleSort = "toggle-sort"
    case status
    case mark
    case visual
    case unmarkAll = "unmark-all"
    case assign
    case tag
    case send
    case template
    case undoSend = "undo-send"
    case retry
    case note
    case open
    case edit
    case save
    case trends
    case pick
    case crisis
    case crisisStart = "crisis-start"
    case crisisDrill = "crisis-drill"
    case crisisOffer = "crisis-offer"
    case crisisDone = "crisis-done"
    case crisisSkip = "crisis-skip"
    case crisisBlock = "crisis-block"
    case crisisReopen = "crisis-reopen"
    case crisisNotify = "crisis-notify"
    case crisisNotifyByHand = "crisis-notify-by-hand"
    case crisisStatement = "crisis-statement"
    case crisisTimeline = "crisis-timeline"
    case crisisSeverity = "crisis-severity"
    case crisisEscalation = "crisis-escalation"
    case holdingStatement = "holding-statement"
    case refresh
    case queue
    case queueEdit = "queue-edit"
    case queueSchedule = "queue-schedule"
    case queueDelete = "queue-delete"
    case queueUndo = "queue-undo"
    case queueDuplicate = "queue-duplicate"
    case queueSwapDown = "queue-swap-down"
    case queueSwapUp = "queue-swap-up"
    case queueRetry = "queue-retry"
    case suspend
    case resume
    case post
    case curate
    case contacts
    case report
    case handoff
    case handoffAnswer = "handoff-answer"
    case role
    case contactNote = "contact-note"
    case roleAdd = "role-add"
    case roleRemove = "role-remove"
    case contactsSort = "contacts-sort"
    case contactsMerge = "contacts-merge"
    case contactsAdvocates = "contacts-advocates"
    case down
    case up
    case top
    case bottom
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfDown = "half-down"
    case halfUp = "half-up"
    case cursorLeft = "cursor-left"
    case cursorRight = "cursor-right"
    case cursorUp = "cursor-up"
    case cursorDown = "cursor-down"
    case wordLeft = "word-left"
    case wordRight = "word-right"
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case backspace
    case delete
    case deleteWord = "delete-word"
    case killLine = "kill-line"
    case newline
    case complete
    case run
    case cancel

    /// The argument, whether it is required, and the help line.
    public var spec: CommandSpec {
        let d = details
        return CommandSpec(command: self, argument: d.argument, argumentRequired: d.required, help: d.help)
    }
}

/// The command vocabulary of the workbench.
public enum Commands {
    public static let all: [CommandSpec] = CommandName.allCases.map(\.spec)

    public static func spec(_ name: String) -> CommandSpec? { CommandName(rawValue: name)?.spec }

    /// Splits `focus queue` into ("focus", "queue").
    static func split(_ line: String) -> (String, String) {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard let sp = t.firstIndex(of: " ") else { return (t, "") }
        return (String(t[..<sp]), t[t.index(after: sp)...].trimmingCharacters(in: .whitespaces))
    }

    /// Values an argument can take (for completion and validation); nil when free text.
    static func values(_ a: CommandArgument, themes: [String]) -> [String]? {
        switch a {
        case .none: return []
        case .pane: return Pane.allCases.map(\.rawValue)
        case .sortOrder: return SortOrder.allCases.map(\.rawValue)
        case .theme: return themes
        case .status: return MentionStatus.allCases.map(\.rawValue)
        case .filter, .view, .crisis, .text, .team, .roles: return nil
        }
    }

    /// Checks a command line (`focus queue`): nil when valid, else what is wrong.
    static func validate(_ line: String, themes: [String]?) -> String? {
        let (name, arg) = split(line)
        guard let spec = spec(name) else { return "unknown command \"\(name)\"" }
        if spec.argument == .none, !arg.isEmpty { return "\(name) takes no argument" }
        if spec.argumentRequired, arg.isEmpty { return "\(name) needs an argument" }
        if !arg.isEmpty, spec.argument != .theme || themes != nil,
           let vals = values(spec.argument, themes: themes ?? []), !vals.contains(arg) {
            return "\(name): \"\(arg)\" is not one of \(vals.joined(separator: ", "))"
        }
        return nil
    }
}

extension CommandName {
    /// The list motion of a movement command.
    var motion: ListMotion? {
        switch self {
        case .down: return .down
        case .up: return .up
        case .top: return .top
        case .bottom: return .bottom
        case .pageDown: return .pageDown
        case .pageUp: return .pageUp
        case .halfDown: return .halfDown
        case .halfUp: return .halfUp
        default: return nil
        }
    }

    /// The text edit of an editing command (composer, command line, template search).
    var textEdit: ((inout TextEditor) -> Void)? {
        switch self {
        case .cursorLeft: return { $0.left() }
        case .cursorRight: return { $0.right() }
        case .cursorUp: return { $0.up() }
        case .cursorDown: return { $0.down() }
        case .wordLeft: return { $0.wordLeft() }
        case .wordRight: return { $0.wordRight() }
        case .lineStart: return { $0.lineStart() }
        case .lineEnd: return { $0.lineEnd() }
        case .backspace: return { $0.backspace() }
        case .delete: return { $0.delete() }
        case .deleteWord: return { $0.deleteWordBack() }
        case .killLine: return { $0.killLine() }
        case .newline: return { $0.insert("\n") }
        default: return nil
        }
    }
}
