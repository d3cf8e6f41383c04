import ArgumentParser
import Foundation
import SwitchboardCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory with a team config, reply templates and crisis playbooks.",
        discussion: "Refuses to touch a directory that exists and is not empty.")

    /// `--brand NAME` (the global option) here names the new brand.
    @OptionGroup var global: GlobalOptions

    var brand: String { global.brand ?? "Our Brand" }

    func run() throws {
        let dir = DataDirectory.resolve(explicit: global.dataDir)
        let user = Actor.current()
        do { try StarterKit.initialise(dir, brand: brand, user: user) } catch let e as SwitchboardError {
            throw CLIError.failure(e.message)
        }
        let flag = global.dataDir.map { " --data-dir \($0)" } ?? ""
        print(
            """
            Created \(dir.root.path)

              team.json         brand terms, competitors, sources, team, SLA targets, sensitive and crisis terms
              templates/        \(StarterKit.templates.count) reply templates
              playbooks/        \(StarterKit.playbooks.count) crisis playbooks (service outage, backlash, data leak)
              log/              mentions and actions, appended as JSON Lines
              inbox/            drop *.jsonl files here to import them

            Next:
              1. Edit team.json: brand terms, competitors, your team (you are "\(user)", role lead).
              2. Add sources:      switchboard sources add\(flag)
                 or import a file: switchboard ingest\(flag) mentions.jsonl
              3. Open the workbench: switchboard\(flag)
            """)
    }
}
