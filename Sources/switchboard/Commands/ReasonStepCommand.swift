import ArgumentParser
import Foundation
import SwitchboardCore

/// What a crisis step command that takes a reason does: `crisis skip|block STEP REASON…`.
struct ReasonStepInfo {
    var name: String, state: CrisisStepState, abstract: String, reasonHelp: String
}

/// Names a reason step for `ReasonStepCommand` (a type per subcommand, as ArgumentParser wants).
protocol ReasonStepKind { static var info: ReasonStepInfo { get } }

/// The step-command template of the crisis checklist for steps set with a reason (the words after the step).
struct ReasonStepCommand<Kind: ReasonStepKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.info.name, abstract: Kind.info.abstract)
    }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var args: CrisisCommand.StepArgs
    @Argument(help: ArgumentHelp(Kind.info.reasonHelp)) var reason: [String]

    func run() throws { try CrisisCommand.change(global, args, Kind.info.state, reason: reason.joined(separator: " ")) }
}
