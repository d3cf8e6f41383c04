import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The real event loop: a reply sent from the review goes out in a background task and comes back through the
/// mailbox (no test clock, no inline effects).
final class RuntimeSendTests: XCTestCase {
    func testReviewYSendsThroughThePublisherInTheBackground() throws {
        TextWidth.setupLocale()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try Store(dir: dir).ingest(ReplyFixtures.questions(), now: TestApp.now)
        var t = ReplyFixtures.team
        t.extra["send_delay"] = .number(0)
        let team = t
        let pub = RecordingPublisher()
        let term = FakeTerminal(size: Size(width: 100, height: 30))
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let store = try! Store(dir: dir)
            let runner = EffectRunner(store: store, actor: "alice", themeDirs: [TestApp.themesDir])
            runner.publisherFor = { _ in pub }
            let settings = WorkbenchSettings(
                dataPath: "~/sb", user: "alice", team: team, timeZone: TimeZone(identifier: "UTC")!)
            let rt = Runtime(
                terminal: term, waker: term, runner: runner,
                state: AppState(settings: settings, size: term.size, now: Date()),
                refreshInterval: 0.1, listenerProbe: { .listener(pid: 4242) })
            rt.run()
            finished.signal()
        }
        thread.start()
        func key(_ n: String) { term.push(.key(KeyNames.parse(n)!)) }

        XCTAssertTrue(term.waitForFrame { $0.contains("Feed — 2") }, term.lastScreen)
        key("<Enter>")
        XCTAssertTrue(term.waitForFrame { $0.contains("│ @anna@social.example ") }, term.lastScreen)
        for c in "Your refund for the late order is on its way." { term.push(.key(.char(c))) }
        key("C-s")
        XCTAssertTrue(
            term.waitForFrame { $0.contains("Review reply — y send") && $0.contains("y sends it now.") },
            term.lastScreen)
        key("y")
        XCTAssertTrue(
            term.waitForFrame(timeout: 10) { $0.contains("Reply: sent ✓ https://social.example/@bra") }, term.lastScreen
        )
        XCTAssertEqual(pub.posts.count, 1)
        XCTAssertEqual(
            pub.posts.first?.0.text, "@anna@social.example Your refund for the late order is on its way. ^AS")
        key("q")
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(pub.posts.count, 1)
        let st = try Store(dir: dir).state(ReplyFixtures.questions()[0].key)
        XCTAssertEqual(st.status, .answered)
    }
}
