import Foundation
import SwitchboardCore

extension EffectRunner {
    /// The crisis pane's view of the log and the playbooks: the current run with its chart and timeline, and the
    /// playbook a spike suggests.
    func crisisInfo() -> CrisisInfo {
        let now = clock()
        var c = CrisisInfo()
        (c.playbooks, c.problems) = (view.playbookLibrary.playbooks, view.playbookLibrary.problems)
        c.run = view.crisisLog.current
        c.realActive = view.crisisLog.active != nil
        c.computedAt = now
        if let run = c.run {
            c.buckets = buckets(run, now: now)
            // The log is in write order, nearly in time order: look back from the end with an hour of slack.
            let events = store.events
            let from = run.startedAt.addingTimeInterval(-3600)
            var i = events.count
            while i > 0, events[i - 1].at >= from { i -= 1 }
            c.timeline = CrisisReport(run: run, mentions: [], states: [:], events: Array(events[i...]), now: now)
                .timeline.reversed()
        }
        if let sp = view.lastSpike {
            if let id = sp.playbook, let p = view.playbookLibrary.playbooks.first(where: { $0.id == id }) {
                // The process that raised the alert recorded the playbook it suggests.
                c.offer = p
            } else if let o = view.offer, o.spike == sp.at {
                c.offer = o.playbook
            } else {
                // The negative mentions of the hour before the alert: their words pick the playbook.
                let since = sp.at.addingTimeInterval(-3600)
                let texts =
                    if let history {
                        // A bounded window: the index's (a few hundred are enough to pick by their words).
                        (try? history.negativeTexts(from: since, to: sp.at.addingTimeInterval(60), limit: 500)) ?? []
                    } else {
                        store.mentions.filter {
                            $0.createdAt >= since && $0.createdAt <= sp.at.addingTimeInterval(60)
                                && $0.analysis?.sentiment == .negative
                        }.map(\.text)
                    }
                c.offer = view.playbookLibrary.suggest(negativeSpike: sp.kind == "negative", recentTexts: texts)
                view.offer = (c.offer, sp.at)
            }
        }
        return c
    }

    /// Mentions per 15 minutes from an hour before the run's start: only the mentions stored since the last call
    /// are counted, unless a new slot began (then all of them again).
    func buckets(_ run: CrisisRun, now: Date) -> [CrisisBucket] {
        let from = run.startedAt.addingTimeInterval(-3600)
        let to = run.endedAt ?? now
        // A bounded window keeps no mentions: one GROUP BY over the index's times (`HistoryIndex.crisisBuckets`).
        if let history {
            return (try? history.crisisBuckets(from: from, to: to)) ?? CrisisReport.buckets([], from: from, to: to)
        }
        let mentions = store.mentions
        if var c = view.chart, c.run == run.id, c.counted <= mentions.count {
            let add = CrisisReport.buckets(Array(mentions[c.counted...]), from: from, to: to)
            if add.count == c.buckets.count, add.first?.start == c.buckets.first?.start {
                for i in add.indices where add[i].total > 0 {
                    c.buckets[i].total += add[i].total
                    c.buckets[i].negative += add[i].negative
                    c.buckets[i].positive += add[i].positive
                }
                c.counted = mentions.count
                view.chart = c
                return c.buckets
            }
        }
        let all = CrisisReport.buckets(mentions, from: from, to: to)
        view.chart = (run.id, mentions.count, all)
        return all
    }

    func performCrisis(_ op: CrisisOp) -> [Message] {
        let now = clock()
        do {
            switch op {
            case .refresh:
                view.chart = nil
                return [.panelsLoaded(loadQueue(), crisisInfo())]
            case .start(let id, let severity, let drill, let suspend):
                view.playbookLibrary = PlaybookLibrary.load(store.dir)
                view.offer = nil
                let p = try view.playbookLibrary.resolve(id)
                let run = try CrisisOps.start(
                    p, severity: severity, drill: drill, suspendQueue: suspend,
                    team: team ?? TeamConfig(brand: .init(name: "", terms: [])), store: store, actor: actor, now: now)
                let what =
                    L10n.t(run.drill ? "msg.drillStarted" : "msg.crisisStarted", ["name": run.name])
                    + (run.severity.map { " (\($0))" } ?? "")
                let queue =
                    run.drill
                    ? " — " + L10n.t("msg.drillNothing")
                    : run.suspendedQueue ? " — " + L10n.t("msg.queueSuspended") : ""
                return [.storeChanged(delta()), .recorded(what + queue)]
            case .step(let crisis, let step, let state, let reason, let expecting):
                let st = try CrisisOps.setStep(
                    crisis: crisis, step: step, to: state, reason: reason, expecting: expecting,
                    store: store, actor: actor, now: now, timeZone: timeZone)
                let verb = state == .open ? L10n.t("msg.reopened") : L10n.t("crisis.state." + state.rawValue)
                return [
                    .storeChanged(delta()), .recorded("\(st.step.id) \(verb)" + (st.reason.map { ": " + $0 } ?? "")),
                ]
            case .notify(let crisis, let step, let byHand):
                let store = self.store
                let actor = self.actor
                let work: @Sendable () -> Message = {
                    do {
                        let o = try CrisisOps.notify(
                            crisis: crisis, step: step, byHand: byHand, store: store, actor: actor, now: now)
                        return .crisisNotified(o.message, ok: o.ok)
                    } catch {
                        return .crisisNotified("\(error)", ok: false)
                    }
                }
                // The command may take seconds (mail, a webhook): never on the main loop.
                if !byHand {
                    background.startThread { [work()] }
                    return [.recorded(L10n.t("msg.notifying", ["step": step]))]
                }
                return [work(), .storeChanged(delta())]
            case .statement(let crisis, let step):
                guard let team else { return [.crisisFailed(L10n.t("msg.statementNoTeam"))] }
                let run = try CrisisOps.current(crisis, store: store)
                let st = try run.resolveStep(step)
                let item = try CrisisOps.publishStatement(
                    crisis: crisis, step: st.step.kind == .holdingStatement ? st.step.id : nil,
                    team: team, store: store, actor: actor, now: now)
                let held = Queue(store: store).isSuspended ? L10n.t("msg.althoughSuspended") : ""
                return [
                    .storeChanged(delta()), .recorded(L10n.t("msg.statementQueued", ["id": item.id]) + held),
                ]
            case .severity(let crisis, let level):
                let l = try CrisisOps.setSeverity(crisis: crisis, level, store: store, actor: actor, now: now)
                return [.storeChanged(delta()), .recorded(L10n.t("msg.severity", ["level": l]))]
            case .end(let summary):
                let run = try CrisisOps.end(summary: summary, store: store, actor: actor, now: now, timeZone: timeZone)
                let kind = run.drill ? L10n.t("msg.drill") : L10n.t("msg.crisis")
                var text = L10n.t("msg.ended", ["kind": kind])
                do {
                    let url = try CrisisOps.writeReport(run, store: store, team: team, now: now)
                    text += " — " + L10n.t("msg.reportFile", ["file": "crisis/reports/" + url.lastPathComponent])
                } catch {
                    return [
                        .storeChanged(delta()),
                        .failed(L10n.t("msg.endedNoReport", ["kind": kind, "error": "\(error)"])),
                    ]
                }
                if Queue(store: store).isSuspended { text += " · " + L10n.t("msg.queueStaysSuspended") }
                return [.storeChanged(delta()), .recorded(text)]
            }
        } catch {
            return [.storeChanged(delta()), .crisisFailed("\(error)")]
        }
    }
}
