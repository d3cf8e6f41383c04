import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// Sets the feed filter from query text (empty clears). A malformed query keeps the current filter and
    /// returns the error; the matcher runs as an effect.
    @discardableResult
    static func applyFilter(_ s: inout AppState, _ text: String, announce: Bool) -> [Effect] {
        let vp = Layout.feedViewport(s)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // A window without a store holds only the filter's rows: cleared, it reads the newest again (an empty query).
        let windowed =
            s.feed.windowMatches != nil ? [Effect.matchFeed(Query.all, now: s.chrome.now, slaMinutes: 0)] : []
        if trimmed.isEmpty {
            s.feed.setFilter(nil, states: s.states, viewport: vp)
            if announce { say(&s, L10n.t("msg.filterCleared")) }
            return windowed
        }
        do {
            let q = try Query.parse(trimmed, timeZone: s.settings.timeZone)
            if q.isEmpty { s.feed.setFilter(nil, states: s.states, viewport: vp); return windowed }
            s.feed.setFilter(FeedFilter(query: q), states: s.states, viewport: vp)
            if s.feed.filter?.bits != nil {
                if announce {
                    say(
                        &s,
                        L10n.t(
                            "msg.filterCount",
                            [
                                "query": q.text, "n": s.feed.windowMatchesArgument,
                                "count": s.feed.windowMatches != nil ? s.feed.windowTotal ?? 0 : s.feed.order.count,
                            ]) + roleNote(s, q)
                    )
                }
                return []
            }
            return [.matchFeed(q, now: s.chrome.now, slaMinutes: s.settings.slaMinutes)]
        } catch {
            say(
                &s, L10n.t("msg.filterError", ["error": error.message]) + (error.hint.map { " — " + $0 } ?? ""),
                error: true)
            return []
        }
    }

    /// Live filtering while a `filter …` line is typed: every edit re-parses; an error shows with a caret,
    /// a valid query filters at once. Esc puts back the filter that was active before.
    static func liveFilter(_ s: inout AppState, _ cl: inout CommandLineState) -> [Effect] {
        let text = cl.editor.text
        guard text.hasPrefix("filter ") || text == "filter" else { cl.problem = nil; return [] }
        if cl.filterBefore == nil { cl.filterBefore = .some(s.feed.filter?.text) }
        let arg = String(text.dropFirst(min(text.count, 7)))
        let lead = arg.prefix { $0 == " " }.count
        let query = arg.trimmingCharacters(in: .whitespaces)
        if query.isEmpty { cl.problem = nil; return applyFilter(&s, "", announce: false) }
        do {
            _ = try Query.parse(query, timeZone: s.settings.timeZone)
            cl.problem = nil
            if s.chrome.message?.isError == true { s.chrome.message = nil }
            return applyFilter(&s, query, announce: false)
        } catch {
            cl.problem = QueryProblem(
                column: 7 + lead + error.position,
                message: error.message + (error.hint.map { " — " + $0 } ?? ""))
            return []
        }
    }
}
