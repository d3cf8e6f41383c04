import Foundation
import SwitchboardCore

/// Routing outcomes as lines for humans (ingest, listener logs, handoff retry).
public enum RoutingReport {
    public static func line(_ o: RoutingOutcome) -> String {
        let args: [String: any Sendable] = ["key": o.mention, "team": o.team, "rule": o.rule]
        switch o.result {
        case .delivered(let t):
            return L10n.t("routing.delivered", args)
                + (t == "command" ? "" : " " + L10n.t("routing.deliveredTo", ["target": t]))
        case .failed(let e):
            return L10n.t("routing.failed", args.merging(["error": e]) { $1 })
        case .alreadyRouted: return L10n.t("routing.already", args)
        }
    }
}
