import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// The full mention arrived: shown, with its saved draft or a draft prefilled with the handle the network
    /// needs to notify the author (Mastodon @user@server).
    static func detailLoaded(_ s: inout AppState, _ d: MentionDetail, draft: String?) -> [Effect] {
        guard d.mention.key == s.shownKey else { return [] }
        s.mention.detail = d
        // Suggestions for a reply: not for our own posts.
        let suggest: [Effect] =
            s.feed.own.contains(d.mention) || s.mention.suggestions[d.mention.key] != nil
            ? [] : [.loadSuggestions(d.mention.key)]
        guard s.mention.drafts[d.mention.key] == nil else { return suggest }
        if let draft {
            s.mention.drafts[d.mention.key] = Draft(saved: sanitizeForScreen(draft, singleLine: false))
        } else {
            let p = sanitizeForScreen(Triage.replyPrefix(for: d.mention))
            if !p.isEmpty {
                var dr = Draft(saved: p)
                dr.savedText = ""
                dr.pristine = p
                s.mention.drafts[d.mention.key] = dr
            }
        }
        return suggest
    }

    static func draftSaved(_ s: inout AppState, key: String, text: String, path: String) -> [Effect] {
        s.mention.drafts[key, default: Draft()].savedText = text
        say(&s, L10n.t("msg.draftSaved", ["path": path]))
        return []
    }

    /// The editor finished on a draft (nil: it failed or left the file unchanged).
    static func draftEdited(_ s: inout AppState, key: String, text: String?) -> [Effect] {
        guard let text else { return [] }
        let clean = sanitizeForScreen(text, singleLine: false)
        var d = s.mention.drafts[key] ?? Draft()
        d.editor = TextEditor(clean.hasSuffix("\n") ? String(clean.dropLast()) : clean)
        s.mention.drafts[key] = d
        say(&s, L10n.t("msg.draftUpdated"))
        return []
    }

    static func claimed(_ s: inout AppState, key: String, at: Date, from: String?) -> [Effect] {
        s.mention.claims[key] = at
        s.mention.takenOver[key] = nil
        if let from { say(&s, L10n.t("msg.takenOver", ["user": from])) }
        return []
    }

    /// Someone else holds the mention I opened: ask before taking over.
    static func claimHeld(_ s: inout AppState, key: String, user: String, since: Date?) -> [Effect] {
        guard s.mention.opened == key else { return [] }
        s.modal = .confirmTakeover(key: key, user: user, since: since)
        return []
    }
}
