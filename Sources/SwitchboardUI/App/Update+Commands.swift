import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// Runs a command line (`focus queue`), typed after `:` or bound to a key.
    static func run(_ s: inout AppState, _ line: String, fromKeymap: Bool) -> [Effect] {
        let (name, arg) = Commands.split(line)
        guard let command = CommandName(rawValue: name) else {
            if !fromKeymap { say(&s, L10n.t("msg.onlyFromKey", ["command": name]), error: true) }
            return []
        }
        return run(&s, command, arg, fromKeymap: fromKeymap)
    }

    /// Runs a command: the help overlay and the composer's text editing take theirs first, then one exhaustive
    /// switch hands every command to its pane.
    static func run(_ s: inout AppState, _ c: CommandName, _ arg: String, fromKeymap: Bool) -> [Effect] {
        if case .help(let scroll)? = s.modal { helpCommand(&s, c, scroll: scroll); return [] }
        if s.chrome.focus == .composer, let edit = c.textEdit {
            if s.shownKey != nil { editDraft(&s, edit) }
            return []
        }
        if c.rawValue.hasPrefix("crisis") { s.crisis.error = nil }
        switch c {
        // The frame.
        case .quit: return quit(&s)
        case .help: s.modal = .help(scroll: 0)
        case .command: s.modal = .command(CommandLineState())
        case .focus: focusCommand(&s, arg)
        case .focusNext: cycleFocus(&s, by: 1)
        case .focusPrev: cycleFocus(&s, by: Pane.allCases.count - 1)
        case .zoom:
            s.chrome.zoomed.toggle()
            s.feed.clampScroll(viewport: Layout.feedViewport(s))
        case .back: back(&s)
        case .theme: return [.loadTheme(arg)]
        case .layout: layout(&s, arg)
        case .refresh: return [.loadPanels]
        case .trends: return [.loadTrends(now: s.chrome.now)]
        case .brand: return brandCommand(&s, arg)
        case .down: move(&s, .down)
        case .up: move(&s, .up)
        case .top: move(&s, .top)
        case .bottom: move(&s, .bottom)
        case .pageDown: move(&s, .pageDown)
        case .pageUp: move(&s, .pageUp)
        case .halfDown: move(&s, .halfDown)
        case .halfUp: move(&s, .halfUp)
        // The feed.
        case .search: search(&s)
        case .filter: return applyFilter(&s, arg, announce: true)
        case .view: return view(&s, arg)
        case .sort: sort(&s, arg)
        case .toggleSort: sort(&s, s.feed.sort == .newest ? SortOrder.priority.rawValue : SortOrder.newest.rawValue)
        case .status: return status(&s, arg)
        case .assign: return assign(&s, arg)
        case .tag: return tag(&s, arg)
        case .mark: mark(&s)
        case .visual: visual(&s)
        case .unmarkAll:
            s.feed.marks = []
            s.feed.visualAnchor = nil
        case .open: open(&s)
        case .curate: return curate(&s)
        // The mention and its reply.
        case .edit: return editDraftInEditor(&s)
        case .save: return saveDraft(&s)
        case .send: return review(&s)
        case .template: return openTemplates(&s, arg)
        case .undoSend: return undoSend(&s)
        case .retry: return retry(&s)
        case .note: return note(&s, arg)
        case .holdingStatement: return insertHoldingStatement(&s)
        case .handoff: return handoff(&s, arg)
        case .moderate: return moderate(&s, arg)
        case .hide: return moderate(&s, .hide, arg)
        case .unhide: return moderate(&s, .unhide, arg)
        case .thread: return thread(&s)
        case .postEdit: return postEdit(&s, arg)
        case .postDelete: return postDelete(&s)
        case .suggest: return insertSuggestion(&s)
        case .attach: return attach(&s, arg)
        case .detach: return detach(&s)
        case .handoffAnswer: return insertHandoffAnswer(&s)
        // The queue.
        case .queue: return queueLine(&s, arg)
        case .queueEdit: return queueEdit(&s)
        case .queueSchedule: return queueSchedule(&s)
        case .queueDelete: return queueDelete(&s)
        case .queueUndo: return queueUndo(&s)
        case .queueDuplicate: return queueDuplicate(&s)
        case .queueSwapDown: return queueSwap(&s, by: 1)
        case .queueSwapUp: return queueSwap(&s, by: -1)
        case .queueRetry: return queueRetry(&s)
        case .suspend: return suspend(&s, arg)
        case .resume: return resume(&s, arg)
        case .post: return post(&s, arg)
        // The crisis pane.
        case .crisis:
            if arg.isEmpty { focus(&s, .crisis) } else { return crisisLine(&s, arg) }
        case .crisisStart: return crisisStart(&s, drill: false)
        case .crisisDrill: return crisisStart(&s, drill: true)
        case .crisisOffer: return crisisOffer(&s)
        case .crisisDone, .crisisSkip, .crisisBlock, .crisisReopen, .crisisNotify, .crisisNotifyByHand,
            .crisisStatement:
            return crisisStep(&s, c)
        case .crisisTimeline: crisisToggle(&s, .timeline)
        case .crisisEscalation: crisisToggle(&s, .escalation)
        case .crisisSeverity: crisisSeverity(&s)
        // Contacts and the report.
        case .report: return report(&s)
        case .sync: return syncCommand(&s)
        case .contacts: return [.community(.loadContacts(now: s.chrome.now))]
        case .role: return role(&s, arg)
        case .contactNote: return contactNote(&s, arg)
        // Commands of an overlay or the command line, and text editing outside the composer.
        case .pick, .contactsSort, .contactsMerge, .contactsAdvocates, .roleAdd, .roleRemove, .fold,
            .cursorLeft, .cursorRight, .cursorUp, .cursorDown, .wordLeft, .wordRight, .lineStart, .lineEnd,
            .backspace, .delete, .deleteWord, .killLine, .killLineStart, .newline:
            if !fromKeymap { say(&s, L10n.t("msg.onlyFromKey", ["command": c.rawValue]), error: true) }
        case .complete, .run, .cancel:
            break
        }
        return []
    }

    /// Scrolling the help overlay (it takes every command while open).
    static func helpCommand(_ s: inout AppState, _ c: CommandName, scroll: Int) {
        if c == .back || c == .help { s.modal = nil; return }
        guard let m = c.motion else { return }
        s.modal = .help(scroll: ListCursor(scroll, count: 10_001, page: 10, half: 10, bounded: false).moved(m))
    }

    static func quit(_ s: inout AppState) -> [Effect] {
        if s.hasUnsavedDraft { s.modal = .confirmQuit; return [] }
        s.chrome.quit = true
        return [.quit]
    }

    /// `:layout stacked|side|auto`; without an argument it switches between stacked and side.
    static func layout(_ s: inout AppState, _ arg: String) {
        let now = s.chrome.layout.resolved(width: s.chrome.size.width)
        let next = LayoutStyle(rawValue: arg) ?? (now == .stacked ? .side : .stacked)
        s.chrome.layout = next
        s.feed.clampScroll(viewport: Layout.feedViewport(s))
        let shown =
            next == .auto
            ? L10n.t("layout.auto", ["style": next.resolved(width: s.chrome.size.width).rawValue]) : next.rawValue
        let size = s.chrome.size
        let tabs = size.width < Layout.fourPaneWidth || size.height < Layout.fourPaneHeight
        say(
            &s,
            L10n.t("layout.said", ["style": shown])
                + (tabs
                    ? L10n.t("layout.tabs", ["width": "\(Layout.fourPaneWidth)", "height": "\(Layout.fourPaneHeight)"])
                    : ""))
    }

    static func focusCommand(_ s: inout AppState, _ arg: String) {
        guard let p = Pane(rawValue: arg) else { say(&s, L10n.t("msg.noPane", ["pane": arg]), error: true); return }
        focus(&s, p)
    }

    static func cycleFocus(_ s: inout AppState, by step: Int) {
        let all = Pane.allCases
        let i = all.firstIndex(of: s.chrome.focus) ?? 0
        focus(&s, all[(i + step) % all.count])
    }

    /// Esc: a crisis sub-view goes back to the checklist; else leave the composer, clear marks, unzoom, unfilter.
    static func back(_ s: inout AppState) {
        if s.chrome.focus == .crisis, s.crisis.view != .checklist, s.crisis.info.run != nil {
            s.crisis.view = .checklist
            s.crisis.selected = max(0, min(s.crisis.selected, crisisRowCount(s) - 1))
        } else if s.chrome.focus == .composer {
            s.chrome.focus = .feed
        } else if s.feed.visualAnchor != nil || !s.feed.marks.isEmpty {
            s.feed.marks = []
            s.feed.visualAnchor = nil
            say(&s, L10n.t("msg.marksCleared"))
        } else if s.chrome.zoomed {
            s.chrome.zoomed = false
        } else if s.feed.filter != nil {
            s.feed.setFilter(nil, states: s.states, viewport: Layout.feedViewport(s))
            say(&s, L10n.t("msg.filterCleared"))
        }
    }

    /// Focusing the composer with nothing open opens the feed's selection.
    static func focus(_ s: inout AppState, _ p: Pane) {
        s.chrome.focus = p
        if p == .composer, s.mention.opened == nil { s.mention.opened = s.feed.selectedKey }
    }

    /// Moves in the focused pane's list (each with its own page size).
    static func move(_ s: inout AppState, _ how: ListMotion) {
        switch s.chrome.focus {
        case .feed:
            let vp = Layout.feedViewport(s)
            let t = ListCursor(s.feed.selected, count: s.feed.rows.count, page: max(1, vp)).target(how)
            // Paging moves the view with the selection, like less.
            if how != .down, how != .up, how != .top, how != .bottom {
                s.feed.scrollTop = max(0, s.feed.scrollTop + t - s.feed.selected)
            }
            s.feed.move(to: t, viewport: vp)
        case .queue:
            s.queue.selected = ListCursor(s.queue.selected, count: s.queue.info.items.count, page: 5).moved(how)
        case .crisis:
            s.crisis.selected = ListCursor(s.crisis.selected, count: crisisRowCount(s), page: 5).moved(how)
        case .composer:
            s.mention.scroll = ListCursor(s.mention.scroll, count: 1000, page: 5, bounded: false).moved(how)
        }
    }
}
