import Foundation
import SwitchboardCore

/// The log files of a data directory, in the order the store folds them.
struct HistoryLogs {
    let dir: DataDirectory
    /// Flat logs and every site's monthly segments (`DataDirectory.logFiles`).
    func files(_ kind: LogKind) -> [URL] { dir.logFiles(kind) }
}
