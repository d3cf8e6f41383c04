import ArgumentParser
import Foundation
import Insight
import ListenerServices
import SwitchboardCore

/// `switchboard reanalyze`: runs the current analysis over every stored mention and records what changed.
struct ReanalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanalyze",
        abstract: "Run the current analysis over the stored mentions and record the ones that changed."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let (store, team) = try global.openStoreAndTeam()
        let analyzer = Analyzer(team: team)
        var records: [AnalysisRecord] = []
        let mentions = store.mentions
        for m in mentions {
            let a = analyzer.analyze(Ingestion.text(of: m))
            if m.analysis != a { records.append(AnalysisRecord(key: m.key, analysis: a)) }
        }
        try store.recordAnalysis(records)
        if json {
            print(
                "{\"mentions\": \(mentions.count), \"changed\": \(records.count), \"model\": "
                + "\"\(Analyzer.modelVersion)\"}"
            )
        } else { print("\(records.count) of \(mentions.count) mentions changed (model \(Analyzer.modelVersion))") }
    }
}
