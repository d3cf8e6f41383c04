import ArgumentParser
import Foundation
import SwitchboardCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: L10n.t("cli.abstract.initCommand.1"),
        discussion: L10n.t("cli.discussion.init"))

    /// `--brand NAME` (the global option) here names the new brand.
    @OptionGroup var global: GlobalOptions

    var brand: String { global.brand ?? "Our Brand" }

    @Option(help: ArgumentHelp(L10n.t("cli.help.init.site")))
    var site: String?

    @Option(help: ArgumentHelp(L10n.t("cli.help.init.join")))
    var join: String?

    @Option(help: ArgumentHelp(L10n.t("cli.help.init.remote")))
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
                throw CLIError.usage(L10n.t("cli.init.joinNeedsSite"))
            }
            do { try SiteJoin.join(dir, remote: join, site: site) } catch let e as SwitchboardError {
                throw CLIError.failure(e.message)
            }
            let flag = global.dataDir.map { " --data-dir \($0)" } ?? ""
            print(L10n.t("cli.init.joined", ["remote": join, "site": site, "path": dir.root.path, "flag": flag]))
            return
        }
        guard site != nil || remote == nil else { throw CLIError.usage(L10n.t("cli.init.remoteNeedsSite")) }
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
