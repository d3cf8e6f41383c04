import Foundation
import SwitchboardCore

extension Listener {
    /// The enabled sources of the current team config.
    public var enabledSources: [SourceConfig] { team.sources.filter(\.isEnabled) }

    /// Polls every enabled source once, concurrently. With `onlyDue`, only those whose next run has come
    /// (for `listen --once` from cron: intervals, backoff and rate limits are kept across runs).
    @discardableResult
    public func runOnce(onlyDue: Bool = false) async -> [PollOutcome] {
        let t = now()
        let health = state.load()
        let due = enabledSources.filter { c in !onlyDue || (health[c.id]?.nextRun ?? t) <= t }
        return await withTaskGroup(of: PollOutcome.self) { g in
            for c in due { g.addTask { await self.poll(c) } }
            var out: [PollOutcome] = []
            for await o in g { out.append(o) }
            return out.sorted { $0.source < $1.source }
        }
    }

    /// Runs until `stop()`: each enabled source in its own loop, polled when its `next_run` comes (a listener
    /// restarted after a crash keeps the schedule and backoff it had). When `reloadTeam` returns a changed
    /// config, the loops restart with it, so sources added by `switchboard sources add` start without a restart.
    public func run(reloadTeam: (@Sendable () -> TeamConfig?)? = nil, reloadEvery: TimeInterval = 30) async {
        let task = Task {
            while !Task.isCancelled {
                let team = self.team
                await withTaskGroup(of: Void.self) { g in
                    for c in team.sources where c.isEnabled { g.addTask { await self.loop(c) } }
                    if let reloadTeam {
                        g.addTask {
                            while !Task.isCancelled {
                                try? await Task.sleep(nanoseconds: UInt64(reloadEvery * 1e9))
                                if Task.isCancelled { return }
                                if let t = reloadTeam(), t != team { self.setTeam(t); self.log("\(Timestamp.format(self.now())) team config changed: restarting the sources"); return }
                            }
                        }
                        await g.next()
                        g.cancelAll()
                    }
                }
                if reloadTeam == nil { break }
            }
        }
        setRunTask(task)
        await task.value
    }

    /// Ends `run()`: sleeping loops wake, requests in flight are cancelled; a poll whose mentions are
    /// already in hand finishes storing them and saving its cursor first (those steps are not interruptible).
    public func stop() { cancelRunTask() }

    func loop(_ config: SourceConfig) async {
        // The schedule comes from state/sources.json once, then from each poll's outcome (so a state file that
        // cannot be written never turns into a tight loop).
        var due = state.health(config.id).nextRun ?? now()
        while !Task.isCancelled {
            let wait = due.timeIntervalSince(now())
            if wait > 0 {
                do { try await Task.sleep(nanoseconds: UInt64(min(wait, 86400) * 1e9)) } catch { return }
            }
            if Task.isCancelled { return }
            let o = await poll(config)
            due = max(o.nextRun, now().addingTimeInterval(1))
        }
    }
}
