import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    static func templatesLoaded(_ s: inout AppState, _ lib: TemplateLibrary) -> [Effect] {
        s.mention.templates = lib
        if let p = lib.problems.first { say(&s, p, error: true) }
        return []
    }

    /// The reply is in the outbox: counting down (the composer starts empty again), or to be given by hand.
    static func replyQueued(_ s: inout AppState, _ e: OutboxEntry) -> [Effect] {
        s.mention.outbox[e.mention] = e
        if e.draft.manual {
            let url = s.mention.detail?.mention.key == e.mention ? s.mention.detail?.mention.url : nil
            s.modal = .confirmManual(key: e.mention, id: e.id, url: url)
            return [.copyToClipboard(e.draft.text)]
        }
        if let typed = s.mention.drafts[e.mention]?.editor.text { s.mention.sentTexts[e.id] = typed }
        s.mention.drafts[e.mention] = nil
        s.chrome.focus = .feed
        let delay = s.settings.sendDelay
        say(&s, delay > 0 ? L10n.t("msg.sendingInUndo", ["seconds": Int(delay)]) : L10n.t("msg.sending"))
        return delay <= 0 ? sendIfDue(&s) : []
    }

    static func sendFinished(_ s: inout AppState, _ lines: [String]) -> [Effect] {
        s.mention.sending = false
        // Without a publisher this process cannot send: leave it to the listener (no retry every tick).
        if lines.first == L10n.t("msg.noPublisher") { s.mention.noSender = true }
        if let l = lines.first { say(&s, l, error: l.hasPrefix(L10n.t("msg.publish.failed"))) }
        return [.refreshStore]
    }

    /// Starts a sender pass when one of my replies is due (and none is running).
    static func sendIfDue(_ s: inout AppState) -> [Effect] {
        guard !s.mention.sending, !s.mention.noSender, s.dueForSending else { return [] }
        s.mention.sending = true
        return [.sendDue]
    }

    /// `send`: the review screen for the draft (y sends, e edits, n goes back).
    static func review(_ s: inout AppState) -> [Effect] {
        guard let k = s.shownKey, let d = s.mention.detail, d.mention.key == k else {
            say(&s, L10n.t("msg.noOpen"))
            return []
        }
        let raw = s.mention.drafts[k]?.editor.text ?? ""
        let prefix = Triage.replyPrefix(for: d.mention).trimmingCharacters(in: .whitespaces)
        let body = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty, body != prefix else { say(&s, L10n.t("msg.replyEmpty"), error: true); return [] }
        let text = TemplateRenderer.withSignature(raw, member: s.settings.agent)
        let m = d.mention
        let manual = OutboxDraft.reply(to: m, text: text, now: s.chrome.now).manual
        // An answer to a private chat message is one message, never a thread.
        let chat = ThreadSplitter.isChatMessage(network: m.platform, visibility: m.reply?.visibility)
        let parts = manual || chat ? [text] : ThreadSplitter.split(text, network: m.platform)
        // Split into a thread, it is not too long any more.
        let warnings = ReplyChecks.check(reply: text, to: m).filter { parts.count == 1 || $0.kind != .tooLong }
        let who =
            m.author.map(\.shown)
            ?? L10n.t("msg.theAuthor")
        s.modal = .review(
            ReplyReview(
                key: k, text: text, warnings: warnings,
                network: m.platform,
                target: L10n.t("msg.replyTarget", ["who": who, "network": Format.network(m.platform)])
                    + (m.isPrivate ? " · " + L10n.t("review.private") : ""),
                manual: manual, url: m.url, parts: parts, media: manual ? [] : s.mention.drafts[k]?.media ?? [],
                visibility: m.reply?.visibility))
        return []
    }

    static func openTemplates(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let k = s.shownKey else { say(&s, L10n.t("msg.openFirst")); return [] }
        s.modal = .templates(TemplatePicker(key: k, query: arg))
        s.chrome.focus = .composer
        return s.mention.templates == nil ? [.loadTemplates] : []
    }

    /// `u`: takes my latest reply in its send delay back; its text returns to the composer as a saved draft.
    /// Only the one who wrote a reply can take it back.
    static func undoSend(_ s: inout AppState) -> [Effect] {
        guard let e = s.myQueued.first else {
            if let k = s.actionKey, let e = s.mention.outbox[k], e.state == .queued, !e.draft.manual {
                say(&s, L10n.t("msg.onlyAuthorTakesBack", ["user": e.author]))
            } else {
                say(&s, L10n.t("msg.nothingToTakeBack"))
            }
            return []
        }
        var text =
            s.mention.sentTexts[e.draft.thread?.thread ?? e.id] ?? typedText(e.draft.text, member: s.settings.agent)
        // Something typed for the mention since (the composer starts empty after sending) is kept after it.
        if let d = s.mention.drafts[e.mention], d.isDirty,
            !d.editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            text += "\n" + d.editor.text
        }
        return [.cancelSend(id: e.id, draft: text)]
    }

    /// The reply as typed: without the signature the review appended (when it did).
    static func typedText(_ sent: String, member: TeamConfig.Member?) -> String {
        guard let sig = member?.signature?.trimmingCharacters(in: .whitespaces), !sig.isEmpty,
            sent.hasSuffix(" " + sig)
        else { return sent }
        let typed = String(sent.dropLast(sig.count + 1))
        return TemplateRenderer.withSignature(typed, member: member) == sent ? typed : sent
    }

    /// Retries a failed reply of the mention the action keys act on; else re-reads the queue and crisis files.
    static func retry(_ s: inout AppState) -> [Effect] {
        guard let k = s.actionKey, let e = s.mention.outbox[k], case .failed = e.state else { return [.loadPanels] }
        return [.retrySend(id: e.id)]
    }

    static func note(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let k = s.actionKey else {
            say(&s, s.chrome.focus == .composer ? L10n.t("msg.noOpen") : L10n.t("msg.noSelection"))
            return []
        }
        let text = arg.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { prompt(&s, "note "); return [] }
        return [.record([.note(mention: k, text: text)], done: L10n.t("msg.noteAdded", ["what": s.label(k)]))]
    }

    /// Keys on the review screen: y send, e edit, n back; j/k, Down/Up, PgDn/PgUp (Space), Home/End scroll a review
    /// longer than the screen.
    static func reviewKey(_ s: inout AppState, _ r: ReplyReview, _ k: Key) -> [Effect] {
        let lines = Renderer(s: s, buf: ScreenBuffer(size: Size(width: 1, height: 1))).reviewLines(r).count
        let rows = Renderer.reviewRows(lines: lines, height: s.chrome.size.height)
        let step: Int? =
            switch k {
            case .char("j"), .down: 1
            case .char("k"), .up: -1
            case .pageDown, .char(" "): max(1, rows - 1)
            case .pageUp: -max(1, rows - 1)
            case .home, .char("g"): -lines
            case .end, .char("G"): lines
            default: nil
            }
        if let step {
            var r = r
            r.scroll = Renderer.reviewTop(r.scroll + step, lines: lines, rows: rows)
            s.modal = .review(r)
            return []
        }
        switch k {
        case .char("y"), .char("Y"):
            s.modal = nil
            return [
                .queueReply(
                    key: r.key, text: r.text, delay: r.manual ? 0 : s.settings.sendDelay,
                    openedAt: s.mention.claims[r.key], media: r.media)
            ]
        case .char("e"):
            s.modal = nil
            s.chrome.focus = .composer
        case .char("n"), .escape:
            s.modal = nil
            s.chrome.focus = .composer
            say(&s, L10n.t("msg.notSentKept"))
        default: break
        }
        return []
    }

    /// Keys in the templates picker (context `templates`); printable keys type the search.
    static func pickerKey(_ s: inout AppState, _ p: TemplatePicker, _ k: Key) -> [Effect] {
        var p = p
        let matches = s.mention.templates?.search(p.query.text) ?? []
        if let b = s.settings.keymap.binding(k, in: .templates) {
            let c = CommandName(rawValue: b.command)
            switch c {
            case .down?: p.selected = ListCursor(p.selected, count: matches.count, page: 1).moved(.down)
            case .up?: p.selected = ListCursor(p.selected, count: matches.count, page: 1).moved(.up)
            case .back?:
                s.modal = nil
                return []
            case .pick?:
                s.modal = nil
                guard let t = matches[safe: p.selected] else { return [] }
                insertTemplate(&s, p.key, t)
                return []
            default:
                c?.textEdit?(&p.query)
                p.selected = 0
            }
        } else if case .char(let c) = k, !isControl(c) {
            p.query.insert(String(c))
            p.selected = 0
        }
        s.modal = .templates(p)
        return []
    }

    static func insertTemplate(_ s: inout AppState, _ key: String, _ t: ReplyTemplate) {
        guard let m = s.mention.detail?.mention, m.key == key else { return }
        let r = TemplateRenderer.render(t.text, TemplateContext(mention: m, agent: s.settings.agent))
        let text = sanitizeForScreen(r.text, singleLine: false)
        var d = s.mention.drafts[key] ?? Draft()
        let prefix = Triage.replyPrefix(for: m)
        if d.editor.text.trimmingCharacters(in: .whitespaces).isEmpty || d.editor.text == prefix {
            d.editor = TextEditor(Triage.addressed(text, to: m))
        } else {
            d.editor.insert(text)
        }
        s.mention.drafts[key] = d
        say(
            &s,
            r.unknown.isEmpty
                ? L10n.t("msg.templateUsed", ["name": t.name])
                : L10n.t(
                    "msg.templateUnknown",
                    ["name": t.name, "list": r.unknown.map { "{{\($0)}}" }.joined(separator: ", ")]),
            error: !r.unknown.isEmpty)
    }
}
