import ArgumentParser
import Foundation
import SwitchboardCore

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: L10n.t("cli.abstract.compactCommand.1"),
        discussion: L10n.t("cli.discussion.compact")
    )
    @OptionGroup var global: GlobalOptions
    func run() throws {
        // Only the stored keys in memory: compaction streams the logs, whatever their size.
        let store = try global.openStore(mode: .keysOnly)
        let r = try store.compact()
        print(
            L10n.t(
                "cli.compact.done",
                ["files": r.files, "before": r.bytesBefore, "after": r.bytesAfter, "analyses": r.foldedAnalyses])
                + (r.setAside > 0 ? "; " + L10n.t("cli.compact.setAside", ["count": r.setAside]) : "")
                + (r.newerKept > 0 ? "; " + L10n.t("cli.compact.newerKept", ["count": r.newerKept]) : "")
                + ".")
    }
}
