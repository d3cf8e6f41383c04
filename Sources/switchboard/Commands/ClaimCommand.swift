import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard claim KEY [--force]`: take a mention (as opening the composer does); refuses when a colleague holds it.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Claim a mention for yourself (someone else's needs --force).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mention key.") var key: String
    @Flag(help: "Take it over from a colleague.") var force = false
    @Flag(help: "Print the result as JSON.") var json = false
    func run() throws {
        let (store, k) = try global.openStore(resolving: key)
        let me = Actor.current()
        let c: Triage.Claim
        do { c = try Triage.claim(store: store, key: k, me: me, force: force) } catch {
            if case .heldBy = error {
                throw CLIError.failure(
                    "\(k): \(error.description.replacingOccurrences(of: "(take over to reply anyway)", with: "(pass --force to take over)"))"
                )
            }
            throw CLIError.failure("\(error)")
        }
        if json {
            try Output.printJSON(["key": k, "assignee": me, "took_over_from": c.tookOverFrom ?? ""])
        } else {
            print("\(k): claimed by \(me)" + (c.tookOverFrom.map { " (taken over from \($0))" } ?? ""))
        }
    }
}
