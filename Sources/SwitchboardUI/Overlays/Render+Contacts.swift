import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The `:contacts` view over the whole screen: the list (or the advocates, or one contact's card).
    mutating func drawContacts(_ cv: ContactsView) {
        let area = viewArea
        guard area.width > 20, area.height > 4 else { return }
        buf.fill(area, role: .normal)
        if let card = cv.card { drawContactCard(card, scroll: cv.cardScroll, area: area); return }
        var title: String
        if cv.showAdvocates {
            title = L10n.t("contacts.advocatesTitle")
        } else {
            title = L10n.t("help.contacts") + " — \(Format.thousands(cv.rows.count))"
            if !cv.search.isEmpty || cv.searching {
                title +=
                    "/\(Format.thousands(cv.snapshot.contacts.count)) · "
                    + L10n.t("contacts.search", ["query": sanitizeForScreen(cv.search)])
                    + (cv.searching ? "▏" : "")
            }
            title += " · " + L10n.t("contacts.sortedBy", ["sort": L10n.t("contacts.sort." + cv.sort.rawValue)])
            if !cv.marked.isEmpty { title += " · " + L10n.t("contacts.marked", ["count": cv.marked.count]) }
        }
        let inner = box(area, title: title, focused: true)
        guard inner.height > 1 else { return }
        if cv.showAdvocates { drawAdvocates(cv, inner); return }
        let nums = 9 + 6 + 7
        let nameW = max(8, min(24, (inner.width - nums) / 3))
        let rolesW = max(6, min(26, (inner.width - nums - nameW) / 3))
        let handleW = max(4, inner.width - nums - nameW - rolesW - 4)
        let header =
            "  " + TextWrap.pad(L10n.t("contacts.col.name"), width: nameW) + " "
            + TextWrap.pad(L10n.t("contacts.col.accounts"), width: handleW) + " "
            + TextWrap.pad(L10n.t("contacts.col.roles"), width: rolesW)
            + TextWrap.padLeft(L10n.t("contacts.col.reach"), width: 9)
            + TextWrap.padLeft(L10n.t("contacts.col.mentions"), width: 6)
            + TextWrap.padLeft(L10n.t("contacts.col.mood"), width: 7)
        buf.put(header, x: inner.x, y: inner.y, role: .dim, clip: inner)
        if cv.rows.isEmpty {
            buf.put(
                cv.search.isEmpty
                    ? "  " + L10n.t("contacts.empty")
                    : "  " + L10n.t("contacts.noMatch"),
                x: inner.x, y: inner.y + 1, role: .dim, clip: inner)
            return
        }
        let h = inner.height - 1
        let top = max(0, min(cv.selected - h / 2, cv.rows.count - h))
        let marked = Set(cv.marked)
        for (i, c) in cv.rows.dropFirst(top).prefix(h).enumerated() {
            let y = inner.y + 1 + i
            let sel = top + i == cv.selected
            let role: StyleRole = sel ? .selected : .normal
            if sel { buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected) }
            var x = inner.x
            x = buf.put(marked.contains(c.id) ? "*" : " ", x: x, y: y, role: sel ? role : .warning, clip: inner)
            let pm = c.isVIP ? "★" : (c.has(.critic) ? "⚑" : " ")
            x = buf.put(pm, x: x, y: y, role: sel ? role : (c.isVIP ? .accent : .negative), clip: inner)
            x = buf.put(
                TextWrap.pad(TextWrap.ellipsize(sanitizeForScreen(c.name), width: nameW), width: nameW) + " ", x: x,
                y: y, role: sel ? role : .accent, clip: inner)
            let handles = c.identities.map(\.displayHandle).joined(separator: ", ")
            x = buf.put(
                TextWrap.pad(TextWrap.ellipsize(sanitizeForScreen(handles), width: handleW), width: handleW) + " ",
                x: x, y: y, role: sel ? role : .meta, clip: inner)
            let roles = c.roles.map { c.isSuggestedOnly($0) ? Format.roleName($0) + "?" : Format.roleName($0) }.joined(
                separator: ",")
            x = buf.put(
                TextWrap.pad(TextWrap.ellipsize(roles, width: rolesW), width: rolesW), x: x, y: y, role: role,
                clip: inner)
            x = buf.put(
                TextWrap.padLeft(Format.thousands(c.reach), width: 9)
                    + TextWrap.padLeft(String(c.mentionCount), width: 6), x: x, y: y, role: role, clip: inner)
            let mood = c.averageScore.map { String(format: "%+.2f", $0) } ?? "–"
            buf.put(
                TextWrap.padLeft(mood, width: 7), x: x, y: y,
                role: sel
                    ? role
                    : ((c.averageScore ?? 0) < -0.2 ? .negative : ((c.averageScore ?? 0) > 0.2 ? .positive : .neutral)),
                clip: inner)
        }
    }

    mutating func drawAdvocates(_ cv: ContactsView, _ inner: Rect) {
        let a = cv.snapshot.advocates
        if a.isEmpty {
            buf.put(
                "  "
                    + (cv.snapshot.advocatesProblem.map { sanitizeForScreen($0) }
                        ?? L10n.t("contacts.noAdvocates")),
                x: inner.x, y: inner.y, role: .dim, clip: inner)
            return
        }
        let nameW = max(10, min(30, inner.width - 50))
        buf.put(
            "  #  " + TextWrap.pad(L10n.t("contacts.col.person"), width: nameW)
                + TextWrap.pad(" " + L10n.t("contacts.col.networks"), width: 18) + L10n.t("contacts.col.advocates"),
            x: inner.x, y: inner.y, role: .dim, clip: inner)
        let h = inner.height - 1
        let top = max(0, min(cv.selected - h / 2, a.count - h))
        for (i, p) in a.dropFirst(top).prefix(h).enumerated() {
            let y = inner.y + 1 + i
            let sel = top + i == cv.selected
            if sel { buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected) }
            let line =
                TextWrap.padLeft(String(top + i + 1), width: 3) + "  "
                + TextWrap.pad(TextWrap.ellipsize(sanitizeForScreen(p.name), width: nameW), width: nameW)
                + " "
                + TextWrap.pad(
                    TextWrap.ellipsize(sanitizeForScreen(p.networks.joined(separator: ",")), width: 17), width: 17)
                + TextWrap.padLeft(String(p.mentions), width: 6) + TextWrap.padLeft(String(p.positive), width: 4)
                + TextWrap.padLeft(String(p.negative), width: 4)
                + TextWrap.padLeft(Format.thousands(p.followers), width: 11)
                + TextWrap.padLeft(String(format: "%.2f", p.score), width: 7)
            buf.put(line, x: inner.x, y: y, role: sel ? .selected : .normal, clip: inner)
        }
    }

    /// One contact: who, roles (set, and suggested with the reason), reach, sentiment by week, notes and the history.
    mutating func drawContactCard(_ c: ContactCard, scroll: Int, area: Rect) {
        let inner = box(
            area, title: L10n.t("contacts.cardTitle", ["name": sanitizeForScreen(c.name)]), focused: true)
        let w = inner.width - 1
        var lines: [(String, StyleRole)] = []
        func add(_ t: String, _ r: StyleRole) { lines.append((TextWrap.ellipsize(t, width: w), r)) }
        add(sanitizeForScreen(c.name) + " · " + c.id, .accent)
        for h in c.handles { add("  " + sanitizeForScreen(h), .meta) }
        add(
            L10n.t(
                "contacts.roles",
                [
                    "roles": c.setRoles.isEmpty
                        ? L10n.t("contacts.noneSet") : c.setRoles.map(Format.roleName).joined(separator: ", ")
                ]),
            c.isCritic ? .negative : (c.isVIP ? .accent : .normal))
        for (r, why) in c.suggested {
            add(
                "  " + L10n.t("contacts.suggested", ["role": Format.roleName(r)]) + " — " + sanitizeForScreen(why), .dim
            )
        }
        add(
            L10n.t("contacts.reach", ["reach": Format.thousands(c.reach)]) + " · "
                + L10n.t(c.mentions == 1 ? "contacts.mention" : "contacts.mentions", ["count": c.mentions])
                + " (\(c.positive)+ \(c.neutral)= \(c.negative)-) · "
                + L10n.t(c.replies == 1 ? "contacts.reply" : "contacts.replies", ["count": c.replies]),
            .normal)
        add(
            L10n.t("contacts.sentimentWeeks", ["weeks": ContactCard.weeks]) + " " + c.sparkline
                + (c.averageScore.map { " · " + L10n.t("contacts.mean") + " " + String(format: "%+.2f", $0) } ?? ""),
            .neutral)
        if !c.notes.isEmpty {
            lines.append(("", .normal))
            add(L10n.t("mention.notes"), .paneTitle)
            for n in c.notes {
                add(
                    "  \(sanitizeForScreen(n.actor)), \(Format.dateTime(n.at, s.settings.timeZone)): "
                        + sanitizeForScreen(n.text), .normal)
            }
        }
        lines.append(("", .normal))
        add(L10n.t("contacts.history", ["count": c.history.count]), .paneTitle)
        for h in c.history {
            let when = Format.dateTime(h.at, s.settings.timeZone)
            switch h.kind {
            case .mention:
                let (m, _) = Marks.sentiment(h.sentiment)
                let role: StyleRole =
                    h.sentiment == .negative ? .negative : (h.sentiment == .positive ? .positive : .normal)
                add("\(when) \(m) " + sanitizeForScreen(h.text), role)
            case .reply:
                add(
                    "\(when)   ↳ " + L10n.t("contacts.historyReply", ["user": sanitizeForScreen(h.actor ?? "?")]) + " "
                        + sanitizeForScreen(h.text), .accent)
            case .handoff:
                add("\(when)   → " + L10n.t("contacts.historyHandoff") + " " + sanitizeForScreen(h.text), .warning)
            case .handoffReply:
                add("\(when)   ← " + L10n.t("contacts.historyAnswer") + " " + sanitizeForScreen(h.text), .accent)
            }
        }
        let top = min(scroll, max(0, lines.count - inner.height))
        for (i, (t, r)) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            buf.put(t, x: inner.x + 1, y: inner.y + i, role: r, clip: inner)
        }
    }
}
