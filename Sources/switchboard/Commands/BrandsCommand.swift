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
        discussion: """
            Each brand is its own data directory; open one with `switchboard --brand NAME`, or pass --brand NAME \
            to any command. The counts come through each brand's history index (index/, a cache brought up to date \
            on the way); nothing else in the directories is written.
            """)

    @Flag(help: "JSON Lines: one brand per line.")
    var json = false

    func run() throws {
        let list: BrandList
        do { list = try BrandList.load() } catch { throw CLIError.failure("\(error)") }
        guard !list.brands.isEmpty else {
            throw CLIError.failure(
                "no brands: list them in \(BrandList.file().path) as "
                    + #"{"brands": [{"name": "Acme", "dir": "~/clients/acme"}]}"#)
        }
        let now = Date()
        let rows = list.brands.map { b in
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
        let w = max(5, rows.map { TextWidth.width($0.name) }.max() ?? 5)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, w - TextWidth.width(s))) }
        var out = pad("BRAND") + "    NEW  OVERDUE  TODAY  CRISIS\n"
        for r in rows {
            let n = [r.new, r.overdue, r.dueToday].map { String($0) }
            out += pad(r.name) + "  " + String(repeating: " ", count: max(0, 5 - n[0].count)) + n[0]
            out += "  " + String(repeating: " ", count: max(0, 7 - n[1].count)) + n[1]
            out += "  " + String(repeating: " ", count: max(0, 5 - n[2].count)) + n[2]
            out += "  " + (r.problem.map { "(\($0))" } ?? r.crisis ?? "—") + "\n"
        }
        return out
    }
}
