import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM / SIGINT → `stop`, SIGHUP → `hangup` (when given: reopen the log, re-read the settings); dispatch
/// sources instead of signal handlers (handlers must be async-signal-safe).
public final class SignalStop: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private var signals: [Int32] = []

    public static func install(
        _ stop: @escaping @Sendable () -> Void, hangup: (@Sendable () -> Void)? = nil
    ) -> SignalStop {
        let s = SignalStop()
        var handlers: [(Int32, @Sendable () -> Void)] = [(SIGTERM, stop), (SIGINT, stop)]
        if let hangup { handlers.append((SIGHUP, hangup)) }
        for (sig, handler) in handlers {
            signal(sig, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            src.setEventHandler { handler() }
            src.resume()
            s.sources.append(src)
            s.signals.append(sig)
        }
        return s
    }

    public func cancel() {
        for s in sources { s.cancel() }
        for sig in signals { signal(sig, SIG_DFL) }
    }
}
