import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard claim KEY [--force]`: take a mention (as opening the composer does); refuses when a colleague holds it.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: L10n.t("cli.abstract.claimCommand.1"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKey"))) var key: String
    @Flag(help: ArgumentHelp(L10n.t("cli.help.claim.force"))) var force = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.resultJSON"))) var json = false
    /// Claims mention `key` for `me` (as `claim` and `reply` do); a colleague's claim fails with a hint to --force.
    static func claim(_ store: Store, key k: String, me: String, force: Bool) throws -> Triage.Claim {
        do { return try Triage.claim(store: store, key: k, me: me, force: force) } catch {
            if case .heldBy = error {
                let hint = error.description.replacingOccurrences(
                    of: "(" + L10n.t("triage.takeOver") + ")",
                    with: "(" + L10n.t("cli.claim.force") + ")")
                throw CLIError.failure("\(k): \(hint)")
            }
            throw CLIError.failure("\(error)")
        }
    }

    func run() throws {
        let (store, k) = try global.openStore(resolving: key)
        let me = Actor.current()
        let c = try ClaimCommand.claim(store, key: k, me: me, force: force)
        if json {
            try Output.printJSON(["key": k, "assignee": me, "took_over_from": c.tookOverFrom ?? ""])
        } else {
            print(
                L10n.t("cli.claim.done", ["key": k, "user": me])
                    + (c.tookOverFrom.map { " (" + L10n.t("cli.claim.takenOver", ["user": $0]) + ")" } ?? ""))
        }
    }
}
