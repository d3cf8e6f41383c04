import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// An in-memory terminal: scripted events in, presented buffers out.
final class FakeTerminal: Terminal, TerminalWaker, @unchecked Sendable {
    private let lock = NSCondition()
    private var events: [TerminalEvent] = []
    private var woken = false
    private(set) var frames: [ScreenBuffer] = []
    private(set) var styles: [StyleRole: TerminalStyle] = [:]
    var size: Size

    init(size: Size) { self.size = size }

    func present(_ buffer: ScreenBuffer, cursor: Point?) {
        lock.withLock {
            frames.append(buffer)
            lock.broadcast()
        }
    }
    func setStyles(_ styles: [StyleRole: TerminalStyle]) { lock.withLock { self.styles = styles } }
    func restore() {}
    func copyToClipboard(_ text: String) {}

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(timeoutMilliseconds < 0 ? 3600 : Double(timeoutMilliseconds) / 1000)
        while events.isEmpty && !woken {
            if !lock.wait(until: deadline) { return nil }
        }
        if !events.isEmpty { return events.removeFirst() }
        woken = false
        return .wake
    }

    func wake() {
        lock.withLock {
            woken = true
            lock.broadcast()
        }
    }
    func push(_ e: TerminalEvent) {
        lock.withLock {
            events.append(e)
            lock.broadcast()
        }
    }

    var lastScreen: String { lock.withLock { frames.last?.lines.joined(separator: "\n") ?? "" } }
    var frameCount: Int { lock.withLock { frames.count } }

    /// Waits until the latest frame satisfies `ok` (or the timeout passes).
    func waitForFrame(timeout: Double = 5, _ ok: (String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let f = frames.last, ok(f.lines.joined(separator: "\n")) { return true }
            if !lock.wait(until: end) { return false }
        }
    }
}

final class RuntimeTests: XCTestCase {
    func testALargeStoreSaysItIsLoadingBeforeTheFirstFeedFrame() throws {
        TextWidth.setupLocale()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try Store(dir: dir).ingest(Fixtures.three, now: TestApp.now)
        let term = FakeTerminal(size: Size(width: 80, height: 24))
        let store = try Store(dir: dir)
        let runner = EffectRunner(store: store, actor: "alice", themeDirs: [TestApp.themesDir])
        let settings = WorkbenchSettings(
            dataPath: "~/sb", user: "alice", team: nil, timeZone: TimeZone(identifier: "UTC")!)
        let rt = Runtime(
            terminal: term, waker: term, runner: runner,
            state: AppState(settings: settings, size: term.size, now: Date()),
            refreshInterval: 0.1, listenerProbe: { .listener(pid: 4242) })
        rt.loadingFrameFrom = 3
        term.push(.key(.char("q")))
        rt.run()
        let first = try XCTUnwrap(term.frames.first?.lines)
        XCTAssertEqual(first.count, 24)
        for (i, line) in first.enumerated() {
            XCTAssertEqual(
                line,
                i == 12
                    ? String(repeating: " ", count: 23) + "Switchboard — sorting 3 mentions…"
                        + String(repeating: " ", count: 24)
                    : String(repeating: " ", count: 80), "row \(i)")
        }
        XCTAssertEqual(term.frames.count, 2, "then the feed")
        XCTAssertTrue(term.frames.last?.lines.joined().contains("Feed") ?? false, term.lastScreen)
    }

    func testMentionsWrittenByAnotherProcessAppearWithoutMovingTheSelection() throws {
        TextWidth.setupLocale()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        let seed = try Store(dir: dir)
        try seed.ingest(Fixtures.three, now: TestApp.now)

        let term = FakeTerminal(size: Size(width: 100, height: 30))
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let store = try! Store(dir: dir)
            let runner = EffectRunner(store: store, actor: "alice", themeDirs: [TestApp.themesDir])
            let settings = WorkbenchSettings(
                dataPath: "~/sb", user: "alice", team: nil, timeZone: TimeZone(identifier: "UTC")!)
            let rt = Runtime(
                terminal: term, waker: term, runner: runner,
                state: AppState(settings: settings, size: term.size, now: Date()),
                refreshInterval: 0.1, listenerProbe: { .listener(pid: 4242) })
            rt.run()
            finished.signal()
        }
        thread.start()

        XCTAssertTrue(term.waitForFrame { $0.contains("Feed — 3") && $0.contains("No mention open") }, term.lastScreen)
        term.push(.key(.char("j")))
        term.push(.key(.enter))
        term.push(.key(.escape))
        XCTAssertTrue(term.waitForFrame { $0.contains("│ @ben ") }, term.lastScreen)

        // Another process stores a mention: it shows up by itself, the selection stays on @ben.
        try Store(dir: dir).ingest([
            mention("live", "arrived while the workbench was open", author: "live", minutesAgo: 0)
        ])
        XCTAssertTrue(term.waitForFrame { $0.contains("arrived while the") }, term.lastScreen)
        XCTAssertTrue(term.lastScreen.contains("Feed — 4 · 1 unread"), term.lastScreen)
        XCTAssertTrue(term.lastScreen.contains("│ @ben "), term.lastScreen)
        XCTAssertTrue(term.waitForFrame { $0.contains(" listener ") }, term.lastScreen)

        // Another process changes a status: the row updates.
        let benKey = MentionKey.make(platform: "bluesky", id: "2")
        try Store(dir: dir).record([.setStatus(mention: benKey, status: .spam)], actor: "bob")
        XCTAssertTrue(term.waitForFrame { $0.contains("status: spam") }, term.lastScreen)

        // Resize re-lays out at once.
        term.size = Size(width: 80, height: 24)
        term.push(.resize(term.size))
        XCTAssertTrue(term.waitForFrame { $0.hasPrefix(" 1 Feed") }, term.lastScreen)

        // Idle: no new frames without a reason.
        let idle = term.frameCount
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(term.frameCount, idle)

        term.push(.key(.char("q")))
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
    }

    func testTerminateEndsTheLoop() throws {
        TextWidth.setupLocale()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        _ = try Store(dir: dir)
        let term = FakeTerminal(size: Size(width: 30, height: 5))
        let finished = DispatchSemaphore(value: 0)
        Thread {
            let runner = EffectRunner(store: try! Store(dir: dir), actor: "alice")
            let rt = Runtime(
                terminal: term, waker: term, runner: runner,
                state: AppState(
                    settings: WorkbenchSettings(dataPath: "x", user: "alice", team: nil), size: term.size, now: Date()))
            rt.run()
            finished.signal()
        }.start()
        XCTAssertTrue(term.waitForFrame { $0.contains("Terminal too small") }, term.lastScreen)
        term.push(.terminate)
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
    }
}
