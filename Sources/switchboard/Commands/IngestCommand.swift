import ArgumentParser
import Foundation
import Insight
import ListenerServices
import SwitchboardCore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Import mentions in the JSON Lines import format (see README).",
        discussion: """
            Reads FILE, or standard input when FILE is - or absent. Prints how many mentions were new, duplicates \
            and rejected (with line numbers and reasons). A bad line never stops the good ones. Exit status 0 when \
            every line was stored or already known, 1 when some lines were rejected.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A .jsonl file, or - for standard input.") var file: String?
    @Option(help: "Store in batches of this many mentions, each fsynced before the next.") var batchSize = 5000
    @Flag(help: "Print \"stored N\" after each durable batch (for scripts that must know what is safe).") var progress =
        false
    @Flag(help: "One JSON summary document.") var json = false

    func validate() throws { if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") } }

    func run() throws {
        let data: Data
        if file == nil || file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = try InputFile.read(file!)
        }
        let store = try global.openStore()
        let decoded = ImportFormat.decodeAll(data)
        // Analysed a batch at a time, so a large file never holds a second analysed copy of every mention.
        let analyzer = Ingestion.analyzer(for: store.dir)
        let mentions = decoded.mentions
        var added = 0
        var duplicates = 0
        var i = 0
        // Routing rules (team.json "routing") hand new mentions to internal teams: recorded, then delivered.
        let routing = HandoffRouting(store: store, log: { Output.warn($0) }).router()
        var routed: [RoutingOutcome] = []
        while i < mentions.count {
            let batch = Ingestion.analyse(Array(mentions[i..<min(mentions.count, i + batchSize)]), with: analyzer)
            let r = try store.ingest(batch)
            added += r.added.count
            duplicates += r.duplicates
            if let routing { routed += routing.route(r.added.compactMap { store.mention($0) }) }
            i += batch.count
            if progress { Output.write("stored \(i)\n"); Output.flush() }
        }
        if json {
            struct Reject: Encodable {
                let line: Int
                let reason: String
            }
            struct Handoff: Encodable {
                let mention, rule, team: String
                let delivered: Bool
                let error: String?
            }
            struct Summary: Encodable {
                let new: Int, duplicate: Int, rejected: Int, rejects: [Reject]
                let handoffs: [Handoff]?
            }
            let handoffs = routed.compactMap { o -> Handoff? in
                switch o.result {
                case .delivered:
                    return Handoff(mention: o.mention, rule: o.rule, team: o.team, delivered: true, error: nil)
                case .failed(let e):
                    return Handoff(mention: o.mention, rule: o.rule, team: o.team, delivered: false, error: e)
                case .alreadyRouted: return nil
                }
            }
            try Output.printJSON(
                Summary(
                    new: added, duplicate: duplicates, rejected: decoded.rejects.count,
                    rejects: decoded.rejects.map { Reject(line: $0.line, reason: $0.reason) },
                    handoffs: handoffs.isEmpty ? nil : handoffs))
        } else {
            print("\(added) new, \(duplicates) duplicate, \(decoded.rejects.count) rejected")
            for r in decoded.rejects.prefix(50) { Output.err("line \(r.line): \(Output.safe(r.reason))") }
            if decoded.rejects.count > 50 { Output.err("… and \(decoded.rejects.count - 50) more rejected lines") }
            for o in routed {
                if case .alreadyRouted = o.result { continue }
                print(Output.safe(RoutingReport.line(o)))
            }
        }
        if !decoded.rejects.isEmpty { throw ExitCode(1) }
    }
}
