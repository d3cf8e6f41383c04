import ArgumentParser
import Foundation
import SwitchboardCore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: L10n.t("cli.abstract.syncCommand.1"),
        discussion: L10n.t("cli.discussion.sync"))

    @OptionGroup var global: GlobalOptions

    @Flag(help: ArgumentHelp(L10n.t("cli.help.sync.gc")))
    var gc = false

    @Option(help: ArgumentHelp(L10n.t("cli.help.sync.resolved")))
    var resolved: String?

    func run() throws {
        let dir = global.directory
        guard dir.exists else {
            throw CLIError.failure(L10n.t("cli.sync.noDataDir", ["path": dir.root.path]))
        }
        let sync = try SyncCommand.engine(dir)
        if let resolved {
            try sync.resolved(resolved)
            print(L10n.t("cli.sync.syncsAgain", ["file": resolved]))
        }
        let t0 = Date()
        let r: GitSync.Report
        do { r = try sync.run() } catch let e as SwitchboardError { throw CLIError.failure("sync: " + e.message) }
        for m in r.migrated { print(L10n.t("cli.sync.migrated", ["file": m])) }
        print(SyncCommand.summary(r, site: sync.site, seconds: Date().timeIntervalSince(t0)))
        for f in r.conflicts { print(L10n.t("cli.sync.conflict", ["file": f])) }
        if gc {
            do { print(try sync.collectGarbage()) } catch let e as SwitchboardError {
                throw CLIError.failure("sync --gc: " + e.message)
            }
        }
    }

    /// The sync engine for a data directory: its site and team.json's `sync` section, or the reason it has none.
    static func engine(_ dir: DataDirectory) throws -> GitSync {
        guard let site = dir.site else {
            throw CLIError.failure(L10n.t("cli.sync.noSite", ["path": dir.root.path]))
        }
        let team: TeamConfig
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch let e as SwitchboardError {
            throw CLIError.failure(e.message)
        }
        guard let settings = try SyncSettings(team: team), settings.remote != nil else {
            throw CLIError.failure(L10n.t("cli.sync.noRemote"))
        }
        return GitSync(dir: dir, site: site, settings: settings)
    }

    /// A site of a team across servers syncs at once after what the other sites must see now (a suspend, a crisis
    /// start); a failure is a warning (what was recorded here stays, and syncs next time).
    static func syncNow(_ dir: DataDirectory, why: String) {
        guard dir.site != nil, let sync = try? engine(dir) else { return }
        do {
            _ = try sync.run()
            print(L10n.t("cli.sync.syncedNow", ["what": why]))
        } catch {
            Output.warn(L10n.t("cli.sync.notSyncedYet", ["what": why, "error": "\(error)"]))
        }
    }

    static func summary(_ r: GitSync.Report, site: String, seconds: Double) -> String {
        let total = r.incoming.values.reduce(0, +)
        let from = r.incoming.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        func records(_ n: Int) -> String { L10n.t(n == 1 ? "cli.sync.record" : "cli.sync.records", ["n": n]) }
        let incoming =
            total == 0
            ? L10n.t("cli.sync.nothingIn") : L10n.t("cli.sync.in", ["records": records(total), "from": from])
        let out =
            r.outgoing == 0 ? L10n.t("cli.sync.nothingOut") : L10n.t("cli.sync.out", ["records": records(r.outgoing)])
        return L10n.t("cli.sync.summary", ["site": site, "in": incoming, "out": out])
            + (r.pushed ? ", " + L10n.t("cli.sync.pushed") : "")
            + " (" + Output.decimal("%.2f", seconds) + " s)"
    }
}
