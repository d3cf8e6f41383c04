import Foundation
import SwitchboardCore

/// Whether the one running a command may read private messages (team.json `private_messages`, by role):
/// `mentions list|show` and `thread` leave them out, or cover their text, for everyone else.
enum PrivateAccess {
    static func mayRead(_ dir: DataDirectory) -> Bool {
        guard let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile) else { return true }
        return team.mayReadPrivate(Actor.current())
    }
}
