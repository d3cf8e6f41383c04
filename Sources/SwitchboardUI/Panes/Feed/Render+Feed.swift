import Foundation
import Insight
import ScreenKit
import SwitchboardCore

extension Renderer {
    func feedTitle() -> String {
        let f = s.feed
        var t =
            "Feed — "
            + (f.filter == nil
                ? Format.thousands(f.rows.count)
                : "\(Format.thousands(f.rows.count))/\(Format.thousands(f.order.count))")
        if !f.unseen.isEmpty { t += " · \(f.unseen.count) new" }
        if f.sort == .priority { t += " · by priority" }
        // Outside business hours the SLA clocks stand still: say so, and when they start again.
        if let sla = f.sla, let open = sla.nextOpening(after: s.chrome.now) {
            let at = open.timeIntervalSince1970
            t +=
                " · off hours till "
                + DueLabel.moment(at, now: s.chrome.now.timeIntervalSince1970, timeZone: sla.timeZone)
        }
        return t
    }

    /// One line per mention: time, network, author, sentiment, intent, status, text. Only visible rows are drawn.
    mutating func drawFeed(_ r: Rect) {
        let focused = s.chrome.focus == .feed
        let inner = box(r, title: feedTitle(), focused: focused)
        guard inner.width > 0, inner.height > 0 else { return }
        let f = s.feed
        if f.rows.isEmpty {
            buf.put(
                f.filter == nil ? "No mentions yet." : "Nothing matches the filter.", x: inner.x + 1, y: inner.y,
                role: .dim, clip: inner)
            return
        }
        let now = s.chrome.now.timeIntervalSince1970
        let authorW = inner.width >= 70 ? 16 : (inner.width >= 50 ? 12 : 8)
        let marked = s.feed.marks.isEmpty && s.feed.visualAnchor == nil ? [] : s.feed.markedKeys
        for line in 0..<inner.height {
            let row = f.scrollTop + line
            guard row < f.rows.count else { break }
            let it = f.item(atRow: row)
            let y = inner.y + line
            let isNew = f.isNew(row: row)
            let st = s.states.isEmpty ? nil : s.states[it.key]
            let status = st?.status ?? .new
            let own = it.isOwn
            let waiting = f.waitsForAnswer(Int(f.rows[row]), st)
            let due = waiting ? f.dueTime(Int(f.rows[row])) : 0
            let overdue = waiting && now > due
            let metaRole: StyleRole = isNew ? .feedNew : .meta
            var x = inner.x
            x = buf.put(
                TextWrap.padLeft(Format.relative(it.time, now: now), width: 3), x: x, y: y,
                role: overdue ? .overdue : metaRole, clip: inner)
            // Marked for a bulk action (Space, or inside the visual range): a `*` after the time.
            x =
                marked.contains(it.key)
                ? buf.put("*", x: x, y: y, role: .warning, clip: inner)
                : buf.put(" ", x: x, y: y, role: metaRole, clip: inner)
            x = buf.put(it.networkMark, x: x, y: y, role: metaRole, clip: inner)
            // ★ multiplier or journalist, ⚑ critic (the author's contact roles).
            if let pm = s.feed.personMarks.isEmpty ? nil : s.feed.personMarks[it.key] {
                x = buf.put(pm.glyph, x: x, y: y, role: pm == .vip ? .accent : .negative, clip: inner)
            } else { x = buf.put(" ", x: x, y: y, role: metaRole, clip: inner) }
            x = buf.put(
                TextWrap.pad(sanitizeForScreen(it.author), width: authorW) + " ", x: x, y: y,
                role: own ? .own : isNew ? .feedNew : .accent, clip: inner)
            if own {
                // Our own post: the » mark instead of mood and intent, "ours" instead of a triage status.
                x = buf.put(Marks.own + "  ours ", x: x, y: y, role: .own, clip: inner)
            } else {
                let (sm, sr) = Marks.sentiment(it.sentiment)
                x = buf.put(sm, x: x, y: y, role: sr, clip: inner)
                let (im, ir) = Marks.intent(it.intents)
                x = buf.put(im + " ", x: x, y: y, role: ir, clip: inner)
                x = buf.put(
                    TextWrap.pad(Format.status(status), width: 4) + " ", x: x, y: y, role: overdue ? .overdue : .dim,
                    clip: inner)
            }
            let textX = x
            if let e = s.mention.outbox[it.key], e.state != .cancelled {
                let (t, role) = s.outboxLine(e)
                let short: String
                switch e.state {
                case .sent: short = "sent ✓ "
                case .failed: short = "failed — r to retry "
                case .queued where !e.draft.manual: short = s.countdown(e) + " "
                default: short = t + " "
                }
                x = buf.put(short, x: x, y: y, role: role.role, clip: inner)
            }
            // Hidden, deleted… on its network (recorded moderation).
            if let v = st?.moderated {
                x = buf.put("[" + v.mark + "] ", x: x, y: y, role: .warning, clip: inner)
            }
            // SLA: time left for the first response, the due moment when it is far off, or how late it is.
            if waiting, s.mention.outbox[it.key].map({ !$0.isPending }) ?? true {
                let (label, role) = DueLabel.make(
                    due: due, now: now, band: Priority.band(Double(it.priority)),
                    timeZone: f.sla?.timeZone ?? s.settings.timeZone)
                x = buf.put(label + " ", x: x, y: y, role: role, clip: inner)
            }
            // Someone else is on it (assigned or claimed, live through the log).
            if let who = st?.assignee, who != s.settings.user, status.isOpen {
                x = buf.put(
                    "→" + TextWrap.ellipsize(sanitizeForScreen(who), width: 10) + " ", x: x, y: y, role: .accent,
                    clip: inner)
            }
            let room = inner.maxX - x
            if room > 0 {
                // Only as much text as fits is sanitised: long posts cost nothing off screen.
                let raw = it.text.count > room * 4 + 16 ? String(it.text.prefix(room * 4 + 16)) : it.text
                buf.put(
                    TextWrap.clip(sanitizeForScreen(raw), width: room), x: x, y: y,
                    role: own ? .own : isNew ? .feedNew : .normal, clip: inner)
            }
            if row == f.selected {
                // The selection marks the row's time-to-status columns, not the text: moving it then
                // rewrites ~2×27 cells (a `j` stays under 200 bytes over SSH).
                buf.setRole(Rect(x: inner.x, y: y, width: textX - inner.x - 1, height: 1), .selected)
            }
        }
    }
}
