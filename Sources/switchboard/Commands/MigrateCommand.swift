import ArgumentParser
import Foundation
import SwitchboardCore

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: L10n.t("cli.abstract.migrateCommand.1"),
        discussion: """
            Moves log/KIND-YYYY-MM.jsonl to log/YYYY-MM/SITE.KIND.jsonl, every record kept. The first sync does \
            the same. A data directory that never syncs needs neither.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "This data directory's site name (letters, digits, - and _), e.g. berlin.")
    var site: String?

    func run() throws {
        let dir = global.directory
        guard dir.exists else { throw CLIError.failure("no data directory at \(dir.root.path)") }
        guard let name = site ?? dir.site else {
            throw CLIError.usage("give this data directory a site name: switchboard migrate --site NAME")
        }
        if let old = dir.site, old != name {
            throw CLIError.failure("\(dir.root.path) is site \(old) already; a site keeps its name")
        }
        do {
            if dir.site == nil { try dir.setSite(name) }
            let r = try SiteMigration.migrate(dir, site: name)
            for m in r.moved { print("moved \(m)") }
            print(r.moved.isEmpty ? "site \(name): nothing to move" : "site \(name): \(r.moved.count) logs moved")
        } catch let e as SwitchboardError { throw CLIError.failure(e.message) }
    }
}
