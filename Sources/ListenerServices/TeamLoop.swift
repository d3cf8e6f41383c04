import Foundation
import SwitchboardCore

/// The loop the listener's background services share: every `seconds`, until cancelled, reads team.json again
/// (so changes apply without a restart) and runs one pass with it; a pass is skipped while team.json does not read.
public enum TeamLoop {
    public static func run(store: Store, every seconds: Double, _ pass: (TeamConfig) async -> Void) async {
        while !Task.isCancelled {
            if let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) { await pass(team) }
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        }
    }
}
