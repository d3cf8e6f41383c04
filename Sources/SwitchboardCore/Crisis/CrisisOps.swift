import Foundation

/// Starting, running and ending a crisis. Every change is one write to the actions log that first checks, under the
/// log's lock, that the run still is as the person saw it: of two people checking the same step at once, one wins
/// and the other is told who was first.
public enum CrisisOps {
    /// Starts `playbook` (a drill when `drill`). `suspendQueue` also suspends the content queue in the same write
    /// (never for a drill). A real start while a drill runs ends the drill.
    @discardableResult
    public static func start(
        _ playbook: Playbook, severity: String? = nil, drill: Bool = false, suspendQueue: Bool, note: String? = nil,
        team: TeamConfig, store: Store, actor: String, now: Date = Date()
    ) throws -> CrisisRun {
        let problems = playbook.validate()
        guard problems.isEmpty else {
            throw CrisisError("the playbook \(playbook.id) cannot be run: " + problems.joined(separator: "; "))
        }
        let level = try severity.map { try resolveSeverity($0, in: playbook) }
        _ = try store.refresh()
        let wantSuspend = suspendQueue && !drill
        if wantSuspend, !Queue(store: store).isSuspended {
            do { try Queue.checkMayFlip(actor, team: team) } catch {
                throw CrisisError("\(error) — start it without suspending the queue, or ask a lead")
            }
        }
        // What to write depends on what is running; the check under the log's lock makes sure it still is.
        let log = CrisisLog(store: store)
        let drillToEnd = drill ? nil : log.activeDrill
        let suspend = wantSuspend && !Queue(store: store).isSuspended
        let tz = team.timezone.flatMap(TimeZone.init(identifier:)) ?? .current
        let id = newID(playbook, drill: drill, now: now, timeZone: tz, taken: Set(log.runs.map(\.id)))
        var actions: [Action] = []
        if let d = drillToEnd {
            actions.append(.crisis(.end(crisis: d.id, summary: "ended: a real crisis started (\(playbook.name))")))
        }
        actions.append(
            .crisis(
                .start(
                    CrisisStart(
                        crisis: id, playbook: playbook, severity: level, drill: drill, note: note,
                        suspendedQueue: suspend))))
        if suspend { actions.append(.queue(.suspendAll(reason: "crisis: \(playbook.name) (\(id))"))) }
        try store.recordIf(actions, actor: actor, now: now) { s in
            let now = CrisisLog(store: s)
            if !drill, let a = now.active { throw CrisisError(alreadyActive(a)) }
            if drill, let d = now.activeDrill { throw CrisisError(alreadyActive(d)) }
            if now[id] != nil || now.activeDrill?.id != (drill ? nil : drillToEnd?.id)
                || (suspend && Queue(store: s).isSuspended)
            {
                throw CrisisError(L10n.t("err.crisis.race"))
            }
        }
        guard let run = CrisisLog(store: store)[id] else { throw CrisisError("the crisis \(id) was not recorded") }
        return run
    }

    static func alreadyActive(_ r: CrisisRun) -> String {
        (r.drill ? "a drill is already running: " : "a crisis is already active: ")
            + "\(r.name) (\(r.id)), started by \(r.startedBy) at \(Timestamp.format(r.startedAt)) — end it first "
            + "(switchboard crisis end)"
    }

    /// `20261127-1355-outage`: the start in the team's time zone (the report file is named after it).
    static func newID(_ p: Playbook, drill: Bool, now: Date, timeZone: TimeZone, taken: Set<String>) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        let base =
            String(format: "%04d%02d%02d-%02d%02d-", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
            + p.id + (drill ? "-drill" : "")
        var id = base
        var n = 2
        while taken.contains(id) { id = base + "-\(n)"; n += 1 }
        return id
    }

    /// A severity level by number (1-based), exact text, or the text before its colon (`major` for `major: core down`).
    public static func resolveSeverity(_ s: String, in p: Playbook) throws -> String {
        let q = s.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(q), n >= 1, n <= p.severityLevels.count { return p.severityLevels[n - 1] }
        if let l = p.severityLevels.first(where: {
            $0.lowercased() == q || $0.lowercased().split(separator: ":").first.map(String.init) == q
        }) {
            return l
        }
        if let l = p.severityLevels.first(where: { $0.lowercased().hasPrefix(q) }), !q.isEmpty { return l }
        throw CrisisError(
            "no severity \"\(s)\" in \(p.name) (levels: "
                + "\(p.severityLevels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "; ")))"
        )
    }

    /// The run a command is about: `id` when given, else the active crisis, else the running drill.
    public static func current(_ id: String?, store: Store) throws -> CrisisRun {
        let log = CrisisLog(store: store)
        if let id, !id.isEmpty { return try log.resolve(id) }
        guard let r = log.current else { throw CrisisError(L10n.t("err.crisis.none")) }
        return r
    }

    /// Sets a step's state. `expecting`: the state the person saw; if someone changed it meanwhile, nothing is written
    /// and the error names who did what when.
    @discardableResult
    public static func setStep(
        crisis: String? = nil, step: String, to state: CrisisStepState, reason: String? = nil,
        expecting: CrisisStepState? = nil, store: Store, actor: String, now: Date = Date(), timeZone: TimeZone? = nil
    ) throws -> CrisisStepRun {
        let when = { (d: Date) in timeZone.map { Timestamp.local(d, $0) } ?? Timestamp.format(d) }
        _ = try store.refresh()
        let run = try current(crisis, store: store)
        let st = try run.resolveStep(step)
        let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if state == .skipped || state == .blocked, why?.isEmpty ?? true {
            throw CrisisError(L10n.t("err.crisis.why", ["state": L10n.t("crisis.state." + state.rawValue)]))
        }
        let seen = expecting ?? st.state
        try store.recordIf(
            [.crisis(.step(crisis: run.id, step: st.step.id, state: state, reason: why?.isEmpty == true ? nil : why))],
            actor: actor, now: now
        ) { s in
            guard let r = CrisisLog(store: s)[run.id] else { throw CrisisError("no crisis run \(run.id)") }
            if let end = r.endedAt {
                throw CrisisError("the crisis \(r.id) ended at \(when(end)) (by \(r.endedBy ?? "?"))")
            }
            guard let cur = r.step(st.step.id) else {
                throw CrisisError(L10n.t("err.crisis.noStep", ["step": st.step.id]))
            }
            if cur.state != seen { throw CrisisError(changed(cur, when)) }
            if cur.state == state {
                throw CrisisError(
                    "step \(cur.step.id) is already \(state.rawValue)"
                        + (cur.by.map { " (by \($0) at \(when(cur.at ?? now)))" } ?? ""))
            }
        }
        return try current(run.id, store: store).step(st.step.id) ?? st
    }

    static func changed(_ s: CrisisStepRun, _ when: (Date) -> String = Timestamp.format) -> String {
        "step \(s.step.id) was marked \(s.state.rawValue) by \(s.by ?? "someone") at "
            + "\(when(s.at ?? Date())) meanwhile"
            + (s.reason.map { " (\($0))" } ?? "")
    }

    public static func setSeverity(
        crisis: String? = nil, _ level: String, store: Store, actor: String, now: Date = Date()
    ) throws -> String {
        _ = try store.refresh()
        let run = try current(crisis, store: store)
        let l = try resolveSeverity(level, in: run.playbook)
        try store.recordIf([.crisis(.severity(crisis: run.id, level: l))], actor: actor, now: now) { s in
            if let r = CrisisLog(store: s)[run.id], !r.isActive {
                throw CrisisError(L10n.t("err.crisis.ended", ["id": r.id]))
            }
        }
        return l
    }

    /// Ends the run with a summary. The queue stays suspended until someone resumes it. Returns the ended run.
    @discardableResult
    public static func end(
        crisis: String? = nil, summary: String, store: Store, actor: String, now: Date = Date(),
        timeZone: TimeZone? = nil
    ) throws -> CrisisRun {
        _ = try store.refresh()
        let run = try current(crisis, store: store)
        let text = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw CrisisError(L10n.t("err.crisis.summary"))
        }
        try store.recordIf([.crisis(.end(crisis: run.id, summary: text))], actor: actor, now: now) { s in
            guard let r = CrisisLog(store: s)[run.id] else { throw CrisisError("no crisis run \(run.id)") }
            if let end = r.endedAt {
                throw CrisisError(
                    "the crisis \(r.id) already ended at "
                        + (timeZone.map { Timestamp.local(end, $0) } ?? Timestamp.format(end))
                        + " (by \(r.endedBy ?? "?"))")
            }
        }
        return try current(run.id, store: store)
    }
}
