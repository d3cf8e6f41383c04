import ArgumentParser
import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore

/// `switchboard brands`: the brands of `brands.json`, one row each: new, overdue, due in the queue today, crisis.
struct BrandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brands",
        abstract: L10n.t("cli.abstract.brandsCommand.1"),
        discussion: L10n.t("cli.discussion.brands"))

    @Flag(help: ArgumentHelp(L10n.t("cli.help.brands.json")))
    var json = false

    func run() throws {
        let list: BrandList
        do { list = try BrandList.load() } catch { throw CLIError.failure("\(error)") }
        guard !list.brands.isEmpty else {
            throw CLIError.failure(
                L10n.t("cli.brands.none", ["path": BrandList.file().path])
                    + #" {"brands": [{"name": "Acme", "dir": "~/clients/acme"}]}"#)
        }
        let now = Date()
        let rows = BrandSummary.rows(list.brands) { b in
            HistoryIndex.brandSummary(
                b, dir: (try? list.directory(b.name)) ?? DataDirectory(root: URL(fileURLWithPath: b.dir)), now: now)
        }
        if json {
            try Output.printJSONLines(
                rows.map { r in
                    var o: [String: JSONValue] = [
                        "name": .string(r.name), "dir": .string(r.dir), "new": .number(Double(r.new)),
                        "overdue": .number(Double(r.overdue)), "due_today": .number(Double(r.dueToday)),
                    ]
                    if let c = r.crisis { o["crisis"] = .string(c) }
                    if let p = r.problem { o["problem"] = .string(p) }
                    return o
                })
            return
        }
        print(BrandsCommand.table(rows), terminator: "")
    }

    static func table(_ rows: [BrandSummary]) -> String {
        let heads = ["brand", "new", "overdue", "today", "crisis"].map { L10n.t("cli.brands.col." + $0) }
        let w = max(TextWidth.width(heads[0]), rows.map { TextWidth.width($0.name) }.max() ?? 0)
        // Number columns as wide as their heading (at least as before: 5, 7, 5).
        let widths = [max(5, heads[1].count), max(7, heads[2].count), max(5, heads[3].count)]
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, w - TextWidth.width(s))) }
        func right(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var out = pad(heads[0]) + "  " + (0..<3).map { right(heads[$0 + 1], widths[$0]) }.joined(separator: "  ")
        out += "  " + heads[4] + "\n"
        for r in rows {
            let n = [r.new, r.overdue, r.dueToday].map { Output.count($0) }
            out += pad(r.name) + "  " + (0..<3).map { right(n[$0], widths[$0]) }.joined(separator: "  ")
            out += "  " + (r.problem.map { "(\($0))" } ?? r.crisis ?? "—") + "\n"
        }
        return out
    }
}
