import ArgumentParser
import Foundation
import SwitchboardCore

/// The step-command template of the queue: `queue duplicate|delete|restore|retry ID` resolve an item (id or
/// prefix), do one thing to it and print one line. One command type (`QueueItemCommand`) serves every step.
enum QueueItemStep: String {
    case duplicate, delete, restore, retry

    var abstract: String {
        switch self {
        case .duplicate: return L10n.t("cli.abstract.queueItemStep.1")
        case .delete: return L10n.t("cli.abstract.queueItemStep.2")
        case .restore: return L10n.t("cli.abstract.queueItemStep.3")
        case .retry: return L10n.t("cli.abstract.queueItemStep.4")
        }
    }

    /// Carries the step out on the item (`id`: as given); returns the line to print.
    func apply(to i: QueueItem, id: String, store: Store, actor: String) throws -> String {
        switch self {
        case .duplicate:
            let team = try QueueCommand.team(store)
            let copy = try QueueCommand.op { try Queue.duplicate(i.id, team: team, store: store, actor: actor) }
            return "\(copy.id): " + L10n.t("cli.queue.copyOf", ["id": id])
        case .delete:
            try QueueCommand.op { try Queue.delete(i.id, store: store, actor: actor) }
            return "\(i.id): " + L10n.t("cli.queue.deletedUndo", ["id": i.id])
        case .restore:
            try QueueCommand.op { try Queue.restore(i.id, store: store, actor: actor) }
            let state = try Queue.current(store)[i.id]?.state.rawValue
            return "\(i.id): "
                + L10n.t("cli.queue.restored", ["state": state.map { L10n.t("queue.state." + $0) } ?? "?"])
        case .retry:
            try QueueCommand.op { try Queue.retry(i.id, store: store, actor: actor) }
            return "\(i.id): " + L10n.t("cli.queue.againNow")
        }
    }
}

/// Names a queue step for `QueueItemCommand` (a type per subcommand, as ArgumentParser wants).
protocol QueueItemStepKind { static var step: QueueItemStep { get } }

struct QueueItemCommand<Kind: QueueItemStepKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.step.rawValue, abstract: Kind.step.abstract)
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.queueId"))) var id: String

    func run() throws {
        let store = try global.openStore()
        let i = try QueueCommand.op { try Queue.current(store).resolve(id) }
        print(try Kind.step.apply(to: i, id: id, store: store, actor: Actor.current()))
    }
}
