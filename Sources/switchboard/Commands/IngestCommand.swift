import ArgumentParser
import Foundation
import Insight
import ListenerServices
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: L10n.t("cli.abstract.ingestCommand.1"),
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
        let fd: Int32
        let path: String
        if file == nil || file == "-" {
            (fd, path) = (0, "standard input")
        } else {
            path = file!
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw CLIError.failure("cannot read \(path): \(FileIO.errnoText())") }
        }
        defer { if fd != 0 { close(fd) } }
        let dir = global.directory
        // Routing rules match on roles drawn from every stored mention: then the store is read whole. Otherwise
        // only the stored keys are kept (to dedupe), so memory stays small for any store and file size.
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let routes = team?.extra["routing"] != nil
        let store = try global.openStore(mode: routes ? .normal : .keysOnly)
        // Read, analysed and stored a batch at a time, so neither the file nor the analysed mentions sit in memory.
        let analyzer = Ingestion.analyzer(for: store.dir)
        var added = 0
        var duplicates = 0
        var stored = 0
        var rejects: [(line: Int, reason: String)] = []
        // Routing rules (team.json "routing") hand new mentions to internal teams: recorded, then delivered.
        let routing = routes ? HandoffRouting(store: store, log: { Output.warn($0) }).router() : nil
        var routed: [RoutingOutcome] = []
        var pending: [Mention] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            let batch = Ingestion.analyse(pending, with: analyzer)
            pending = []
            let r = try store.ingest(batch)
            added += r.added.count
            duplicates += r.duplicates
            if let routing { routed += routing.route(r.added.compactMap { store.mention($0) }) }
            stored += batch.count
            if progress { Output.write("stored \(stored)\n"); Output.flush() }
        }
        do {
            try LineBlocks.forEach(fd: fd, path: path, block: 4 << 20) { lines, firstLine in
                let decoded = ImportFormat.decode(lines: lines, firstLine: firstLine)
                rejects += decoded.rejects
                for m in decoded.mentions {
                    pending.append(m)
                    if pending.count >= batchSize { try flush() }
                }
            }
            try flush()
        } catch let e as SwitchboardError where e.message.hasPrefix("cannot read") {
            throw CLIError.failure(e.message)
        }
        // Stored and durable: now the index reads what was appended (a search after this reads no log tail).
        IndexFollower(dir: dir, warn: { Output.warn($0) }).catchUp()
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
                    new: added, duplicate: duplicates, rejected: rejects.count,
                    rejects: rejects.map { Reject(line: $0.line, reason: $0.reason) },
                    handoffs: handoffs.isEmpty ? nil : handoffs))
        } else {
            print("\(added) new, \(duplicates) duplicate, \(rejects.count) rejected")
            for r in rejects.prefix(50) { Output.err("line \(r.line): \(Output.safe(r.reason))") }
            if rejects.count > 50 { Output.err("… and \(rejects.count - 50) more rejected lines") }
            for o in routed {
                if case .alreadyRouted = o.result { continue }
                print(Output.safe(RoutingReport.line(o)))
            }
        }
        if !rejects.isEmpty { throw ExitCode(1) }
    }
}
