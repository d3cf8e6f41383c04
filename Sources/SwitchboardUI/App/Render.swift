import Foundation
import ScreenKit
import SwitchboardCore

/// Draws the whole workbench into a fresh buffer: a pure function of the state (and size).
public func render(_ s: AppState, size: Size? = nil) -> ScreenBuffer { renderFrame(s, size: size).buffer }

/// The buffer plus where the terminal cursor goes (composer or command line), if anywhere.
public func renderFrame(_ s: AppState, size: Size? = nil) -> (buffer: ScreenBuffer, cursor: Point?) {
    var st = s
    if let size { st.chrome.size = size }
    var r = Renderer(s: st, buf: ScreenBuffer(size: st.chrome.size))
    r.draw()
    return (r.buf, r.cursor)
}

struct Renderer {
    let s: AppState
    var buf: ScreenBuffer
    var cursor: Point?

    init(s: AppState, buf: ScreenBuffer) { (self.s, self.buf) = (s, buf) }

    /// How long ago `t` was, as the panes write it (`5m`).
    func ago(_ t: Date) -> String { Format.relative(t.timeIntervalSince1970, now: s.chrome.now.timeIntervalSince1970) }

    mutating func draw() {
        let layout = Layout.of(s)
        if layout.kind == .tooSmall { drawTooSmall(); return }
        if let r = layout.banner {
            buf.fill(r, role: .error)
            for (i, line) in s.bannerLines.prefix(r.height).enumerated() {
                buf.put(" " + sanitizeForScreen(line), x: r.x, y: r.y + i, role: .error, clip: r)
            }
        }
        if let bar = layout.tabBar { drawTabBar(bar) }
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            switch pane {
            case .feed: drawFeed(rect)
            case .composer: drawMention(rect)
            case .queue: drawQueue(rect)
            case .crisis: drawCrisis(rect)
            }
        }
        for overlay in s.overlays {
            switch overlay {
            case .trends(let t): drawTrends(t)
            case .report(let r): drawReport(r)
            case .contacts(let cv): drawContacts(cv)
            case .thread(let t): drawThread(t)
            case .review(let r): drawReview(r)
            case .templates(let p): drawPicker(p)
            case .collision(_, let lines): drawCollision(lines)
            case .crisisPrompt(let p): drawCrisisPrompt(p)
            case .accounts(let p): drawAccountPicker(p)
            case .brands(let o): drawBrands(o)
            case .help(let scroll): drawHelp(scroll: scroll)
            case .confirmPost(let c): drawPostConfirm(c)
            case .command, .confirmQuit, .confirmTakeover, .confirmManual, .confirmQueue: break
            }
        }
        // Drawn last: overlays never cover the status row and the prompt area.
        drawBottom(status: layout.statusBar, hint: layout.hintBar)
    }

    // MARK: Chrome

    mutating func drawTooSmall() {
        let w = s.chrome.size.width
        let h = s.chrome.size.height
        let lines = [
            L10n.t("tooSmall.title"),
            L10n.t(
                "tooSmall.need", ["size": "\(w)×\(h)", "minimum": "\(Layout.minimum.width)×\(Layout.minimum.height)"]),
            L10n.t("tooSmall.quit"),
        ]
        let top = max(0, (h - lines.count) / 2)
        for (i, l) in lines.enumerated() where top + i < h {
            let text = TextWrap.clip(l, width: w)
            buf.put(text, x: max(0, (w - TextWidth.width(text)) / 2), y: top + i, role: i == 0 ? .warning : .normal)
        }
    }

    /// A pane frame with its title in the top border; returns the inside.
    @discardableResult
    mutating func box(_ r: Rect, title: String, focused: Bool) -> Rect {
        guard r.width >= 2, r.height >= 2 else { return Rect(x: r.x, y: r.y, width: 0, height: 0) }
        let role: StyleRole = focused ? .borderFocused : .border
        let horiz = String(repeating: "─", count: r.width - 2)
        buf.put("┌" + horiz + "┐", x: r.x, y: r.y, role: role)
        buf.put("└" + horiz + "┘", x: r.x, y: r.maxY - 1, role: role)
        for y in (r.y + 1)..<(r.maxY - 1) {
            buf.put("│", x: r.x, y: y, role: role)
            buf.put("│", x: r.maxX - 1, y: y, role: role)
        }
        let t = TextWrap.ellipsize(" " + title + " ", width: max(0, r.width - 4))
        buf.put(t, x: r.x + 2, y: r.y, role: focused ? .paneTitleFocused : .paneTitle)
        return r.inset(1)
    }

    mutating func drawTabBar(_ bar: Rect) {
        buf.fill(bar, role: .tabInactive)
        let w = bar.width / Pane.allCases.count
        for (i, p) in Pane.allCases.enumerated() {
            var label = "\(i + 1) \(p.title)"
            // Mentions that arrived while the workbench is open and the selection hasn't passed yet (the feed's
            // title says "N unread"; the status bar's "N new" counts status new).
            if p == .feed, !s.feed.unseen.isEmpty { label += " (\(s.feed.unseen.count))" }
            if p == .crisis, s.crisis.info.run != nil { label += " !" }
            let cell = TextWrap.pad(" " + label, width: w)
            buf.put(cell, x: bar.x + i * w, y: bar.y, role: p == s.chrome.focus ? .tabActive : .tabInactive)
        }
    }

    /// How many cells the command line is scrolled left to keep the cursor visible.
    func commandShift(_ cl: CommandLineState, width: Int) -> Int {
        let bw = TextWidth.width(String(cl.editor.chars[..<cl.editor.cursor]))
        return bw > width - 2 ? bw - (width - 2) : 0
    }

    func dropCount(_ text: String, cells: Int) -> Int {
        var w = 0
        var n = 0
        for c in text {
            if w >= cells { break }
            w += TextWidth.width(c)
            n += 1
        }
        return n
    }

    /// The key hint: the first key of a few commands, read from the keymap (so remapped keys show).
    func hints() -> [(String, String)] {
        let wanted: [(String, String)]
        if case .help? = s.modal {
            wanted = [("down", L10n.t("hint.scroll")), ("back", L10n.t("hint.close"))]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .help).first.map { (KeyNames.name($0), l) }
            }
        }
        if let cv = s.contactsView {
            if cv.searching { return [("Enter", L10n.t("hint.endSearch")), ("Esc", L10n.t("hint.endSearch"))] }
            wanted =
                cv.card != nil
                ? [
                    ("down", L10n.t("hint.scroll")), ("role-add", L10n.t("hint.roleAdd")),
                    ("role-remove", L10n.t("hint.roleRemove")), ("contact-note", L10n.t("hint.note")),
                    ("back", L10n.t("hint.back")),
                ]
                : [
                    ("pick", L10n.t("hint.card")), ("search", L10n.t("hint.search")),
                    ("contacts-sort", L10n.t("hint.sort")), ("mark", L10n.t("hint.mark")),
                    ("contacts-merge", L10n.t("hint.merge")),
                    ("role-add", L10n.t("hint.roleAdd")), ("contact-note", L10n.t("hint.note")),
                    ("contacts-advocates", L10n.t("hint.advocates")),
                    ("back", L10n.t("hint.close")),
                ]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .contacts).first.map { (KeyNames.name($0), l) }
            }
        }
        if s.threadView != nil, s.modal == nil {
            wanted = [
                ("down", L10n.t("hint.next")), ("up", L10n.t("hint.previous")), ("fold", L10n.t("hint.fold")),
                ("open", L10n.t("hint.reply")), ("thread", L10n.t("hint.fetchAgain")), ("back", L10n.t("hint.close")),
            ]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .thread).first.map { (KeyNames.name($0), l) }
            }
        }
        if s.report != nil {
            wanted = [
                ("down", L10n.t("hint.scroll")), ("page-down", L10n.t("hint.page")), ("report", L10n.t("hint.again")),
                ("back", L10n.t("hint.close")),
            ]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .report).first.map { (KeyNames.name($0), l) }
            }
        }
        switch s.chrome.focus {
        case .feed:
            // `u` only for the one whose reply is in its send delay.
            wanted =
                (s.myQueued.isEmpty ? [] : [("undo-send", L10n.t("hint.takeBack"))]) + [
                    ("open", L10n.t("hint.reply")), ("status answered", L10n.t("hint.answered")),
                    ("toggle-sort", L10n.t("hint.sort")), ("search", L10n.t("hint.filter")),
                ]
        case .composer:
            wanted = [
                ("send", L10n.t("hint.send")), ("template", L10n.t("hint.template")), ("save", L10n.t("hint.save")),
                ("edit", L10n.t("hint.editor")), ("back", L10n.t("hint.back")),
            ]
        case .queue: wanted = []
        case .crisis where s.crisis.info.run == nil:
            wanted = [("crisis-start", L10n.t("hint.start")), ("crisis-drill", L10n.t("hint.drill"))]
        case .crisis:
            wanted = [
                ("crisis-done", L10n.t("hint.done")), ("crisis-skip", L10n.t("hint.skip")),
                ("crisis-block", L10n.t("hint.block")),
                ("crisis-notify", L10n.t("hint.notify")),
                ("crisis-statement", L10n.t("hint.statement")), ("crisis-timeline", L10n.t("hint.timeline")),
            ]
        }
        let global: [(String, String)] = [
            ("focus-next", L10n.t("hint.pane")), ("zoom", L10n.t("hint.zoom")), ("command", L10n.t("hint.command")),
            ("help", L10n.t("hint.help")), ("quit", L10n.t("hint.quit")),
        ]
        var out: [(String, String)] = []
        if s.chrome.focus != .composer, let d = s.settings.keymap.keys(for: "down", in: s.chrome.focus.context).first,
            let u = s.settings.keymap.keys(for: "up", in: s.chrome.focus.context).first
        {
            out.append((KeyNames.name(d) + "/" + KeyNames.name(u), L10n.t("hint.move")))
        }
        for (c, l) in wanted {
            if let k = s.settings.keymap.keys(for: c, in: s.chrome.focus.context).first
                ?? s.settings.keymap.keys(for: c, in: .global).first
            {
                out.append((KeyNames.name(k), l))
            }
        }
        for (c, l) in global {
            let keys = s.settings.keymap.keys(for: c, in: .global)
            // Printable keys type text in the composer: show a key that works there.
            let k =
                s.chrome.focus == .composer
                ? keys.first { if case .char = $0 { return false } else { return true } } : keys.first
            if let k { out.append((KeyNames.name(k), l)) }
        }
        return out
    }
}
