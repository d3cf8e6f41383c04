import Foundation
import SwitchboardCore

/// The log files of a data directory, in the order the store folds them.
struct HistoryLogs {
    let dir: DataDirectory
    func files(_ kind: LogKind) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        return names.filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".jsonl") }.sorted()
            .map { dir.logDir.appendingPathComponent($0) }
    }
}
