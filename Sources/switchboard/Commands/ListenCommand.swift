import ArgumentParser
import Dispatch
import Foundation
import Listening
import SwitchboardCore
#if canImport(Glibc)
import Glibc
#endif

/// `switchboard listen [--log FILE] [--once]`: runs every enabled source at its interval, in the foreground.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Run every enabled source at its interval (in the foreground; for systemd or cron).",
        discussion: """
        One listener per data directory (it holds state/listener.lock); the workbench polls the sources itself \
        only when no listener runs. One log line per poll goes to stderr, or to --log FILE. SIGTERM or Ctrl-C \
        end it cleanly after the writes in flight. Source health: `switchboard sources list`.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Append log lines to FILE instead of stderr.")
    var log: String?

    @Flag(help: "Poll every enabled source that is due once, then exit (status 1 when a source failed): for cron.")
    var once = false

    mutating func run() async throws {
        let store = try global.openStore(quiet: true)
        let dir = store.dir
        let team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let logger = try LineLogger(path: log)
        let spikes = SpikeWatch(store: store, log: { logger.write($0) })
        let routing = HandoffRouting(store: store, log: { logger.write($0) })
        defer { routing.drain() }
        let listener = Listener(store: store, team: team, makeSource: SourceFactory.make(dir: dir), log: { logger.write($0) },
                                onIngest: { added in spikes.check(); routing.handle(added) })
        do { try listener.acquireLock() } catch { throw CLIError.failure("\(error)") }
        defer { listener.releaseLock() }
        for w in store.warnings { logger.write("warning: \(w)") }
        let enabled = team.sources.filter(\.isEnabled)
        if enabled.isEmpty { logger.write("\(Timestamp.format(Date())) no enabled sources in team.json (add one with `switchboard sources add`)") }

        if once {
            let outcomes = await listener.runOnce(onlyDue: true)
            if outcomes.contains(where: { $0.error != nil }) { throw ExitCode(1) }
            return
        }

        logger.write("\(Timestamp.format(Date())) listening on \(dir.displayPath): \(enabled.map(\.id).joined(separator: ", "))")
        // Replies in the outbox (queued by a workbench or `reply`, or waiting for a retry) go out from here too.
        let outbox = Task.detached { await OutboxLoop.run(store: store, logger: logger) }
        // Due posts of the content queue too (the suspend switch is checked at each post).
        let queue = Task.detached { await QueueLoop.run(store: store, logger: logger) }
        // Failed hand-off deliveries are retried (1 minute, doubling up to an hour).
        let handoffs = Task.detached { await HandoffRouting.retryLoop(routing) }
        let signals = SignalStop.install { listener.stop(); outbox.cancel(); queue.cancel(); handoffs.cancel() }
        await listener.run(reloadTeam: { try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile) })
        outbox.cancel()
        queue.cancel()
        handoffs.cancel()
        signals.cancel()
        logger.write("\(Timestamp.format(Date())) stopped")
    }
}

/// Sends due outbox entries every few seconds while the listener runs.
enum OutboxLoop {
    static func run(store: Store, logger: LineLogger, every seconds: Double = 5) async {
        let sender = OutboxSender(store: store, actor: Actor.current())
        let http = URLSessionHTTPClient(timeout: 30)
        while !Task.isCancelled {
            if let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) {
                for r in await sender.sendDue(publisherFor: OutboxSender.publishers(team: team, dataDir: store.dir, http: http)) {
                    switch r.outcome {
                    case .sent(let ref): logger.write("\(Timestamp.format(Date())) outbox \(r.id): sent \(ref.url ?? ref.id)")
                    case .failed(let m, _): logger.write("\(Timestamp.format(Date())) outbox \(r.id): failed: \(m)")
                    case .skipped: break
                    }
                }
            }
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        }
    }
}

/// Maps source configs to sources: Mastodon and Bluesky (`Listener.networkSource`), RSS/Atom, JSON Lines and
/// the demo's replay. Nil for an unknown type (the listener reports it on that source).
enum SourceFactory {
    /// Every source's mentions are analysed (language, sentiment, intents) before they are stored.
    static func make(dir: DataDirectory, http: HTTPClient = URLSessionHTTPClient(timeout: 30)) -> Listener.SourceFactory {
        let raw = makeRaw(dir: dir, http: http)
        let analyzer = Ingestion.analyzer(for: dir)
        return { config in try raw(config).map { AnalysingSource(inner: $0, analyzer: analyzer) } }
    }

    static func makeRaw(dir: DataDirectory, http: HTTPClient) -> Listener.SourceFactory {
        { config in
            if let s = try Listener.networkSource(config, dataDir: dir, http: http) { return s }
            switch config.type.lowercased() {
            case "rss", "atom": return RSSSource(config: config, http: http, dataDir: dir.root)
            case "jsonl": return JSONLinesSource(config: config, dataDir: dir.root)
            case "replay":
                guard let p = config.path, !p.isEmpty else { throw SourceError.configuration("source \(config.id): a replay source needs a \"path\"") }
                return ReplaySource(id: config.id, fileURL: p.hasPrefix("/") ? URL(fileURLWithPath: p) : dir.root.appendingPathComponent(p))
            default: return nil
            }
        }
    }
}

/// SIGTERM / SIGINT → `stop`; dispatch sources instead of signal handlers (handlers must be async-signal-safe).
final class SignalStop: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    static func install(_ stop: @escaping @Sendable () -> Void) -> SignalStop {
        let s = SignalStop()
        for sig in [SIGTERM, SIGINT] {
            signal(sig, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            src.setEventHandler { stop() }
            src.resume()
            s.sources.append(src)
        }
        return s
    }

    func cancel() {
        for s in sources { s.cancel() }
        signal(SIGTERM, SIG_DFL); signal(SIGINT, SIG_DFL)
    }
}

/// One line per call to stderr or appended to a file; lines are sanitised (network text is hostile).
final class LineLogger: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle

    init(path: String?) throws {
        guard let path else { handle = FileHandle.standardError; return }
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CLIError.failure("cannot create the log file \(url.path)")
            }
        }
        guard let h = FileHandle(forWritingAtPath: url.path) else { throw CLIError.failure("cannot open the log file \(url.path)") }
        h.seekToEndOfFile()
        handle = h
    }

    func write(_ line: String) {
        let data = Data((Output.safe(line) + "\n").utf8)
        lock.withLock { handle.write(data) }
    }
}
