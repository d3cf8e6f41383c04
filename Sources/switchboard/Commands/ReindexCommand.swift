import ArgumentParser
import Foundation
import HistoryIndex
import SwitchboardCore

/// `switchboard reindex`: rebuilds the index (`index/history.sqlite`) from the logs, with a progress bar on stderr.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: L10n.t("cli.abstract.reindexCommand.1"),
        discussion: L10n.t("cli.discussion.reindex"))
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
        // The report's hours, sums and people made now (8 days of rows in memory at a time), so the first report
        // after a rebuild is as quick as any: in the rebuild's own file, on a second thread beside its full-text
        // pass (`rebuildReports`); `prepareReports` then finds them made. Where the rebuild could not make them,
        // `prepareReports` makes them after the checkpoint, so they read the rebuilt file, not its log. Without a
        // readable team file the first report makes them.
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        if let team { index.rebuildReports = (team, ReportCommand.options(team)) }
        try index.catchUp(progress: progress, rebuild: L10n.t("cli.reindex.why"))
        try? index.checkpoint()
        if let team, (try? index.prepareReports(team: team, options: ReportCommand.options(team))) == true {
            try? index.checkpoint()
        }
        let secs = Date().timeIntervalSince(started)
        print(
            L10n.t(
                "cli.reindex.done",
                [
                    "mentions": try index.mentionCount(), "actions": try index.eventCount(),
                    "seconds": Output.decimal("%.1f", secs),
                    "mb": Output.decimal("%.1f", Double(index.sizeOnDisk()) / 1e6),
                ]))
    }
}
