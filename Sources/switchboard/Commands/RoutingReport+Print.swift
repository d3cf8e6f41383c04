import Foundation
import ListenerServices
import SwitchboardCore

/// Printing routing outcomes (ingest, handoff retry).
extension RoutingReport {
    /// The router of team.json's rules; its problems as a failure, after "team.json:" and `separator`.
    static func router(_ store: Store, _ team: TeamConfig, separator: String = " ") throws -> Router {
        do { return try Router(store: store, team: team, actor: Actor.current()) } catch {
            throw CLIError.failure("team.json:\(separator)\(error)")
        }
    }

    static func print(_ outcomes: [RoutingOutcome], json: Bool, none: String? = nil) throws {
        if json {
            struct J: Encodable {
                let mention, rule, team, result: String
                let target, error: String?
            }
            for o in outcomes {
                let (result, target, error): (String, String?, String?)
                switch o.result {
                case .delivered(let t): (result, target, error) = ("delivered", t, nil)
                case .failed(let e): (result, target, error) = ("failed", nil, e)
                case .alreadyRouted: (result, target, error) = ("already_routed", nil, nil)
                }
                try Output.printJSON(
                    J(
                        mention: o.mention, rule: o.rule, team: o.team, result: result, target: target,
                        error: error))
            }
            return
        }
        if outcomes.isEmpty, let none { Output.line(none) }
        for o in outcomes { Output.line(Output.safe(line(o))) }
    }
}
