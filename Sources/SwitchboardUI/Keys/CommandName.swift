import Foundation
import ScreenKit

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
    case killLineStart = "kill-line-start"
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

    /// Whether the command does something typed after `:` (else it only works from a key in its pane or overlay);
    /// only these are offered by Tab.
    var isTypeable: Bool {
        switch self {
        case .pick, .contactsSort, .contactsMerge, .contactsAdvocates, .roleAdd, .roleRemove, .complete, .run, .cancel:
            return false
        default: return textEdit == nil
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
        case .killLineStart: return { $0.killLineStart() }
        case .newline: return { $0.insert("\n") }
        default: return nil
        }
    }
}
