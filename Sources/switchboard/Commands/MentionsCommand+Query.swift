import ArgumentParser
import Foundation
import Insight
import SwitchboardCore

/// `mentions list --query`: the query language over stored mentions, with a caret under a malformed query.
enum QueryOption {
    static func filter(_ list: [Mention], states: [String: MentionState], query text: String, dir: DataDirectory) throws
        -> [Mention]
    {
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let tz = team?.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let q: Query
        do { q = try Query.parse(text, timeZone: tz) } catch {
            let line = Output.safe(text)
            let caret = String(repeating: " ", count: min(error.position, line.count)) + "^"
            throw CLIError.usage("bad query: \(error)\n  \(line)\n  \(caret)")
        }
        var env = QueryEnvironment(
            me: Actor.current(), now: Date(), defaultSLAMinutes: team?.sla.firstResponseMinutes ?? 60,
            own: OwnAccounts(team: team))
        if let team, let sla = try? SLA(team: team) {
            env.overdue = { m, st, now in
                sla.isOverdue(m, state: st, band: Priority.band(mention: m, state: st, team: team, now: now), now: now)
            }
        }
        if q.usesRoles, let store = try? Store(dir: dir) {
            env.role = Contacts(mentions: store.mentions, events: store.events, team: team).roleHook()
        }
        let matcher = QueryMatcher(q, environment: env)
        let empty = MentionState()
        return list.filter { matcher.matches($0, states[$0.key] ?? empty) }
    }
}
