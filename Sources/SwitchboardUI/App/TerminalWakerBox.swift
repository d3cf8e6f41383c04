import ScreenKit

/// A Sendable holder for an optional waker.
struct TerminalWakerBox: Sendable {
    let waker: (any TerminalWaker)?
    func wake() { waker?.wake() }
}
