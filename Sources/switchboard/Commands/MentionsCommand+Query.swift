import ArgumentParser
import Foundation
import HistoryIndex
import Insight
import SwitchboardCore

/// `mentions list --query`: the query language over stored mentions, with a caret under a malformed query.
enum QueryOption {
    static func filter(_ list: [Mention], states: [String: MentionState], query text: String, dir: DataDirectory) throws
        -> [Mention]
    {
        let (q, env) = try parse(text, dir: dir)
        let matcher = QueryMatcher(q, environment: env)
        let empty = MentionState()
        return list.filter { matcher.matches($0, states[$0.key] ?? empty) }
    }

    /// The query (a usage error with a caret under the problem) and what it is evaluated against.
    static func parse(_ text: String, dir: DataDirectory) throws -> (Query, QueryEnvironment) {
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let tz = team?.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let q: Query
        do { q = try Query.parse(text, timeZone: tz) } catch {
            let line = Output.safe(text)
            let caret = String(repeating: " ", count: min(error.position, line.count)) + "^"
            throw CLIError.usage(L10n.t("cli.badQuery", ["error": "\(error)"]) + "\n  \(line)\n  \(caret)")
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
        return (q, env)
    }

    /// The index of the data directory, brought up to date (a rebuild shows its progress on stderr); nil when it
    /// cannot be opened or written (a read-only directory): the caller then folds the logs as before.
    static func index(_ dir: DataDirectory, quiet: Bool = false) -> HistoryIndex? {
        let index: HistoryIndex
        do { index = try HistoryIndex(dir: dir, writer: Switchboard.writer, progress: StderrProgress()) } catch {
            // A full disk or a failing one: the logs keep working, the index says it is behind.
            if let why = HistoryIndex.behindBecause(error) {
                Output.warn(L10n.t("cli.indexBehind", ["why": why]))
            }
            return nil
        }
        if !quiet { for w in (try? index.warnings()) ?? [] { Output.warn(w) } }
        return index
    }
}
