import Foundation

extension CrisisOps {
    /// How a notify step went, for the person who asked.
    public struct NotifyOutcome: Sendable, Equatable {
        public var how: String
        public var status: Int32?
        public var output: String, ok: Bool, message: String
    }

    /// The text a notify step sends (on the command's standard input).
    public static func notifyText(_ run: CrisisRun, _ s: CrisisStepRun) -> String {
        var lines = [
            "[\(run.drill ? "DRILL" : "CRISIS")] \(run.name)" + (run.severity.map { " — \($0)" } ?? ""),
            "Step: \(s.step.title)",
        ]
        if let d = s.step.detail, !d.isEmpty { lines.append(d) }
        lines.append("Started \(Timestamp.format(run.startedAt)) by \(run.startedBy); crisis id \(run.id).")
        if !run.playbook.escalation.isEmpty {
            lines.append(
                "Escalation: "
                    + run.playbook.escalation.map { "\($0.role): \($0.name) (\($0.reach))" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Carries out a notify step: runs its configured command with the step's text on standard input (the step is
    /// marked done first, so two people pressing at once send it once; a failing command reopens it), or records
    /// that it was done by hand. In a drill nothing is run: the notification is recorded as a drill.
    @discardableResult
    public static func notify(
        crisis: String? = nil, step: String, byHand: Bool, store: Store, actor: String, now: Date = Date(),
        run runner: (String, String, [String: String]) throws -> ShellCommand.Result = {
            try ShellCommand.run($0, input: $1, environment: $2)
        }
    )
        throws -> NotifyOutcome
    {
        _ = try store.refresh()
        let run = try current(crisis, store: store)
        let st = try run.resolveStep(step)
        guard st.step.kind == .notify else {
            throw CrisisError(
                "step \(st.step.id) is not a notify step (it is \(st.step.kind.rawValue)): mark it done instead")
        }
        let how = run.drill ? "drill" : byHand ? "by_hand" : "command"
        if how == "command", (st.step.command ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw CrisisError(
                "step \(st.step.id) has no command in the playbook: notify by hand and record it (--by-hand)")
        }
        if how == "command", let home = run.site, let here = store.site, home != here {
            throw CrisisError(
                "the notify commands of this crisis run at \(home), where it was started, so they run once: "
                    + "ask someone there, or notify by hand and record it (--by-hand)")
        }
        let seen = st.state
        var first: [Action] = [
            .crisis(
                .step(
                    crisis: run.id, step: st.step.id, state: .done,
                    reason: how == "command"
                        ? "notified by command" : how == "drill" ? "drill: nothing sent" : "notified by hand"))
        ]
        if how != "command" {
            first.append(.crisis(.notified(crisis: run.id, step: st.step.id, how: how, exitStatus: nil, output: nil)))
        }
        try store.recordIf(first, actor: actor, now: now) { s in
            guard let r = CrisisLog(store: s)[run.id], r.isActive else {
                throw CrisisError(L10n.t("err.crisis.ended", ["id": run.id]))
            }
            guard let cur = r.step(st.step.id) else {
                throw CrisisError(L10n.t("err.crisis.noStep", ["step": st.step.id]))
            }
            if cur.state != seen { throw CrisisError(changed(cur)) }
            if cur.state == .done {
                throw CrisisError(L10n.t("msg.stepAlreadyDone", ["step": cur.step.id, "user": cur.by ?? "?"]))
            }
        }
        guard how == "command", let command = st.step.command else {
            return NotifyOutcome(
                how: how, status: nil, output: "", ok: true,
                message: how == "drill"
                    ? "drill: \(st.step.id) recorded, nothing sent" : "\(st.step.id): recorded as notified by hand")
        }
        let env = [
            "SWITCHBOARD_CRISIS": run.id, "SWITCHBOARD_CRISIS_NAME": run.name, "SWITCHBOARD_STEP": st.step.id,
            "SWITCHBOARD_SEVERITY": run.severity ?? "", "SWITCHBOARD_DATA_DIR": store.dir.root.path,
            "SWITCHBOARD_ACTOR": actor,
        ]
        var result: ShellCommand.Result
        do { result = try runner(command, notifyText(run, st), env) } catch {
            result = ShellCommand.Result(status: 127, output: "could not start: \(error)", timedOut: false)
        }
        let output = clip(ImportFormat.clean(result.output, newlines: true))
        var after: [Action] = [
            .crisis(
                .notified(
                    crisis: run.id, step: st.step.id, how: "command", exitStatus: Int(result.status),
                    output: output.isEmpty ? nil : output))
        ]
        let ok = result.succeeded
        if !ok {
            after.append(
                .crisis(
                    .step(
                        crisis: run.id, step: st.step.id, state: .open,
                        reason: result.timedOut
                            ? "notify command timed out"
                            : result.signal.map { "notify command killed by signal \($0)" }
                                ?? "notify command failed (exit status \(result.status))")))
        }
        _ = try store.record(after, actor: actor, now: Date())
        return NotifyOutcome(
            how: how, status: result.status, output: output, ok: ok,
            message: ok
                ? "\(st.step.id): notified (command exited 0)"
                : "\(st.step.id): the notify command "
                    + (result.timedOut ? "timed out" : "failed with exit status \(result.status)")
                    + " — the step is open again")
    }

    /// Output kept in the log: at most 500 characters (the end, where the error usually is).
    static func clip(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.count > 500 ? "…" + String(t.suffix(499)) : t
    }
}
