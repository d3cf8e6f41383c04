import Foundation
import SwitchboardCore

extension Listener {
    /// The enabled sources of the current team config.
    /// (A source whose home is another site is polled there, not here.)
    public var enabledSources: [SourceConfig] { team.sources.filter { $0.isEnabled && $0.isHome(store.site) } }

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
                // Children answer true only for "the team config changed": a source loop that ends early
                // (a stream the source cannot offer) never restarts the others.
                await withTaskGroup(of: Bool.self) { g in
                    for c in team.sources where c.isEnabled && c.isHome(self.store.site) {
                        g.addTask {
                            await self.loop(c)
                            return false
                        }
                        if c.streaming == true {
                            g.addTask {
                                await self.streamLoop(c)
                                return false
                            }
                        }
                    }
                    if let reloadTeam {
                        g.addTask {
                            while !Task.isCancelled {
                                // In steps of a second, so a reload asked for (SIGHUP) happens at once.
                                var waited: TimeInterval = 0
                                while waited < reloadEvery, !Task.isCancelled, !self.takeReloadRequest() {
                                    let step = min(1, reloadEvery - waited)
                                    try? await Task.sleep(nanoseconds: UInt64(step * 1e9))
                                    waited += step
                                }
                                if Task.isCancelled { return false }
                                if let t = reloadTeam(), t != team {
                                    self.setTeam(t)
                                    self.log(
                                        "\(Timestamp.format(self.now())) team config changed: restarting the sources")
                                    return true
                                }
                            }
                            return false
                        }
                    }
                    while let changed = await g.next() {
                        if changed { g.cancelAll(); break }
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

    /// Keeps a streaming connection open for a source that wants one (Mastodon `streaming: true`), storing
    /// mentions the moment they arrive. Polling goes on beside it and owns the cursor; the store dedupes.
    /// A dropped stream reconnects with backoff; a refused login pauses it like polling.
    func streamLoop(_ config: SourceConfig) async {
        var failures = 0
        while !Task.isCancelled {
            guard let s = (try? source(for: config)) as? StreamingSource, s.wantsStreaming else { return }
            var pause: TimeInterval
            do {
                try await s.stream { mentions in self.deliverStreamed(mentions, from: config) }
                failures = 0
                pause = 5
            } catch {
                if Task.isCancelled { return }
                failures += 1
                let why = (error as? SourceError)?.description ?? String(describing: error)
                log(
                    "\(Timestamp.format(now())) \(config.id): streaming stopped: "
                        + "\(NetworkText.clean(why, max: 300)); polling continues"
                )
                if case .needsLogin? = error as? SourceError {
                    pause = pauseAfterLoginError
                } else if case .rateLimited(let at, _)? = error as? SourceError {
                    pause = max(5, at.timeIntervalSince(now()))
                } else {
                    pause = backoff.delay(failures: failures)
                }
            }
            do { try await Task.sleep(nanoseconds: UInt64(pause * 1e9)) } catch { return }
        }
    }

    func deliverStreamed(_ mentions: [Mention], from config: SourceConfig) {
        guard !mentions.isEmpty else { return }
        do {
            let r = try store.ingest(mentions)
            guard !r.added.isEmpty else { return }
            onIngest?(r.added.compactMap { store.mention($0) })
            _ = try? state.update(config.id) { h in
                h.fetched += mentions.count
                h.added += r.added.count
            }
            log("\(Timestamp.format(now())) \(config.id): " + L10n.t("listen.streamed", ["count": r.added.count]))
        } catch {
            log("\(Timestamp.format(now())) \(config.id): " + L10n.t("listen.cannotStoreStream", ["error": "\(error)"]))
        }
    }
}
