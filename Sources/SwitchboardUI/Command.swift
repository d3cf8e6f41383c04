import Foundation
import SwitchboardCore

/// The panes of the workbench, in Tab order.
public enum Pane: String, CaseIterable, Sendable {
    case feed, composer, queue, crisis
    public var title: String {
        switch self { case .feed: return "Feed"; case .composer: return "Mention"; case .queue: return "Queue"; case .crisis: return "Crisis" }
    }
    /// The key context whose bindings apply while this pane has the focus.
    var context: KeyContext {
        switch self { case .feed: return .feed; case .composer: return .composer; case .queue: return .queue; case .crisis: return .crisis }
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

/// A named command: what every key runs and what `:` accepts.
public struct CommandSpec: Sendable {
    public var name: String
    public var argument: CommandArgument
    public var argumentRequired: Bool
    public var help: String
}

public enum SortOrder: String, CaseIterable, Sendable { case newest, priority }

/// The command vocabulary of the workbench.
public enum Commands {
    public static let all: [CommandSpec] = [
        .init(name: "quit", argument: .none, argumentRequired: false, help: "Quit (asks first when a draft is unsaved)"),
        .init(name: "help", argument: .none, argumentRequired: false, help: "Show the keys of the focused pane"),
        .init(name: "command", argument: .none, argumentRequired: false, help: "Open the command line"),
        .init(name: "focus", argument: .pane, argumentRequired: true, help: "Focus a pane: feed, composer, queue, crisis"),
        .init(name: "focus-next", argument: .none, argumentRequired: false, help: "Focus the next pane"),
        .init(name: "focus-prev", argument: .none, argumentRequired: false, help: "Focus the previous pane"),
        .init(name: "zoom", argument: .none, argumentRequired: false, help: "Show the focused pane alone (again: all panes)"),
        .init(name: "back", argument: .none, argumentRequired: false, help: "Back out: close, leave the composer, unzoom"),
        .init(name: "theme", argument: .theme, argumentRequired: true, help: "Switch the colour theme"),
        .init(name: "filter", argument: .filter, argumentRequired: false, help: "Filter the feed with a query (is:question from:@anna age:<2h \"phrase\" -spam, OR; empty clears)"),
        .init(name: "view", argument: .view, argumentRequired: true, help: "Filter the feed by a saved view (views.json)"),
        .init(name: "search", argument: .none, argumentRequired: false, help: "Type a feed filter (opens :filter)"),
        .init(name: "sort", argument: .sortOrder, argumentRequired: true, help: "Sort the feed: newest or priority"),
        .init(name: "toggle-sort", argument: .none, argumentRequired: false, help: "Toggle newest first / by priority"),
        .init(name: "status", argument: .status, argumentRequired: true, help: "Set the status of the selected mention"),
        .init(name: "mark", argument: .none, argumentRequired: false, help: "Mark or unmark the selected mention (for bulk actions)"),
        .init(name: "visual", argument: .none, argumentRequired: false, help: "Start (or end) a visual range of marked mentions"),
        .init(name: "unmark-all", argument: .none, argumentRequired: false, help: "Clear every mark"),
        .init(name: "assign", argument: .text, argumentRequired: false, help: "Assign the marked (or selected) mentions: assign USER, assign me, assign with nothing unassigns"),
        .init(name: "tag", argument: .text, argumentRequired: true, help: "Tag the marked (or selected) mentions"),
        .init(name: "send", argument: .none, argumentRequired: false, help: "Review the reply, then send it (y send, e edit, n back)"),
        .init(name: "template", argument: .text, argumentRequired: false, help: "Pick a saved reply (fuzzy search) into the draft"),
        .init(name: "undo-send", argument: .none, argumentRequired: false, help: "Take back the reply during its send delay"),
        .init(name: "retry", argument: .none, argumentRequired: false, help: "Retry a failed reply (else re-read queue and crisis files)"),
        .init(name: "note", argument: .text, argumentRequired: false, help: "Add an internal note to the mention (never published)"),
        .init(name: "open", argument: .none, argumentRequired: false, help: "Open the selected mention in the composer"),
        .init(name: "edit", argument: .none, argumentRequired: false, help: "Edit the draft in $VISUAL / $EDITOR"),
        .init(name: "save", argument: .none, argumentRequired: false, help: "Save the draft (sending comes later)"),
        .init(name: "trends", argument: .none, argumentRequired: false, help: "Show terms and hashtags rising in the last hour"),
        .init(name: "pick", argument: .none, argumentRequired: false, help: "Choose the selected entry (trend, template)"),
        .init(name: "crisis", argument: .crisis, argumentRequired: false,
              help: "Focus the crisis pane; crisis start|drill PLAYBOOK, crisis end SUMMARY, crisis severity LEVEL, crisis step ID done|skip|block|open [REASON]"),
        .init(name: "crisis-start", argument: .none, argumentRequired: false, help: "Start the selected playbook (severity, then whether to suspend the queue)"),
        .init(name: "crisis-drill", argument: .none, argumentRequired: false, help: "Run the selected playbook as a drill (nothing published or suspended)"),
        .init(name: "crisis-offer", argument: .none, argumentRequired: false, help: "Start the playbook the spike banner offers"),
        .init(name: "crisis-done", argument: .none, argumentRequired: false, help: "Mark the checklist step done"),
        .init(name: "crisis-skip", argument: .none, argumentRequired: false, help: "Skip the step (asks for a reason)"),
        .init(name: "crisis-block", argument: .none, argumentRequired: false, help: "Mark the step blocked (asks for a reason)"),
        .init(name: "crisis-reopen", argument: .none, argumentRequired: false, help: "Reopen the step"),
        .init(name: "crisis-notify", argument: .none, argumentRequired: false, help: "Notify: run the step's command (in a drill nothing is sent)"),
        .init(name: "crisis-notify-by-hand", argument: .none, argumentRequired: false, help: "Record the notification as done by hand"),
        .init(name: "crisis-statement", argument: .none, argumentRequired: false, help: "Holding statement: queue it for now (in a drill: only show it)"),
        .init(name: "crisis-timeline", argument: .none, argumentRequired: false, help: "Show or hide the timeline of the crisis"),
        .init(name: "crisis-severity", argument: .none, argumentRequired: false, help: "Change the severity"),
        .init(name: "crisis-escalation", argument: .none, argumentRequired: false, help: "Show or hide the escalation list"),
        .init(name: "holding-statement", argument: .none, argumentRequired: false, help: "Insert the crisis's holding statement (again: the next one)"),
        .init(name: "refresh", argument: .none, argumentRequired: false, help: "Re-read the queue, crisis and playbook files"),
        .init(name: "queue", argument: .text, argumentRequired: true, help: "Queue a post: queue add [--now|--next-slot|--at ISO] TEXT (pre-flight warnings: y confirms)"),
        .init(name: "queue-edit", argument: .none, argumentRequired: false, help: "Edit the queue item's text in $EDITOR"),
        .init(name: "queue-schedule", argument: .none, argumentRequired: false, help: "Schedule the queue item at the next free slot"),
        .init(name: "queue-delete", argument: .none, argumentRequired: false, help: "Delete the queue item (u undoes)"),
        .init(name: "queue-undo", argument: .none, argumentRequired: false, help: "Restore the queue item deleted last"),
        .init(name: "queue-duplicate", argument: .none, argumentRequired: false, help: "Duplicate the queue item as a draft"),
        .init(name: "queue-swap-down", argument: .none, argumentRequired: false, help: "Swap the time with the next item"),
        .init(name: "queue-swap-up", argument: .none, argumentRequired: false, help: "Swap the time with the previous item"),
        .init(name: "queue-retry", argument: .none, argumentRequired: false, help: "Retry a failed queue item"),
        .init(name: "suspend", argument: .text, argumentRequired: true, help: "Suspend all queued posts: suspend REASON (leads and managers)"),
        .init(name: "resume", argument: .text, argumentRequired: true, help: "Resume the queue: resume post-now | next-slot | keep"),
        .init(name: "post", argument: .text, argumentRequired: false, help: "Post now: write it in $EDITOR (or post TEXT), queued for now"),
        .init(name: "curate", argument: .none, argumentRequired: false, help: "Queue a draft quoting the selected mention (via @handle URL)"),
        .init(name: "contacts", argument: .none, argumentRequired: false, help: "Show the contacts: search, sort, cards, merge, roles, advocates"),
        .init(name: "report", argument: .none, argumentRequired: false, help: "Show the report of the last 7 days (switchboard report's charts)"),
        .init(name: "handoff", argument: .team, argumentRequired: false, help: "Hand the mention to an internal team: handoff TEAM [NOTE] (it waits for them)"),
        .init(name: "handoff-answer", argument: .none, argumentRequired: false, help: "Start the reply with the answer from inside (switchboard handoff reply)"),
        .init(name: "role", argument: .roles, argumentRequired: false, help: "Set or remove the contact's roles: role +journalist -fan"),
        .init(name: "contact-note", argument: .text, argumentRequired: false, help: "Add a note to the contact (the author, or the one selected in :contacts)"),
        .init(name: "role-add", argument: .none, argumentRequired: false, help: "Add a role to the contact (asks which)"),
        .init(name: "role-remove", argument: .none, argumentRequired: false, help: "Remove a role from the contact (asks which)"),
        .init(name: "contacts-sort", argument: .none, argumentRequired: false, help: "Sort the contacts by reach, activity, sentiment (cycles)"),
        .init(name: "contacts-merge", argument: .none, argumentRequired: false, help: "Merge the marked contacts into one person (the first marked keeps its name)"),
        .init(name: "contacts-advocates", argument: .none, argumentRequired: false, help: "Show the advocates of the last 7 days (again: all contacts)"),
        .init(name: "down", argument: .none, argumentRequired: false, help: "Move down"),
        .init(name: "up", argument: .none, argumentRequired: false, help: "Move up"),
        .init(name: "top", argument: .none, argumentRequired: false, help: "Go to the first line"),
        .init(name: "bottom", argument: .none, argumentRequired: false, help: "Go to the last line"),
        .init(name: "page-down", argument: .none, argumentRequired: false, help: "Page down"),
        .init(name: "page-up", argument: .none, argumentRequired: false, help: "Page up"),
        .init(name: "half-down", argument: .none, argumentRequired: false, help: "Half a page down"),
        .init(name: "half-up", argument: .none, argumentRequired: false, help: "Half a page up"),
        .init(name: "cursor-left", argument: .none, argumentRequired: false, help: "Cursor left"),
        .init(name: "cursor-right", argument: .none, argumentRequired: false, help: "Cursor right"),
        .init(name: "cursor-up", argument: .none, argumentRequired: false, help: "Cursor up a line"),
        .init(name: "cursor-down", argument: .none, argumentRequired: false, help: "Cursor down a line"),
        .init(name: "word-left", argument: .none, argumentRequired: false, help: "Cursor one word left"),
        .init(name: "word-right", argument: .none, argumentRequired: false, help: "Cursor one word right"),
        .init(name: "line-start", argument: .none, argumentRequired: false, help: "Cursor to the start of the line"),
        .init(name: "line-end", argument: .none, argumentRequired: false, help: "Cursor to the end of the line"),
        .init(name: "backspace", argument: .none, argumentRequired: false, help: "Delete the character before the cursor"),
        .init(name: "delete", argument: .none, argumentRequired: false, help: "Delete the character under the cursor"),
        .init(name: "delete-word", argument: .none, argumentRequired: false, help: "Delete the word before the cursor"),
        .init(name: "kill-line", argument: .none, argumentRequired: false, help: "Delete to the end of the line"),
        .init(name: "newline", argument: .none, argumentRequired: false, help: "Start a new line"),
        .init(name: "complete", argument: .none, argumentRequired: false, help: "Complete the command or argument"),
        .init(name: "run", argument: .none, argumentRequired: false, help: "Run the command"),
        .init(name: "cancel", argument: .none, argumentRequired: false, help: "Close without running"),
    ]

    static let byName: [String: CommandSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func spec(_ name: String) -> CommandSpec? { byName[name] }

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
        if !arg.isEmpty, spec.argument != .theme || themes != nil, let vals = values(spec.argument, themes: themes ?? []), !vals.contains(arg) {
            return "\(name): \"\(arg)\" is not one of \(vals.joined(separator: ", "))"
        }
        return nil
    }
}
