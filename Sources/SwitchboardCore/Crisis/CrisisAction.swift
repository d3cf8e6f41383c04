import Foundation

/// The crisis drawer's actions (`crisis_*` in the actions log, flat like every other action).
public enum CrisisAction: Hashable, Sendable {
    case start(CrisisStart)
    /// A checklist step changed state; `reason` for skipped and blocked (and a note on done).
    case step(crisis: String, step: String, state: CrisisStepState, reason: String?)
    /// A notify step was carried out: `how` is `command` (with its exit status and the tail of its output),
    /// `by_hand`, or `drill` (nothing was run).
    case notified(crisis: String, step: String, how: String, exitStatus: Int?, output: String?)
    case severity(crisis: String, level: String)
    case end(crisis: String, summary: String)

    public static let typeNames: Set<String> = [
        "crisis_start", "crisis_step", "crisis_notify", "crisis_severity", "crisis_end",
    ]

    public var typeName: String {
        switch self {
        case .start: return "crisis_start"
        case .step: return "crisis_step"
        case .notified: return "crisis_notify"
        case .severity: return "crisis_severity"
        case .end: return "crisis_end"
        }
    }

    /// The run this is about.
    public var crisisID: String {
        switch self {
        case .start(let s): return s.crisis
        case .step(let c, _, _, _), .notified(let c, _, _, _, _), .severity(let c, _), .end(let c, _): return c
        }
    }

    public var summary: String {
        switch self {
        case .start(let s):
            return L10n.t(s.drill ? "msg.drillStarted" : "msg.crisisStarted", ["name": s.playbook.name])
                + (s.severity.map { " (\($0))" } ?? "")
                + (s.suspendedQueue ? ", " + L10n.t("summary.queueSuspended") : "")
        case .step(_, let st, let state, let r):
            let verb = state == .open ? L10n.t("msg.reopened") : L10n.t("crisis.state." + state.rawValue)
            return L10n.t("summary.step", ["step": st, "verb": verb]) + (r.map { ": " + $0 } ?? "")
        case .notified(_, let st, let how, let status, _):
            switch how {
            case "by_hand": return L10n.t("summary.notifiedByHand", ["step": st])
            case "drill": return L10n.t("summary.notifiedDrill", ["step": st])
            default: return L10n.t("summary.notifyStatus", ["step": st, "status": status.map(String.init) ?? "?"])
            }
        case .severity(_, let l): return L10n.t("msg.severity", ["level": l])
        case .end(_, let s): return L10n.t("summary.crisisEnded") + ": " + s
        }
    }

    enum Keys: String, CodingKey {
        case crisis, playbook, plan, severity, drill, note, step, state, reason, how, output, level, summary
        case exitStatus = "exit_status", suspendedQueue = "suspended_queue"
    }

    init(type: String, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let id = try c.decode(String.self, forKey: .crisis)
        switch type {
        case "crisis_start":
            self = .start(
                CrisisStart(
                    crisis: id, playbook: try c.decode(Playbook.self, forKey: .plan),
                    severity: try c.decodeIfPresent(String.self, forKey: .severity),
                    drill: try c.decodeIfPresent(Bool.self, forKey: .drill) ?? false,
                    note: try c.decodeIfPresent(String.self, forKey: .note),
                    suspendedQueue: try c.decodeIfPresent(Bool.self, forKey: .suspendedQueue) ?? false))
        case "crisis_step":
            self = .step(
                crisis: id, step: try c.decode(String.self, forKey: .step),
                state: try c.decode(CrisisStepState.self, forKey: .state),
                reason: try c.decodeIfPresent(String.self, forKey: .reason))
        case "crisis_notify":
            self = .notified(
                crisis: id, step: try c.decode(String.self, forKey: .step),
                how: try c.decode(String.self, forKey: .how),
                exitStatus: try c.decodeIfPresent(Int.self, forKey: .exitStatus),
                output: try c.decodeIfPresent(String.self, forKey: .output))
        case "crisis_severity": self = .severity(crisis: id, level: try c.decode(String.self, forKey: .level))
        case "crisis_end": self = .end(crisis: id, summary: try c.decodeIfPresent(String.self, forKey: .summary) ?? "")
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: c.codingPath,
                    debugDescription: "unknown crisis action \(type)"))
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(crisisID, forKey: .crisis)
        switch self {
        case .start(let s):
            try c.encode(s.playbook.id, forKey: .playbook)
            try c.encodeIfPresent(s.severity, forKey: .severity)
            if s.drill { try c.encode(true, forKey: .drill) }
            if s.suspendedQueue { try c.encode(true, forKey: .suspendedQueue) }
            try c.encodeIfPresent(s.note, forKey: .note)
            try c.encode(s.playbook, forKey: .plan)
        case .step(_, let st, let state, let r):
            try c.encode(st, forKey: .step)
            try c.encode(state, forKey: .state)
            try c.encodeIfPresent(r, forKey: .reason)
        case .notified(_, let st, let how, let status, let out):
            try c.encode(st, forKey: .step); try c.encode(how, forKey: .how)
            try c.encodeIfPresent(status, forKey: .exitStatus); try c.encodeIfPresent(out, forKey: .output)
        case .severity(_, let l): try c.encode(l, forKey: .level)
        case .end(_, let s): try c.encode(s, forKey: .summary)
        }
    }
}
