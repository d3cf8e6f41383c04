import Foundation
import ScreenKit
import SwitchboardCore

/// Reply suggestions in the composer: while the draft is untouched, the templates and earlier answers that fit
/// the mention best are listed under it; `C-g` inserts the best one, pressed again right away the next one replaces
/// it. Nothing is sent without the usual review.
extension Update {
    static func suggestionsLoaded(_ s: inout AppState, key: String, _ list: [ReplySuggestion]) -> [Effect] {
        s.mention.suggestions[key] = list
        return []
    }

    static func insertSuggestion(_ s: inout AppState) -> [Effect] {
        guard let key = s.shownKey, let m = s.mention.detail?.mention, m.key == key else {
            say(&s, L10n.t("msg.noOpen"))
            return []
        }
        let list = s.mention.suggestions[key] ?? []
        guard !list.isEmpty else { say(&s, L10n.t("suggest.none")); return [] }
        var d = s.mention.drafts[key] ?? Draft()
        var index = 0
        var before = d.editor
        if let c = s.mention.suggestionCycle, c.key == key, c.after == d.editor {
            index = (c.index + 1) % list.count
            before = c.before
        }
        let sug = list[index]
        var text = sug.text
        if case .template = sug.source {
            text = TemplateRenderer.render(text, TemplateContext(mention: m, agent: s.settings.agent)).text
        }
        text = sanitizeForScreen(text, singleLine: false)
        var e = before
        if before.text.trimmingCharacters(in: .whitespaces).isEmpty || before.text == d.pristine {
            e = TextEditor(Triage.addressed(text, to: m))
        } else {
            e.insert(text)
        }
        d.editor = e
        s.mention.drafts[key] = d
        s.mention.suggestionCycle = StatementCycle(key: key, index: index, before: before, after: e)
        s.chrome.focus = .composer
        say(
            &s,
            L10n.t(
                "suggest.inserted",
                ["n": index + 1, "count": list.count, "what": suggestionLabel(sug, now: s.chrome.now)])
                + (list.count > 1 ? " — " + L10n.t("suggest.again") : ""))
        return []
    }

    /// `template refund` / `answer to @anna, 3d ago`.
    static func suggestionLabel(_ sug: ReplySuggestion, now: Date) -> String {
        switch sug.source {
        case .template(let name): return L10n.t("suggest.template", ["name": sanitizeForScreen(name)])
        case .answer(_, let at): return L10n.t("suggest.answer", ["ago": LocalFormat.ago(now.timeIntervalSince(at))])
        }
    }
}

extension Renderer {
    /// The suggestions under an untouched draft: a heading with the key, then one line each, best first.
    mutating func drawSuggestions(key: String, rect: Rect) {
        guard rect.height >= 3, let list = s.mention.suggestions[key], !list.isEmpty else { return }
        let k = s.settings.keymap.keys(for: "suggest", in: .global).first.map { KeyNames.name($0) } ?? ":suggest"
        var y = rect.y + 1
        buf.put(
            TextWrap.ellipsize(L10n.t("suggest.heading", ["key": k]), width: rect.width - 1), x: rect.x + 1, y: y,
            role: .dim, clip: rect)
        for (i, sug) in list.prefix(rect.height - 2).enumerated() {
            y += 1
            let line = "\(i + 1) [\(Update.suggestionLabel(sug, now: s.chrome.now))] " + sanitizeForScreen(sug.text)
            buf.put(TextWrap.ellipsize(line, width: rect.width - 1), x: rect.x + 1, y: y, role: .meta, clip: rect)
        }
    }
}
