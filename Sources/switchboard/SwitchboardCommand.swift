import ArgumentParser
import Foundation
import ScreenKit
import SwitchboardCore

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(L10n.t("cli.help.switchboardCommand.2"))
    )
    var dataDir: String?

    @Option(
        help: ArgumentHelp(L10n.t("cli.help.switchboardCommand.5")))
    var brand: String?

    /// `--brand`'s directory (checked by `CommandLineCheck` before parsing), else `--data-dir` and the defaults.
    var directory: DataDirectory {
        if let brand, let d = try? BrandList.load().directory(brand) { return d }
        return DataDirectory.resolve(explicit: dataDir)
    }

    /// Opens the store of an initialised data directory, printing the warnings met while reading to stderr.
    func openStore(quiet: Bool = false, mode: Store.Mode = .normal, keyIndex: Store.KeyIndex? = nil) throws -> Store {
        let d = try existingDirectory()
        let store = try Store(dir: d, mode: mode, keyIndex: keyIndex)
        if !quiet { for w in store.warnings { Output.warn(w) } }
        return store
    }

    /// The data directory, which must exist.
    func existingDirectory() throws -> DataDirectory {
        let d = directory
        guard d.exists else {
            throw CLIError.failure(
                L10n.t("cli.noDataDir", ["path": d.root.path]))
        }
        return d
    }

    /// Opens the store and reads team.json: what most commands start with.
    func openStoreAndTeam(quiet: Bool = false) throws -> (Store, TeamConfig) {
        let store = try openStore(quiet: quiet)
        return (store, try FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile))
    }

    /// Opens the store and resolves a mention key (or a 4+ character prefix).
    func openStore(resolving key: String, quiet: Bool = false) throws -> (Store, String) {
        let store = try openStore(quiet: quiet)
        return (store, try store.resolveKey(key))
    }
}

/// A subcommand that works on the store: it names its `abstract` (the configuration follows from it) and gets the
/// store opened (quietly when `quiet`, as JSON output wants) in `run(in:)`.
protocol StoreCommand: ParsableCommand {
    static var abstract: String { get }
    var global: GlobalOptions { get }
    var quiet: Bool { get }
    func run(in store: Store) throws
}

extension StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: abstract) }
    var quiet: Bool { false }
    func run() throws { try run(in: global.openStore(quiet: quiet)) }
}

/// Exit codes: 0 ok, 1 failure, 2 usage.
enum CLIError: Error, CustomStringConvertible {
    case failure(String)
    case usage(String)
    var description: String {
        switch self {
        case .failure(let s), .usage(let s): return s
        }
    }
}

@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: L10n.t("cli.abstract.switchboardCommand.1"),
        discussion:
            L10n.t("cli.discussion.switchboardCommand.6"),
        version: Switchboard.version,
        subcommands: SwitchboardSubcommands.all
    )

    static let version = "0.1.0"
    /// Who writes the index: the program and its version (the index's meta table records it).
    static let writer = "switchboard " + version

    @OptionGroup var global: GlobalOptions

    @Flag(help: ArgumentHelp(L10n.t("cli.help.switchboardCommand.3")))
    var demo = false

    @Option(
        help: ArgumentHelp(L10n.t("cli.help.switchboardCommand.4")),
        completion: .list(["default", "light", "high-contrast", "mono"]))
    var theme: String?

    mutating func run() async throws {
        try await runWorkbench(global: global, demo: demo, theme: theme)
    }

    /// Maps our errors onto exit codes 1 and 2 with a clean message; checks standard output last.
    static func main() async {
        StartTrace.mark("main")
        TextWidth.setupLocale()
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = chooseLanguage(&arguments) {
            Output.err("switchboard: \(problem)")
            Foundation.exit(2)
        }
        if let problem = CommandLineCheck.problem(in: arguments, root: Switchboard.self) {
            Output.err("switchboard: \(problem)")
            Foundation.exit(2)
        }
        StartTrace.mark("arguments checked (language, catalogue)")
        let status = await run(arguments)
        Output.finish()
        Foundation.exit(status)
    }

    /// Sets the interface's language before anything is parsed or printed: `--lang` (wherever it stands; taken out of
    /// the arguments), the personal config, the environment in POSIX order. A `--lang` we do not speak is a usage
    /// error (its message). `crisis statement --lang` keeps its own meaning (the statement's language).
    static func chooseLanguage(_ arguments: inout [String]) -> String? {
        var flag: String?
        let statement = arguments.firstIndex(of: "crisis").map { arguments.dropFirst($0 + 1).first == "statement" }
        var i = 0
        while i < arguments.count, statement != true {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count {
                flag = arguments[i + 1]
                arguments.removeSubrange(i...(i + 1))
                continue
            }
            if a.hasPrefix("--lang=") {
                flag = String(a.dropFirst("--lang=".count))
                arguments.remove(at: i)
                continue
            }
            i += 1
        }
        let env = ProcessInfo.processInfo.environment
        L10n.use(Language.choose(flag: nil, config: Language.configured(environment: env), environment: env))
        guard let f = flag else { return nil }
        guard let l = Language(rawValue: f.lowercased()) else {
            return L10n.t("cli.lang.unknown", ["value": f])
        }
        L10n.use(l)
        return nil
    }

    /// Runs the command; its exit status.
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var c = command as? AsyncParsableCommand { try await c.run() } else { try command.run() }
            return 0
        } catch let e as CLIError {
            Output.err("switchboard: \(e)")
            switch e {
            case .failure: return 1
            case .usage: return 2
            }
        } catch let e as SwitchboardError {
            Output.err("switchboard: \(e.message)")
            return 1
        } catch {
            // swift-argument-parser says 64 (EX_USAGE) for usage errors; we promise 2.
            let code = exitCode(for: error)
            let message = HelpText.localized(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { print(message) } else { Output.err(message) }
            }
            return code.rawValue == 64 ? 2 : code.rawValue
        }
    }
}
