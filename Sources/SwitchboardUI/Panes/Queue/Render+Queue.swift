import Foundation
import ScreenKit
import SwitchboardCore

/// Local calendar arithmetic for the queue pane (the workbench's time zone).
struct QueueClock {
    let cal: Calendar
    init(_ tz: TimeZone) {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = tz
        c.firstWeekday = 2
        cal = c
    }
    static var days: [String] {
        L10n.language == .de
            ? ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    }
    /// 0 = Monday … 6 = Sunday.
    func weekday(_ d: Date) -> Int { (cal.component(.weekday, from: d) + 5) % 7 }
    func minute(_ d: Date) -> Int {
        let c = cal.dateComponents([.hour, .minute], from: d)
        return (c.hour ?? 0) * 60 + (c.minute ?? 0)
    }
    /// Monday 00:00 of the week holding `d`.
    func weekStart(_ d: Date) -> Date { cal.dateInterval(of: .weekOfYear, for: d)?.start ?? cal.startOfDay(for: d) }
    /// `Fri 27 13:00`.
    func short(_ d: Date) -> String {
        String(
            format: L10n.language == .de ? "%@ %02d. %@" : "%@ %02d %@", QueueClock.days[weekday(d)],
            cal.component(.day, from: d), hhmm(minute(d)))
    }
    func hhmm(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
}

extension QueueItem {
    /// The state as the pane shows it.
    var label: String {
        switch state {
        case .published: return L10n.t("queue.published")
        case .failed: return L10n.t("feed.failed")
        default: return L10n.t("queue.state." + state.rawValue)
        }
    }
    var role: StyleRole {
        switch state {
        case .failed: return .error
        case .published: return .positive
        case .suspended: return .warning
        case .draft: return .dim
        default: return .accent
        }
    }
}

extension Renderer {
    mutating func drawQueue(_ r: Rect) {
        let q = s.queue.info
        var title = q.items.isEmpty ? L10n.t("pane.queue") : L10n.t("pane.queue") + " — \(q.items.count)"
        if q.suspension != nil { title += " — " + L10n.t("status.suspended") }
        let inner = box(r, title: title, focused: s.chrome.focus == .queue)
        guard inner.width > 2, inner.height > 0 else { return }
        if let e = q.error {
            for (i, l) in TextWrap.wrap(L10n.t("queue.error", ["error": sanitizeForScreen(e)]), width: inner.width - 1)
                .prefix(inner.height)
                .enumerated()
            {
                buf.put(l, x: inner.x + 1, y: inner.y + i, role: .error, clip: inner)
            }
            return
        }
        if s.chrome.zoomed && s.chrome.focus == .queue { drawWeek(inner); return }
        if q.items.isEmpty {
            buf.put(L10n.t("queue.empty"), x: inner.x + 1, y: inner.y, role: .dim, clip: inner)
            return
        }
        let clock = QueueClock(s.settings.timeZone)
        let stateW = max(11, q.items.map { TextWidth.width($0.label) }.max() ?? 0)
        let accW = min(12, q.items.map { TextWidth.width($0.draft.accounts.joined(separator: ",")) }.max() ?? 0)
        // One line an item while at least 6 cells of text fit after time, accounts and state; else two.
        if inner.width - 1 - 13 - (accW + 1) - (stateW + 1) < 6 { drawNarrowQueue(inner, clock); return }
        let top = max(0, s.queue.selected - inner.height + 1)
        for (i, e) in q.items.enumerated().dropFirst(top).prefix(inner.height) {
            let y = inner.y + i - top
            var x = inner.x + 1
            let when = e.scheduledAt.map(clock.short) ?? "—"
            x = buf.put(TextWrap.pad(when, width: 12) + " ", x: x, y: y, role: .meta, clip: inner)
            x = buf.put(
                TextWrap.pad(
                    TextWrap.clip(sanitizeForScreen(e.draft.accounts.joined(separator: ",")), width: accW), width: accW)
                    + " ", x: x, y: y, role: .dim, clip: inner)
            x = buf.put(TextWrap.pad(e.label, width: stateW) + " ", x: x, y: y, role: e.role, clip: inner)
            if let n = e.engagement {
                x = buf.put(
                    L10n.t("queue.engagement", ["count": LocalFormat.number(n)]) + " ", x: x, y: y, role: .positive,
                    clip: inner)
            }
            buf.put(
                TextWrap.clip(sanitizeForScreen(e.draft.text), width: max(0, inner.maxX - x)), x: x, y: y,
                role: .normal, clip: inner)
            if i == s.queue.selected, s.chrome.focus == .queue {
                buf.setRole(Rect(x: inner.x, y: y, width: inner.width, height: 1), .selected)
            }
        }
    }

    /// The queue in a narrow pane: two lines an item, the time and state, then the start of the text.
    mutating func drawNarrowQueue(_ inner: Rect, _ clock: QueueClock) {
        let q = s.queue.info
        let perPage = max(1, inner.height / 2)
        let top = max(0, s.queue.selected - perPage + 1)
        for (i, e) in q.items.enumerated().dropFirst(top).prefix(perPage) {
            let y = inner.y + (i - top) * 2
            var x = inner.x + 1
            x = buf.put((e.scheduledAt.map(clock.short) ?? "—") + " ", x: x, y: y, role: .meta, clip: inner)
            x = buf.put(TextWrap.ellipsize(e.label, width: inner.maxX - x), x: x, y: y, role: e.role, clip: inner)
            let accounts = " " + sanitizeForScreen(e.draft.accounts.joined(separator: ","))
            if x + TextWidth.width(accounts) <= inner.maxX { buf.put(accounts, x: x, y: y, role: .dim, clip: inner) }
            // How a published post did leads its second line.
            var tx = inner.x + 3
            if let n = e.engagement {
                tx = buf.put(
                    L10n.t("queue.engagement", ["count": LocalFormat.number(n)]) + " ", x: tx, y: y + 1,
                    role: .positive, clip: inner)
            }
            buf.put(
                TextWrap.ellipsize(sanitizeForScreen(e.draft.text), width: max(0, inner.maxX - tx)), x: tx, y: y + 1,
                role: .normal, clip: inner)
            if i == s.queue.selected, s.chrome.focus == .queue {
                buf.setRole(Rect(x: inner.x, y: y, width: inner.width, height: min(2, inner.maxY - y)), .selected)
            }
        }
    }

    /// The zoomed queue: this week, Monday to Sunday, one row per slot time of the posting schedule (and per time an
    /// item holds); a slot no item holds shows as a gap ("· free").
    mutating func drawWeek(_ inner: Rect) {
        let clock = QueueClock(s.settings.timeZone)
        let start = clock.weekStart(s.chrome.now)
        let end = start.addingTimeInterval(7 * 86400 + 3600)
        var free: Set<[Int]> = []
        if let sched = s.settings.postingSchedule {
            for account in sched.slots.keys.sorted() {
                for d in sched.slots(after: start.addingTimeInterval(-1), account: account, days: 8)
                where d >= start && d < end {
                    free.insert([clock.weekday(d), clock.minute(d)])
                }
            }
        }
        var held: [[Int]: QueueItem] = [:]
        for i in s.queue.info.items {
            guard let at = i.scheduledAt, at >= start, at < end else { continue }
            let k = [clock.weekday(at), clock.minute(at)]
            if held[k] == nil { held[k] = i }
        }
        let times = Set(free.map { $0[1] }).union(held.keys.map { $0[1] }).sorted()
        let label = 6
        let colW = max(4, (inner.width - label) / 7)
        var x = inner.x + label
        for (d, name) in QueueClock.days.enumerated() {
            let day = clock.cal.date(byAdding: .day, value: d, to: start) ?? start
            buf.put(
                TextWrap.clip("\(name) \(clock.cal.component(.day, from: day))", width: colW - 1), x: x, y: inner.y,
                role: .paneTitle, clip: inner)
            x += colW
        }
        if times.isEmpty {
            buf.put(L10n.t("queue.emptyWeek"), x: inner.x + 1, y: inner.y + 1, role: .dim, clip: inner)
            return
        }
        for (row, m) in times.enumerated().prefix(max(0, inner.height - 1)) {
            let y = inner.y + 1 + row
            buf.put(clock.hhmm(m), x: inner.x, y: y, role: .meta, clip: inner)
            for d in 0..<7 {
                let cx = inner.x + label + d * colW
                if let i = held[[d, m]] {
                    buf.put(
                        TextWrap.clip(sanitizeForScreen(i.draft.text), width: colW - 1), x: cx, y: y, role: i.role,
                        clip: inner)
                } else if free.contains([d, m]) {
                    buf.put(
                        TextWrap.clip("· " + L10n.t("queue.free"), width: colW - 1), x: cx, y: y, role: .dim,
                        clip: inner)
                }
            }
        }
    }
}
