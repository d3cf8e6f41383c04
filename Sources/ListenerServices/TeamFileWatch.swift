import Foundation
import SwitchboardCore

/// Re-reads team.json for the running listener. When it stops parsing, the settings in use are kept and one log line
/// names the file, line and column (and `alert_command` is told); one more line when it is fixed.
public final class TeamFileWatch: @unchecked Sendable {
    let file: URL
    let log: @Sendable (String) -> Void
    let alert: @Sendable (String) -> Void
    private let lock = NSLock()
    private var problem: String?

    /// `alert` gets the message for `alert_command` (the caller knows the command in use).
    public init(
        file: URL, log: @escaping @Sendable (String) -> Void, alert: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        (self.file, self.log, self.alert) = (file, log, alert)
    }

    /// One line in the listener's log, and the same to `alert_command`.
    private func say(_ text: String, _ now: Date) {
        log("\(Timestamp.format(now)) \(text)")
        alert("Switchboard listener: " + text)
    }

    /// The current team.json; nil (after saying so once) when it cannot be read.
    public func read(now: Date = Date()) -> TeamConfig? {
        do {
            let team = try FileIO.readDocument(TeamConfig.self, from: file)
            let wasBroken: Bool = lock.withLock {
                defer { problem = nil }
                return problem != nil
            }
            if wasBroken { say(L10n.t("listen.teamReadable", ["path": file.path]), now) }
            return team
        } catch {
            let why = "\(error)".replacingOccurrences(of: "\n", with: "; ")
            let first: Bool = lock.withLock {
                defer { problem = why }
                return problem != why
            }
            if first { say(L10n.t("listen.teamUnreadable", ["why": "\(why)"]), now) }
            return nil
        }
    }
}
