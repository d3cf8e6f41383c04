import Foundation
import Insight
import SwitchboardCore

/// The feed's effects: the query matcher and the rising terms.
extension EffectRunner {
    /// Runs the feed's query over the store's mentions (one QueryMatcher, columns reused per keystroke).
    func matchFeed(_ q: Query, now: Date, slaMinutes: Int) -> [Message] {
        var env = QueryEnvironment(me: actor, now: now, defaultSLAMinutes: slaMinutes, own: OwnAccounts(team: team))
        if q.usesRoles {
            if view.roleHook == nil { view.roleHook = contactBook().roleHook() }
            env.role = view.roleHook
        }
        let m: QueryMatcher
        if let existing = matcher {
            m = existing
            m.environment = env
            m.set(q)
        } else { m = QueryMatcher(q, environment: env); matcher = m }
        return [.feedMatched(q, m.filter(store.mentions, states: store.states()))]
    }

    /// Terms rising in the last hour against the previous 24 hours (Insight's Trends.rising).
    func loadTrends(now: Date) -> [Message] {
        let since = now.addingTimeInterval(-25 * 3600)
        // What people say about us: our own posts are left out.
        let own = OwnAccounts(team: team)
        let recent = store.mentions.filter { $0.createdAt >= since && !own.contains($0) }
        return [.trendsLoaded(Trends.rising(mentions: recent, now: now, exclude: brandTerms()))]
    }
}
