import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The crisis pane: the playbooks (no run), or the run's header, chart and checklist (or timeline, escalation
    /// list, holding statement).
    mutating func drawCrisis(_ r: Rect) {
        let c = s.crisis.info
        let title =
            c.run.map { L10n.t("pane.crisis") + " — " + ($0.drill ? L10n.t("status.drill") : L10n.t("crisis.active")) }
            ?? L10n.t("pane.crisis")
        let inner = box(r, title: title, focused: s.chrome.focus == .crisis)
        guard inner.width > 2, inner.height > 0 else { return }
        if let run = c.run { drawRun(run, inner) } else { drawPlaybooks(inner) }
        // A refused change in full, over the bottom of the pane (the status line clips long messages).
        if let e = s.crisis.error {
            let lines = TextWrap.wrap("✗ " + sanitizeForScreen(e), width: max(1, inner.width - 2)).prefix(
                max(1, inner.height / 3))
            for (i, l) in lines.enumerated() {
                let y = inner.maxY - lines.count + i
                buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .error)
                buf.put(l, x: inner.x + 1, y: y, role: .error, clip: inner)
            }
        }
    }

    mutating func drawPlaybooks(_ inner: Rect) {
        let c = s.crisis.info
        var y = inner.y
        func line(_ text: String, _ role: StyleRole) {
            guard y < inner.maxY else { return }
            buf.put(TextWrap.ellipsize(text, width: inner.width - 1), x: inner.x + 1, y: y, role: role, clip: inner)
            y += 1
        }
        line(L10n.t("crisis.none"), .dim)
        if c.playbooks.isEmpty, c.problems.isEmpty { line(L10n.t("crisis.noPlaybooks"), .dim); return }
        if !c.playbooks.isEmpty {
            let enter = key("crisis-start", .crisis)
            let drill = key("crisis-drill", .crisis)
            line(
                s.chrome.focus == .crisis
                    ? L10n.t("crisis.playbooksKeys", ["start": enter, "drill": drill]) : L10n.t("crisis.playbooks"),
                .paneTitle)
        }
        // Names in full (the facts give way first): "Service outage", not "Service outa".
        let nameW = min(c.playbooks.map { TextWidth.width(sanitizeForScreen($0.name)) }.max() ?? 0, inner.width - 3)
        let room = max(0, inner.maxY - y - (c.problems.isEmpty ? 0 : min(3, 1 + c.problems.count)))
        let top = max(0, s.crisis.selected - room + 1)
        for (i, p) in c.playbooks.enumerated().dropFirst(top).prefix(room) {
            let levels = p.severityLevels.count
            let steps = L10n.t(p.steps.count == 1 ? "crisis.step" : "crisis.steps", ["count": p.steps.count])
            let forms = [
                (levels == 0 ? "" : L10n.t(levels == 1 ? "crisis.level" : "crisis.levels", ["count": levels]) + " · ")
                    + steps,
                steps, "",
            ]
            let factsRoom = inner.width - 1 - 2 - nameW - 2
            let facts = forms.first { TextWidth.width($0) <= factsRoom } ?? ""
            let yy = y + i - top
            buf.put(
                "• " + TextWrap.pad(TextWrap.ellipsize(sanitizeForScreen(p.name), width: nameW), width: nameW)
                    + (facts.isEmpty ? "" : "  " + facts),
                x: inner.x + 1, y: yy, role: .normal, clip: inner)
            if i == s.crisis.selected, s.chrome.focus == .crisis {
                buf.setRole(Rect(x: inner.x, y: yy, width: inner.width, height: 1), .selected)
            }
        }
        y += min(room, c.playbooks.count)
        guard !c.problems.isEmpty else { return }
        line(L10n.t("crisis.unusable"), .error)
        for p in c.problems {
            for l in TextWrap.wrap("✗ " + sanitizeForScreen(p.description), width: inner.width - 1) { line(l, .error) }
        }
    }

    /// The first key bound to `command` (for hints in the pane).
    func key(_ command: String, _ ctx: KeyContext) -> String {
        (s.settings.keymap.keys(for: command, in: ctx).first ?? s.settings.keymap.keys(for: command, in: .global).first)
            .map(KeyNames.name) ?? ":" + command
    }

    mutating func drawRun(_ run: CrisisRun, _ inner: Rect) {
        var y = inner.y
        let (done, total) = run.progress
        let overdue = run.overdue(s.chrome.now).count
        var head =
            " " + (run.drill ? L10n.t("status.drill") : L10n.t("status.crisis")) + " · " + sanitizeForScreen(run.name)
        if let sev = run.severity { head += " · " + sanitizeForScreen(sev) }
        head +=
            " · " + CrisisRun.span(s.chrome.now.timeIntervalSince(run.startedAt)) + " · "
            + L10n.t("crisis.done", ["done": done, "total": total])
        if overdue > 0 { head += " · " + L10n.t("status.overdue", ["count": overdue]) }
        buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .crisisBanner)
        buf.put(head, x: inner.x, y: y, role: .crisisBanner, clip: inner)
        y += 1
        if run.drill, y < inner.maxY {
            buf.put(
                TextWrap.ellipsize(
                    " " + L10n.t("crisis.drillNote"), width: inner.width),
                x: inner.x, y: y, role: .warning, clip: inner)
            y += 1
        }
        // The chart when there is room for it and a few steps.
        if inner.height - (y - inner.y) >= 8, y + 3 < inner.maxY {
            y = drawChart(Rect(x: inner.x, y: y, width: inner.width, height: 3))
        }
        let rest = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
        switch s.crisis.view {
        case .checklist: drawChecklist(run, rest)
        case .timeline: drawTimeline(rest)
        case .escalation: drawEscalation(run, rest)
        case .statement(let title, let text): drawStatement(title, text, rest)
        }
    }

    /// Two sparklines (mentions and negative share per 15 minutes) over a time axis; returns the next free row.
    mutating func drawChart(_ r: Rect) -> Int {
        let label = 10
        let b = s.crisis.info.buckets
        let avail = max(0, r.width - label - 16)
        let n = min(b.count, avail)
        guard n > 0 else { return r.y }
        // Few slots are drawn wider (up to 3 cells a slot) so the chart reads at a glance.
        let cw = max(1, min(3, avail / n))
        let shown = Array(b.suffix(n))
        func widen(_ line: String) -> String { String(line.flatMap { Array(repeating: $0, count: cw) }) }
        let peak = shown.map(\.total).max() ?? 0
        let volume = widen(TextBars.sparkline(shown.map { Double($0.total) }))
        // Shares on a fixed 0–100 % scale (the sentinel 1.0 is cut off again).
        let neg = widen(String(TextBars.sparkline(shown.map(\.negativeShare) + [1.0]).dropLast()))
        let last = shown.last { $0.total > 0 }
        let x0 = r.x + label
        let end = x0 + n * cw
        buf.put(" " + L10n.t("crisis.chart.mentions"), x: r.x, y: r.y, role: .meta, clip: r)
        buf.put(volume, x: x0, y: r.y, role: .accent, clip: r)
        buf.put(" " + L10n.t("crisis.chart.max", ["peak": peak]), x: end, y: r.y, role: .meta, clip: r)
        buf.put(" " + L10n.t("crisis.chart.negative"), x: r.x, y: r.y + 1, role: .meta, clip: r)
        buf.put(neg, x: x0, y: r.y + 1, role: .negative, clip: r)
        buf.put(
            " " + L10n.t("crisis.chart.last", ["percent": Int(((last?.negativeShare ?? 0) * 100).rounded())]), x: end,
            y: r.y + 1, role: .meta, clip: r)
        // The axis: ▲ under the slot the run started in, the clock at each full hour where it fits.
        let started = s.crisis.info.run?.startedAt ?? .distantPast
        let mark = shown.firstIndex { $0.start <= started && started < $0.start.addingTimeInterval(900) }.map {
            x0 + $0 * cw
        }
        if let mark { buf.put("▲ " + L10n.t("crisis.chart.start"), x: mark, y: r.y + 2, role: .crisisBanner, clip: r) }
        var free = x0
        for (i, bucket) in shown.enumerated() {
            let x = x0 + i * cw
            let t = Renderer.clock(bucket.start, s.settings.timeZone)
            guard t.hasSuffix(":00"), x >= free, x + 5 <= end + 6 else { continue }
            if let m = mark, x + 5 >= m, x <= m + 7 { continue }
            buf.put(t, x: x, y: r.y + 2, role: .dim, clip: r)
            free = x + 6
        }
        return r.y + 3
    }

    /// "14:05" in the given time zone (no formatter per frame).
    static func clock(_ d: Date, _ tz: TimeZone) -> String {
        let secs = Int(d.timeIntervalSince1970.rounded(.down)) + tz.secondsFromGMT(for: d)
        let m = ((secs / 60) % 1440 + 1440) % 1440
        return String(format: "%02d:%02d", m / 60, m % 60)
    }

    mutating func drawChecklist(_ run: CrisisRun, _ r: Rect) {
        guard r.height > 0 else { return }
        let sel = run.steps[safe: s.crisis.selected]
        let footer = r.height >= 6 && sel != nil ? 2 : 0
        let room = r.height - footer
        let w = r.width - 1
        let ownerW = w >= 50 ? 8 : 0
        let whoW = w >= 72 ? min(28, w / 4) : 0
        // Narrow panes show the relative due time only (zoom for the clock time and who did it).
        let narrow = w < 40
        let dueW = narrow ? 10 : 15
        let titleW = max(8, w - 4 - ownerW - dueW - whoW - 3)
        let top = max(0, s.crisis.selected - room + 1)
        for (i, st) in run.steps.enumerated().dropFirst(top).prefix(room) {
            let y = r.y + i - top
            let glyph: String
            switch st.state {
            case .open: glyph = "[ ]"
            case .done: glyph = "[x]"
            case .skipped: glyph = "[-]"
            case .blocked: glyph = "[!]"
            }
            var line =
                glyph + " "
                + TextWrap.pad(TextWrap.ellipsize(sanitizeForScreen(st.step.title), width: titleW), width: titleW)
            if ownerW > 0 { line += " " + TextWrap.pad(sanitizeForScreen(st.step.owner), width: ownerW) }
            let due = run.dueText(st, now: s.chrome.now) ?? L10n.t("crisis.state." + st.state.rawValue)
            line +=
                " "
                + TextWrap.pad(narrow ? due : Renderer.clock(st.dueAt, s.settings.timeZone) + " " + due, width: dueW)
            if whoW > 0, let by = st.by, st.state != .open {
                line +=
                    " "
                    + TextWrap.ellipsize(
                        sanitizeForScreen(by) + " " + Renderer.clock(st.at ?? s.chrome.now, s.settings.timeZone)
                            + (st.reason.map { ": " + sanitizeForScreen($0) } ?? ""), width: whoW)
            }
            let role: StyleRole =
                st.isOverdue(s.chrome.now) ? .overdue : st.isFinished ? .dim : st.state == .blocked ? .warning : .normal
            buf.put(TextWrap.clip(line, width: w), x: r.x + 1, y: y, role: role, clip: r)
            if i == s.crisis.selected, s.chrome.focus == .crisis {
                buf.setRole(Rect(x: r.x, y: y, width: r.width, height: 1), .selected)
            }
        }
        guard footer > 0, let st = sel else { return }
        var facts = [
            L10n.t("crisis.kind." + st.step.kind.rawValue),
            L10n.t("crisis.owner", ["owner": sanitizeForScreen(st.step.owner)]),
        ]
        if st.state != .open, let by = st.by {
            facts.append(
                L10n.t(
                    "crisis.stateBy",
                    [
                        "state": L10n.t("crisis.state." + st.state.rawValue), "user": sanitizeForScreen(by),
                        "time": Renderer.clock(st.at ?? s.chrome.now, s.settings.timeZone),
                    ])
            )
        }
        if let why = st.reason { facts.append(sanitizeForScreen(why)) }
        if let n = st.notifications.last {
            facts.append(
                L10n.t(
                    "crisis.notified",
                    ["how": n.how.replacingOccurrences(of: "_", with: " "), "user": sanitizeForScreen(n.by)]))
        }
        buf.put(
            TextWrap.ellipsize(" " + facts.joined(separator: " · "), width: r.width), x: r.x, y: r.maxY - 2,
            role: .meta, clip: r)
        if let d = st.step.detail {
            buf.put(
                TextWrap.ellipsize(" " + sanitizeForScreen(d), width: r.width), x: r.x, y: r.maxY - 1, role: .dim,
                clip: r)
        }
    }

    mutating func drawTimeline(_ r: Rect) {
        guard r.height > 0 else { return }
        buf.put(
            TextWrap.ellipsize(
                L10n.t("crisis.timelineTitle", ["key": key("crisis-timeline", .crisis)]), width: r.width - 1),
            x: r.x + 1,
            y: r.y, role: .paneTitle, clip: r)
        let list = s.crisis.info.timeline
        if list.isEmpty { buf.put(L10n.t("crisis.nothingYet"), x: r.x + 1, y: r.y + 1, role: .dim, clip: r); return }
        let actorW = min(12, list.map { TextWidth.width(sanitizeForScreen($0.actor)) }.max() ?? 0)
        for (i, e) in list.dropFirst(s.crisis.selected).prefix(r.height - 1).enumerated() {
            let line =
                Renderer.clock(e.at, s.settings.timeZone) + " "
                + TextWrap.pad(sanitizeForScreen(e.actor), width: actorW) + "  " + sanitizeForScreen(e.text)
            let role: StyleRole = e.type.hasPrefix("crisis_") ? .normal : .meta
            buf.put(TextWrap.ellipsize(line, width: r.width - 1), x: r.x + 1, y: r.y + 1 + i, role: role, clip: r)
        }
    }

    mutating func drawEscalation(_ run: CrisisRun, _ r: Rect) {
        guard r.height > 0 else { return }
        buf.put(
            TextWrap.ellipsize(
                L10n.t("crisis.escalationTitle", ["key": key("crisis-escalation", .crisis)]), width: r.width - 1),
            x: r.x + 1, y: r.y, role: .paneTitle, clip: r)
        let list = run.playbook.escalation
        if list.isEmpty {
            buf.put(L10n.t("crisis.noEscalation"), x: r.x + 1, y: r.y + 1, role: .dim, clip: r)
            return
        }
        let roleW = min(12, list.map { TextWidth.width(sanitizeForScreen($0.role)) }.max() ?? 0)
        let nameW = min(28, list.map { TextWidth.width(sanitizeForScreen($0.name)) }.max() ?? 0)
        for (i, c) in list.dropFirst(s.crisis.selected).prefix(r.height - 1).enumerated() {
            let line =
                TextWrap.pad(sanitizeForScreen(c.role), width: roleW) + "  "
                + TextWrap.pad(sanitizeForScreen(c.name), width: nameW) + "  " + sanitizeForScreen(c.reach)
            buf.put(TextWrap.ellipsize(line, width: r.width - 1), x: r.x + 1, y: r.y + 1 + i, role: .normal, clip: r)
        }
    }

    mutating func drawStatement(_ title: String, _ text: String, _ r: Rect) {
        guard r.height > 0 else { return }
        buf.put(
            TextWrap.ellipsize(
                L10n.t("crisis.statementTitle", ["title": sanitizeForScreen(title)]), width: r.width - 1),
            x: r.x + 1, y: r.y, role: .paneTitle, clip: r)
        for (i, l) in TextWrap.wrap(text, width: max(1, r.width - 2)).prefix(r.height - 1).enumerated() {
            buf.put(l, x: r.x + 1, y: r.y + 1 + i, role: .normal, clip: r)
        }
    }

    /// The start prompt: the severity levels in an overlay (the queue question goes in the hint bar).
    mutating func drawCrisisPrompt(_ p: CrisisPrompt) {
        guard p.stage == .severity else { return }
        let levels = p.playbook.severityLevels
        let what =
            p.changeSeverityOf != nil
            ? L10n.t("crisis.prompt.severityOf")
            : (p.drill ? L10n.t("crisis.prompt.drill") : L10n.t("crisis.prompt.start"))
        guard
            let inner = overlay(
                title: what + sanitizeForScreen(p.playbook.name) + " — " + L10n.t("crisis.prompt.pick"),
                lines: levels.count + 2,
                width: 64)
        else { return }
        for (i, l) in levels.enumerated() {
            let y = inner.y + i
            guard y < inner.maxY else { break }
            let role: StyleRole = i == p.selected ? .selected : .overlay
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            buf.put(" \(i + 1)  " + sanitizeForScreen(l), x: inner.x, y: y, role: role, clip: inner)
        }
        if inner.y + levels.count + 1 < inner.maxY {
            buf.put(
                L10n.t("crisis.prompt.keys", ["count": String(levels.count)]), x: inner.x + 1,
                y: inner.y + levels.count + 1,
                role: .dim, clip: inner)
        }
    }
}
