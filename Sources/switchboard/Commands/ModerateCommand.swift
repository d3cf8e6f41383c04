import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard moderate KEY KIND [--reason …] [--ban] [--json]`: hide, unhide, delete… a mention through its
/// network (the source that found it), recorded in the log with the reason once the network said yes.
struct ModerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderate",
        abstract: L10n.t("cli.abstract.moderateCommand.1"),
        discussion: """
            KIND is one of \(ModerationKind.allCases.map(\.rawValue).joined(separator: ", ")); which ones a network \
            offers is in the user guide (Moderation). The action goes through the source that found the mention and \
            is recorded in the log, with the reason, only once the network said yes. A network that does not offer \
            it is named with what it offers; a source that needs a new login says so (exit status 1).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The mention's key (or an unambiguous prefix).") var key: String
    @Argument(help: "What to do: \(ModerationKind.allCases.map(\.rawValue).joined(separator: "|")).")
    var kind: ModerationKind
    @Option(help: "Why (kept in the log and the mention's history).") var reason: String?
    @Flag(help: "Also ban the author, where the network can (YouTube reject).") var ban = false
    @Flag(help: "Print the recorded event as JSON.") var json = false

    func run() async throws {
        let (store, k) = try global.openStore(resolving: key, quiet: json)
        guard let m = store.mention(k) else { throw CLIError.failure("no mention \(key)") }
        let team = try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
        let moderators = Moderation.moderators(
            team: team, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
        let event: AuditEvent
        do {
            event = try await Moderation.perform(
                store: store, key: k, kind: kind, reason: reason, ban: ban, actor: Actor.current(),
                moderatorFor: moderators)
        } catch let e as ModerationError {
            throw CLIError.failure("\(k): not \(kind.done): " + Output.safe(e.description))
        }
        if json { try Output.printJSON(event); return }
        let who = m.author?.shown ?? "(unknown author)"
        let words = m.text.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
        print(
            "\(k): \(kind.done) on \(Moderation.networkName(m.platform)) — \(Output.safe(who)) "
                + "\"\(Output.safe(words))\"" + (reason.map { " (reason: \(Output.safe($0)))" } ?? ""))
    }
}

extension ModerationKind: ExpressibleByArgument {}
