import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The thread view: every post under the one it answers, who wrote it and when, the selected post in full.
    mutating func drawThread(_ t: ThreadView) {
        let area = viewArea
        guard area.width > 20, area.height > 4 else { return }
        buf.fill(area, role: .normal)
        guard let c = t.conversation else {
            let inner = box(area, title: L10n.t("thread.title"), focused: true)
            buf.put(L10n.t("thread.fetching"), x: inner.x + 1, y: inner.y, role: .dim, clip: inner)
            return
        }
        let ours = c.posts.filter(\.own).count
        let title =
            L10n.t(c.posts.count == 1 ? "thread.titleCountOne" : "thread.titleCount", ["count": c.posts.count])
            + (ours > 0 ? L10n.t("thread.ours", ["count": ours]) : "")
        var inner = box(area, title: title, focused: true)
        // Why the network's part is missing, on up to two lines.
        for line in problemLines(t, width: inner.width - 1) {
            buf.put(line, x: inner.x + 1, y: inner.y, role: .warning, clip: inner)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        }
        let rows = t.rows
        guard let sel = rows.firstIndex(of: t.selected) else { return }
        // From the top when the selected post fits; else it sits about a third down.
        var fits = 0
        for r in rows[...sel] where fits <= inner.height {
            fits += threadLines(c, r, selected: r == t.selected, folded: t.folded, width: inner.width).count
        }
        var top = fits <= inner.height ? 0 : sel
        var above = threadLines(c, rows[sel], selected: true, folded: t.folded, width: inner.width).count
        while top > 0 && fits > inner.height {
            let h = threadLines(c, rows[top - 1], selected: false, folded: t.folded, width: inner.width).count
            if above + h > max(1, inner.height / 3) { break }
            above += h
            top -= 1
        }
        var y = inner.y
        for r in rows[top...] {
            if y >= inner.maxY { break }
            let isSel = r == t.selected
            for (i, line) in threadLines(c, r, selected: isSel, folded: t.folded, width: inner.width).enumerated()
            where y < inner.maxY {
                let role: StyleRole =
                    isSel && i == 0
                    ? .selected : i == 0 ? (c.posts[r].own ? .own : .paneTitle) : (isSel ? .normal : .dim)
                if isSel && i == 0 { buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected) }
                buf.put(line, x: inner.x, y: y, role: role, clip: inner)
                y += 1
            }
        }
        let pos = "\((rows.firstIndex(of: t.selected) ?? 0) + 1)/\(rows.count)"
        buf.put(
            " " + pos + " ", x: max(area.x + 2, area.maxX - TextWidth.width(pos) - 4), y: area.maxY - 1, role: .dim,
            clip: area)
    }

    func problemLines(_ t: ThreadView, width: Int) -> [String] {
        t.problem.map { Renderer.wrapped(sanitizeForScreen($0), width: width, max: 2) } ?? []
    }

    /// How many posts a page key moves: the posts that fit in the view from the selected one on (`up`: before it),
    /// at least one.
    func threadPage(_ t: ThreadView, up: Bool = false) -> Int {
        guard let c = t.conversation else { return 1 }
        let width = viewArea.width - 2
        let height = viewArea.height - 2 - problemLines(t, width: width - 1).count
        let rows = t.rows
        var used = 0, n = 0
        let at = rows.firstIndex(of: t.selected) ?? 0
        for r in up ? Array(rows[...at].reversed()) : Array(rows[at...]) {
            used += threadLines(c, r, selected: false, folded: t.folded, width: width).count
            if used > height { break }
            n += 1
        }
        return max(1, n)
    }

    /// A post's lines: the header (indent, who, when, marks) and its text, up to 3 lines (all when selected).
    func threadLines(_ c: Conversation, _ n: Int, selected: Bool, folded: Set<String>, width: Int) -> [String] {
        let p = c.posts[n]
        let m = p.mention
        let depth = min(p.depth, max(0, (width - 30) / 2), 12)
        let indent = String(repeating: "  ", count: depth)
        let deeper = p.depth > depth ? "┆\(p.depth) " : ""
        var head = indent + deeper + (n == c.focus ? "▶ " : p.depth > 0 ? "↳ " : "• ")
        if p.own { head += Marks.own + " " }
        if m.isPrivate { head += Marks.locked + " " }
        head += sanitizeForScreen(m.author.map(\.shown) ?? L10n.t("thread.unknownAuthor"))
        if let name = m.author?.name, !name.isEmpty { head += " (" + sanitizeForScreen(name) + ")" }
        head += " · " + ago(m.createdAt)
        if let parent = p.parent, let who = c.posts[parent].mention.author?.shown {
            head += " · " + L10n.t("thread.to", ["who": sanitizeForScreen(who)])
        }
        if !p.stored { head += " · " + L10n.t("thread.new") }
        if p.descendants > 0 {
            head +=
                folded.contains(m.key)
                ? " · " + L10n.t("thread.folded", ["count": p.descendants])
                : " · " + L10n.t(p.descendants == 1 ? "thread.answer" : "thread.answers", ["count": p.descendants])
        }
        let textIndent = indent + String(repeating: " ", count: TextWidth.width(deeper)) + "  "
        let w = max(10, width - TextWidth.width(textIndent) - 1)
        // A private message keeps its place, not its text, for a role that may not read it; one of our posts edited
        // through Switchboard shows its latest version, marked ✎.
        let text =
            m.isPrivate && s.feed.mute.hidePrivate
            ? L10n.t("thread.privateHidden")
            : s.states[m.key]?.postEdits?.values.first.map { "✎ " + $0 } ?? m.text
        var body = TextWrap.wrap(sanitizeForScreen(text, singleLine: false), width: w)
        if !selected && body.count > 3 {
            body = Array(body.prefix(3)); body[2] = TextWrap.ellipsize(body[2] + " …", width: w)
        }
        return [" " + TextWrap.ellipsize(head, width: width - 2)] + body.map { " " + textIndent + $0 }
    }
}
