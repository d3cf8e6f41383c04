import ArgumentParser
import Foundation
import Insight
import ListenerServices
import SwitchboardCore

/// `switchboard reanalyze`: brings the stored mentions' analyses up to the current model. Only analyses made by
/// another model version are redone (all of them with `--all`); a progress bar shows on a terminal.
struct ReanalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanalyze",
        abstract: L10n.t("cli.abstract.reanalyzeCommand.1"),
        discussion: """
            Every analysis records the model version that made it; only mentions analysed by another version
            (or not at all) are analysed again, unless --all is given. Changed results are recorded in batches,
            so an interrupted run keeps what it did. The bar goes to standard error when that is a terminal
            (--progress / --no-progress to choose).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Analyse every mention again, also those the current model already analysed.")
    var all = false

    @Flag(inversion: .prefixedNo, help: "Show the progress bar (default: when standard error is a terminal).")
    var progress: Bool? = nil

    func run() throws {
        let (store, team) = try global.openStoreAndTeam()
        let analyzer = Analyzer(team: team)
        let version = Analyzer.modelVersion
        let mentions = store.mentions
        let todo = all ? mentions : mentions.filter { $0.analysis?.model != version }
        var bar = ProgressBar(label: "reanalyze", total: todo.count, enabled: progress ?? (isatty(2) == 1))
        var records: [AnalysisRecord] = []
        var changed = 0
        for (i, m) in todo.enumerated() {
            let a = analyzer.analyze(Ingestion.text(of: m))
            if m.analysis != a {
                records.append(AnalysisRecord(key: m.key, analysis: a))
                var old = m.analysis
                old?.model = version
                if old != a { changed += 1 }
            }
            if records.count >= 2000 {
                try store.recordAnalysis(records)
                records.removeAll(keepingCapacity: true)
            }
            bar.update(i + 1)
        }
        try store.recordAnalysis(records)
        bar.finish()
        let current = mentions.count - todo.count
        if json {
            print(
                "{\"mentions\": \(mentions.count), \"analysed\": \(todo.count), \"changed\": \(changed), "
                    + "\"current\": \(current), \"model\": \"\(version)\"}")
        } else {
            print(
                "\(changed) of \(mentions.count) mentions changed, \(todo.count) analysed, \(current) already current "
                    + "(model \(version))")
        }
    }
}
