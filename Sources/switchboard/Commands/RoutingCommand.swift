import ArgumentParser
import Foundation
import ListenerServices
import SwitchboardCore

/// `switchboard routing test`: which rules would fire on which stored mentions, without doing anything.
struct RoutingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: L10n.t("cli.abstract.routingCommand.1"),
        subcommands: [Test.self])

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L10n.t("cli.abstract.routingCommand.2"),
            discussion: L10n.t("cli.discussion.routing")
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L10n.t("cli.help.routing.query"))) var query: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.routing.limit"))) var limit = 50
        @Flag(help: ArgumentHelp(L10n.t("cli.help.routing.json"))) var json = false

        func run() throws {
            let (store, team) = try global.openStoreAndTeam()
            let router = try RoutingReport.router(store, team, separator: "\n")
            if router.rules.isEmpty {
                // With --json: no matches is no lines (JSON Lines); the note goes to standard error.
                let note = L10n.t("cli.routing.none")
                if json { Output.err(note) } else { print(note) }
                return
            }
            var list = store.mentions
            if let query { list = try QueryOption.filter(list, states: store.states(), query: query, dir: store.dir) }
            let full = router.plan(list)
            var plan = full.sorted { $0.mention.createdAt > $1.mention.createdAt }
            let total = plan.count
            if limit > 0 { plan = Array(plan.prefix(limit)) }
            let delivered = Router.deliveries(store.events)
            struct Row: Encodable {
                let key: String, rule: String, team: String, delivery: String, routed: Bool, text: String
            }
            let rows = plan.map { p in
                Row(
                    key: p.mention.key, rule: p.rule.name, team: p.rule.team, delivery: p.rule.deliveryDescription,
                    routed: delivered[p.mention.key + "\u{1F}" + p.rule.name] != nil, text: p.mention.text)
            }
            if json {
                for r in rows { try Output.printJSON(r) }
                return
            }
            for r in router.rules {
                let n = full.filter { $0.rule.name == r.name }.count
                print(
                    L10n.t(
                        n == 1 ? "cli.routing.ruleOne" : "cli.routing.rule",
                        [
                            "rule": Output.safe(r.name), "team": Output.safe(r.team),
                            "delivery": Output.safe(r.deliveryDescription), "count": n, "query": Output.safe(r.when),
                        ]))
            }
            if rows.isEmpty { return }
            print("")
            Output.table(
                ["key", "rule", "team", "done", "text"].map { L10n.t("cli.routing.col." + $0) },
                rows.map {
                    [
                        $0.key, Output.clip(Output.safe($0.rule), 24), Output.safe($0.team),
                        $0.routed ? L10n.t("cli.yes") : "-",
                        Output.clip(Output.safe($0.text), 60),
                    ]
                })
            if total > rows.count { print(L10n.t("cli.andMore", ["count": total - rows.count])) }
        }
    }
}
