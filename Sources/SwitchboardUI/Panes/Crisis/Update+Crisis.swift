import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// Rows the crisis pane moves over: playbooks (no run), steps (checklist), or lines (timeline, escalation).
    static func crisisRowCount(_ s: AppState) -> Int {
        guard let run = s.crisis.info.run else { return s.crisis.info.playbooks.count }
        switch s.crisis.view {
        case .checklist: return run.steps.count
        case .timeline: return s.crisis.info.timeline.count
        case .escalation: return run.playbook.escalation.count
        case .statement: return 1
        }
    }

    /// The checklist step under the selection.
    static func selectedStep(_ s: AppState) -> CrisisStepRun? {
        guard let run = s.crisis.info.run, s.crisis.view == .checklist else { return nil }
        return run.steps[safe: s.crisis.selected]
    }

    /// New crisis state from the log: a different run starts at its first open step.
    static func setCrisis(_ s: inout AppState, _ c: CrisisInfo) {
        let before = s.crisis.info.run?.id
        s.crisis.info = c
        if c.run?.id != before {
            s.crisis.view = .checklist
            s.crisis.selected = c.run.flatMap { r in r.steps.firstIndex { !$0.isFinished } } ?? 0
        }
        s.crisis.selected = max(0, min(s.crisis.selected, crisisRowCount(s) - 1))
    }

    /// Starts the selected playbook (no run may be going on).
    static func crisisStart(_ s: inout AppState, drill: Bool) -> [Effect] {
        if let run = s.crisis.info.run {
            say(
                &s,
                L10n.t(
                    run.drill ? "msg.drillRunning" : "msg.crisisRunning", ["name": sanitizeForScreen(run.name)]),
                error: true)
            return []
        }
        guard let p = s.crisis.info.playbooks[safe: s.crisis.selected] else {
            say(
                &s,
                s.crisis.info.problems.isEmpty
                    ? L10n.t("msg.noPlaybooks")
                    : L10n.t("msg.noUsablePlaybook"), error: true)
            return []
        }
        return startPrompt(&s, p, drill: drill)
    }

    static func crisisOffer(_ s: inout AppState) -> [Effect] {
        guard let p = s.crisisOffer else { say(&s, L10n.t("msg.noOffer")); return [] }
        return startPrompt(&s, p, drill: false)
    }

    /// A checklist step command (done, skip, block, reopen, notify, statement) on the selected step.
    static func crisisStep(_ s: inout AppState, _ c: CommandName) -> [Effect] {
        guard let run = s.crisis.info.run else {
            say(&s, L10n.t("msg.noCrisisEnter"))
            return []
        }
        guard let st = selectedStep(s) else { say(&s, L10n.t("msg.backToChecklist")); return [] }
        return stepCommand(&s, c, run, st)
    }

    /// Shows or hides the timeline or the escalation list.
    static func crisisToggle(_ s: inout AppState, _ view: CrisisView) {
        guard s.crisis.info.run != nil else { say(&s, L10n.t("msg.noCrisis")); return }
        s.crisis.view = s.crisis.view == view ? .checklist : view
        s.crisis.selected = 0
        if s.crisis.view == .checklist, let run = s.crisis.info.run {
            s.crisis.selected = run.steps.firstIndex { !$0.isFinished } ?? 0
        }
    }

    static func crisisSeverity(_ s: inout AppState) {
        guard let run = s.crisis.info.run else { say(&s, L10n.t("msg.noCrisis")); return }
        guard !run.playbook.severityLevels.isEmpty else {
            say(&s, L10n.t("msg.noSeverity"), error: true)
            return
        }
        s.modal = .crisisPrompt(
            CrisisPrompt(
                playbook: run.playbook, drill: run.drill, changeSeverityOf: run.id,
                current: run.severity))
    }

    static func stepCommand(_ s: inout AppState, _ c: CommandName, _ run: CrisisRun, _ st: CrisisStepRun) -> [Effect] {
        let id = st.step.id
        switch c {
        case .crisisDone:
            if st.state == .done {
                say(&s, L10n.t("msg.stepAlreadyDone", ["step": id, "user": st.by ?? "?"])); return []
            }
            return [.crisis(.step(crisis: run.id, step: id, state: .done, reason: nil, expecting: st.state))]
        case .crisisReopen:
            if st.state == .open { say(&s, L10n.t("msg.stepIsOpen", ["step": id])); return [] }
            return [.crisis(.step(crisis: run.id, step: id, state: .open, reason: nil, expecting: st.state))]
        case .crisisSkip, .crisisBlock:
            // The reason is typed on the command line: `crisis step ID skip REASON`.
            var cl = CommandLineState()
            cl.editor = TextEditor("crisis step \(id) \(c == .crisisSkip ? "skip" : "block") ")
            s.modal = .command(cl)
            say(&s, L10n.t("msg.whyReason"))
            return []
        case .crisisNotify, .crisisNotifyByHand:
            guard st.step.kind == .notify else {
                say(&s, L10n.t("msg.notNotifyStep", ["step": id]), error: true)
                return []
            }
            return [.crisis(.notify(crisis: run.id, step: id, byHand: c == .crisisNotifyByHand))]
        default:
            guard st.step.kind == .holdingStatement || !run.playbook.holdingStatements.isEmpty else {
                say(&s, L10n.t("msg.noStatements"), error: true)
                return []
            }
            if run.drill {
                // A drill shows the statement, filled in, and queues nothing.
                let step = st.step.kind == .holdingStatement ? id : nil
                do {
                    let d = try CrisisOps.statement(
                        run, step: step, networks: [], team: s.settings.team, agent: s.settings.agent, now: s.chrome.now
                    )
                    let h = d.statement
                    s.crisis.view = .statement(
                        title: "\(h.id) (\(h.lang)\(h.network.map { ", " + $0 } ?? ""))",
                        text: sanitizeForScreen(d.text, singleLine: false))
                    say(&s, L10n.t("msg.drillStatementShown"))
                } catch {
                    say(&s, "\(error)", error: true)
                }
                return []
            }
            return [.crisis(.statement(crisis: run.id, step: id))]
        }
    }

    /// `:crisis start|drill PLAYBOOK`, `end SUMMARY`, `severity LEVEL`, `step ID done|skip|block|open [REASON]`.
    static func crisisLine(_ s: inout AppState, _ arg: String) -> [Effect] {
        let (word, rest) = Commands.split(arg)
        guard let sub = CrisisSubcommand(rawValue: word) else {
            say(
                &s,
                L10n.t("msg.crisisUsage"), error: true)
            return []
        }
        switch sub {
        case .start, .drill:
            guard !rest.isEmpty else {
                say(
                    &s,
                    L10n.t(
                        "msg.whichPlaybook",
                        ["sub": word, "ids": s.crisis.info.playbooks.map(\.id).joined(separator: ", ")]),
                    error: true)
                return []
            }
            do {
                let p = try s.crisis.info.library.resolve(rest)
                if sub == .start, s.crisis.info.realActive, let run = s.crisis.info.run {
                    say(
                        &s, L10n.t("msg.crisisAlreadyActive", ["name": sanitizeForScreen(run.name), "id": run.id]),
                        error: true)
                    return []
                }
                focus(&s, .crisis)
                return startPrompt(&s, p, drill: sub == .drill)
            } catch {
                say(&s, sanitizeForScreen("\(error)"), error: true)
                return []
            }
        case .end:
            guard s.crisis.info.run != nil else { say(&s, L10n.t("msg.noCrisis"), error: true); return [] }
            guard !rest.isEmpty else {
                say(&s, L10n.t("msg.crisisEndUsage"), error: true)
                return []
            }
            return [.crisis(.end(summary: rest))]
        case .severity:
            guard let run = s.crisis.info.run else { say(&s, L10n.t("msg.noCrisis"), error: true); return [] }
            guard !rest.isEmpty else { crisisSeverity(&s); return [] }
            return [.crisis(.severity(crisis: run.id, level: rest))]
        case .step:
            guard let run = s.crisis.info.run else { say(&s, L10n.t("msg.noCrisis"), error: true); return [] }
            let (id, tail) = Commands.split(rest)
            let (verb, reason) = Commands.split(tail)
            let states: [String: CrisisStepState] = [
                "done": .done, "skip": .skipped, "skipped": .skipped,
                "block": .blocked, "blocked": .blocked, "open": .open,
                "reopen": .open,
            ]
            guard !id.isEmpty, let state = states[verb] else {
                say(&s, L10n.t("msg.crisisStepUsage"), error: true)
                return []
            }
            if (state == .skipped || state == .blocked) && reason.isEmpty {
                say(
                    &s,
                    L10n.t(
                        "msg.stepWhy", ["state": L10n.t("crisis.state." + state.rawValue), "step": id, "verb": verb]),
                    error: true)
                return []
            }
            return [
                .crisis(
                    .step(
                        crisis: run.id, step: id, state: state, reason: reason.isEmpty ? nil : reason,
                        expecting: nil))
            ]
        }
    }

    /// Opens the start prompt: severity first (when the playbook has levels), then the queue question.
    static func startPrompt(_ s: inout AppState, _ p: Playbook, drill: Bool) -> [Effect] {
        let prompt = CrisisPrompt(playbook: p, drill: drill)
        if prompt.stage == .suspend, drill || s.queue.info.suspension != nil {
            let fx: [Effect] = [.crisis(.start(playbook: p.id, severity: nil, drill: drill, suspendQueue: false))]
            return drill ? fx : thenSyncAtOnce(&s, fx)
        }
        s.modal = .crisisPrompt(prompt)
        return []
    }

    /// Keys of the start prompt: move and Enter (or a digit) pick the severity; y/n answer the queue question.
    static func crisisPromptKey(_ s: inout AppState, _ p: CrisisPrompt, _ k: Key) -> [Effect] {
        var p = p
        let cancel: Bool
        switch k {
        case .escape, .ctrl("c"), .char("q"): cancel = true
        default: cancel = false
        }
        if cancel {
            s.modal = nil
            say(&s, L10n.t(p.changeSeverityOf != nil ? "msg.severityUnchanged" : "msg.notStarted"))
            return []
        }
        switch p.stage {
        case .severity:
            let n = p.playbook.severityLevels.count
            var pick: Int?
            switch k {
            case .down, .char("j"), .ctrl("n"): p.selected = min(n - 1, p.selected + 1)
            case .up, .char("k"), .ctrl("p"): p.selected = max(0, p.selected - 1)
            case .enter: pick = p.selected
            case .char(let c) where c.isNumber: if let d = Int(String(c)), d >= 1, d <= n { pick = d - 1 }
            default: break
            }
            guard let i = pick else { s.modal = .crisisPrompt(p); return [] }
            let level = p.playbook.severityLevels[i]
            if let id = p.changeSeverityOf { s.modal = nil; return [.crisis(.severity(crisis: id, level: level))] }
            p.severity = level
            if p.drill || s.queue.info.suspension != nil {
                s.modal = nil
                let fx: [Effect] = [
                    .crisis(.start(playbook: p.playbook.id, severity: level, drill: p.drill, suspendQueue: false))
                ]
                return p.drill ? fx : thenSyncAtOnce(&s, fx)
            }
            p.stage = .suspend
            s.modal = .crisisPrompt(p)
            return []
        case .suspend:
            switch k {
            case .char("y"), .char("Y"), .char("n"), .char("N"):
                s.modal = nil
                let yes = k == .char("y") || k == .char("Y")
                let fx: [Effect] = [
                    .crisis(.start(playbook: p.playbook.id, severity: p.severity, drill: p.drill, suspendQueue: yes))
                ]
                return p.drill ? fx : thenSyncAtOnce(&s, fx)
            default:
                return []
            }
        }
    }

    /// `C-o` in the composer: the run's best holding statement for the mention's network and language; pressed
    /// again right away, the next one replaces it.
    static func insertHoldingStatement(_ s: inout AppState) -> [Effect] {
        guard let key = s.shownKey else { say(&s, L10n.t("msg.noOpen")); return [] }
        guard let run = s.crisis.info.run else {
            say(&s, L10n.t("msg.noCrisisStatement"))
            return []
        }
        let m = s.mention.detail?.mention.key == key ? s.mention.detail?.mention : nil
        let list = run.playbook.statements(network: m?.platform, lang: m?.analysis?.lang)
        guard !list.isEmpty else {
            say(&s, L10n.t("msg.noHoldingStatements", ["name": sanitizeForScreen(run.name)]), error: true)
            return []
        }
        var d = s.mention.drafts[key] ?? Draft()
        var index = 0
        var before = d.editor
        if let c = s.mention.statementCycle, c.key == key, c.after == d.editor {
            index = (c.index + 1) % list.count
            before = c.before
        }
        let h = list[index]
        var e = before
        e.insert(
            sanitizeForScreen(
                run.playbook.render(h, team: s.settings.team, agent: s.settings.agent, now: s.chrome.now).text,
                singleLine: false))
        d.editor = e
        s.mention.drafts[key] = d
        s.mention.statementCycle = StatementCycle(key: key, index: index, before: before, after: e)
        say(
            &s,
            L10n.t(
                list.count > 1 ? "msg.holdingStatementNext" : "msg.holdingStatement",
                [
                    "n": index + 1, "count": list.count,
                    "what": "\(h.id) (\(h.lang)\(h.network.map { ", " + $0 } ?? ""))",
                ]))
        return []
    }

    /// A notify step's command finished (or was recorded).
    static func crisisNotified(_ s: inout AppState, _ text: String, ok: Bool) -> [Effect] {
        say(&s, text, error: !ok)
        if !ok { s.crisis.error = text }
        return [.refreshStore]
    }

    /// A crisis change was refused: shown in the pane until the next try.
    static func crisisFailed(_ s: inout AppState, _ text: String) -> [Effect] {
        say(&s, text, error: true)
        s.crisis.error = text
        return []
    }

    /// On the clock tick: a new 15-minute slot of the chart began.
    static func crisisTick(_ s: inout AppState) -> [Effect] {
        guard s.crisis.info.run != nil, let at = s.crisis.info.computedAt,
            Int(s.chrome.now.timeIntervalSince1970 / 900) != Int(at.timeIntervalSince1970 / 900)
        else { return [] }
        return [.crisis(.refresh)]
    }
}
