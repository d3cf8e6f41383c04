import ArgumentParser
import Foundation
import SwitchboardCore

/// The step-command template of the queue: `queue duplicate|delete|restore|retry ID` resolve an item (id or
/// prefix), do one thing to it and print one line. One command type (`QueueItemCommand`) serves every step.
enum QueueItemStep: String {
    case duplicate, delete, restore, retry

    var abstract: String {
        switch self {
        case .duplicate: return "Copy an item as a new draft."
        case .delete: return "Delete an item not yet published (undo with `queue restore`)."
        case .restore: return "Undo a delete."
        case .retry: return "Publish a failed item again (its failed accounts) at the next publish-due."
        }
    }

    /// Carries the step out on the item (`id`: as given); returns the line to print.
    func apply(to i: QueueItem, id: String, store: Store, actor: String) throws -> String {
        switch self {
        case .duplicate:
            let team = try QueueCommand.team(store)
            let copy = try QueueCommand.op { try Queue.duplicate(i.id, team: team, store: store, actor: actor) }
            return "\(copy.id): draft (a copy of \(id))"
        case .delete:
            try QueueCommand.op { try Queue.delete(i.id, store: store, actor: actor) }
            return "\(i.id): deleted (undo: switchboard queue restore \(i.id))"
        case .restore:
            try QueueCommand.op { try Queue.restore(i.id, store: store, actor: actor) }
            return "\(i.id): restored (\(try Queue.current(store)[i.id]?.state.rawValue ?? "?"))"
        case .retry:
            try QueueCommand.op { try Queue.retry(i.id, store: store, actor: actor) }
            return "\(i.id): scheduled again for now"
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
    @Argument(help: "A queue id (or prefix).") var id: String

    func run() throws {
        let store = try global.openStore()
        let i = try QueueCommand.op { try Queue.current(store).resolve(id) }
        print(try Kind.step.apply(to: i, id: id, store: store, actor: Actor.current()))
    }
}
