import Foundation
import Insight
import ScreenKit
import SwitchboardCore

extension Renderer {
    func feedTitle() -> String {
        let f = s.feed
        // A window's filter: how many of every mention match (its rows are only those read so far).
        let of = f.windowMatches != nil ? f.windowTotal ?? 0 : f.order.count
        var t =
            L10n.t("pane.feed") + " — "
            + (f.filter == nil
                ? Format.thousands(f.windowTotal ?? f.rows.count)
                : "\(f.windowMatchesText)/\(Format.thousands(of))")
        if !f.unseen.isEmpty { t += " · " + L10n.t("feed.unseen", ["count": f.unseen.count]) }
        if f.sort == .priority { t += " · " + L10n.t("status.byPriority") }
        // Outside business hours the SLA clocks stand still: say so, and when they start again.
        if let sla = f.sla, let open = sla.nextOpening(after: s.chrome.now) {
            let at = open.timeIntervalSince1970
            t +=
                " · "
                + L10n.t(
                    "feed.offHours",
                    ["when": DueLabel.moment(at, now: s.chrome.now.timeIntervalSince1970, timeZone: sla.timeZone)])
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
                f.filter == nil ? L10n.t("feed.empty") : L10n.t("feed.noMatch"), x: inner.x + 1, y: inner.y,
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
            } else {
                x = buf.put(" ", x: x, y: y, role: metaRole, clip: inner)
            }
            x = buf.put(
                TextWrap.pad(sanitizeForScreen(it.author), width: authorW) + " ", x: x, y: y,
                role: own ? .own : isNew ? .feedNew : .accent, clip: inner)
            let authorEnd = x
            if own {
                // Our own post: the » mark instead of mood and intent, "ours" instead of a triage status.
                x = buf.put(
                    Marks.own + "  " + TextWrap.pad(L10n.t("feed.ours"), width: 4) + " ", x: x, y: y, role: .own,
                    clip: inner)
            } else {
                let (sm, sr) = Marks.sentiment(it.sentiment)
                x = buf.put(sm, x: x, y: y, role: sr, clip: inner)
                let (im, ir) = Marks.intent(it.intents)
                x = buf.put(im + " ", x: x, y: y, role: ir, clip: inner)
                x = buf.put(
                    TextWrap.pad(Format.status(status), width: 4) + " ", x: x, y: y, role: overdue ? .overdue : .dim,
                    clip: inner)
            }
            if let e = s.mention.outbox[it.key], e.state != .cancelled {
                let (t, role) = s.outboxLine(e)
                let short: String
                switch e.state {
                case .sent: short = L10n.t("feed.sent") + " "
                case .failed: short = L10n.t("feed.failed") + " "
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
            // A private message: 🔒 before its text.
            if it.isPrivate { x = buf.put(Marks.locked + " ", x: x, y: y, role: .warning, clip: inner) }
            let room = inner.maxX - x
            if let w = it.filterWarning, room > 0, !s.mention.revealed.contains(it.key) {
                // Behind a server filter's warning: its title, never the text.
                buf.put(
                    TextWrap.clip("⚠ " + L10n.t("feed.filtered", ["title": sanitizeForScreen(w)]), width: room), x: x,
                    y: y, role: .warning, clip: inner)
            } else if room > 0 {
                // Only as much text as fits is sanitised: long posts cost nothing off screen.
                // Our post edited through Switchboard: its latest version, with the ✎ mark.
                let text = st?.postEdits?.values.first.map { "✎ " + $0 } ?? it.text
                let raw = text.count > room * 4 + 16 ? String(text.prefix(room * 4 + 16)) : text
                buf.put(
                    TextWrap.clip(sanitizeForScreen(raw), width: room), x: x, y: y,
                    role: own ? .own : isNew ? .feedNew : .normal, clip: inner)
            }
            if row == f.selected {
                // The selection marks the row's time-to-author columns (and the space after the author), not
                // the marks and the text: moving it rewrites ~2×24 cells in few colours (a `j` within the page
                // stays well under 170 bytes, and a scrolling one under 400).
                buf.setRole(Rect(x: inner.x, y: y, width: authorEnd - inner.x, height: 1), .selected)
            }
        }
    }
}
