import Foundation
import Insight
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The selected mention in full above the reply composer.
    mutating func drawMention(_ r: Rect) {
        let focused = s.chrome.focus == .composer
        let inner = box(
            r, title: s.isComposing ? L10n.t("mention.titleReplying") : L10n.t("pane.composer"), focused: focused)
        guard inner.width > 2, inner.height > 2 else { return }
        guard let key = s.shownKey else {
            for (i, l) in TextWrap.wrap(
                L10n.t("mention.none"), width: inner.width - 1
            ).prefix(inner.height).enumerated() {
                buf.put(l, x: inner.x + 1, y: inner.y + i, role: .dim, clip: inner)
            }
            return
        }
        let composerH = composerHeight(key: key, inner: inner, focused: focused)
        let detailRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - composerH - 1)
        let sepY = detailRect.maxY
        let composerRect = Rect(x: inner.x, y: sepY + 1, width: inner.width, height: composerH)

        // Details: the loaded mention, or what the feed knows while it loads.
        var lines: [(String, StyleRole)] = []
        let w = detailRect.width - 1
        if let d = s.mention.detail, d.mention.key == key {
            lines = detailLines(d, width: w)
        } else if let i = s.feed.keyIndex[key] {
            let it = s.feed.items[Int(i)]
            lines.append((sanitizeForScreen(it.author), .accent))
            if let warning = s.filterWarning(key: key, it.filterWarning) {
                lines.append((TextWrap.ellipsize(warning, width: w), .warning))
            } else {
                for l in TextWrap.wrap(sanitizeForScreen(it.text, singleLine: false), width: w) {
                    lines.append((l, .normal))
                }
            }
        }
        let top = min(s.mention.scroll, max(0, lines.count - detailRect.height))
        for (i, (text, role)) in lines.dropFirst(top).prefix(detailRect.height).enumerated() {
            buf.put(text, x: detailRect.x + 1, y: detailRect.y + i, role: role, clip: detailRect)
        }

        drawComposer(key: key, sepY: sepY, inner: inner, rect: composerRect, focused: focused)
    }

    func detailLines(_ d: MentionDetail, width w: Int) -> [(String, StyleRole)] {
        let m = d.mention
        var out: [(String, StyleRole)] = []
        var who =
            m.author.map(\.shown)
            ?? L10n.t("mention.unknownAuthor")
        if let n = m.author?.name, !n.isEmpty { who += " (\(n))" }
        if let f = m.author?.followers { who += " · " + L10n.t("mention.followers", ["count": Format.thousands(f)]) }
        out.append((TextWrap.ellipsize(sanitizeForScreen(who), width: w), .accent))
        let when =
            Format.dateTime(m.createdAt, s.settings.timeZone) + " ("
            + LocalFormat.ago(s.chrome.now.timeIntervalSince(m.createdAt)) + ")"
        out.append(
            (
                TextWrap.ellipsize(
                    sanitizeForScreen(Format.network(m.platform) + " · " + when + " · " + m.key), width: w), .meta
            ))
        if let u = m.url { out.append((TextWrap.ellipsize(sanitizeForScreen(u), width: w), .meta)) }
        let st = s.states[m.key] ?? MentionState()
        let score = Priority.score(
            analysis: m.analysis, followers: m.author?.followers, createdAt: m.createdAt,
            isReply: m.inReplyTo != nil || m.threadRoot != nil, status: st.status, slaMinutes: s.settings.slaMinutes,
            now: s.chrome.now)
        let own = s.feed.own.contains(m)
        var stateLine =
            own
            ? Marks.own + " " + L10n.t("mention.ownPost")
            : L10n.t("mention.status", ["status": Format.statusName(st.status)])
        if !own, st.status.isOpen, st.firstResponseAt == nil, s.settings.slaMinutes > 0,
            let i = s.feed.keyIndex[m.key]
        {
            let now = s.chrome.now.timeIntervalSince1970
            let due = s.feed.dueTime(Int(i))
            let tz = s.feed.sla?.timeZone ?? s.settings.timeZone
            stateLine +=
                due < now
                ? " · " + L10n.t("mention.overdue", ["age": Format.relative(due, now: now)])
                : due - now < DueLabel.countdownLimit
                    ? " · " + L10n.t("mention.dueIn", ["age": Format.relative(now - (due - now), now: now)])
                    : " · " + L10n.t("feed.due", ["when": DueLabel.moment(due, now: now, timeZone: tz)])
        }
        stateLine += " · " + L10n.t("mention.priority", ["band": L10n.t("priority." + Priority.band(score))])
        if let a = st.assignee { stateLine += " · " + L10n.t("mention.assignee", ["user": a]) }
        if !st.tags.isEmpty { stateLine += " · " + L10n.t("mention.tags", ["tags": st.tags.joined(separator: ", ")]) }
        out.append(
            (
                TextWrap.ellipsize(sanitizeForScreen(stateLine), width: w),
                own
                    ? .own
                    : stateLine.contains(" · " + L10n.t("mention.overdue", ["age": ""]))
                        ? .overdue : (st.status.isOpen ? .warning : .dim)
            ))
        if let who = s.mention.takenOver[m.key], st.assignee == who {
            out.append(
                (
                    TextWrap.ellipsize("⚠ " + L10n.t("mention.tookOver", ["user": sanitizeForScreen(who)]), width: w),
                    .error
                ))
        }
        // Where my reply stands: near the top, so a tall composer never hides it.
        if let e = s.mention.outbox[m.key] {
            let (t, role) = s.outboxLine(e)
            out.append(
                (TextWrap.ellipsize(L10n.t("mention.reply", ["state": sanitizeForScreen(t)]), width: w), role.role))
        }
        // What moderators did on the network, oldest first: `hidden by alice: spam`.
        for r in st.moderation {
            let line =
                L10n.t("mention.moderation", ["what": r.line]) + " · " + Format.dateTime(r.at, s.settings.timeZone)
            out.append((TextWrap.ellipsize(sanitizeForScreen(line), width: w), .warning))
        }
        if let a = m.analysis {
            var t = "\(Format.sentimentName(a.sentiment)) (\(LocalFormat.decimal("%+.1f", a.score)))"
            if !a.intents.isEmpty { t += " · " + a.intents.map(Format.intentName).joined(separator: ", ") }
            t += " · \(a.lang)"
            out.append(
                (
                    TextWrap.ellipsize(sanitizeForScreen(t), width: w),
                    a.sentiment == .negative ? .negative : (a.sentiment == .positive ? .positive : .neutral)
                ))
        }
        if let c = d.contact { out += cardLines(c, width: w) }
        out.append(("", .normal))
        if let title = m.title, !title.isEmpty {
            for l in TextWrap.wrap(sanitizeForScreen(title), width: w) { out.append((l, .paneTitle)) }
        }
        if m.isPrivate { out.insert((TextWrap.ellipsize(L10n.t("mention.private"), width: w), .warning), at: 1) }
        if let warning = s.filterWarning(key: m.key, m.filterWarning) {
            for l in TextWrap.wrap(warning, width: w) { out.append((l, .warning)) }
        } else if let edited = st.postEdits?.values.first {
            // One of our posts edited through Switchboard: its latest version, marked (the log keeps every version).
            out.append(("✎ " + L10n.t("mention.edited"), .warning))
            for l in TextWrap.wrap(sanitizeForScreen(edited, singleLine: false), width: w) { out.append((l, .normal)) }
        } else {
            for l in TextWrap.wrap(sanitizeForScreen(m.text, singleLine: false), width: w) { out.append((l, .normal)) }
        }
        if !d.thread.isEmpty {
            out.append(("", .normal))
            out.append((L10n.t("mention.thread", ["count": d.thread.count]), .paneTitle))
            for t in d.thread {
                // Our own replies are marked as ours (» and the own style), so the conversation reads at a glance.
                let ours = s.feed.own.contains(t)
                let handle = (t.author?.handle ?? "?").trimmingCharacters(in: CharacterSet(charactersIn: "@"))
                let text = s.states[t.key]?.postEdits?.values.first.map { "✎ " + $0 } ?? t.text
                let line = "\(ago(t.createdAt)) @\(handle): \(text)"
                out.append(
                    (
                        TextWrap.ellipsize((ours ? Marks.own + " " : "  ") + sanitizeForScreen(line), width: w),
                        ours ? .own : .dim
                    ))
            }
        }
        out += handoffLines(st, width: w)
        if !st.notes.isEmpty {
            out.append(("", .normal))
            out.append((L10n.t("mention.notes"), .paneTitle))
            for n in st.notes {
                let head =
                    "  \(n.actor), \(ago(n.at)) ago: "
                for (i, l) in TextWrap.wrap(
                    sanitizeForScreen(n.text, singleLine: false), width: max(1, w - TextWidth.width(head))
                ).enumerated() {
                    out.append(((i == 0 ? head : String(repeating: " ", count: TextWidth.width(head))) + l, .normal))
                }
            }
        }
        return out
    }

    /// The composer's rows: 3 while it is empty (or only the prefilled handle) and not focused; else at least 5 lines of text (more as the text
    /// grows, up to half the pane) and up to 2 lines of warnings under it.
    func composerHeight(key: String, inner: Rect, focused: Bool) -> Int {
        let d = s.mention.drafts[key]
        let e = d?.editor ?? TextEditor()
        if !focused && (e.isEmpty || e.text == d?.pristine) { return 3 }
        let rows = ComposerLayout(e.chars, cursor: e.cursor, width: inner.width - 1).rowCount
        let warnings = min(2, composerWarnings(key).count)
        return max(3, min(max(5, rows) + warnings, max(5, inner.height / 2), inner.height - 4))
    }

    mutating func drawComposer(key: String, sepY: Int, inner: Rect, rect: Rect, focused: Bool) {
        let draft = s.mention.drafts[key]
        let platform = Update.platform(s, key) ?? ""
        let text = draft?.editor.text ?? ""
        var pieces: [String] = []
        var counterRole: StyleRole = .dim
        // A private chat message has the network's message limit, not its post limit, and is never split.
        let visibility = s.mention.detail?.mention.key == key ? s.mention.detail!.mention.reply?.visibility : nil
        let chat = ThreadSplitter.isChatMessage(network: platform, visibility: visibility)
        if let (used, limit) = ReplyLimit.count(text, platform: platform, visibility: visibility) {
            pieces.append("\(used)/\(limit)")
            let parts = chat ? 1 : ThreadSplitter.split(text, network: platform.lowercased()).count
            // Too long for one post goes out as a thread: the review shows it post by post.
            if parts > 1 { pieces.append(L10n.t("mention.threadParts", ["count": parts])) }
            if used > limit { counterRole = .error }
        }
        if let n = draft?.media.count, n > 0 { pieces.append(L10n.t("mention.images", ["count": n])) }
        if draft?.isDirty == true {
            pieces.append(L10n.t("mention.unsaved"))
        } else if draft?.savedText.isEmpty == false {
            pieces.append(L10n.t("mention.saved"))
        }
        // Whole pieces only: what does not fit is left off rather than cut in the middle of a word.
        var label = " " + L10n.t("mention.replyLabel") + " "
        for p in pieces {
            guard TextWidth.width(label + "· " + p + " ") <= inner.width - 2 else { break }
            label += "· " + p + " "
        }
        let role: StyleRole = focused ? .borderFocused : .border
        buf.put(String(repeating: "─", count: inner.width), x: inner.x, y: sepY, role: role)
        buf.put(TextWrap.clip(label, width: inner.width - 2), x: inner.x + 1, y: sepY, role: counterRole)

        let e = draft?.editor ?? TextEditor()
        guard !e.isEmpty || focused else {
            let k =
                s.settings.keymap.keys(for: "focus composer", in: .global).first.map { KeyNames.name($0) }
                ?? ":focus composer"
            buf.put(L10n.t("mention.pressToReply", ["key": k]), x: rect.x + 1, y: rect.y, role: .dim, clip: rect)
            return
        }
        // Pre-send warnings (ReplyChecks) inline under the text, as many as fit under five lines of text.
        var rect = rect
        let warnings = composerWarnings(key)
        let n = min(warnings.count, max(0, rect.height - min(5, rect.height - 1)))
        for (i, wline) in warnings.prefix(n).enumerated() {
            buf.put(
                TextWrap.ellipsize(wline, width: rect.width - 1), x: rect.x + 1, y: rect.maxY - n + i,
                role: .warning, clip: rect)
        }
        rect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - n)
        // Word wrap with every character in a known cell (and the cursor too).
        let layout = ComposerLayout(e.chars, cursor: e.cursor, width: rect.width - 1)
        let first = max(0, layout.cursor.row - rect.height + 1)
        for (c, cell) in zip(e.chars, layout.cells) where cell.row >= first && cell.row < first + rect.height {
            if c == "\n" || c == " " { continue }
            buf.put(String(c), x: rect.x + 1 + cell.x, y: rect.y + cell.row - first, role: .input, clip: rect)
        }
        // An untouched draft: the suggestions that fit this mention, under the text.
        // (Not under a picker or prompt: they show what they offer themselves.)
        if s.modal == nil, let d = draft, d.editor.isEmpty || d.editor.text == d.pristine, layout.rowCount == 1 {
            drawSuggestions(key: key, rect: rect)
        }
        let cur = (layout.cursor.x, layout.cursor.row)
        if focused, case nil = s.modal { cursor = Point(x: rect.x + 1 + cur.0, y: rect.y + cur.1 - first) }
    }
}
