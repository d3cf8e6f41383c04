import ArgumentParser
import Foundation
import HistoryIndex
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
        discussion: L10n.t("cli.discussion.ingest"))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L10n.t("cli.help.ingest.file"))) var file: String?
    @Option(help: ArgumentHelp(L10n.t("cli.help.ingest.batchSize"))) var batchSize = 5000
    @Flag(help: ArgumentHelp(L10n.t("cli.help.ingest.progress"))) var progress = false
    @Flag(help: ArgumentHelp(L10n.t("cli.help.ingest.json"))) var json = false

    func validate() throws { if batchSize < 1 { throw ValidationError(L10n.t("cli.ingest.batchSize")) } }

    func run() throws {
        // The model loads on another thread while the store opens, the index catches up and the first block of the
        // import is decoded (it took a quarter of a 10k-line ingest into a large history).
        Analyzer.preloadModel()
        let fd: Int32
        let path: String
        if file == nil || file == "-" {
            (fd, path) = (0, L10n.t("cli.stdin"))
        } else {
            path = file!
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw CLIError.failure(L10n.t("cli.cannotRead", ["name": path, "error": FileIO.errnoText()]))
            }
        }
        defer { if fd != 0 { close(fd) } }
        let dir = global.directory
        // Routing rules match on roles drawn from every stored mention: then the store is read whole. Otherwise
        // only the stored keys are kept (to dedupe), so memory stays small for any store and file size.
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let routes = team?.extra["routing"] != nil
        // With an index, it answers which keys are stored: only what the logs gained since it last read them is
        // read here (issue 18: a million keys read to store a hundred mentions).
        var st = stat()
        let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
        let follower = IndexFollower(dir: dir, warn: { Output.warn($0) })
        // A file as large as the workbench reads through the index makes the index if there is none yet (issue 18:
        // `ingest` including the index), so the first workbench after it opens at once.
        follower.creates = (size ?? 0) >= WorkbenchWindow.autoFromBytes
        // A first import built in a fresh file makes the report's hours beside its full-text pass.
        follower.reports = team.map { ($0, ReportCommand.options($0)) }
        let keyIndex = routes || !dir.exists ? nil : follower.keyIndex()
        let store = try global.openStore(mode: routes ? .normal : .keysOnly, keyIndex: keyIndex)
        // The index follows the appends on another thread (one transaction; in bulk when the import is large
        // against what the index holds), instead of reading them all after the last one. From a pipe (size
        // unknown, so no telling whether to load in bulk) it reads them after the last one, as before.
        let feed = AppendFeed(expectedBytes: size ?? 0)
        let indexed = size == nil ? {} : follower.follow(feed)
        var followed = false
        func endFollowing() {
            guard !followed else { return }
            followed = true
            feed.finish()
            indexed()
        }
        // On an error too: what was appended is durable, and the index commits what it read of it.
        defer { endFollowing() }
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
            // The appended mentions handed to the index (it then decodes none of their lines).
            if let appended = r.appended { feed.appended(appended) } else if !r.added.isEmpty { feed.appended() }
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
        } catch let e as SwitchboardError where e.message.hasPrefix("cannot read") || e.message.contains("kann nicht") {
            throw CLIError.failure(e.message)
        }
        // Stored and durable: the index commits what it followed, then reads anything else the logs gained (another
        // process's appends; a search after this reads no log tail).
        endFollowing()
        follower.catchUp()
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
            print(L10n.t("cli.ingest.summary", ["new": added, "duplicates": duplicates, "rejected": rejects.count]))
            for r in rejects.prefix(50) {
                Output.err(L10n.t("cli.ingest.line", ["line": r.line, "reason": Output.safe(r.reason)]))
            }
            if rejects.count > 50 { Output.err(L10n.t("cli.ingest.more", ["count": rejects.count - 50])) }
            for o in routed {
                if case .alreadyRouted = o.result { continue }
                print(Output.safe(RoutingReport.line(o)))
            }
        }
        if !rejects.isEmpty { throw ExitCode(1) }
    }
}
