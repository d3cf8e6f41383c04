/// The one seam between the UI and a real terminal. `NCursesTerminal` implements it for the program;
/// tests use an in-memory implementation (`TestTerminal`) and never need a real one.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Shows `buffer`, sending only the cells that changed since the last call; places the cursor or hides it.
    func present(_ buffer: ScreenBuffer, cursor: Point?)
    /// The styles to draw each role with (a theme); roles not in the table draw plain.
    func setStyles(_ styles: [StyleRole: TerminalStyle])
    /// The same, for a theme made for a terminal with a `background` (dark or light) background: on 8 and
    /// 16 colours no foreground is mapped to that background's colour. The default ignores `background`.
    func setStyles(_ styles: [StyleRole: TerminalStyle], background: TerminalBackground)
    /// Waits up to `timeoutMilliseconds` (-1: forever) for the next event; nil on timeout. Uses no CPU while waiting.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
    /// Restores the terminal (idempotent). Called on quit, errors and signals.
    func restore()
    /// Writes an OSC 52 clipboard sequence (works over SSH); the text is ours (already sanitised).
    func copyToClipboard(_ text: String)
    /// A waker that makes a pending `nextEvent` return `.wake`; callable from any thread.
    /// The default does nothing (for test doubles that never wait).
    func makeWaker() -> TerminalWaker
}

extension Terminal {
    public func setStyles(_ styles: [StyleRole: TerminalStyle], background: TerminalBackground) {
        setStyles(styles)
    }
    public func makeWaker() -> TerminalWaker { NoWaker() }
}

/// Thread-safe wake-up for a terminal's event wait: background work calls `wake()` after posting a message.
public protocol TerminalWaker: Sendable {
    func wake()
}

/// A waker that does nothing.
public struct NoWaker: TerminalWaker {
    public init() {}
    public func wake() {}
}
