import Foundation

/// An in-memory `Terminal` for tests of the UI and the event loop: records every presented buffer and
/// cursor, plays a scripted queue of events, and simulates resizes. Thread-safe (a waker may call it
/// from another thread).
///
///     let t = TestTerminal(size: Size(width: 120, height: 40))
///     t.enqueue(keys: "jjG")        // key notation characters, or t.enqueue(.key(.ctrl("d")))
///     t.resize(to: Size(width: 80, height: 24))   // new size + a .resize event
///     … run the loop …
///     XCTAssertEqual(t.screen?.lines[0], "…")
public final class TestTerminal: Terminal, @unchecked Sendable {
    private let lock = NSCondition()
    private var _size: Size
    private var _presented: [ScreenBuffer] = []
    private var _cursor: Point?
    private var _styles: [StyleRole: TerminalStyle] = [:]
    private var _queue: [TerminalEvent] = []
    private var _clipboard: [String] = []
    private var _restoreCount = 0
    private var _wakes = 0

    /// When the script is used up: nil returns nil (a timeout) at once; an event (e.g. `.terminate`)
    /// is delivered instead, every time, so an event loop under test ends.
    public var whenExhausted: TerminalEvent?
    /// How long `nextEvent(timeoutMilliseconds: -1)` waits for a `wake()` or `enqueue` from another thread
    /// before giving up with nil (a test must not hang). Finite timeouts wait at most their own length.
    public var blockingWaitLimitMilliseconds = 2000
    /// Keep at most this many presented buffers (the last ones).
    public var historyLimit = 1000

    public init(
        size: Size = Size(width: 80, height: 24), events: [TerminalEvent] = [], whenExhausted: TerminalEvent? = nil
    ) {
        _size = size
        _queue = events
        self.whenExhausted = whenExhausted
    }

    public var size: Size { lock.withLock { _size } }
    /// Every presented buffer, oldest first.
    public var presented: [ScreenBuffer] { lock.withLock { _presented } }
    /// The last presented buffer.
    public var screen: ScreenBuffer? { lock.withLock { _presented.last } }
    /// The cursor of the last `present`.
    public var cursor: Point? { lock.withLock { _cursor } }
    public var styles: [StyleRole: TerminalStyle] { lock.withLock { _styles } }
    /// Texts passed to `copyToClipboard`.
    public var clipboard: [String] { lock.withLock { _clipboard } }
    public var restoreCount: Int { lock.withLock { _restoreCount } }
    public var presentCount: Int { lock.withLock { _presented.count } }
    /// Events still queued.
    public var pendingEvents: [TerminalEvent] { lock.withLock { _queue } }

    public func enqueue(_ events: TerminalEvent...) { enqueue(events) }
    public func enqueue(_ events: [TerminalEvent]) {
        lock.withLock {
            _queue += events
            lock.broadcast()
        }
    }
    /// Queues one `.key(.char)` per character.
    public func enqueue(keys: String) { enqueue(keys.map { .key(.char($0)) }) }
    /// Queues keys in key notation ("j", "C-d", "<Tab>"); traps on an unknown name (a test bug).
    public func enqueue(notation: String...) {
        enqueue(
            notation.map { n in
                guard let k = KeyNotation.parse(n) else { preconditionFailure("unknown key notation \(n)") }
                return .key(k)
            })
    }
    /// Queues the bytes a real terminal would send, decoded (`"\u{1B}[A"`, a bracketed paste, …).
    public func enqueue(bytes: String) { enqueue(KeyDecoder.decode(bytes)) }

    /// Changes the size and queues the `.resize` event the program would see.
    public func resize(to size: Size) {
        lock.withLock {
            _size = size
            _queue.append(.resize(size))
            lock.broadcast()
        }
    }

    public func present(_ buffer: ScreenBuffer, cursor: Point?) {
        lock.withLock {
            _presented.append(buffer)
            if _presented.count > historyLimit { _presented.removeFirst(_presented.count - historyLimit) }
            _cursor = cursor
        }
    }

    public func setStyles(_ styles: [StyleRole: TerminalStyle]) { lock.withLock { _styles = styles } }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        lock.lock()
        defer { lock.unlock() }
        let wait = timeoutMilliseconds < 0 ? blockingWaitLimitMilliseconds : timeoutMilliseconds
        let deadline = Date(timeIntervalSinceNow: Double(wait) / 1000)
        while true {
            if _wakes > 0 { _wakes -= 1; return .wake }
            if !_queue.isEmpty { return _queue.removeFirst() }
            if let e = whenExhausted { return e }
            if wait == 0 || !lock.wait(until: deadline) { return nil }
        }
    }

    public func restore() { lock.withLock { _restoreCount += 1 } }
    public func copyToClipboard(_ text: String) { lock.withLock { _clipboard.append(text) } }

    public func makeWaker() -> TerminalWaker { Waker(terminal: self) }

    struct Waker: TerminalWaker {
        let terminal: TestTerminal
        func wake() {
            terminal.lock.withLock {
                terminal._wakes += 1
                terminal.lock.broadcast()
            }
        }
    }
}
