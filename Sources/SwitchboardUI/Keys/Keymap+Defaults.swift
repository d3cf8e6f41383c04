import ScreenKit
import SwitchboardCore

extension Keymap {
    /// (context, keys in notation separated by spaces, command, help, when)
    typealias Row = (KeyContext, String, String, String, BindingCondition)

    static let movement: [(String, String, String)] = [
        ("j <Down>", "down", "Move down"),
        ("k <Up>", "up", "Move up"),
        ("g <Home>", "top", "Go to the top"),
        ("G <End>", "bottom", "Go to the bottom"),
        ("<PgDn> C-f", "page-down", "Page down"),
        ("<PgUp> C-b", "page-up", "Page up"),
        ("C-d", "half-down", "Half a page down"),
        ("C-u", "half-up", "Half a page up"),
    ]

    static let defaultRows: [Row] = {
        var rows: [Row] = [
            (.global, "q C-c", "quit", "Quit (asks first when a draft is unsaved)", .always),
            (.global, "? <F1>", "help", "Show the keys of the focused pane", .always),
            (.global, ":", "command", "Open the command line", .always),
            (.global, "<Tab>", "focus-next", "Next pane", .always),
            (.global, "<S-Tab>", "focus-prev", "Previous pane", .always),
            (.global, "1", "focus feed", "Focus the feed", .always),
            (.global, "2", "focus composer", "Focus the mention and composer", .always),
            (.global, "3", "focus queue", "Focus the queue", .always),
            (.global, "4", "focus crisis", "Focus the crisis pane", .always),
            (.global, "z", "zoom", "Show the focused pane alone", .always),
            (.global, "<Esc>", "back", "Back out", .always),
            (.global, "C-e", "edit", "Edit the draft in $EDITOR", .composing),
            (.global, "C-s", "send", "Review and send the reply", .composing),
            (.global, "M-s", "save", "Save the draft", .composing),
            (.global, "C-t", "template", "Insert a saved reply (fuzzy search)", .composing),
            (
                .global, "C-o", "holding-statement", "Insert the crisis's holding statement (again: the next)",
                .composing
            ),
            (.global, "C-g", "suggest", "Insert the best reply suggestion (again: the next)", .composing),
            (.global, "C-y", "handoff-answer", "Start the reply with the answer from inside", .composing),
            (.global, "M-r", "role", "Set or remove a role of the author", .composing),
            (.global, "M-n", "contact-note", "Add a note to the author's contact", .composing),
            (.global, "C", "crisis-offer", "Start the playbook the spike banner offers", .crisisOffer),
        ]
        for ctx in [KeyContext.feed, .queue, .crisis] {
            for (keys, cmd, help) in movement { rows.append((ctx, keys, cmd, help, .always)) }
        }
        rows += [
            (.feed, "<Enter>", "open", "Open the mention in the composer", .selection),
            (.feed, "o", "toggle-sort", "Toggle newest first / by priority", .always),
            (.feed, "/", "search", "Filter the feed", .always),
            (.feed, "<Space>", "mark", "Mark / unmark for bulk actions", .selection),
            (.feed, "v", "visual", "Visual range: mark from here to the selection", .selection),
            (.feed, "O", "status open", "Status: open", .selection),
            (.feed, "a", "status answered", "Status: answered", .selection),
            (.feed, "w", "status waiting", "Status: waiting", .selection),
            (.feed, "e", "status escalated", "Status: escalated", .selection),
            (.feed, "i", "status ignored", "Status: ignored", .selection),
            (.feed, "s", "status spam", "Status: spam", .selection),
            (.feed, "T", "trends", "Terms rising in the last hour", .always),
            (.feed, "B", "brand", "Brands overview: new, overdue, due today, crisis", .always),
            (.feed, "r", "retry", "Retry a failed reply (else re-read files)", .always),
            (.feed, "u", "undo-send", "Take back the reply during its send delay", .always),
            (.feed, "c", "curate", "Quote it into a queue draft (via @user)", .selection),
            (.feed, "R", "post", "Post now (written in $EDITOR)", .always),
            (.queue, "e", "queue-edit", "Edit the item's text", .always),
            (.queue, "s", "queue-schedule", "Schedule at the next free slot", .always),
            (.queue, "d", "queue-delete", "Delete (u undoes)", .always),
            (.queue, "u", "queue-undo", "Undo the delete", .always),
            (.queue, "D", "queue-duplicate", "Duplicate as a draft", .always),
            (.queue, "J", "queue-swap-down", "Move later (swap with the next)", .always),
            (.queue, "K", "queue-swap-up", "Move earlier (swap with the previous)", .always),
            (.queue, "r", "queue-retry", "Retry a failed item", .always),
            (.feed, "N", "note", "Add an internal note (never published)", .selection),
            (.feed, "H", "handoff", "Hand off to an internal team (team, note)", .selection),
            (.feed, "X", "moderate", "Hide, unhide, delete… on the network", .selection),
            (.feed, "t", "thread", "The whole conversation, as a tree", .selection),
            (.feed, "E", "post-edit", "Edit our own post on its network (asks first)", .selection),
            (.feed, "D", "post-delete", "Delete our own post on its network (asks first)", .selection),
            (.crisis, "<Enter>", "crisis-start", "Start the playbook (severity, suspend the queue?)", .always),
            (.crisis, "D", "crisis-drill", "Run the playbook as a drill", .always),
            (.crisis, "x <Space>", "crisis-done", "Step done", .always),
            (.crisis, "s", "crisis-skip", "Skip the step (with a reason)", .always),
            (.crisis, "b", "crisis-block", "Step blocked (with a reason)", .always),
            (.crisis, "o", "crisis-reopen", "Reopen the step", .always),
            (.crisis, "n", "crisis-notify", "Notify: run the step's command", .always),
            (.crisis, "N", "crisis-notify-by-hand", "Notified by hand: record it", .always),
            (.crisis, "h", "crisis-statement", "Holding statement: queue it now (drill: show it)", .always),
            (.crisis, "t", "crisis-timeline", "Timeline of the crisis", .always),
            (.crisis, "S", "crisis-severity", "Change the severity", .always),
            (.crisis, "e", "crisis-escalation", "Escalation list", .always),
            (.composer, "<Left>", "cursor-left", "Cursor left", .always),
            (.composer, "<Right>", "cursor-right", "Cursor right", .always),
            (.composer, "<Up>", "cursor-up", "Cursor up a line", .always),
            (.composer, "<Down>", "cursor-down", "Cursor down a line", .always),
            (.composer, "M-b", "word-left", "Word left", .always),
            (.composer, "M-f", "word-right", "Word right", .always),
            (.composer, "<Home> C-a", "line-start", "Start of line", .always),
            (.composer, "<End>", "line-end", "End of line", .always),
            (.composer, "<BS>", "backspace", "Delete before the cursor", .always),
            (.composer, "<Del> C-d", "delete", "Delete under the cursor", .always),
            (.composer, "C-w M-<BS>", "delete-word", "Delete the word before the cursor", .always),
            (.composer, "C-k", "kill-line", "Delete to the end of the line", .always),
            (.composer, "<Enter>", "newline", "New line", .composing),
            (.composer, "<PgDn>", "page-down", "Scroll the mention down", .always),
            (.composer, "<PgUp>", "page-up", "Scroll the mention up", .always),
        ]
        for (keys, cmd, help) in movement { rows.append((.help, keys, cmd, help, .always)) }
        for (keys, cmd, help) in movement { rows.append((.trends, keys, cmd, help, .always)) }
        for (keys, cmd, help) in movement { rows.append((.report, keys, cmd, help, .always)) }
        for (keys, cmd, help) in movement { rows.append((.contacts, keys, cmd, help, .always)) }
        for (keys, cmd, help) in movement { rows.append((.thread, keys, cmd, help, .always)) }
        rows += [
            (.thread, "<Space> <Tab>", "fold", "Fold or unfold the answers to this post", .always),
            (.thread, "r <Enter>", "open", "Reply to this post (opens the composer on it)", .always),
            (.thread, "t", "thread", "Fetch the conversation again", .always),
            (.thread, "E", "post-edit", "Edit our own post (asks first)", .always),
            (.thread, "D", "post-delete", "Delete our own post (asks first)", .always),
            (.thread, "<Esc> q", "back", "Close the conversation", .always),
            (.thread, "?", "help", "Show these keys", .always),
            (.thread, ":", "command", "Open the command line", .always),
        ]
        rows += [
            (.report, "<Esc> q", "back", "Close the report", .always),
            (.report, ":", "command", "Open the command line", .always),
            (.report, "?", "help", "Show these keys", .always),
            (.contacts, "?", "help", "Show these keys", .always),
            (.contacts, ":", "command", "Open the command line", .always),
            (.report, "r", "report", "Compute the report again", .always),
            (.contacts, "<Enter>", "pick", "Open the contact's card with the history", .always),
            (.contacts, "/", "search", "Search (type, Enter or Esc ends)", .always),
            (.contacts, "o", "contacts-sort", "Sort by reach, activity, sentiment", .always),
            (.contacts, "<Space>", "mark", "Mark / unmark (for merging)", .always),
            (.contacts, "m", "contacts-merge", "Merge the marked contacts: one person", .always),
            (.contacts, "+", "role-add", "Add a role", .always),
            (.contacts, "-", "role-remove", "Remove a role", .always),
            (.contacts, "N", "contact-note", "Add a note", .always),
            (.contacts, "a", "contacts-advocates", "Advocates of the last 7 days (again: all)", .always),
            (.contacts, "<Esc> q", "back", "Close the card, clear the search, close", .always),
        ]
        rows += [
            (.trends, "<Enter>", "pick", "Filter the feed by this trend", .always),
            (.trends, "<Esc> q", "back", "Close the trends", .always),
            (.trends, "p", "post", "Post about this trend now", .always),
            (.templates, "<Down> C-n", "down", "Next template", .always),
            (.templates, "<Up> C-p", "up", "Previous template", .always),
            (.templates, "<Enter>", "pick", "Insert the template", .always),
            (.templates, "<Esc> C-c", "back", "Close the picker", .always),
            (.templates, "<BS>", "backspace", "Delete before the cursor", .always),
            (.templates, "C-w", "delete-word", "Delete the word before the cursor", .always),
        ]
        rows += [
            (.help, "<Esc> q ?", "back", "Close the help", .always),
            (.cmdline, "<Tab>", "complete", "Complete the command or argument", .always),
            (.cmdline, "<Enter>", "run", "Run the command", .always),
            (.cmdline, "<Esc> C-c", "cancel", "Close the command line", .always),
            (.cmdline, "<BS>", "backspace", "Delete before the cursor", .always),
            (.cmdline, "<Del>", "delete", "Delete under the cursor", .always),
            (.cmdline, "<Left>", "cursor-left", "Cursor left", .always),
            (.cmdline, "<Right>", "cursor-right", "Cursor right", .always),
            (.cmdline, "<Home> C-a", "line-start", "Start of line", .always),
            (.cmdline, "<End> C-e", "line-end", "End of line", .always),
            (.cmdline, "C-w", "delete-word", "Delete the word before the cursor", .always),
            (.cmdline, "C-u", "kill-line-start", "Delete to the start of the line", .always),
            (.cmdline, "C-k", "kill-line", "Delete to the end of the line", .always),
        ]
        return rows
    }()

    /// The built-in key bindings, their help in the interface's language (the keys are the same in every language).
    public static var defaults: Keymap { L10n.language == .de ? german : english }

    private static let english = built(.en)
    private static let german = built(.de)

    /// The catalogue key of a default binding's help: `key.CONTEXT.COMMAND` (spaces in the command become dots).
    static func helpKey(_ context: KeyContext, _ command: String) -> String {
        "key.\(context.rawValue).\(command.replacingOccurrences(of: " ", with: "."))"
    }

    static func built(_ language: Language) -> Keymap {
        var out: [Binding] = []
        for (ctx, keys, cmd, english, when) in defaultRows {
            let key = helpKey(ctx, cmd)
            let help = L10n.has(key) ? L10n.t(key, in: language) : english
            for k in keys.split(separator: " ") {
                guard let key = KeyNames.parse(String(k)) else { preconditionFailure("bad default key \(k)") }
                out.append(Binding(context: ctx, key: key, command: cmd, help: help, when: when))
            }
        }
        return Keymap(bindings: out)
    }
}
