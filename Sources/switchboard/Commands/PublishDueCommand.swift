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
    @Flag(help: "JSON Lines: one result per item and account.") var json = false
    @Flag(help: "Print nothing when nothing was due (for cron, which mails any output).") var quiet = false

    func run() async throws {
        let store = try global.openStore(quiet: json)
        let team = try QueueCommand.team(store)
        let publishers = QueuePublisher.publishers(
            team: team, dataDir: store.dir, http: URLSessionHTTPClient(timeout: 30))
        let results = await QueuePublisher.publishDue(store: store, publisherFor: publishers, actor: Actor.current())
        for r in results {
            if json { try Output.printJSON(r); continue }
            switch r.outcome {
            case .published: print("\(r.id) → \(r.account): published \(Output.safe(r.url ?? r.postID ?? ""))")
            case .failed:
                print(
                    "\(r.id) → \(r.account): failed: \(Output.safe(r.message ?? ""))"
                        + (r.retryAt.map { " (retried at \(Timestamp.format($0)))" }
                            ?? " (retry: switchboard queue retry \(r.id))"))
            case .suspended: print("\(r.id) → \(r.account): held: \(Output.safe(r.message ?? ""))")
            case .skipped: print("\(r.id) → \(r.account): not published: \(Output.safe(r.message ?? ""))")
            }
        }
        if results.isEmpty && !json && !quiet {
            let q = Queue(store: store)
            print(
                q.suspension.map { "The queue is suspended (\(Output.safe($0.reason))): nothing published." }
                    ?? "Nothing due.")
        }
        if results.contains(where: { $0.outcome == .failed }) { throw ExitCode(1) }
    }
}
