import Foundation
import ScreenKit
import SwitchboardCore

/// A terminal that can hand the screen to another program and take it back (for `$EDITOR`).
public protocol SuspendableTerminal: Terminal {
    /// Leaves full-screen mode so a child program can use the terminal.
    func suspend()
    /// Enters full-screen mode again; the next `present` repaints everything.
    func resume()
}

/// The event loop: the main thread owns the terminal; messages come from the terminal and from a
/// background refresher through one mailbox; effects run here and answer with messages.
public final class Runtime {
    let terminal: Terminal
    let waker: TerminalWakerBox
    public let runner: EffectRunner
    public private(set) var state: AppState
    var mailbox: Mailbox { runner.background.mailbox }
    let refreshInterval: Double
    let listenerProbe: (@Sendable () -> SourcesMode)?
    let teamWatch: TeamWatch?
    private var lastFrame: ScreenBuffer?
    private var lastCursor: Point?

    public init(
        terminal: Terminal, waker: (any TerminalWaker)?, runner: EffectRunner, state: AppState,
        refreshInterval: Double = 0.3, listenerProbe: (@Sendable () -> SourcesMode)? = nil,
        teamWatch: TeamWatch? = nil
    ) {
        (self.teamWatch, self.terminal) = (teamWatch, terminal)
        self.waker = TerminalWakerBox(waker: waker)
        (self.runner, self.state, self.refreshInterval) = (runner, state, refreshInterval)
        self.listenerProbe = listenerProbe
        runner.suspendTerminal = { [weak self] in
            guard let t = self?.terminal else { return }
            if let s = t as? SuspendableTerminal { s.suspend() } else { t.restore() }
        }
        runner.copyToClipboard = { [terminal] text in terminal.copyToClipboard(text) }
        let wakerBox = self.waker
        runner.background.wake = { wakerBox.wake() }
        runner.resumeTerminal = { [weak self] in
            guard let self else { return }
            (terminal as? SuspendableTerminal)?.resume()
            lastFrame = nil
        }
    }

    /// Applies a message and runs the effects it asks for, until nothing is left.
    public func send(_ m: Message) {
        var queue = [m]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for e in update(&state, next) { queue += runner.perform(e) }
        }
    }

    func draw() {
        let (buf, cur) = renderFrame(state, size: terminal.size)
        if lastFrame == nil || buf != lastFrame! || cur != lastCursor {
            terminal.present(buf, cursor: cur)
            lastFrame = buf
            lastCursor = cur
        }
    }

    /// From this many mentions the first frame is a loading line (building the feed of 1M mentions takes seconds).
    public var loadingFrameFrom = 50_000

    /// One line in the middle of the screen while the first feed state is built.
    func drawLoading(_ count: Int) {
        var buf = ScreenBuffer(size: terminal.size)
        let text = "Switchboard — sorting \(count.grouped) mentions…"
        let x = max(0, (terminal.size.width - TextWidth.width(text)) / 2)
        _ = buf.put(text, x: x, y: terminal.size.height / 2, role: .dim)
        terminal.present(buf, cursor: nil)
    }

    /// Runs until the user quits or a terminate signal arrives. The caller restores the terminal. `pending`: what
    /// keys pressed on a window of the history asked for before the store was loaded (`HistoryWindowLoop`).
    public func run(pending: [Effect] = []) {
        state.chrome.size = terminal.size
        // A large store takes a moment to turn into the feed: say so at once instead of a blank screen (a window of
        // the index is on the screen already).
        if !state.showsWindow, runner.store.count >= loadingFrameFrom { drawLoading(runner.store.count) }
        send(.storeChanged(runner.initialDelta()))
        send(.start)
        for e in pending { for m in runner.perform(e) { send(m) } }
        draw()
        let refresher = Refresher(
            store: runner.store, mailbox: mailbox, waker: waker, interval: refreshInterval,
            listenerProbe: listenerProbe,
            teamWatch: teamWatch)
        refresher.start()
        defer { refresher.stop() }
        while !state.chrome.quit {
            // With a waker, wait without a timeout (no CPU while idle); without one, look at the mailbox now and then.
            let event = terminal.nextEvent(timeoutMilliseconds: waker.waker == nil ? 250 : -1)
            if let event {
                switch event {
                case .key(let k): send(.key(k))
                case .paste(let p): send(.paste(p))
                case .mouse(let m): send(.mouse(m))
                case .resize(let s): send(.resize(s))
                case .terminate: send(.terminate)
                case .wake: break
                }
            }
            for item in mailbox.drain() where !state.chrome.quit {
                switch item {
                case .message(let m): send(m)
                case .storeChanges(let c): send(.storeChanged(runner.delta(c)))
                case .panelFilesChanged: for m in runner.perform(.loadPanels) { send(m) }
                }
            }
            refresher.fastTicks = state.needsFastTicks
            if !state.chrome.quit { draw() }
        }
    }
}
