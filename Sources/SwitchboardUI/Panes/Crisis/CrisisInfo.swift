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

extension CrisisRun {
    /// "12m late" / "in 5m" for a step's due time at `now` (nil once the step is finished).
    func dueText(_ st: CrisisStepRun, now: Date) -> String? {
        guard !st.isFinished else { return nil }
        let d = st.dueAt.timeIntervalSince(now)
        return d >= 0
            ? L10n.t("crisis.dueIn", ["span": CrisisRun.span(d)]) : L10n.t("crisis.late", ["span": CrisisRun.span(-d)])
    }

    static func span(_ seconds: TimeInterval) -> String {
        let m = Int((seconds / 60).rounded(.up))
        if m < 60 { return "\(m)m" }
        let h = m / 60
        let r = m % 60
        return r == 0 ? "\(h)h" : "\(h)h\(r)m"
    }
}
