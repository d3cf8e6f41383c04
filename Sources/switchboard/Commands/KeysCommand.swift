import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardUI

/// `switchboard keys`: the key bindings in effect (defaults plus the user's keymap file), as a table.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: L10n.t("cli.abstract.keysCommand.1"))

    @Flag(help: ArgumentHelp(L10n.t("cli.help.keys.defaults")))
    var defaults = false

    @Flag(help: ArgumentHelp(L10n.t("cli.help.keys.json")))
    var json = false

    func run() throws {
        let map: Keymap
        if defaults {
            map = .defaults
        } else {
            do { map = try Keymap.load(file: Keymap.userFile()) } catch { throw CLIError.usage("\(error)") }
        }
        if json {
            try Output.printJSONLines(
                map.bindings.map {
                    [
                        "context": $0.context.rawValue, "key": $0.notation, "command": $0.command, "help": $0.help,
                        "when": $0.when.rawValue,
                    ]
                })
        } else {
            print(map.table(), terminator: "")
        }
    }
}
