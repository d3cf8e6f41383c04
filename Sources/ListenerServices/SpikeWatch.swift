import Dispatch
import Foundation
import Insight
import SwitchboardCore

/// Around-the-clock spike alerts, run by whichever process polls the sources (the listener, or a workbench
/// when no listener runs): after new mentions are stored it checks the hourly volume (all, and negative)
/// against the baselines; an alert is recorded in the actions log (so every workbench shows the banner),
/// logged, and handed to the team's optional `alert_command` (message on stdin and in $SWITCHBOARD_ALERT).
public final class SpikeWatch: @unchecked Sendable {
    public let store: Store
    public let log: @Sendable (String) -> Void
    /// How long `alert_command` may run before it is terminated.
    public var commandTimeout: TimeInterval = 30
    private let lock = NSLock()
    private let commands = DispatchQueue(label: "switchboard.alert-command")
    private var state: SpikeState
    private var stateFile: URL { store.dir.stateDir.appendingPathComponent("spikes.json") }

    public init(store: Store, log: @escaping @Sendable (String) -> Void) {
        (self.store, self.log) = (store, log)
        let file = store.dir.stateDir.appendingPathComponent("spikes.json")
        state = (try? FileIO.readDocument(SpikeState.self, from: file)) ?? SpikeState()
    }

    /// Checks now; returns the alert when one was raised.
    @discardableResult
    public func check(now: Date = Date()) -> SpikeAlert? {
        guard let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) else { return nil }
        let since = now.addingTimeInterval(-(8 * 86400 + 3600))
        // Our own posts (a run of status updates during an outage) are no spike in what people say about us.
        let own = OwnAccounts(team: team)
        let events = Array(
            store.mentions.lazy.filter { $0.createdAt >= since && !own.contains($0) }.map(SpikeEvent.init))
        let alert: SpikeAlert? = lock.withLock {
            let settings = SpikeSettings(team: team)
            guard let a = SpikeDetector.check(events, now: now, settings: settings, state: &state) else { return nil }
            try? FileIO.makeDirectory(store.dir.stateDir)
            try? StarterKit.writeJSON(state, to: stateFile)
            return a
        }
        guard let alert else { return nil }
        var record = SpikeAlertRecord(
            kind: alert.kind.rawValue, count: alert.count,
            baseline: (alert.baseline * 10).rounded() / 10,
            ratio: (alert.ratio * 10).rounded() / 10, message: alert.message)
        // The playbook to offer: keywords in the last hour's negative mentions, else one made for negative spikes.
        var text = alert.message
        let recent = store.mentions.lazy.filter {
            $0.createdAt >= now.addingTimeInterval(-3600) && $0.analysis?.sentiment == .negative && !own.contains($0)
        }.map(\.text)
        if CrisisLog(store: store).active == nil,
            let p = PlaybookLibrary.load(store.dir).suggest(
                negativeSpike: alert.kind == .negative,
                recentTexts: Array(recent))
        {
            record.playbook = p.id
            text += "\nSuggested playbook: \(p.name) — switchboard crisis start \(p.id)"
        }
        _ = try? store.record([.spikeAlert(record)], actor: "switchboard", now: now)
        log("\(Timestamp.format(now)) spike: \(alert.message)" + (record.playbook.map { " (playbook: \($0))" } ?? ""))
        if let cmd = team.alertCommand, !cmd.isEmpty { runCommand(cmd, message: text) }
        return alert
    }

    /// Waits for the alert commands in flight (before the process exits).
    public func drain() { commands.sync {} }

    /// Hands `message` to `alert_command` (when set) in the background, as a spike alert is.
    public func tell(_ command: String?, message: String) {
        if let command, !command.isEmpty { runCommand(command, message: message) }
    }

    /// Runs `alert_command` in the background (through `ShellCommand`: stdin from a file, with a timeout).
    private func runCommand(_ command: String, message: String) {
        let env = ["SWITCHBOARD_ALERT": message, "SWITCHBOARD_DATA_DIR": store.dir.root.path]
        let log = self.log
        let timeout = commandTimeout
        commands.async {
            do {
                let r = try ShellCommand.run(command, input: message + "\n", environment: env, timeout: timeout)
                if r.timedOut {
                    log("\(Timestamp.format(Date())) alert_command timed out after \(Int(timeout))s")
                } else if !r.succeeded {
                    log("\(Timestamp.format(Date())) alert_command exited with status \(r.signal ?? r.status)")
                }
            } catch {
                log("\(Timestamp.format(Date())) alert_command could not start: \(error)")
            }
        }
    }
}
