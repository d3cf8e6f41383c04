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

    init(s: AppState, buf: ScreenBuffer) {
        self.s = s
        self.buf = buf
    }

    /// How long ago `t` was, as the panes write it (`5m`).
    func ago(_ t: Date) -> String { Format.relative(t.timeIntervalSince1970, now: s.chrome.now.timeIntervalSince1970) }

    mutating func draw() {
        let layout = Layout.of(s)
        if layout.kind == .tooSmall {
            drawTooSmall()
            return
        }
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
        drawStatusBar(layout.statusBar)
        drawHintBar(layout.hintBar)
        for overlay in s.overlays {
            switch overlay {
            case .trends(let t): drawTrends(t)
            case .report(let r): drawReport(r)
            case .contacts(let cv): drawContacts(cv)
            case .review(let r): drawReview(r)
            case .templates(let p): drawPicker(p)
            case .collision(_, let lines): drawCollision(lines)
            case .crisisPrompt(let p): drawCrisisPrompt(p)
            case .accounts(let p): drawAccountPicker(p)
            case .help(let scroll): drawHelp(scroll: scroll)
            case .command, .confirmQuit, .confirmTakeover, .confirmManual, .confirmQueue: break
            }
        }
    }

    // MARK: Chrome

    mutating func drawTooSmall() {
        let w = s.chrome.size.width
        let h = s.chrome.size.height
        let lines = [
            "Terminal too small", "\(w)×\(h): need at least \(Layout.minimum.width)×\(Layout.minimum.height)",
            "(q quits)",
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
        let t = TextWrap.clip(" " + title + " ", width: max(0, r.width - 4))
        buf.put(t, x: r.x + 2, y: r.y, role: focused ? .paneTitleFocused : .paneTitle)
        return r.inset(1)
    }

    mutating func drawTabBar(_ bar: Rect) {
        buf.fill(bar, role: .tabInactive)
        let w = bar.width / Pane.allCases.count
        for (i, p) in Pane.allCases.enumerated() {
            var label = "\(i + 1) \(p.title)"
            if p == .feed, !s.feed.unseen.isEmpty { label += " (\(s.feed.unseen.count) new)" }
            if p == .crisis, s.crisis.info.run != nil { label += " !" }
            let cell = TextWrap.pad(" " + label, width: w)
            buf.put(cell, x: bar.x + i * w, y: bar.y, role: p == s.chrome.focus ? .tabActive : .tabInactive)
        }
    }

    mutating func drawStatusBar(_ r: Rect) {
        buf.fill(r, role: .statusBar)
        var x = r.x
        if let run = s.crisis.info.run {
            let overdue = run.overdue(s.chrome.now).count
            let (done, total) = run.progress
            x = buf.put(
                " \(run.drill ? "DRILL" : "CRISIS"): \(sanitizeForScreen(run.name)) \(done)/\(total)"
                    + (overdue > 0 ? " · \(overdue) overdue" : "") + " ",
                x: x, y: r.y, role: .crisisBanner, clip: r)
        }
        if let q = s.queue.info.suspension {
            x = buf.put(" QUEUE SUSPENDED: \(sanitizeForScreen(q.reason)) ", x: x, y: r.y, role: .crisisBanner, clip: r)
        }
        if let sp = s.chrome.spike, sp.isActive(now: s.chrome.now, cooldown: s.settings.spikeCooldown) {
            var hint = s.crisis.info.realActive ? "" : " — :crisis to open a playbook"
            if let p = s.crisisOffer {
                hint = " — open the \(sanitizeForScreen(p.name)) playbook? (\(key("crisis-offer", .global)))"
            }
            x = buf.put(" ⚠ \(sanitizeForScreen(sp.message))\(hint) ", x: x, y: r.y, role: .crisisBanner, clip: r)
        }
        if case .command(let cl)? = s.modal, !cl.candidates.isEmpty {
            var cx = buf.put(" ", x: x, y: r.y, role: .overlay, clip: r)
            for (i, c) in cl.candidates.enumerated() {
                cx = buf.put(c, x: cx, y: r.y, role: i == cl.candidateIndex ? .selected : .overlay, clip: r)
                cx = buf.put("  ", x: cx, y: r.y, role: .overlay, clip: r)
            }
            return
        }
        if case .command(let cl)? = s.modal, let p = cl.problem {
            // The caret sits right above the offending character of the command line below.
            let text = cl.editor.text
            let before = String(text.prefix(p.column))
            let col = r.x + 1 + TextWidth.width(before) - commandShift(cl, width: r.width)
            buf.fill(r, role: .error)
            let msg = "^ " + sanitizeForScreen(p.message)
            if col + TextWidth.width(msg) <= r.maxX || col < r.x + 20 {
                buf.put(msg, x: max(r.x, col), y: r.y, role: .error, clip: r)
            } else {
                let left = sanitizeForScreen(p.message) + " ^"
                buf.put(left, x: max(r.x, col - TextWidth.width(left) + 1), y: r.y, role: .error, clip: r)
            }
            return
        }
        // Who polls the sources, at the right end at every width (nobody polling is a warning); the rest fits left.
        let mode = " \(s.chrome.sources.short) "
        let modeW = min(TextWidth.width(mode), r.width / 3)
        buf.put(mode, x: r.maxX - modeW, y: r.y, role: s.chrome.sources == .none ? .warning : .statusBar, clip: r)
        let r = Rect(x: r.x, y: r.y, width: r.width - modeW, height: 1)
        var parts = [
            s.settings.dataPath, s.settings.user, "\(s.chrome.counts.new) new", "\(s.chrome.counts.open) open",
        ]
        if s.chrome.counts.overdue > 0 { parts.append("\(s.chrome.counts.overdue) overdue") }
        if let f = s.feed.filter {
            if let v = s.feed.activeView, s.settings.views.first(where: { $0.name == v })?.query == f.query {
                parts.append("view: " + sanitizeForScreen(v))
            } else {
                parts.append("filter: " + sanitizeForScreen(f.text))
            }
        }
        if s.feed.sort == .priority { parts.append("by priority") }
        var msgText = ""
        var msgRole: StyleRole = .statusBar
        if let m = s.chrome.message {
            msgText = " " + sanitizeForScreen(m.text) + " "
            msgRole = m.isError ? .error : .warning
        }
        let msgW = min(TextWidth.width(msgText), r.width / 2)
        let leftW = r.maxX - x - msgW
        var cx = x
        for (i, p) in parts.enumerated() {
            let sep = i == 0 ? " " : " · "
            let role: StyleRole = p.hasSuffix(" overdue") ? .overdue : .statusBar
            cx = buf.put(sep, x: cx, y: r.y, role: .statusBar, clip: Rect(x: x, y: r.y, width: leftW, height: 1))
            cx = buf.put(p, x: cx, y: r.y, role: role, clip: Rect(x: x, y: r.y, width: leftW, height: 1))
        }
        if msgW > 0 { buf.put(TextWrap.clip(msgText, width: msgW), x: r.maxX - msgW, y: r.y, role: msgRole) }
    }

    mutating func drawHintBar(_ r: Rect) {
        switch s.modal {
        case .command(let cl)?:
            buf.fill(r, role: .input)
            buf.put(":", x: r.x, y: r.y, role: .input)
            let text = cl.editor.text
            // Keep the cursor visible on long lines.
            let before = String(cl.editor.chars[..<cl.editor.cursor])
            let bw = TextWidth.width(before)
            var shown = text
            let shift = commandShift(cl, width: r.width)
            if shift > 0 { shown = String(text.dropFirst(dropCount(text, cells: shift))) }
            buf.put(shown, x: r.x + 1, y: r.y, role: .input, clip: r)
            cursor = Point(x: min(r.maxX - 1, r.x + 1 + bw - shift), y: r.y)
        case .confirmTakeover(_, let user, let since)?:
            buf.fill(r, role: .warning)
            let ago =
                since.map {
                    " since " + Format.relative($0.timeIntervalSince1970, now: s.chrome.now.timeIntervalSince1970)
                } ?? ""
            buf.put(
                "held by \(sanitizeForScreen(user))\(ago) — press Enter again to take over (Esc leaves it)", x: r.x,
                y: r.y, role: .warning, clip: r)
        case .review?:
            buf.fill(r, role: .warning)
            buf.put("Send this reply? y send · e edit · n back", x: r.x, y: r.y, role: .warning, clip: r)
        case .confirmManual(_, _, let url)?:
            buf.fill(r, role: .warning)
            buf.put(
                "Reply copied to the clipboard — post it at \(sanitizeForScreen(url ?? "the mention's page")), "
                    + "then y marks it answered (n: later)",
                x: r.x, y: r.y, role: .warning, clip: r)
        case .collision?:
            buf.fill(r, role: .error)
            buf.put("Not sent: the mention changed — any key closes", x: r.x, y: r.y, role: .error, clip: r)
        case .confirmQueue(_, let warnings)?:
            buf.fill(r, role: .warning)
            let w = warnings.map { sanitizeForScreen($0) }.joined(separator: " · ")
            buf.put(
                "Pre-flight: \(w) — y queues anyway, any other key keeps nothing", x: r.x, y: r.y, role: .warning,
                clip: r)
        case .crisisPrompt(let p)? where p.stage == .suspend:
            buf.fill(r, role: .warning)
            buf.put(
                sanitizeForScreen(p.playbook.name) + (p.severity.map { " (" + sanitizeForScreen($0) + ")" } ?? "")
                    + ": Suspend the content queue? [y/n] (Esc cancels)",
                x: r.x, y: r.y, role: .warning, clip: r)
        case .accounts?:
            buf.fill(r, role: .warning)
            buf.put(
                "Which accounts? j/k move · Space ticks · Enter goes ahead · Esc keeps nothing", x: r.x, y: r.y,
                role: .warning, clip: r)
        case .crisisPrompt?:
            buf.fill(r, role: .warning)
            buf.put(
                "Pick the severity: j/k and Enter, or its number · Esc cancels", x: r.x, y: r.y, role: .warning, clip: r
            )
        case .confirmQuit?:
            buf.fill(r, role: .warning)
            buf.put("Discard unsent draft? y/n", x: r.x, y: r.y, role: .warning, clip: r)
        default:
            var x = r.x
            for (k, label) in hints() {
                if x > r.x { x = buf.put("  ", x: x, y: r.y, role: .hint, clip: r) }
                x = buf.put(k, x: x, y: r.y, role: .keyName, clip: r)
                x = buf.put(" " + label, x: x, y: r.y, role: .hint, clip: r)
            }
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
            wanted = [("down", "scroll"), ("back", "close")]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .help).first.map { (KeyNames.name($0), l) }
            }
        }
        if let cv = s.contactsView {
            if cv.searching { return [("Enter", "end search"), ("Esc", "end search")] }
            wanted =
                cv.card != nil
                ? [
                    ("down", "scroll"), ("role-add", "+role"), ("role-remove", "-role"), ("contact-note", "note"),
                    ("back", "back"),
                ]
                : [
                    ("pick", "card"), ("search", "search"), ("contacts-sort", "sort"), ("mark", "mark"),
                    ("contacts-merge", "merge"),
                    ("role-add", "+role"), ("contact-note", "note"), ("contacts-advocates", "advocates"),
                    ("back", "close"),
                ]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .contacts).first.map { (KeyNames.name($0), l) }
            }
        }
        if s.report != nil {
            wanted = [("down", "scroll"), ("page-down", "page"), ("report", "again"), ("back", "close")]
            return wanted.compactMap { c, l in
                s.settings.keymap.keys(for: c, in: .report).first.map { (KeyNames.name($0), l) }
            }
        }
        switch s.chrome.focus {
        case .feed:
            // `u` only for the one whose reply is in its send delay.
            wanted =
                (s.myQueued.isEmpty ? [] : [("undo-send", "take back")]) + [
                    ("open", "reply"), ("status answered", "answered"), ("toggle-sort", "sort"), ("search", "filter"),
                ]
        case .composer:
            wanted = [
                ("send", "send"), ("template", "template"), ("save", "save"), ("edit", "editor"), ("back", "back"),
            ]
        case .queue: wanted = []
        case .crisis where s.crisis.info.run == nil: wanted = [("crisis-start", "start"), ("crisis-drill", "drill")]
        case .crisis:
            wanted = [
                ("crisis-done", "done"), ("crisis-skip", "skip"), ("crisis-block", "block"),
                ("crisis-notify", "notify"),
                ("crisis-statement", "statement"), ("crisis-timeline", "timeline"),
            ]
        }
        let global: [(String, String)] = [
            ("focus-next", "pane"), ("zoom", "zoom"), ("command", "command"), ("help", "help"), ("quit", "quit"),
        ]
        var out: [(String, String)] = []
        if s.chrome.focus != .composer, let d = s.settings.keymap.keys(for: "down", in: s.chrome.focus.context).first,
            let u = s.settings.keymap.keys(for: "up", in: s.chrome.focus.context).first
        {
            out.append((KeyNames.name(d) + "/" + KeyNames.name(u), "move"))
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
