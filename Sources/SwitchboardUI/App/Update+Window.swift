import Foundation
import SwitchboardCore

/// A window of the history without a store behind it (`SWITCHBOARD_WINDOW=bounded`, `BoundedEffects`): what the
/// index reads again after a write or on the refresh tick, and the filter's pages.
extension Update {
    /// The states of the rows read, newer mentions above them, the counts; a write's outbox entries and queue.
    static func windowReread(_ s: inout AppState, _ r: WindowReread) -> [Effect] {
        let vp = Layout.feedViewport(s)
        let old = s.states
        for (k, st) in r.states { s.states[k] = st == MentionState() ? nil : st }
        var fx: [Effect] = []
        if !r.newer.isEmpty {
            let before = s.feed.items.count
            for (m, st) in r.newer where st != MentionState() { s.states[m.key] = st }
            s.feed.append(r.newer.map(\.mention), states: s.states, now: s.chrome.now, viewport: vp)
            let added = s.feed.items.count - before
            if added > 0 {
                say(&s, added == 1 ? L10n.t("msg.newMention") : L10n.t("msg.newMentions", ["count": added]))
            }
        }
        if var d = r.delta {
            if let q = d.queue { setQueue(&s, q) }
            // The crisis pane and a spike alert, from the actions as in a folded workbench.
            if let c = d.crisis { setCrisis(&s, c) }
            if let n = d.spike, s.chrome.spike == nil || n.at >= s.chrome.spike!.at { s.chrome.spike = n }
            for (k, e) in d.outbox { s.mention.outbox[k] = e }
            d.newMentions = []
            d.states = s.states
            fx += replyStoreChanged(&s, old: old, d)
            claimsLost(&s, old: old)
        }
        s.feed.statesChanged(s.states, viewport: vp)
        let totalChanged = s.feed.windowTotal != r.total
        s.feed.windowTotal = r.total
        s.chrome.counts = r.counts
        // A filter of the window is matched by the index: again when what it asks may have changed.
        if let f = s.feed.filter, s.feed.windowMatches != nil,
            f.dependsOnState || f.query.dependsOnTime || totalChanged
        {
            fx.append(.matchFeed(f.query, now: s.chrome.now, slaMinutes: s.settings.slaMinutes))
        }
        return fx
    }

    /// The first rows of the filter's query from the index and how many match (an empty query: the filter was
    /// cleared, the rows are the newest again).
    static func windowMatched(
        _ s: inout AppState, _ q: Query, _ rows: [(mention: Mention, state: MentionState)], matches: Int
    ) -> [Effect] {
        let vp = Layout.feedViewport(s)
        guard q.isEmpty ? s.feed.filter == nil : s.feed.filter?.query == q else { return [] }
        let total = s.feed.windowTotal
        let first = s.feed.filter?.bits == nil
        for (m, st) in rows { s.states[m.key] = st == MentionState() ? nil : st }
        s.feed.rebuild(rows.map(\.mention), states: s.states, now: s.chrome.now, viewport: vp)
        s.feed.baseline = nil
        if q.isEmpty {
            s.feed.windowTotal = matches
            return []
        }
        s.feed.windowTotal = total
        s.feed.windowMatches = matches
        s.feed.applyMatches(q, Array(s.feed.items.indices), states: s.states, viewport: vp)
        if first { sayFilterCount(&s, matches: s.feed.windowMatchesArgument, of: total ?? 0, note: roleNote(s, q)) }
        return []
    }

    /// "Filter: … — N of M" (or the saved view's name) when a filter's first matches arrive and nothing covers the
    /// status line.
    static func sayFilterCount(_ s: inout AppState, matches: any Sendable, of total: Int, note: String = "") {
        guard case nil = s.modal, let f = s.feed.filter else { return }
        let name =
            s.feed.activeView.flatMap { v in s.settings.views.first { $0.name == v && $0.query == f.query } }
            .map { ("msg.viewCount", $0.name) } ?? ("msg.filterCount", f.text)
        say(&s, L10n.t(name.0, ["name": name.1, "query": name.1, "n": matches, "count": total]) + note)
    }

    /// `role:` needs the contact book over every mention: a window without a store says so with the filter's count
    /// (never a silently empty result).
    static func roleNote(_ s: AppState, _ q: Query) -> String {
        s.feed.windowMatches != nil && q.usesRoles && !s.feed.windowKnowsRoles ? " — " + L10n.t("window.noRoles") : ""
    }
}
