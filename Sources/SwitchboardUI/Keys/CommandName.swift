import Foundation
import ScreenKit
import SwitchboardCore

/// Every command of the workbench: what every key runs and what `:` accepts. The raw value is the name in
/// keymap files and on the command line; `Update.run` switches over it exhaustively, so a command without a
/// handler does not compile.
public enum CommandName: String, CaseIterable, Sendable {
    case quit, help, command, focus, focusNext = "focus-next", focusPrev = "focus-prev", zoom, back, theme, filter
    case view, search, sort, toggleSort = "toggle-sort", status, mark, visual, unmarkAll = "unmark-all", assign, tag
    case send, template, undoSend = "undo-send", retry, note, open, edit, save, trends, pick, crisis
    case crisisStart = "crisis-start", crisisDrill = "crisis-drill", crisisOffer = "crisis-offer"
    case crisisDone = "crisis-done", crisisSkip = "crisis-skip", crisisBlock = "crisis-block"
    case crisisReopen = "crisis-reopen", crisisNotify = "crisis-notify"
    case crisisNotifyByHand = "crisis-notify-by-hand", crisisStatement = "crisis-statement"
    case crisisTimeline = "crisis-timeline", crisisSeverity = "crisis-severity"
    case crisisEscalation = "crisis-escalation", holdingStatement = "holding-statement", refresh, queue
    case queueEdit = "queue-edit", queueSchedule = "queue-schedule", queueDelete = "queue-delete"
    case queueUndo = "queue-undo", queueDuplicate = "queue-duplicate", queueSwapDown = "queue-swap-down"
    case queueSwapUp = "queue-swap-up", queueRetry = "queue-retry", suspend, resume, post, curate, contacts, report
    case moderate, hide, unhide, layout, brand, thread, fold, sync, postEdit = "post-edit", postDelete = "post-delete"
    case suggest, attach, detach
    case handoff, handoffAnswer = "handoff-answer", role, contactNote = "contact-note", roleAdd = "role-add"
    case roleRemove = "role-remove", contactsSort = "contacts-sort", contactsMerge = "contacts-merge"
    case contactsAdvocates = "contacts-advocates", down, up, top, bottom, pageDown = "page-down", pageUp = "page-up"
    case halfDown = "half-down", halfUp = "half-up", cursorLeft = "cursor-left", cursorRight = "cursor-right"
    case cursorUp = "cursor-up", cursorDown = "cursor-down", wordLeft = "word-left", wordRight = "word-right"
    case lineStart = "line-start", lineEnd = "line-end", backspace, delete, deleteWord = "delete-word"
    case killLine = "kill-line", killLineStart = "kill-line-start", newline, complete, run, cancel

    /// The argument, whether it is required, and the help line (in the interface's language: `cmd.NAME`).
    public var spec: CommandSpec {
        let d = details
        let key = "cmd." + rawValue
        return CommandSpec(
            command: self, argument: d.argument, argumentRequired: d.required,
            help: L10n.has(key) ? L10n.t(key) : d.help)
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
        case .pick, .contactsSort, .contactsMerge, .contactsAdvocates, .roleAdd, .roleRemove, .complete, .run, .cancel,
            .fold:
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
