import ArgumentParser
import Foundation
import SwitchboardCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: L10n.t("cli.abstract.logCommand.1"))
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L10n.t("cli.help.log.since")))
    var since: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.log.mention")))
    var mention: String?
    @Flag(help: ArgumentHelp(L10n.t("cli.help.log.json")))
    var json = false

    func run() throws {
        let store = try global.openStore()
        var events = store.events
        if let since {
            guard let t = parseSince(since) else {
                throw CLIError.usage(L10n.t("cli.log.badSince", ["value": since]))
            }
            events = events.filter { $0.at >= t }
        }
        if let mention {
            let k = try store.resolveKey(mention)
            events = events.filter { $0.action.mention == k }
        }
        events.sort { $0.at < $1.at }
        if json { try Output.printJSONLines(events); return }
        if events.isEmpty { print(L10n.t("cli.log.nothing")); return }
        Output.table(
            ["time", "who", "mention", "what"].map { L10n.t("cli.log.col." + $0) },
            events.map {
                [
                    Output.stamp($0.at), Output.safe($0.actor), $0.action.mention ?? "-",
                    Output.clip(Output.safe($0.action.summary), 70),
                ]
            })
    }
}

/// `2h`, `30m`, `7d` ago, or an ISO 8601 time.
func parseSince(_ s: String, now: Date = Date()) -> Date? {
    if let d = Timestamp.parse(s) { return d }
    if let secs = SourceConfig.parseDuration(s), s.last.map({ !$0.isNumber }) ?? false {
        return now.addingTimeInterval(-secs)
    }
    return nil
}
