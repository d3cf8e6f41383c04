import ArgumentParser
import Foundation
import SwitchboardCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: L10n.t("cli.abstract.initCommand.1"),
        discussion: """
            Refuses to touch a directory that exists and is not empty. With --site, the data directory is one site \
            of a team that syncs through git (--remote sets team.json's sync remote); --join REMOTE --site NAME \
            creates it from a team's remote instead.
            """)

    /// `--brand NAME` (the global option) here names the new brand.
    @OptionGroup var global: GlobalOptions

    var brand: String { global.brand ?? "Our Brand" }

    @Option(help: "This data directory's site name when the team syncs through git, e.g. berlin.")
    var site: String?

    @Option(help: "Create the data directory from a team's git remote (with --site).")
    var join: String?

    @Option(help: "With --site: the team's git remote, written to team.json's sync section.")
    var remote: String?

    func run() throws {
        let dir = DataDirectory.resolve(explicit: global.dataDir)
        let user = Actor.current()
        if let site {
            do { try DataDirectory.checkSiteName(site) } catch let e as SwitchboardError {
                throw CLIError.usage(e.message)
            }
        }
        if let join {
            guard let site else {
                throw CLIError.usage("--join needs --site NAME: the name of this site, e.g. hamburg")
            }
            do { try SiteJoin.join(dir, remote: join, site: site) } catch let e as SwitchboardError {
                throw CLIError.failure(e.message)
            }
            let flag = global.dataDir.map { " --data-dir \($0)" } ?? ""
            print(
                """
                Joined \(join) as site \(site): \(dir.root.path)

                Next:
                  1. Give this site's sources a home: "home": "\(site)" in team.json (only the home site polls and posts).
                  2. Sync now and then:   switchboard sync\(flag)   (listen and the workbench sync on their own)
                """)
            return
        }
        guard site != nil || remote == nil else { throw CLIError.usage("--remote needs --site NAME") }
        do {
            try StarterKit.initialise(dir, brand: brand, user: user)
            if let site { try SiteJoin.found(dir, site: site, remote: remote) }
        } catch let e as SwitchboardError {
            throw CLIError.failure(e.message)
        }
        let flag = global.dataDir.map { " --data-dir \($0)" } ?? ""
        print(
            L10n.t(
                "init.done",
                [
                    "path": dir.root.path, "templates": StarterKit.templates(L10n.language).count,
                    "playbooks": StarterKit.playbooks(L10n.language).count, "user": user, "flag": flag,
                ]))
    }
}
