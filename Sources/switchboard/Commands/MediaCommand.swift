import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard media …`: the media library in `media/` of the data directory, alt text beside each file.
struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: L10n.t("cli.abstract.mediaCommand.0"),
        subcommands: [Add.self, List.self, Alt.self])

    static func op<T>(_ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as QueueError { throw CLIError.failure(e.message) }
    }

    struct Add: StoreCommand {
        static let abstract = L10n.t("cli.abstract.mediaCommand.1")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.0"))) var file: String
        @Option(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.1"))) var name: String?
        @Option(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.2"))) var alt: String?
        @Flag(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.3"))) var replace = false

        func run(in store: Store) throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let url = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
            let e = try MediaCommand.op {
                try MediaLibrary(store.dir).add(file: url, name: name, alt: alt, replace: replace)
            }
            print(
                L10n.t("cli.media.added", ["name": Output.safe(e.name)])
                    + (e.alt == nil ? " (" + L10n.t("cli.media.noAlt") + ")" : ""))
        }
    }

    struct List: StoreCommand {
        static let abstract = L10n.t("cli.abstract.mediaCommand.2")
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.4"))) var json = false
        var quiet: Bool { json }

        func run(in store: Store) throws {
            try Output.listing(
                MediaLibrary(store.dir).list(), json: json, encode: { $0 }, empty: L10n.t("cli.media.empty"),
                header: ["name", "size", "alt"].map { L10n.t("cli.media.col." + $0) }
            ) { e in
                [
                    Output.safe(e.name), Output.count(e.bytes),
                    e.alt.map { Output.clip(Output.safe($0), 60) } ?? "(" + L10n.t("cli.media.none") + ")",
                ]
            }
        }
    }

    struct Alt: StoreCommand {
        static let abstract = L10n.t("cli.abstract.mediaCommand.3")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.5"))) var name: String
        @Argument(help: ArgumentHelp(L10n.t("cli.help.mediaCommand.6"))) var text: String

        func run(in store: Store) throws {
            try MediaCommand.op { try MediaLibrary(store.dir).setAlt(name, text) }
            print(
                L10n.t(
                    text.trimmingCharacters(in: .whitespaces).isEmpty ? "cli.media.altRemoved" : "cli.media.altSaved",
                    ["name": Output.safe(name)]))
        }
    }
}
