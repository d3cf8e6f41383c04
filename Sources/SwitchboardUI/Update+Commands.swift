import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// Runs a named command (`focus queue`), typed after `:` or bound to a key.
    static func run(_ s: inout AppState, _ line: String, fromKeymap: Bool) -> [Effect] {
        let (name, arg) = Commands.split(line)
        let vp = Layout.feedViewport(s)

        // Scrolling the help overlay.
        if case .help(let scroll) = s.mode {
            switch name {
            case "back", "help": s.mode = .normal
            case "down": s.mode = .help(scroll: scroll + 1)
            case "up": s.mode = .help(scroll: max(0, scroll - 1))
            case "top": s.mode = .help(scroll: 0)
            case "bottom": s.mode = .help(scroll: 10_000)
            case "page-down", "half-down": s.mode = .help(scroll: scroll + 10)
            case "page-up", "half-up": s.mode = .help(scroll: max(0, scroll - 10))
            default: break
            }
            return []
        }

        // Editing the draft.
        if s.focus == .composer, ["cursor-left", "cursor-right", "cursor-up", "cursor-down", "word-left", "word-right", "line-start",
                                  "line-end", "backspace", "delete", "delete-word", "kill-line", "newline"].contains(name) {
            guard s.shownKey != nil else { return [] }
            editDraft(&s) { editText(&$0, name) }
            return []
        }

        if let fx = replyCommand(&s, name, arg) { return fx }
        if let fx = queueCommand(&s, name, arg) { return fx }
        if let fx = crisisCommand(&s, name, arg) { return fx }
        if let fx = communityCommand(&s, name, arg) { return fx }
        switch name {
        case "quit":
            if s.hasUnsavedDraft { s.mode = .confirmQuit; return [] }
            s.quit = true
            return [.quit]
        case "help":
            s.mode = .help(scroll: 0)
        case "command":
            s.mode = .command(CommandLineState())
        case "search":
            var cl = CommandLineState()
            cl.editor = TextEditor("filter " + (s.feed.filter.map { $0.text + " " } ?? ""))
            s.mode = .command(cl)
        case "focus":
            guard let p = Pane(rawValue: arg) else { say(&s, "no pane \"\(arg)\"", error: true); return [] }
            focus(&s, p)
        case "focus-next", "focus-prev":
            let all = Pane.allCases
            let i = all.firstIndex(of: s.focus) ?? 0
            focus(&s, all[(i + (name == "focus-next" ? 1 : all.count - 1)) % all.count])
        case "zoom":
            s.zoomed.toggle()
            s.feed.clampScroll(viewport: Layout.feedViewport(s))
        case "back":
            if s.focus == .composer { s.focus = .feed }
            else if s.visualAnchor != nil || !s.marks.isEmpty { s.marks = []; s.visualAnchor = nil; say(&s, "marks cleared") }
            else if s.zoomed { s.zoomed = false }
            else if s.feed.filter != nil { s.feed.setFilter(nil, states: s.states, viewport: vp); say(&s, "filter cleared") }
        case "theme":
            return [.loadTheme(arg)]
        case "filter":
            return applyFilter(&s, arg, announce: true)
        case "view":
            guard let v = s.views.first(where: { $0.name == arg }) else {
                say(&s, s.views.isEmpty ? "no saved views (views.json in the personal config)" : "no view \"\(arg)\": " + s.views.map(\.name).joined(separator: ", "), error: true)
                return []
            }
            s.activeView = v.name
            let fx = applyFilter(&s, v.query.text, announce: false)
            if fx.isEmpty { say(&s, "view: \(v.name) — \(s.feed.rows.count) of \(s.feed.order.count)") }
            return fx
        case "sort":
            guard let o = SortOrder(rawValue: arg) else { say(&s, "sort by newest or priority", error: true); return [] }
            s.feed.setSort(o, states: s.states, viewport: vp, now: s.now)
            say(&s, o == .newest ? "newest first" : "by priority")
        case "toggle-sort":
            return run(&s, "sort " + (s.feed.sort == .newest ? "priority" : "newest"), fromKeymap: fromKeymap)
        case "status":
            guard let st = MentionStatus(rawValue: arg) else { say(&s, "no status \"\(arg)\"", error: true); return [] }
            return bulk(&s, "status → \(st.rawValue)") { .setStatus(mention: $0, status: st) }
        case "assign":
            let user: String? = arg.isEmpty ? nil : (arg == "me" ? s.user : arg.trimmingCharacters(in: CharacterSet(charactersIn: "@")))
            return bulk(&s, user.map { "assigned to \($0)" } ?? "unassigned") { .assign(mention: $0, user: user) }
        case "tag":
            let tags = arg.split(separator: " ").map { String($0.drop { $0 == "#" }) }.filter { !$0.isEmpty }
            guard !tags.isEmpty else { say(&s, "tag needs a name", error: true); return [] }
            return bulk(&s, "tagged " + tags.joined(separator: ", ")) { .tag(mention: $0, tags: tags) }
        case "mark":
            guard let k = s.feed.selectedKey else { return [] }
            if s.marks.contains(k) { s.marks.remove(k) } else { s.marks.insert(k) }
            move(&s, "down")
        case "visual":
            if s.visualAnchor != nil {
                s.marks = s.markedKeys
                s.visualAnchor = nil
            } else {
                s.visualAnchor = s.feed.selectedKey
            }
        case "unmark-all":
            s.marks = []; s.visualAnchor = nil
        case "open":
            guard let k = s.feed.selectedKey else { say(&s, "no mention selected"); return [] }
            s.opened = k
            s.focus = .composer
        case "edit":
            guard let k = s.shownKey else { say(&s, "no mention selected"); return [] }
            return [.openEditor(key: k, text: s.drafts[k]?.editor.text ?? "")]
        case "save":
            guard let k = s.shownKey else { say(&s, "no mention selected"); return [] }
            return [.saveDraft(key: k, text: s.drafts[k]?.editor.text ?? "")]
        case "refresh":
            return [.loadPanels]
        case "trends":
            return [.loadTrends(now: s.now)]
        case "down", "up", "top", "bottom", "page-down", "page-up", "half-down", "half-up":
            move(&s, name)
        case "complete", "run", "cancel":
            break
        default:
            if !fromKeymap { say(&s, "\(name): only works from a key in its pane", error: true) }
        }
        return []
    }

    /// Focusing the composer with nothing open opens the feed's selection.
    static func focus(_ s: inout AppState, _ p: Pane) {
        s.focus = p
        if p == .composer, s.opened == nil { s.opened = s.feed.selectedKey }
    }

    static func move(_ s: inout AppState, _ how: String) {
        let vp = Layout.feedViewport(s)
        func target(_ cur: Int, count: Int, page: Int) -> Int {
            switch how {
            case "down": return cur + 1
            case "up": return cur - 1
            case "top": return 0
            case "bottom": return count - 1
            case "page-down": return cur + max(1, page)
            case "page-up": return cur - max(1, page)
            case "half-down": return cur + max(1, page / 2)
            case "half-up": return cur - max(1, page / 2)
            default: return cur
            }
        }
        switch s.focus {
        case .feed:
            let t = target(s.feed.selected, count: s.feed.rows.count, page: vp)
            // Paging moves the view with the selection, like less.
            if how == "page-down" || how == "page-up" || how == "half-down" || how == "half-up" {
                let delta = t - s.feed.selected
                s.feed.scrollTop = max(0, s.feed.scrollTop + delta)
            }
            s.feed.move(to: t, viewport: vp)
        case .queue:
            s.queueSelected = max(0, min(max(0, s.queue.items.count - 1), target(s.queueSelected, count: s.queue.items.count, page: 5)))
        case .crisis:
            let n = crisisRowCount(s)
            s.crisisSelected = max(0, min(max(0, n - 1), target(s.crisisSelected, count: n, page: 5)))
        case .composer:
            s.detailScroll = max(0, target(s.detailScroll, count: 1000, page: 5))
        }
    }
}
