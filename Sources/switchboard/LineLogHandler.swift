import Foundation
import Logging

/// The listener's log lines (`--log FILE`, else stderr) through swift-log: each message is written as it is, one
/// line per call, sanitised (network text is hostile), with no level, label or metadata added.
struct LineLogHandler: LogHandler {
    /// The file (or stderr) the lines go to; one write per line, under a lock.
    final class Sink: @unchecked Sendable {
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
            guard let h = FileHandle(forWritingAtPath: url.path) else {
                throw CLIError.failure("cannot open the log file \(url.path)")
            }
            h.seekToEndOfFile()
            handle = h
        }

        func write(_ line: String) {
            let data = Data((Output.safe(line) + "\n").utf8)
            lock.withLock { handle.write(data) }
        }
    }

    let sink: Sink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    /// A logger whose every message becomes one line of `path` (appended), or of stderr when nil.
    static func logger(path: String?) throws -> Logger {
        let sink = try Sink(path: path)
        return Logger(label: "switchboard.listen") { _ in LineLogHandler(sink: sink) }
    }

    func log(event: LogEvent) { sink.write(event.message.description) }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
