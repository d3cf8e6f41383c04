import Foundation
import ScreenKit
import SwitchboardCore

extension StyleRoleName {
    var role: StyleRole {
        switch self {
        case .warning: return .warning
        case .positive: return .positive
        case .error: return .error
        case .dim: return .dim
        }
    }
}

extension Renderer {
    /// A centred overlay box over the panes (never over the status and hint bars); returns the inside.
    mutating func overlay(title: String, lines: Int, width: Int = 76) -> Rect? {
        let w = min(s.chrome.size.width - 4, width)
        let h = min(s.chrome.size.height - 4, lines + 2)
        guard w > 20, h > 2 else { return nil }
        let r = Rect(x: (s.chrome.size.width - w) / 2, y: 1 + (s.chrome.size.height - 4 - h) / 2, width: w, height: h)
        buf.fill(r, role: .overlay)
        return box(r, title: title, focused: true)
    }

    mutating func drawLines(_ lines: [(String, StyleRole)], in inner: Rect) {
        for (i, (t, role)) in lines.prefix(inner.height).enumerated() {
            buf.put(t, x: inner.x + 1, y: inner.y + i, role: role, clip: inner)
        }
    }

    /// The review screen: the reply as it goes out, the warnings, the target network. Longer than the screen (a long
    /// thread), it shows the lines from `r.scroll` and where they are on the bottom border.
    mutating func drawReview(_ r: ReplyReview) {
        let lines = reviewLines(r)
        guard let inner = overlay(title: L10n.t("review.title"), lines: lines.count) else { return }
        let top = Renderer.reviewTop(r.scroll, lines: lines.count, rows: inner.height)
        drawLines(Array(lines[top...]), in: inner)
        guard lines.count > inner.height else { return }
        let pos =
            " "
            + L10n.t(
                "review.scroll", ["from": top + 1, "to": min(lines.count, top + inner.height), "count": lines.count])
            + " "
        let border = Rect(x: inner.x, y: inner.maxY, width: inner.width, height: 1)
        buf.put(pos, x: max(inner.x, inner.maxX - TextWidth.width(pos) - 1), y: inner.maxY, role: .dim, clip: border)
    }

    /// The first line of a review of `lines` lines shown in `rows` rows, from the wanted `scroll`.
    static func reviewTop(_ scroll: Int, lines: Int, rows: Int) -> Int { min(max(0, scroll), max(0, lines - rows)) }

    /// The rows of the review's box on a screen of `height` rows (as `overlay` sizes it).
    static func reviewRows(lines: Int, height: Int) -> Int { max(1, min(height - 4, lines + 2) - 2) }

    /// The review's lines: to whom, the reply (or its thread post by post), media, warnings, how `y` sends it.
    func reviewLines(_ r: ReplyReview) -> [(String, StyleRole)] {
        let w = min(s.chrome.size.width - 4, 76) - 3
        var lines: [(String, StyleRole)] = []
        lines.append(
            (TextWrap.ellipsize(L10n.t("review.to", ["target": sanitizeForScreen(r.target)]), width: w), .accent))
        if let u = r.url {
            lines.append(
                (TextWrap.ellipsize(L10n.t("review.inReplyTo", ["url": sanitizeForScreen(u)]), width: w), .meta))
        }
        lines.append(("", .overlay))
        if r.parts.count > 1 {
            lines += threadPreview(r, width: w)
        } else {
            for l in TextWrap.wrap(sanitizeForScreen(r.text, singleLine: false), width: w) { lines.append((l, .input)) }
            lines.append(("", .overlay))
            if let (used, limit) = ReplyLimit.count(r.text, platform: r.network, visibility: r.visibility) {
                lines.append(
                    (L10n.t("review.characters", ["used": used, "limit": limit]), used > limit ? .error : .dim))
            }
        }
        lines += mediaLines(r.media, width: w)
        for wn in r.warnings {
            for (i, l) in TextWrap.wrap("⚠ " + sanitizeForScreen(wn.message), width: w).enumerated() {
                lines.append(((i == 0 ? "" : "  ") + l, .warning))
            }
        }
        // An image without alt text is a warning too (in mediaLines): then "No warnings." would contradict it.
        if r.warnings.isEmpty, !r.media.contains(where: { $0.alt == nil }) {
            lines.append((L10n.t("review.noWarnings"), .dim))
        }
        lines.append(("", .overlay))
        if r.manual {
            let net = r.network.lowercased()
            let why =
                OutboxDraft.replyNetworks.contains(net)
                ? L10n.t("review.noReference") : L10n.t("review.noReplyAPI", ["network": Format.network(r.network)])
            let how = L10n.t("review.manual", ["why": why])
            for l in TextWrap.wrap(how, width: w) { lines.append((l, .overlay)) }
        } else {
            let how =
                s.settings.sendDelay > 0
                ? L10n.t("review.sendsIn", ["seconds": Int(s.settings.sendDelay)]) : L10n.t("review.sendsNow")
            for l in TextWrap.wrap(how, width: w) { lines.append((l, .overlay)) }
        }
        return lines
    }

    /// A thread reply post by post: each part under its header with its own count against the limit.
    func threadPreview(_ r: ReplyReview, width w: Int) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        for l in TextWrap.wrap(L10n.t("review.threadIntro", ["count": r.parts.count]), width: w) {
            lines.append((l, .warning))
        }
        for (i, p) in r.parts.enumerated() {
            lines.append(("", .overlay))
            let (used, limit) = ReplyLimit.count(p, platform: r.network) ?? (p.count, 0)
            let head = L10n.t(
                "review.threadPart", ["part": i + 1, "count": r.parts.count, "used": used, "limit": limit])
            lines.append(("── " + head + " ──", used > limit ? .error : .accent))
            for l in TextWrap.wrap(sanitizeForScreen(p, singleLine: false), width: w) { lines.append((l, .input)) }
        }
        lines.append(("", .overlay))
        return lines
    }

    mutating func drawPicker(_ p: TemplatePicker) {
        let matches = s.mention.templates?.search(p.query.text) ?? []
        let rows = max(3, min(12, matches.count + 2))
        guard
            let inner = overlay(title: L10n.t("templates.title"), lines: rows, width: 70)
        else { return }
        buf.put("> " + sanitizeForScreen(p.query.text), x: inner.x + 1, y: inner.y, role: .input, clip: inner)
        cursor = Point(
            x: min(inner.maxX - 1, inner.x + 3 + TextWidth.width(String(p.query.chars[..<p.query.cursor]))), y: inner.y)
        if s.mention.templates == nil {
            buf.put(L10n.t("templates.loading"), x: inner.x + 1, y: inner.y + 1, role: .dim, clip: inner)
            return
        }
        if matches.isEmpty {
            buf.put(L10n.t("templates.none"), x: inner.x + 1, y: inner.y + 1, role: .dim, clip: inner)
            return
        }
        let nameW = min(20, inner.width / 3)
        let top = max(0, p.selected - (inner.height - 2))
        for (i, t) in matches.dropFirst(top).prefix(inner.height - 1).enumerated() {
            let y = inner.y + 1 + i
            let sel = top + i == p.selected
            let role: StyleRole = sel ? .selected : .overlay
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            let preview = sanitizeForScreen(t.description ?? t.text)
            buf.put(
                TextWrap.pad(" " + sanitizeForScreen(t.name), width: nameW + 2) + preview, x: inner.x, y: y, role: role,
                clip: inner)
        }
    }

    mutating func drawCollision(_ lines: [String]) {
        let w = min(s.chrome.size.width - 4, 76) - 3
        var out: [(String, StyleRole)] = [
            (L10n.t("collision.notSent"), .error), ("", .overlay),
        ]
        for l in lines { out.append((TextWrap.ellipsize(sanitizeForScreen(l), width: w), .overlay)) }
        out.append(("", .overlay))
        out.append((L10n.t("collision.kept"), .dim))
        guard let inner = overlay(title: L10n.t("collision.title"), lines: out.count) else { return }
        drawLines(out, in: inner)
    }

    /// The inline warnings under the composer (ReplyChecks), as many as fit.
    func composerWarnings(_ key: String) -> [String] {
        guard let d = s.mention.drafts[key], let m = s.mention.detail?.mention, m.key == key else { return [] }
        let body = d.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty || body == Triage.replyPrefix(for: m).trimmingCharacters(in: .whitespaces) { return [] }
        // A reply split into a thread is not too long.
        let thread =
            !ThreadSplitter.isChatMessage(network: m.platform, visibility: m.reply?.visibility)
            && ThreadSplitter.split(d.editor.text, network: m.platform).count > 1
        return ReplyChecks.check(reply: d.editor.text, to: m).filter { !thread || $0.kind != .tooLong }
            .map { "⚠ " + $0.message }
    }
}
