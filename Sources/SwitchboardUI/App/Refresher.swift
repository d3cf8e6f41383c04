import Foundation
import SwitchboardCore

/// The background refresher: every `interval` it reads new log tails (one stat per log file when nothing
/// changed), watches the playbook files, and posts a tick every few seconds; it wakes the
/// terminal only when it posted something. No busy polling: it sleeps on a semaphore between rounds.
final class Refresher: @unchecked Sendable {
    let store: Store, mailbox: Mailbox, waker: TerminalWakerBox, interval: Double
    let listenerProbe: (@Sendable () -> SourcesMode)?
    /// Watches team.json (nil: nobody asked, as in tests).
    var teamWatch: TeamWatch?
    private let stopSignal = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let tickLock = NSLock()
    private var _fastTicks = false
    /// Tick every second instead of every 5 (a send delay is counting down, a reply is being sent).
    var fastTicks: Bool {
        get { tickLock.withLock { _fastTicks } }
        set { tickLock.withLock { _fastTicks = newValue } }
    }

    init(
        store: Store, mailbox: Mailbox, waker: TerminalWakerBox, interval: Double,
        listenerProbe: (@Sendable () -> SourcesMode)?, teamWatch: TeamWatch? = nil
    ) {
        (self.teamWatch, self.store, self.mailbox, self.waker) = (teamWatch, store, mailbox, waker)
        (self.interval, self.listenerProbe) = (interval, listenerProbe)
    }

    func start() {
        let t = Thread { [self] in
            loop()
            done.signal()
        }
        t.name = "switchboard-refresher"
        t.start()
    }

    func stop() {
        stopSignal.signal()
        _ = done.wait(timeout: .now() + 2)
    }

    private func loop() {
        var lastTick = Date()
        var lastPanels = panelStamp()
        var lastListener: SourcesMode?
        var round = 0
        var lastError = ""
        var lastCount = store.count
        while stopSignal.wait(timeout: .now() + interval) == .timedOut {
            var posted = false
            do {
                let c = try store.refresh()
                // Writes through this same Store (the workbench's own sources) are folded in already: the count tells.
                let count = store.count
                if !c.isEmpty || count != lastCount { mailbox.post(.storeChanges(c)); posted = true }
                lastCount = count
                lastError = ""
            } catch {
                let e = "\(error)"
                if e != lastError {
                    mailbox.post(.message(.failed(L10n.t("msg.readingStore", ["error": "\(e)"]))))
                    posted = true
                    lastError = e
                }
            }
            round += 1
            if round % 4 == 0 {
                let p = panelStamp()
                if p != lastPanels { lastPanels = p; mailbox.post(.panelFilesChanged); posted = true }
                if let probe = listenerProbe {
                    let l = probe()
                    if l != lastListener { lastListener = l; mailbox.post(.message(.sources(l))); posted = true }
                }
                if let m = teamWatch?.check() { mailbox.post(.message(m)); posted = true }
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= (fastTicks ? 0.9 : 5) {
                lastTick = now
                mailbox.post(.message(.tick(now)))
                posted = true
            }
            if posted { waker.wake() }
        }
    }

    /// Modification times (and sizes) of playbooks/ and every file in it: an edit in place changes the file's,
    /// an added, renamed or removed file the directory's.
    private func panelStamp() -> [Double] {
        let dir = store.dir.playbooksDir
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
        return ([dir] + names.map { dir.appendingPathComponent($0) }).map { url in
            var st = stat()
            guard stat(url.path, &st) == 0 else { return -1 }
            return Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9 + Double(st.st_size) * 1e-12
        }
    }
}
