import Foundation
import SwitchboardCore

/// A change to the crisis drawer, performed by the EffectRunner through `CrisisOps` (each is an action in the log).
public enum CrisisOp: Sendable, Equatable {
    case start(playbook: String, severity: String?, drill: Bool, suspendQueue: Bool)
    /// `expecting`: the state the person saw (someone else changing it first wins, and is named).
    case step(crisis: String, step: String, state: CrisisStepState, reason: String?, expecting: CrisisStepState?)
    /// Runs the notify step's command (off the main loop), or records it as done by hand.
    case notify(crisis: String, step: String, byHand: Bool)
    case severity(crisis: String, level: String)
    /// Queues the step's holding statement to go out now (`CrisisOps.publishStatement`: even while the queue is
    /// suspended; the step is marked done).
    case statement(crisis: String, step: String)
    /// Ends the current run and writes its report (crisis/reports/ID.md).
    case end(summary: String)
    /// Recompute the chart and timeline (a new 15-minute slot began).
    case refresh
}
