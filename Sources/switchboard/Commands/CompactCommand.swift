import ArgumentParser
import Foundation
import SwitchboardCore

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite the logs in compact form without losing history.",
        discussion:
            "Folds later analyses into their mentions, drops duplicate mention records and writes every record in "
            + "canonical one-line form. Every action is kept. Lines that do not parse are moved to FILE.corrupt."
    )
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let store = try global.openStore()
        let r = try store.compact()
        print(
            "Compacted \(r.files) log files: \(r.bytesBefore) → \(r.bytesAfter) bytes; \(r.foldedAnalyses) analyses "
            + "folded in"
                + (r.setAside > 0 ? "; \(r.setAside) unreadable lines moved to .corrupt files" : "") + ".")
    }
}
