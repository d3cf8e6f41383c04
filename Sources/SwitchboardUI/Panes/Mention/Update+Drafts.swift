import Foundation
import SwitchboardCore

/// Drafts around the outbox: a reply taken back returns to the composer; a reply that went out takes its draft
/// with it (in every workbench, through the log); a take-over is stated to the one who lost the mention.
extension Update {
    /// `u` went through: the text is back in the composer of its mention, unchanged and saved.
    static func replyTakenBack(_ s: inout AppState, key: String, text: String, path: String?) -> [Effect] {
        var d = Draft(saved: text)
        if path == nil { d.savedText = "" }
        s.mention.drafts[key] = d
        s.mention.opened = key
        s.chrome.focus = .composer
        say(
            &s,
            path != nil
                ? L10n.t("msg.takenBackSaved", ["mention": s.label(key)])
                : L10n.t("msg.takenBackNotSaved", ["mention": s.label(key)]),
            error: path == nil)
        return []
    }

    /// After the store changed: drafts of replies that went out are removed, take-overs of my mentions stated.
    static func replyStoreChanged(_ s: inout AppState, old: [String: MentionState], _ d: StoreDelta) -> [Effect] {
        var fx: [Effect] = []
        if !d.reloaded {
            for (key, e) in d.outbox.sorted(by: { $0.key < $1.key }) {
                guard case .sent(_, _, let at) = e.state else { continue }
                fx.append(.deleteDraft(key: key, sentAt: max(at, e.updatedAt)))
                dropSentDraft(&s, key: key, e)
            }
        }
        if !s.mention.sentTexts.isEmpty {
            // Texts kept for `u` only while their reply is still in the outbox.
            let pending = Set(s.mention.outbox.values.filter { $0.author == s.settings.user && $0.isPending }.map(\.id))
            s.mention.sentTexts = s.mention.sentTexts.filter { pending.contains($0.key) }
        }
        let me = s.settings.user
        for key in s.mention.claims.keys.sorted() {
            let st = s.states[key]
            guard let who = st?.assignee, who != me, old[key]?.assignee == me, let by = st?.lastChangedBy, by != me
            else { continue }
            s.mention.takenOver[key] = who
            say(
                &s,
                by == who
                    ? L10n.t("msg.tookOver", ["user": who, "mention": s.label(key)])
                    : L10n.t("msg.gaveTo", ["by": by, "mention": s.label(key), "user": who]), error: true)
        }
        return fx
    }

    /// The draft of a mention whose reply went out is gone, unless it holds other unsaved writing (kept, and said).
    static func dropSentDraft(_ s: inout AppState, key: String, _ e: OutboxEntry) {
        guard let d = s.mention.drafts[key] else { return }
        let text = d.editor.text
        let sent =
            !d.isDirty || text == e.draft.text
            || TemplateRenderer.withSignature(text, member: s.settings.agent) == e.draft.text
            || typedText(e.draft.text, member: s.settings.agent) == text
        if sent {
            s.mention.drafts[key] = nil
        } else if e.author != s.settings.user {
            say(&s, L10n.t("msg.answeredDraftKept", ["user": e.author, "mention": s.label(key)]), error: true)
        }
    }
}
