import ArgumentParser
import Foundation
import SwitchboardCore

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: L10n.t("cli.abstract.migrateCommand.1"),
        discussion: L10n.t("cli.discussion.migrate"))

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(L10n.t("cli.help.migrate.site")))
    var site: String?

    func run() throws {
        let dir = global.directory
        guard dir.exists else { throw CLIError.failure(L10n.t("cli.migrate.noDataDir", ["path": dir.root.path])) }
        guard let name = site ?? dir.site else {
            throw CLIError.usage(L10n.t("cli.migrate.siteNeeded"))
        }
        if let old = dir.site, old != name {
            throw CLIError.failure(L10n.t("cli.migrate.hasSite", ["path": dir.root.path, "site": old]))
        }
        do {
            if dir.site == nil { try dir.setSite(name) }
            let r = try SiteMigration.migrate(dir, site: name)
            for m in r.moved { print(L10n.t("cli.migrate.moved", ["file": m])) }
            print(
                r.moved.isEmpty
                    ? L10n.t("cli.migrate.nothing", ["site": name])
                    : L10n.t("cli.migrate.count", ["site": name, "count": r.moved.count]))
        } catch let e as SwitchboardError { throw CLIError.failure(e.message) }
    }
}
