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
        discussion: L10n.t("cli.discussion.reanalyze")
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: ArgumentHelp(L10n.t("cli.help.resultJSON")))
    var json = false

    @Flag(help: ArgumentHelp(L10n.t("cli.help.reanalyze.all")))
    var all = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(L10n.t("cli.help.reanalyze.progress")))
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
                L10n.t(
                    "cli.reanalyze.done",
                    [
                        "changed": changed, "total": mentions.count, "analysed": todo.count, "current": current,
                        "model": version,
                    ]))
        }
    }
}
