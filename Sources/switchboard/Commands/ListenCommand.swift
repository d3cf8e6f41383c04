import ArgumentParser
import Foundation
import ListenerServices
import Logging
import SwitchboardCore

/// `switchboard listen [--log FILE] [--once]`: runs every enabled source at its interval, in the foreground.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: L10n.t("cli.abstract.listenCommand.1"),
        discussion: L10n.t("cli.discussion.listen"))

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(L10n.t("cli.help.listen.log")))
    var log: String?

    @Flag(help: ArgumentHelp(L10n.t("cli.help.listen.once")))
    var once = false

    @Flag(help: ArgumentHelp(L10n.t("cli.help.listen.quiet")))
    var quiet = false

    mutating func run() async throws {
        let (store, team) = try global.openStoreAndTeam(quiet: true)
        let sink = try LineLogHandler.Sink(path: log)
        let logger = LineLogHandler.logger(sink: sink)
        // The history index follows every stored batch (a search or a workbench then reads no log tail).
        let index = IndexFollower(dir: store.dir, progressFrom: nil, warn: { logger.info("\($0)") })
        let service = ListenService(
            store: store, team: team, afterIngest: { index.catchUp() }, log: { logger.info("\($0)") })
        service.onHangup = { sink.reopen() }
        if once && quiet { service.listener.quietWhenNothingHappened = true }
        do { try service.start(quiet: once && quiet) } catch {
            // Said where this listener logs too (cron mails stderr; the log is where one looks later).
            if log != nil {
                logger.info("\(Timestamp.format(Date()) + " " + L10n.t("listen.notStarted", ["error": "\(error)"]))")
            }
            throw CLIError.failure("\(error)")
        }
        defer { service.finish() }
        // A site of a team across servers syncs too: after the poll with --once, else every sync interval.
        let sync = try? SyncCommand.engine(store.dir)
        let say: @Sendable (String) -> Void = { logger.info("\($0)") }
        if once {
            let polled = await service.runOnce()
            let synced = sync.map { SyncLoop.once($0, log: say) } ?? true
            if !polled || !synced { throw ExitCode(1) }
            return
        }
        if let sync { SyncLoop.start(sync, log: say) }
        await service.run()
    }
}
