import SwitchboardCore

/// The help text and argument of every command (one exhaustive table: a new command needs its line here).
extension CommandName {
    struct Details {
        var argument: CommandArgument, required: Bool, help: String
        init(_ argument: CommandArgument, required: Bool = false, _ help: String) {
            (self.argument, self.required, self.help) = (argument, required, help)
        }
    }

    var details: Details {
        switch self {
        case .quit: return Details(.none, "Quit (asks first when a draft is unsaved)")
        case .help: return Details(.none, "Show the keys of the focused pane")
        case .command: return Details(.none, "Open the command line")
        case .focus: return Details(.pane, required: true, "Focus a pane: feed, composer, queue, crisis")
        case .focusNext: return Details(.none, "Focus the next pane")
        case .focusPrev: return Details(.none, "Focus the previous pane")
        case .zoom: return Details(.none, "Show the focused pane alone (again: all panes)")
        case .back: return Details(.none, "Back out: close, leave the composer, unzoom")
        case .theme: return Details(.theme, required: true, "Switch the colour theme")
        case .filter:
            return Details(
                .filter,
                "Filter the feed with a query (is:question from:@anna age:<2h \"phrase\" -spam, OR; "
                    + "empty clears)")
        case .view: return Details(.view, required: true, "Filter the feed by a saved view (views.json)")
        case .search: return Details(.none, "Type a feed filter (opens :filter)")
        case .sort: return Details(.sortOrder, required: true, "Sort the feed: newest or priority")
        case .toggleSort: return Details(.none, "Toggle newest first / by priority")
        case .status: return Details(.status, required: true, "Set the status of the selected mention")
        case .mark: return Details(.none, "Mark or unmark the selected mention (for bulk actions)")
        case .visual: return Details(.none, "Start (or end) a visual range of marked mentions")
        case .unmarkAll: return Details(.none, "Clear every mark")
        case .assign:
            return Details(
                .text,
                "Assign the marked (or selected) mentions: assign USER, assign me, "
                    + "assign with nothing unassigns")
        case .tag: return Details(.text, required: true, "Tag the marked (or selected) mentions")
        case .send: return Details(.none, "Review the reply, then send it (y send, e edit, n back)")
        case .template: return Details(.text, "Pick a saved reply (fuzzy search) into the draft")
        case .undoSend: return Details(.none, "Take back the reply during its send delay")
        case .retry: return Details(.none, "Retry a failed reply (else re-read queue and crisis files)")
        case .note: return Details(.text, "Add an internal note to the mention (never published)")
        case .open: return Details(.none, "Open the selected mention in the composer")
        case .edit: return Details(.none, "Edit the draft in $VISUAL / $EDITOR")
        case .save: return Details(.none, "Save the draft (sending comes later)")
        case .trends: return Details(.none, "Show terms and hashtags rising in the last hour")
        case .brand: return Details(.text, "Switch to a brand of brands.json; without a name, the brands overview")
        case .pick: return Details(.none, "Choose the selected entry (trend, template)")
        case .crisis:
            return Details(
                .crisis,
                "Focus the crisis pane; crisis start|drill PLAYBOOK, crisis end SUMMARY, "
                    + "crisis severity LEVEL, crisis step ID done|skip|block|open [REASON]")
        case .crisisStart:
            return Details(
                .none,
                "Start the selected playbook (severity, then whether to suspend the queue)")
        case .crisisDrill:
            return Details(.none, "Run the selected playbook as a drill (nothing published or suspended)")
        case .crisisOffer: return Details(.none, "Start the playbook the spike banner offers")
        case .crisisDone: return Details(.none, "Mark the checklist step done")
        case .crisisSkip: return Details(.none, "Skip the step (asks for a reason)")
        case .crisisBlock: return Details(.none, "Mark the step blocked (asks for a reason)")
        case .crisisReopen: return Details(.none, "Reopen the step")
        case .crisisNotify: return Details(.none, "Notify: run the step's command (in a drill nothing is sent)")
        case .crisisNotifyByHand: return Details(.none, "Record the notification as done by hand")
        case .crisisStatement: return Details(.none, "Holding statement: queue it for now (in a drill: only show it)")
        case .crisisTimeline: return Details(.none, "Show or hide the timeline of the crisis")
        case .crisisSeverity: return Details(.none, "Change the severity")
        case .crisisEscalation: return Details(.none, "Show or hide the escalation list")
        case .holdingStatement: return Details(.none, "Insert the crisis's holding statement (again: the next one)")
        case .refresh: return Details(.none, "Re-read the queue, crisis and playbook files")
        case .queue:
            return Details(
                .text, required: true,
                "Queue a post: queue add [--now|--next-slot|--at ISO] TEXT "
                    + "(pre-flight warnings: y confirms)")
        case .queueEdit: return Details(.none, "Edit the queue item's text in $EDITOR")
        case .queueSchedule: return Details(.none, "Schedule the queue item at the next free slot")
        case .queueDelete: return Details(.none, "Delete the queue item (u undoes)")
        case .queueUndo: return Details(.none, "Restore the queue item deleted last")
        case .queueDuplicate: return Details(.none, "Duplicate the queue item as a draft")
        case .queueSwapDown: return Details(.none, "Swap the time with the next item")
        case .queueSwapUp: return Details(.none, "Swap the time with the previous item")
        case .queueRetry: return Details(.none, "Retry a failed queue item")
        case .suspend:
            return Details(
                .text, required: true,
                "Suspend all queued posts: suspend REASON (leads and managers)")
        case .resume:
            return Details(
                .text,
                "Resume the queue: resume [post-now | next-slot | keep-holding] (a choice only when posts are past due)"
            )
        case .post: return Details(.text, "Post now: write it in $EDITOR (or post TEXT), queued for now")
        case .curate: return Details(.none, "Queue a draft quoting the selected mention (via @handle URL)")
        case .contacts: return Details(.none, "Show the contacts: search, sort, cards, merge, roles, advocates")
        case .report: return Details(.none, "Show the report of the last 7 days (switchboard report's charts)")
        case .sync: return Details(.none, "Sync with the team's git remote now (team.json \"sync\")")
        case .moderate:
            return Details(
                .text,
                "Moderate the mention through its network: moderate hide|unhide|delete|… [REASON] "
                    + "(without a kind: the network's choices)")
        case .hide: return Details(.text, "Hide the comment on its network (others no longer see it): hide [REASON]")
        case .unhide: return Details(.text, "Show a hidden comment again on its network: unhide [REASON]")
        case .layout:
            return Details(.layout, "Arrange the panes: layout stacked|side|auto (alone: switch stacked / side)")
        case .thread: return Details(.none, "Show the whole conversation as a tree (fetched from the network)")
        case .postEdit:
            return Details(
                .text,
                "Edit one of the brand's own posts on its network: post-edit [NEW TEXT] (asks first, shows old → new)")
        case .attach:
            return Details(
                .media, required: false,
                "Attach an image to the reply: attach NAME|PATH [ALT TEXT] (NAME from the media library, Tab lists "
                    + "it; its alt text unless given; without alt text: a warning)")
        case .detach: return Details(.none, "Remove the images attached to the reply")
        case .suggest:
            return Details(.none, "Insert the reply suggestion that fits best (again: the next); never sent on its own")
        case .postDelete:
            return Details(
                .none, "Delete one of the brand's own posts on its network (asks first; the log keeps its text)")
        case .fold: return Details(.none, "Fold or unfold the answers to the selected post")
        case .handoff:
            return Details(
                .team,
                "Hand the mention to an internal team: handoff TEAM [NOTE] (it waits for them)")
        case .handoffAnswer:
            return Details(
                .none,
                "Start the reply with the answer from inside (switchboard handoff reply)")
        case .role: return Details(.roles, "Set or remove the contact's roles: role +journalist -fan")
        case .contactNote:
            return Details(
                .text,
                "Add a note to the contact (the author, or the one selected in :contacts)")
        case .roleAdd: return Details(.none, "Add a role to the contact (asks which)")
        case .roleRemove: return Details(.none, "Remove a role from the contact (asks which)")
        case .contactsSort: return Details(.none, "Sort the contacts by reach, activity, sentiment (cycles)")
        case .contactsMerge:
            return Details(
                .none,
                "Merge the marked contacts into one person (the first marked keeps its name)")
        case .contactsAdvocates: return Details(.none, "Show the advocates of the last 7 days (again: all contacts)")
        case .down: return Details(.none, "Move down")
        case .up: return Details(.none, "Move up")
        case .top: return Details(.none, "Go to the first line")
        case .bottom: return Details(.none, "Go to the last line")
        case .pageDown: return Details(.none, "Page down")
        case .pageUp: return Details(.none, "Page up")
        case .halfDown: return Details(.none, "Half a page down")
        case .halfUp: return Details(.none, "Half a page up")
        case .cursorLeft: return Details(.none, "Cursor left")
        case .cursorRight: return Details(.none, "Cursor right")
        case .cursorUp: return Details(.none, "Cursor up a line")
        case .cursorDown: return Details(.none, "Cursor down a line")
        case .wordLeft: return Details(.none, "Cursor one word left")
        case .wordRight: return Details(.none, "Cursor one word right")
        case .lineStart: return Details(.none, "Cursor to the start of the line")
        case .lineEnd: return Details(.none, "Cursor to the end of the line")
        case .backspace: return Details(.none, "Delete the character before the cursor")
        case .delete: return Details(.none, "Delete the character under the cursor")
        case .deleteWord: return Details(.none, "Delete the word before the cursor")
        case .killLine: return Details(.none, "Delete to the end of the line")
        case .killLineStart: return Details(.none, "Delete to the start of the line")
        case .newline: return Details(.none, "Start a new line")
        case .complete: return Details(.none, "Complete the command or argument")
        case .run: return Details(.none, "Run the command")
        case .cancel: return Details(.none, "Close without running")
        }
    }
}
