import ArgumentParser
import Foundation
import SwitchboardCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory with a team config, reply templates and crisis playbooks.",
        discussion: "Refuses to touch a directory that exists and is not empty.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The brand's name.")
    var brand = "Our Brand"

    func run() throws {
        let dir = global.directory
        let user = Actor.current()
        do { try StarterKit.initialise(dir, brand: brand, user: user) } catch let e as SwitchboardError {
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
