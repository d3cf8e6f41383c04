import Foundation
import SwitchboardCore

/// Routing outcomes as lines for humans (ingest, listener logs, handoff retry).
public enum RoutingReport {
    public static func line(_ o: RoutingOutcome) -> String {
        switch o.result {
        case .delivered(let t):
            return "\(o.mention): handed off to \(o.team) (rule \(o.rule)): delivered"
                + (t == "command" ? "" : " to \(t)")
        case .failed(let e):
            return "\(o.mention): hand-off to \(o.team) (rule \(o.rule)) failed: \(e) — retry with "
                + "`switchboard handoff retry \(o.mention)`"
        case .alreadyRouted: return "\(o.mention): already handed off to \(o.team) (rule \(o.rule))"
        }
    }
}
