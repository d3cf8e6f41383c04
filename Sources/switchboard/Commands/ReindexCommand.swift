import ArgumentParser
import Foundation
import HistoryIndex
import SwitchboardCore

/// `switchboard reindex`: rebuilds the index (`index/history.sqlite`) from the logs, with a progress bar on stderr.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: L10n.t("cli.abstract.reindexCommand.1"),
        discussion: """
            The index (index/history.sqlite) is a cache of the logs: searches and reports read it, and it catches up \
            with the logs by itself. Rebuild it when `switchboard doctor` says it disagrees with the logs. The logs \
            are only read.
            """)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dir = global.directory
        guard dir.exists else {
            throw CLIError.failure(
                L10n.t("cli.noDataDir", ["path": dir.root.path]))
        }
        let started = Date()
        let index = try HistoryIndex(dir: dir, writer: Switchboard.writer, catchUp: false)
        let progress = StderrProgress(closingLine: false)
        try index.catchUp(progress: progress, rebuild: "asked for (switchboard reindex)")
        try? index.checkpoint()
        let secs = Date().timeIntervalSince(started)
        print(
            "Index rebuilt: \(try index.mentionCount()) mentions, \(try index.eventCount()) actions in "
                + String(format: "%.1f s", secs)
                + " (\(String(format: "%.1f", Double(index.sizeOnDisk()) / 1e6)) MB on disk).")
    }
}
