import ArgumentParser
import Foundation
import Listening
import SwitchboardCore

/// `switchboard publish-due`: posts every due queue item once (for cron or a systemd timer; the listener does it too).
struct PublishDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish-due",
        abstract: L10n.t("cli.abstract.publishDueCommand.1"))
    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L10n.t("cli.help.publishDue.json"))) var json = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.publishDue.quiet"))) var quiet = false

    func run() async throws {
        let store = try global.openStore(quiet: json)
        let team = try QueueCommand.team(store)
        let publishers = QueuePublisher.publishers(
            team: team, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
        let results = await QueuePublisher.publishDue(store: store, publisherFor: publishers, actor: Actor.current())
        for r in results {
            if json { try Output.printJSON(r); continue }
            let head = "\(r.id) → \(r.account): "
            switch r.outcome {
            case .published:
                print(head + L10n.t("cli.publishDue.published", ["url": Output.safe(r.url ?? r.postID ?? "")]))
            case .failed:
                print(
                    head + L10n.t("cli.publishDue.failed", ["error": Output.safe(r.message ?? "")])
                        + (r.retryAt.map {
                            " (" + L10n.t("cli.publishDue.retriedAt", ["at": LocalFormat.moment($0)]) + ")"
                        }
                            ?? " (" + L10n.t("cli.publishDue.retry", ["id": r.id]) + ")"))
            case .suspended: print(head + L10n.t("cli.publishDue.held", ["why": Output.safe(r.message ?? "")]))
            case .skipped: print(head + L10n.t("cli.publishDue.notPublished", ["why": Output.safe(r.message ?? "")]))
            }
        }
        if results.isEmpty && !json && !quiet {
            let q = Queue(store: store)
            print(
                q.suspension.map { L10n.t("cli.publishDue.suspended", ["reason": Output.safe($0.reason)]) }
                    ?? L10n.t("cli.publishDue.nothing"))
        }
        if results.contains(where: { $0.outcome == .failed }) { throw ExitCode(1) }
    }
}
