import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The status row and, below it, the prompt area: the open prompt (wrapped to 2–3 lines when it needs them), a
    /// message too long for the status row (up to 2 lines), else the key hints. The status row moves up over the
    /// panes' last rows while the prompt area needs more than one line.
    mutating func drawBottom(status: Rect, hint: Rect) {
        let w = hint.width
        let bar = StatusBar(s, offerKey: key("crisis-offer", .global))
        let fitted = bar.fit(width: w)
        var lines: [(String, StyleRole)] = []
        if fitted.messageBelow, let m = bar.message {
            lines += Renderer.wrapped(m.text.trimmingCharacters(in: .whitespaces), width: w - 1, max: 2).map {
                (" " + $0, m.role)
            }
        }
        var isCommand = false
        if case .command? = s.modal {
            isCommand = true
        } else if let (text, role) = promptText() {
            lines += Renderer.wrapped(text, width: w, max: 3).map { ($0, role) }
        }
        let n = max(1, min(lines.count + (isCommand ? 1 : 0), max(1, s.chrome.size.height / 3)))
        let top = hint.maxY - n
        for (i, (text, role)) in lines.prefix(n).enumerated() {
            let r = Rect(x: hint.x, y: top + i, width: w, height: 1)
            buf.fill(r, role: role)
            buf.put(text, x: r.x, y: r.y, role: role, clip: r)
        }
        let last = Rect(x: hint.x, y: hint.maxY - 1, width: w, height: 1)
        if isCommand {
            drawCommandLine(last)
        } else if lines.isEmpty {
            drawHints(last)
        }
        drawStatusRow(Rect(x: status.x, y: top - 1, width: status.width, height: 1), fitted)
    }

    /// `text` wrapped to `width`, at most `max` lines (the last one ends in … when more was cut).
    static func wrapped(_ text: String, width: Int, max: Int) -> [String] {
        var out = TextWrap.wrap(text, width: Swift.max(1, width))
        if out.count > max {
            out = Array(out.prefix(max))
            out[max - 1] = TextWrap.ellipsize(out[max - 1] + " …", width: width)
        }
        return out
    }

    mutating func drawStatusRow(_ r: Rect, _ fitted: (left: [StatusBar.Piece], message: StatusBar.Piece?, Bool)) {
        buf.fill(r, role: .statusBar)
        if case .command(let cl)? = s.modal, !cl.candidates.isEmpty { drawCandidates(cl, r); return }
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
        let msgW = fitted.message.map { TextWidth.width($0.text) } ?? 0
        let leftClip = Rect(x: r.x, y: r.y, width: max(0, r.width - msgW), height: 1)
        var x = r.x
        for p in fitted.left { x = buf.put(p.text, x: x, y: r.y, role: p.role, clip: leftClip) }
        if let m = fitted.message { buf.put(m.text, x: r.maxX - msgW, y: r.y, role: m.role, clip: r) }
    }

    /// The Tab candidates of the command line: on the status row, and in rows above it when they need more (at
    /// most a third of the screen; the rest is counted).
    mutating func drawCandidates(_ cl: CommandLineState, _ r: Rect) {
        // Flowing left to right, two spaces apart: (candidate index, x, row).
        var placed: [(Int, Int, Int)] = []
        var x = 1
        var row = 0
        for (i, c) in cl.candidates.enumerated() {
            let w = TextWidth.width(c)
            if x > 1, x + w > r.width - 1 { row += 1; x = 1 }
            placed.append((i, x, row))
            x += w + 2
        }
        let maxRows = max(1, min(s.chrome.size.height / 3, r.y + 1))
        let rows = min(row + 1, maxRows)
        let cut = row + 1 > maxRows
        let top = r.y - rows + 1
        buf.fill(Rect(x: r.x, y: top, width: r.width, height: rows), role: .overlay)
        // Keep room for "+N more" on the last row when some are left out.
        let shown = placed.filter { $0.2 < rows - (cut ? 1 : 0) }
        for (i, cx, cy) in shown {
            let y = top + cy
            buf.put(
                cl.candidates[i], x: r.x + cx, y: y, role: i == cl.candidateIndex ? .selected : .overlay,
                clip: Rect(x: r.x, y: y, width: r.width, height: 1))
        }
        if cut {
            var next = placed.first { $0.2 == rows - 1 }?.0 ?? cl.candidates.count
            var cx = r.x + 1
            let more = { (n: Int) in L10n.t("command.more", ["count": n]) }
            while next < cl.candidates.count {
                let c = cl.candidates[next]
                let need = TextWidth.width(c) + 2 + TextWidth.width(more(cl.candidates.count - next - 1))
                guard cx + need <= r.maxX - 1 else { break }
                cx = buf.put(c, x: cx, y: r.y, role: next == cl.candidateIndex ? .selected : .overlay, clip: r) + 2
                next += 1
            }
            buf.put(more(cl.candidates.count - next), x: cx, y: r.y, role: .dim, clip: r)
        }
    }

    mutating func drawCommandLine(_ r: Rect) {
        guard case .command(let cl)? = s.modal else { return }
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
    }

    /// The key hints left to right; a hint that does not fit whole is left out (never cut mid-word).
    mutating func drawHints(_ r: Rect) {
        var x = r.x
        for (k, label) in hints() {
            let need = (x > r.x ? 2 : 0) + TextWidth.width(k) + 1 + TextWidth.width(label)
            if x + need > r.maxX { break }
            if x > r.x { x = buf.put("  ", x: x, y: r.y, role: .hint, clip: r) }
            x = buf.put(k, x: x, y: r.y, role: .keyName, clip: r)
            x = buf.put(" " + label, x: x, y: r.y, role: .hint, clip: r)
        }
    }

    /// The question of the open prompt (not the command line), and its colour; nil when none is open.
    func promptText() -> (String, StyleRole)? {
        switch s.modal {
        case .confirmTakeover(_, let user, let since)?:
            let ago =
                since.map {
                    " "
                        + L10n.t(
                            "prompt.since",
                            ["age": Format.relative($0.timeIntervalSince1970, now: s.chrome.now.timeIntervalSince1970)])
                } ?? ""
            return (L10n.t("prompt.takeover", ["user": sanitizeForScreen(user), "since": ago]), .warning)
        case .review?:
            return (L10n.t("prompt.review"), .warning)
        case .confirmManual(_, _, let url)?:
            return (
                L10n.t("prompt.manual", ["url": sanitizeForScreen(url ?? L10n.t("prompt.manual.page"))]), .warning
            )
        case .collision?:
            return (L10n.t("prompt.collision"), .error)
        case .confirmQueue(_, let warnings)?:
            let w = warnings.map { sanitizeForScreen($0) }.joined(separator: " · ")
            return (L10n.t("prompt.preflight", ["warnings": w]), .warning)
        case .crisisPrompt(let p)? where p.stage == .suspend:
            return (
                sanitizeForScreen(p.playbook.name) + (p.severity.map { " (" + sanitizeForScreen($0) + ")" } ?? "")
                    + ": " + L10n.t("prompt.suspend"), .warning
            )
        case .crisisPrompt?:
            return (L10n.t("prompt.severity"), .warning)
        case .accounts?:
            return (L10n.t("prompt.accounts"), .warning)
        case .confirmQuit?:
            return (L10n.t("prompt.quit"), .warning)
        case .confirmPost(let c)?:
            return (L10n.t("prompt.ownpost", ["network": Format.network(c.network)]), .warning)
        default:
            return nil
        }
    }
}
