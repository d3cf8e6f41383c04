import Foundation
import Listening
import SwitchboardCore

/// The listener's publishing in the background, every few seconds: replies in the outbox (`+Outbox`) and due
/// posts of the content queue (`+Queue`). Each pass reads team.json again (changes apply without a restart);
/// a pass is skipped while team.json does not read.
public struct PublishingLoop: Sendable {
    public let store: Store, http: HTTPClient, actor: String
    public let log: @Sendable (String) -> Void

    public init(
        store: Store, http: HTTPClient = URLSessionHTTPClient(timeout: 30), actor: String = Actor.current(),
        log: @escaping @Sendable (String) -> Void
    ) {
        (self.store, self.http, self.actor, self.log) = (store, http, actor, log)
    }

    /// Logs `line` after the time stamp.
    func line(_ line: String) { log("\(Timestamp.format(Date())) " + line) }

    /// Runs `pass` with the team of the moment every `seconds` until cancelled.
    func run(every seconds: Double, _ pass: (TeamConfig) async -> Void) async {
        while !Task.isCancelled {
            if let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) { await pass(team) }
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        }
    }
}
