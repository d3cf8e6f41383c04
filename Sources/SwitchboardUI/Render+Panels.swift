import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    mutating func drawQueue(_ r: Rect) {
        let q = s.queue
        let title = q.entries.isEmpty ? "Queue" : "Queue — \(q.entries.count)"
        let inner = box(r, title: title, focused: s.focus == .queue)
        guard inner.width > 2, inner.height > 0 else { return }
        if let e = q.error {
            for (i, l) in TextWrap.wrap("queue.json: " + sanitizeForScreen(e), width: inner.width - 1).prefix(inner.height).enumerated() {
                buf.put(l, x: inner.x + 1, y: inner.y + i, role: .error, clip: inner)
            }
            return
        }
        if q.entries.isEmpty {
            buf.put("No scheduled posts", x: inner.x + 1, y: inner.y, role: .dim, clip: inner)
            return
        }
        let top = max(0, s.queueSelected - inner.height + 1)
        for (i, e) in q.entries.enumerated().dropFirst(top).prefix(inner.height) {
            let y = inner.y + i - top
            var x = inner.x + 1
            let when = e.scheduledAt.map { Format.dateTime($0, s.timeZone).dropFirst(5) } ?? "unscheduled"
            x = buf.put(String(when) + " ", x: x, y: y, role: .meta, clip: inner)
            let state = sanitizeForScreen(e.state ?? "scheduled")
            let role: StyleRole = state == "failed" ? .error : (state == "posted" ? .dim : .accent)
            x = buf.put(TextWrap.pad(state, width: 9) + " ", x: x, y: y, role: role, clip: inner)
            buf.put(TextWrap.clip(sanitizeForScreen(e.text), width: max(0, inner.maxX - x)), x: x, y: y, role: .normal, clip: inner)
            if i == s.queueSelected, s.focus == .queue { buf.setRole(Rect(x: inner.x, y: y, width: inner.width, height: 1), .selected) }
        }
    }

    mutating func drawCrisis(_ r: Rect) {
        let c = s.crisis
        let inner = box(r, title: c.active != nil ? "Crisis — ACTIVE" : "Crisis", focused: s.focus == .crisis)
        guard inner.width > 2, inner.height > 0 else { return }
        var y = inner.y
        if let e = c.error {
            buf.put(TextWrap.clip("crisis/active.json: " + sanitizeForScreen(e), width: inner.width - 1), x: inner.x + 1, y: y, role: .error, clip: inner)
            y += 1
        }
        if let name = c.active {
            var head = " " + sanitizeForScreen(name)
            if let t = c.startedAt { head += " · started " + Format.relative(t.timeIntervalSince1970, now: s.now.timeIntervalSince1970) + " ago" }
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .crisisBanner)
            buf.put(head, x: inner.x, y: y, role: .crisisBanner, clip: inner)
            y += 1
            let room = inner.maxY - y
            let top = max(0, s.crisisSelected - room + 1)
            for (i, step) in c.steps.enumerated().dropFirst(top).prefix(max(0, room)) {
                let line = (step.done ? "[x] " : "[ ] ") + sanitizeForScreen(step.text)
                let yy = y + i - top
                buf.put(TextWrap.clip(line, width: inner.width - 1), x: inner.x + 1, y: yy, role: step.done ? .dim : .normal, clip: inner)
                if i == s.crisisSelected, s.focus == .crisis { buf.setRole(Rect(x: inner.x, y: yy, width: inner.width, height: 1), .selected) }
            }
            return
        }
        buf.put("No active crisis.", x: inner.x + 1, y: y, role: .dim, clip: inner)
        y += 1
        if c.playbooks.isEmpty {
            if y < inner.maxY { buf.put("No playbooks yet.", x: inner.x + 1, y: y, role: .dim, clip: inner) }
            return
        }
        if y < inner.maxY { buf.put("Playbooks:", x: inner.x + 1, y: y, role: .paneTitle, clip: inner) }
        y += 1
        let room = inner.maxY - y
        let top = max(0, s.crisisSelected - room + 1)
        for (i, p) in c.playbooks.enumerated().dropFirst(top).prefix(max(0, room)) {
            let yy = y + i - top
            buf.put(TextWrap.clip("• " + sanitizeForScreen(p), width: inner.width - 1), x: inner.x + 1, y: yy, role: .normal, clip: inner)
            if i == s.crisisSelected, s.focus == .crisis { buf.setRole(Rect(x: inner.x, y: yy, width: inner.width, height: 1), .selected) }
        }
    }
}
