import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The author card in the Mention pane: shown once there is something to know about the person (more than one
    /// mention, a role, a note, or merged accounts).
    func cardLines(_ c: ContactCard, width w: Int) -> [(String, StyleRole)] {
        guard c.mentions > 1 || !c.roles.isEmpty || !c.notes.isEmpty || c.handles.count > 1 else { return [] }
        var out: [(String, StyleRole)] = []
        let who =
            L10n.t("community.contact") + " " + c.name
            + (c.handles.count > 1 ? " · " + c.handles.joined(separator: " · ") : "")
        out.append((TextWrap.ellipsize(sanitizeForScreen(who), width: w), .paneTitle))
        var facts = L10n.t("contacts.roles", ["roles": c.roles.isEmpty ? L10n.t("community.none") : c.rolesText])
        facts +=
            " · " + L10n.t("contacts.reach", ["reach": Format.thousands(c.reach)]) + " · "
            + L10n.t(c.mentions == 1 ? "contacts.mention" : "contacts.mentions", ["count": c.mentions]) + " · "
            + L10n.t(c.replies == 1 ? "contacts.reply" : "contacts.replies", ["count": c.replies])
        out.append(
            (
                TextWrap.ellipsize(sanitizeForScreen(facts), width: w),
                c.isCritic ? .negative : (c.isVIP ? .accent : .meta)
            ))
        var mood = L10n.t("community.sentiment") + " " + c.sparkline + " · \(c.positive)+ \(c.neutral)= \(c.negative)-"
        if let a = c.averageScore { mood += " · " + L10n.t("contacts.mean") + " " + String(format: "%+.2f", a) }
        out.append(
            (
                TextWrap.ellipsize(mood, width: w),
                (c.averageScore ?? 0) < -0.2 ? .negative : ((c.averageScore ?? 0) > 0.2 ? .positive : .neutral)
            ))
        for n in c.notes.suffix(2) {
            let line =
                L10n.t("community.note", ["user": n.actor, "age": ago(n.at)]) + " \(n.text)"
            out.append((TextWrap.ellipsize(sanitizeForScreen(line), width: w), .dim))
        }
        return out
    }

    /// A hand-off to an internal team and the answers from inside (the composer offers the newest).
    func handoffLines(_ st: MentionState, width w: Int) -> [(String, StyleRole)] {
        guard st.handoffTeam != nil || !st.handoffReplies.isEmpty else { return [] }
        var out: [(String, StyleRole)] = [("", .normal)]
        if let t = st.handoffTeam {
            let line =
                L10n.t("community.handedOff", ["team": t])
                + (st.status == .waiting ? " " + L10n.t("community.waitingForThem") : "")
            out.append((TextWrap.ellipsize(sanitizeForScreen(line), width: w), .warning))
        }
        for r in st.handoffReplies {
            let head =
                L10n.t(
                    "community.answerFrom",
                    ["team": sanitizeForScreen(r.team), "user": sanitizeForScreen(r.actor), "age": ago(r.at)]) + " "
            for (i, l) in TextWrap.wrap(head + sanitizeForScreen(r.text, singleLine: false), width: max(1, w - 2))
                .enumerated()
            {
                out.append(((i == 0 ? "" : "  ") + l, .accent))
            }
        }
        if !st.handoffReplies.isEmpty, let k = s.settings.keymap.keys(for: "handoff-answer", in: .global).first {
            out.append(("  " + L10n.t("community.answerKey", ["key": KeyNames.name(k)]), .dim))
        }
        return out
    }

    /// The area of the full-screen views: everything above the status and hint bars.
    var viewArea: Rect { Rect(x: 0, y: 0, width: s.chrome.size.width, height: max(0, s.chrome.size.height - 2)) }

    mutating func drawReport(_ r: ReportView) {
        let area = viewArea
        guard area.width > 10, area.height > 3 else { return }
        buf.fill(area, role: .normal)
        let inner = box(area, title: L10n.t("report.title"), focused: true)
        let top = min(r.scroll, max(0, r.lines.count - inner.height))
        for (i, l) in r.lines.dropFirst(top).prefix(inner.height).enumerated() {
            let heading = !l.isEmpty && !l.hasPrefix(" ") && l == l.uppercased() && l.contains(where: \.isLetter)
            buf.put(
                TextWrap.clip(l, width: inner.width - 1), x: inner.x + 1, y: inner.y + i,
                role: heading ? .paneTitle : .normal, clip: inner)
        }
        if r.lines.count > inner.height {
            let pos = "\(top + 1)–\(min(r.lines.count, top + inner.height))/\(r.lines.count)"
            buf.put(
                " " + pos + " ", x: max(area.x + 2, area.maxX - TextWidth.width(pos) - 4), y: area.maxY - 1, role: .dim,
                clip: area)
        }
    }
}
