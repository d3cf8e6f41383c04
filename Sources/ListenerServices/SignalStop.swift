import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM / SIGINT → `stop`; dispatch sources instead of signal handlers (handlers must be async-signal-safe).
public final class SignalStop: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    public static func install(_ stop: @escaping @Sendable () -> Void) -> SignalStop {
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

    public func cancel() {
        for s in sources { s.cancel() }
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
    }
}
