import Foundation
import Insight
import SwitchboardCore

/// Around-the-clock spike alerts, run by whichever process polls the sources (the listener, or a workbench
/// when no listener runs): after new mentions are stored it checks the hourly volume (all, and negative)
/// against the baselines; an alert is recorded in the actions log (so every workbench shows the banner),
/// logged, and handed to the team's optional `alert_command` (message on stdin and in $SWITCHBOARD_ALERT).
final class SpikeWatch: @unchecked Sendable {
    let store: Store
    let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var state: SpikeState
    private var stateFile: URL { store.dir.stateDir.appendingPathComponent("spikes.json") }

    init(store: Store, log: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.log = log
        state = (try? FileIO.readDocument(SpikeState.self, from: store.dir.stateDir.appendingPathComponent("spikes.json"))) ?? SpikeState()
    }

    /// Checks now; returns the alert when one was raised.
    @discardableResult
    func check(now: Date = Date()) -> SpikeAlert? {
        guard let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) else { return nil }
        let since = now.addingTimeInterval(-(8 * 86400 + 3600))
        let events = store.mentions.lazy.filter { $0.createdAt >= since }.map(SpikeEvent.init)
        let alert: SpikeAlert? = lock.withLock {
            guard let a = SpikeDetector.check(Array(events), now: now, settings: SpikeSettings(team: team), state: &state) else { return nil }
            try? FileIO.makeDirectory(store.dir.stateDir)
            try? StarterKit.writeJSON(state, to: stateFile)
            return a
        }
        guard let alert else { return nil }
        let data: [String: JSONValue] = [
            "kind": .string(alert.kind.rawValue), "count": .number(Double(alert.count)),
            "baseline": .number((alert.baseline * 10).rounded() / 10), "ratio": .number((alert.ratio * 10).rounded() / 10),
            "message": .string(alert.message),
        ]
        // The playbook to offer: keywords in the last hour's negative mentions, else one made for negative spikes.
        var data2 = data
        var text = alert.message
        let recent = store.mentions.lazy.filter { $0.createdAt >= now.addingTimeInterval(-3600) && $0.analysis?.sentiment == .negative }.map(\.text)
        if CrisisLog(store: store).active == nil,
           let p = PlaybookLibrary.load(store.dir).suggest(negativeSpike: alert.kind == .negative, recentTexts: Array(recent)) {
            data2["playbook"] = .string(p.id)
            text += "\nSuggested playbook: \(p.name) — switchboard crisis start \(p.id)"
        }
        _ = try? store.record([.other(type: "spike_alert", mention: nil, data: data2)], actor: "switchboard", now: now)
        log("\(Timestamp.format(now)) spike: \(alert.message)" + (data2["playbook"].map { " (playbook: \($0.stringValue ?? ""))" } ?? ""))
        if let cmd = team.alertCommand, !cmd.isEmpty { run(cmd, message: text) }
        return alert
    }

    private func run(_ command: String, message: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        env["SWITCHBOARD_ALERT"] = message
        env["SWITCHBOARD_DATA_DIR"] = store.dir.root.path
        p.environment = env
        let pipe = Pipe()
        p.standardInput = pipe
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try p.run()
            pipe.fileHandleForWriting.write(Data((message + "\n").utf8))
            try? pipe.fileHandleForWriting.close()
            let log = self.log
            DispatchQueue.global().async {
                p.waitUntilExit()
                if p.terminationStatus != 0 { log("\(Timestamp.format(Date())) alert_command exited with status \(p.terminationStatus)") }
            }
        } catch {
            log("\(Timestamp.format(Date())) alert_command could not start: \(error)")
        }
    }
}
