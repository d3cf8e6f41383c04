import ArgumentParser
import Foundation
import SwitchboardCore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: L10n.t("cli.abstract.syncCommand.1"),
        discussion: """
            The remote is team.json's "sync": {"remote": "ssh://git@host/team.git", "branch": "main"}. Each site \
            appends only to its own log segments, so logs never conflict; when team.json, a template or a playbook \
            was changed on two sites at once, this site's version is kept and the file is named (and by doctor). \
            Exit 1 with the reason when it cannot sync.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Afterwards, pack the repository (git gc) and print its size.")
    var gc = false

    @Option(help: "A document whose conflict you settled by hand: sync it again.")
    var resolved: String?

    func run() throws {
        let dir = global.directory
        guard dir.exists else {
            throw CLIError.failure("no data directory at \(dir.root.path): run `switchboard init --site NAME` first")
        }
        let sync = try SyncCommand.engine(dir)
        if let resolved {
            try sync.resolved(resolved)
            print("\(resolved): syncs again")
        }
        let t0 = Date()
        let r: GitSync.Report
        do { r = try sync.run() } catch let e as SwitchboardError { throw CLIError.failure("sync: " + e.message) }
        for m in r.migrated { print("migrated \(m)") }
        print(SyncCommand.summary(r, site: sync.site, seconds: Date().timeIntervalSince(t0)))
        for f in r.conflicts {
            print(
                "\(f): changed here and on another site: this site's version is kept and the file no longer syncs; "
                    + "settle it by hand, then "
                    + "`switchboard sync --resolved \(f)`")
        }
        if gc {
            do { print(try sync.collectGarbage()) } catch let e as SwitchboardError {
                throw CLIError.failure("sync --gc: " + e.message)
            }
        }
    }

    /// The sync engine for a data directory: its site and team.json's `sync` section, or the reason it has none.
    static func engine(_ dir: DataDirectory) throws -> GitSync {
        guard let site = dir.site else {
            throw CLIError.failure(
                "\(dir.root.path) has no site name: set one with `switchboard migrate --site NAME` (e.g. berlin)")
        }
        let team: TeamConfig
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch let e as SwitchboardError {
            throw CLIError.failure(e.message)
        }
        guard let settings = try SyncSettings(team: team), settings.remote != nil else {
            throw CLIError.failure(
                "team.json has no sync remote: add \"sync\": {\"remote\": \"ssh://git@host/team.git\"}")
        }
        return GitSync(dir: dir, site: site, settings: settings)
    }

    /// A site of a team across servers syncs at once after what the other sites must see now (a suspend, a crisis
    /// start); a failure is a warning (what was recorded here stays, and syncs next time).
    static func syncNow(_ dir: DataDirectory, why: String) {
        guard dir.site != nil, let sync = try? engine(dir) else { return }
        do {
            _ = try sync.run()
            print("synced \(why) to the other sites")
        } catch {
            Output.warn("\(why) is recorded here but could not be synced yet: \(error)")
        }
    }

    static func summary(_ r: GitSync.Report, site: String, seconds: Double) -> String {
        let total = r.incoming.values.reduce(0, +)
        let from = r.incoming.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        func records(_ n: Int) -> String { n == 1 ? "1 record" : "\(n) records" }
        let incoming = total == 0 ? "nothing came in" : "in: \(records(total)) (\(from))"
        let out = r.outgoing == 0 ? "nothing went out" : "out: \(records(r.outgoing))"
        return "sync \(site): \(incoming); \(out)" + (r.pushed ? ", pushed" : "")
            + String(format: " (%.2f s)", seconds)
    }
}
