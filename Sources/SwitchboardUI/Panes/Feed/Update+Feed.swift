import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// Opens the command line on a `filter` line with the current filter.
    static func search(_ s: inout AppState) {
        prompt(&s, "filter " + (s.feed.filter.map { $0.text + " " } ?? ""))
    }

    /// Filters the feed by a saved view.
    static func view(_ s: inout AppState, _ name: String) -> [Effect] {
        guard let v = s.settings.views.first(where: { $0.name == name }) else {
            say(
                &s,
                s.settings.views.isEmpty
                    ? L10n.t("msg.noViews")
                    : L10n.t(
                        "msg.noView", ["name": name, "views": s.settings.views.map(\.name).joined(separator: ", ")]),
                error: true)
            return []
        }
        s.feed.activeView = v.name
        let fx = applyFilter(&s, v.query.text, announce: false)
        if fx.isEmpty {
            say(&s, L10n.t("msg.viewCount", ["name": v.name, "n": s.feed.rows.count, "count": s.feed.order.count]))
        }
        return fx
    }

    static func sort(_ s: inout AppState, _ arg: String) {
        guard let o = SortOrder(rawValue: arg) else { say(&s, L10n.t("msg.sortUsage"), error: true); return }
        s.feed.setSort(o, states: s.states, viewport: Layout.feedViewport(s), now: s.chrome.now)
        say(&s, o == .newest ? L10n.t("msg.newestFirst") : L10n.t("status.byPriority"))
    }

    static func status(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let st = MentionStatus(rawValue: arg) else {
            say(&s, L10n.t("msg.noStatus", ["status": arg]), error: true); return []
        }
        return bulk(&s, L10n.t("msg.statusTo", ["status": Format.statusName(st)]), one: Format.statusName(st)) {
            .setStatus(mention: $0, status: st)
        }
    }

    static func assign(_ s: inout AppState, _ arg: String) -> [Effect] {
        let user: String? =
            arg.isEmpty
            ? nil
            : (arg == "me" ? s.settings.user : arg.trimmingCharacters(in: CharacterSet(charactersIn: "@")))
        return bulk(&s, user.map { L10n.t("msg.assignedTo", ["user": $0]) } ?? L10n.t("msg.unassigned")) {
            .assign(mention: $0, user: user)
        }
    }

    static func tag(_ s: inout AppState, _ arg: String) -> [Effect] {
        let tags = arg.split(separator: " ").map { String($0.drop { $0 == "#" }) }.filter { !$0.isEmpty }
        guard !tags.isEmpty else { say(&s, L10n.t("msg.tagNeedsName"), error: true); return [] }
        return bulk(&s, L10n.t("msg.tagged", ["tags": tags.joined(separator: ", ")])) { .tag(mention: $0, tags: tags) }
    }

    /// Marks or unmarks the selected mention and moves down.
    static func mark(_ s: inout AppState) {
        guard let k = s.feed.selectedKey else { return }
        if s.feed.marks.contains(k) { s.feed.marks.remove(k) } else { s.feed.marks.insert(k) }
        move(&s, .down)
    }

    /// Starts a visual range, or ends it (its rows become marks).
    static func visual(_ s: inout AppState) {
        if s.feed.visualAnchor != nil {
            s.feed.marks = s.feed.markedKeys
            s.feed.visualAnchor = nil
        } else {
            s.feed.visualAnchor = s.feed.selectedKey
        }
    }

    /// Opens the selected mention in the composer.
    static func open(_ s: inout AppState) {
        guard let k = s.feed.selectedKey else { say(&s, L10n.t("msg.noSelection")); return }
        // Behind a server filter's warning: the first Enter opens it with the text still hidden, the second shows it.
        if let i = s.feed.keyIndex[k], let w = s.feed.items[Int(i)].filterWarning, !s.mention.revealed.contains(k) {
            if s.mention.opened == k {
                s.mention.revealed.insert(k)
            } else {
                s.mention.opened = k
                say(&s, L10n.t("msg.filtered", ["title": sanitizeForScreen(w)]))
                return
            }
        }
        s.mention.opened = k
        s.chrome.focus = .composer
    }

    static func editDraftInEditor(_ s: inout AppState) -> [Effect] {
        guard let k = s.shownKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        return [.openEditor(key: k, text: s.mention.drafts[k]?.editor.text ?? "")]
    }

    static func saveDraft(_ s: inout AppState) -> [Effect] {
        guard let k = s.shownKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        return [.saveDraft(key: k, text: s.mention.drafts[k]?.editor.text ?? "")]
    }
}
