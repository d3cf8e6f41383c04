import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
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
