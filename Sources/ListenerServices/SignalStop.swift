import CSignalPipe
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM / SIGINT → `stop`, SIGHUP → `hangup` (when given: reopen the log, re-read the settings).
///
/// The handlers are installed synchronously before `install` returns: a C handler writes the signal's number to a
/// pipe (the only async-signal-safe work) and a thread reads the pipe and calls the Swift closure. A dispatch
/// signal source was used before; it sets the signal to SIG_IGN and registers on another thread later, so a
/// signal sent right after start-up (a test's SIGHUP, logrotate's) could be dropped under load.
public final class SignalStop: @unchecked Sendable {
    private let signals: [Int32]
    private let readFD: Int32
    private let writeFD: Int32
    private let lock = NSLock()
    private var cancelled = false

    private init(signals: [Int32], readFD: Int32, writeFD: Int32) {
        self.signals = signals
        self.readFD = readFD
        self.writeFD = writeFD
    }

    public static func install(
        _ stop: @escaping @Sendable () -> Void, hangup: (@Sendable () -> Void)? = nil
    ) -> SignalStop {
        var handlers: [Int32: @Sendable () -> Void] = [SIGTERM: stop, SIGINT: stop]
        if let hangup { handlers[SIGHUP] = hangup }
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 {
            // No pipe (out of descriptors): the default actions stay, which end the process.
            return SignalStop(signals: [], readFD: -1, writeFD: -1)
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let s = SignalStop(signals: Array(handlers.keys), readFD: fds[0], writeFD: fds[1])
        for sig in s.signals { _ = sb_signal_to_pipe(sig, fds[1], UInt8(truncatingIfNeeded: sig)) }
        let readFD = fds[0]
        let reader = Thread { [handlers] in
            var byte: UInt8 = 0
            while true {
                let n = read(readFD, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }  // the write end closed: cancelled
                handlers[Int32(byte)]?()
            }
            close(readFD)
        }
        reader.name = "switchboard.signals"
        reader.start()
        return s
    }

    /// The default actions back; the reading thread ends.
    public func cancel() {
        let first = lock.withLock {
            defer { cancelled = true }
            return !cancelled
        }
        guard first, writeFD >= 0 else { return }
        for sig in signals { _ = sb_signal_default(sig) }
        close(writeFD)
    }
}
