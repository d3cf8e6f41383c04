import Foundation
import ListenerServices
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The listener's signals: a signal sent the moment `install` returns reaches its handler (a dispatch source,
/// registered later on another thread, dropped it under load: CI saw a SIGHUP after logrotate lost).
final class SignalStopTests: XCTestCase {
    func testASignalSentRightAfterInstallIsHandledEveryTime() {
        for _ in 0..<20 {
            let hung = expectation(description: "SIGHUP handled")
            let stopped = expectation(description: "SIGTERM handled")
            let signals = SignalStop.install({ stopped.fulfill() }, hangup: { hung.fulfill() })
            kill(getpid(), SIGHUP)
            kill(getpid(), SIGTERM)
            wait(for: [hung, stopped], timeout: 10)
            signals.cancel()
        }
    }

    func testCancelPutsTheDefaultsBackAndIsIdempotent() {
        let signals = SignalStop.install({}, hangup: {})
        signals.cancel()
        signals.cancel()
        var old = sigaction()
        sigaction(SIGHUP, nil, &old)
        XCTAssertNil(unsafeBitCast(old.__sigaction_handler.sa_handler, to: Optional<UnsafeRawPointer>.self))
    }
}
