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
        discussion: L10n.t(
            "cli.discussion.moderate", ["kinds": ModerationKind.allCases.map(\.rawValue).joined(separator: ", ")]))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.mentionKeyPrefix"))) var key: String
    @Argument(
        help: ArgumentHelp(
            L10n.t("cli.help.moderate.kind", ["kinds": ModerationKind.allCases.map(\.rawValue).joined(separator: "|")]))
    )
    var kind: ModerationKind
    @Option(help: ArgumentHelp(L10n.t("cli.help.moderate.reason"))) var reason: String?
    @Flag(help: ArgumentHelp(L10n.t("cli.help.moderate.ban"))) var ban = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.eventJSON"))) var json = false

    func run() async throws {
        let (store, k) = try global.openStore(resolving: key, quiet: json)
        guard let m = store.mention(k) else { throw CLIError.failure(L10n.t("msg.noMentionKey", ["key": key])) }
        let team = try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile)
        let moderators = Moderation.moderators(
            team: team, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
        let event: AuditEvent
        do {
            event = try await Moderation.perform(
                store: store, key: k, kind: kind, reason: reason, ban: ban, actor: Actor.current(),
                moderatorFor: moderators)
        } catch let e as ModerationError {
            throw CLIError.failure(
                L10n.t("cli.moderate.notDone", ["key": k, "done": L10n.t("moderation.done." + kind.rawValue)])
                    + Output.safe(e.description))
        }
        if json { try Output.printJSON(event); return }
        let who = m.author?.shown ?? "(" + L10n.t("cli.unknownAuthor") + ")"
        let words = m.text.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
        print(
            L10n.t(
                "cli.moderate.done",
                [
                    "key": k, "done": L10n.t("moderation.done." + kind.rawValue),
                    "network": Moderation.networkName(m.platform),
                ]) + " — \(Output.safe(who)) "
                + "\"\(Output.safe(words))\""
                + (reason.map { " (" + L10n.t("cli.moderate.reason", ["reason": Output.safe($0)]) + ")" } ?? ""))
    }
}

extension ModerationKind: ExpressibleByArgument {}
