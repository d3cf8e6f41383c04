import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard media …`: the media library in `media/` of the data directory, alt text beside each file.
struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "The media library (media/ in the data directory): add files with their alt text, list them.",
        subcommands: [Add.self, List.self, Alt.self])

    static func op<T>(_ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as QueueError { throw CLIError.failure(e.message) }
    }

    struct Add: StoreCommand {
        static let abstract = "Copy a file into the library, with its alt text (reused by every post that takes it)."
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The image or video file.") var file: String
        @Option(help: "The name in the library (default: the file's name).") var name: String?
        @Option(help: "Alt text: what the image shows, for people who cannot see it.") var alt: String?
        @Flag(help: "Overwrite a file of the same name.") var replace = false

        func run(in store: Store) throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let url = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
            let e = try MediaCommand.op {
                try MediaLibrary(store.dir).add(file: url, name: name, alt: alt, replace: replace)
            }
            print("\(Output.safe(e.name)): added" + (e.alt == nil ? " (no alt text: add it with `media alt`)" : ""))
        }
    }

    struct List: StoreCommand {
        static let abstract = "Every file of the library with its size and alt text."
        @OptionGroup var global: GlobalOptions
        @Flag(help: "JSON Lines: one file per line.") var json = false
        var quiet: Bool { json }

        func run(in store: Store) throws {
            try Output.listing(
                MediaLibrary(store.dir).list(), json: json, encode: { $0 }, empty: "The media library is empty.",
                header: ["NAME", "SIZE", "ALT TEXT"]
            ) { e in
                [Output.safe(e.name), String(e.bytes), e.alt.map { Output.clip(Output.safe($0), 60) } ?? "(none)"]
            }
        }
    }

    struct Alt: StoreCommand {
        static let abstract = "Set (or with \"\" remove) the alt text of a file in the library."
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The name in the library.") var name: String
        @Argument(help: "The alt text.") var text: String

        func run(in store: Store) throws {
            try MediaCommand.op { try MediaLibrary(store.dir).setAlt(name, text) }
            print(
                "\(Output.safe(name)): alt text "
                    + (text.trimmingCharacters(in: .whitespaces).isEmpty ? "removed" : "saved"))
        }
    }
}
