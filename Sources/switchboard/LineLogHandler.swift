import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The listener's log lines (`--log FILE`, else stderr) through swift-log: each message is written as it is, one
/// line per call, sanitised (network text is hostile), with no level, label or metadata added.
struct LineLogHandler: LogHandler {
    /// The file (or stderr) the lines go to; one write(2) per line, under a lock. The file is opened with O_APPEND
    /// (each line lands at the end, also after `copytruncate`) and reopened by `reopen()` (SIGHUP, after logrotate
    /// moved it).
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private let path: String?
        private var fd: Int32

        init(path: String?) throws {
            self.path = path
            guard let path else { fd = 2; return }
            fd = Sink.open(path)
            guard fd >= 0 else {
                throw CLIError.failure("cannot open the log file \(path): \(String(cString: strerror(errno)))")
            }
        }

        deinit { if fd > 2 { close(fd) } }

        static func open(_ path: String) -> Int32 {
            Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        }

        /// Opens the log file again by its name (a new one when logrotate moved the old away); keeps the old
        /// descriptor when that fails.
        func reopen() {
            guard let path else { return }
            let new = Sink.open(path)
            guard new >= 0 else { return }
            lock.withLock {
                if fd > 2 { close(fd) }
                fd = new
            }
        }

        func write(_ line: String) {
            let bytes = Array((Output.safe(line) + "\n").utf8)
            lock.withLock {
                var done = 0
                bytes.withUnsafeBytes { raw in
                    while done < raw.count {
                        let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                        if n < 0 && errno == EINTR { continue }
                        if n <= 0 { return }  // a full disk loses the log line, never the listener
                        done += n
                    }
                }
            }
        }
    }

    let sink: Sink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    /// A logger whose every message becomes one line of `path` (appended), or of stderr when nil.
    static func logger(path: String?) throws -> Logger { logger(sink: try Sink(path: path)) }

    /// A logger writing to `sink`.
    static func logger(sink: Sink) -> Logger {
        Logger(label: "switchboard.listen") { _ in LineLogHandler(sink: sink) }
    }

    func log(event: LogEvent) { sink.write(event.message.description) }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
