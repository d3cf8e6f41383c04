import ArgumentParser
import Foundation
import SwitchboardCore

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: L10n.t("cli.abstract.compactCommand.1"),
        discussion:
            "Folds later analyses into their mentions, drops duplicate mention records and writes every record in "
            + "canonical one-line form. Every action is kept. Lines that do not parse are moved to FILE.corrupt; "
            + "records written by a newer version of Switchboard are kept as they are."
    )
    @OptionGroup var global: GlobalOptions
    func run() throws {
        // Only the stored keys in memory: compaction streams the logs, whatever their size.
        let store = try global.openStore(mode: .keysOnly)
        let r = try store.compact()
        print(
            "Compacted \(r.files) log files: \(r.bytesBefore) → \(r.bytesAfter) bytes; \(r.foldedAnalyses) analyses "
                + "folded in"
                + (r.setAside > 0 ? "; \(r.setAside) unreadable lines moved to .corrupt files" : "")
                + (r.newerKept > 0
                    ? "; \(r.newerKept) records written by a newer version of Switchboard kept as they were" : "")
                + ".")
    }
}
