import Foundation
import SwitchboardCore

/// What the Crisis pane shows, folded from the actions log (`CrisisLog`) and the playbooks directory
/// (`PlaybookLibrary`) by the EffectRunner: the run now on (a real crisis, else a drill), its chart and timeline,
/// or the playbooks to start one from.
public struct CrisisInfo: Sendable, Equatable {
    /// The run the workbench shows: the real crisis, else the drill (`CrisisLog.current`).
    public var run: CrisisRun?
    /// A real crisis is on (a drill alone does not count: a spike still offers a playbook).
    public var realActive = false
    /// Playbooks that load and validate, by name.
    public var playbooks: [Playbook] = []
    /// Files in playbooks/ that cannot be used, each naming the step and field.
    public var problems: [PlaybookLibrary.Problem] = []
    /// Mention volume and sentiment per 15 minutes, from an hour before the start.
    public var buckets: [CrisisBucket] = []
    /// Everything during the run (steps, posts, replies, notes), newest first.
    public var timeline: [CrisisReport.Entry] = []
    /// The playbook a spike alert suggests (shown while the spike banner shows and no real crisis is on).
    public var offer: Playbook?
    /// When this was computed (the chart's last slot).
    public var computedAt: Date?
    public init() {}

    /// Name of the run shown (nil: none).
    public var active: String? { run?.name }
    public var library: PlaybookLibrary { PlaybookLibrary(playbooks: playbooks, problems: problems) }
}

/// What the crisis pane shows below its header.
public enum CrisisView: Sendable, Equatable {
    case checklist
    /// Everything during the crisis, newest first (`t`).
    case timeline
    /// The playbook's escalation list (`e`).
    case escalation
    /// A holding statement shown, not queued (in a drill, `h`).
    case statement(title: String, text: String)
}

/// The start prompt (severity pick, then "Suspend the content queue?"), also used by `S` to change the severity.
public struct CrisisPrompt: Sendable, Equatable {
    public enum Stage: Sendable, Equatable { case severity, suspend }
    public var playbook: Playbook
    public var drill: Bool
    public var stage: Stage
    /// The highlighted severity level.
    public var selected = 0
    public var severity: String?
    /// `S` on a running crisis: the pick sets the run's severity.
    public var changeSeverityOf: String?

    public init(playbook: Playbook, drill: Bool, changeSeverityOf: String? = nil, current: String? = nil) {
        self.playbook = playbook; self.drill = drill; self.changeSeverityOf = changeSeverityOf
        stage = playbook.severityLevels.isEmpty ? .suspend : .severity
        if let current, let i = playbook.severityLevels.firstIndex(of: current) { selected = i }
    }
}

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

/// The composer's holding-statement cycle: repeated presses replace the inserted statement with the next one.
public struct StatementCycle: Sendable, Equatable {
    public var key: String
    public var index: Int
    /// The draft before the first statement went in, and right after the last one did.
    public var before: TextEditor
    public var after: TextEditor
}

extension CrisisRun {
    /// "12m late" / "in 5m" for a step's due time at `now` (nil once the step is finished).
    func dueText(_ st: CrisisStepRun, now: Date) -> String? {
        guard !st.isFinished else { return nil }
        let d = st.dueAt.timeIntervalSince(now)
        return d >= 0 ? "in " + CrisisRun.span(d) : CrisisRun.span(-d) + " late"
    }

    static func span(_ seconds: TimeInterval) -> String {
        let m = Int((seconds / 60).rounded(.up))
        if m < 60 { return "\(m)m" }
        let h = m / 60, r = m % 60
        return r == 0 ? "\(h)h" : "\(h)h\(r)m"
    }
}
