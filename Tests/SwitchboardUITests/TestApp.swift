import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A workbench on a temporary store with a fixed clock: presses keys through the real keymap, runs the
/// effects the way the runtime does, and renders into an in-memory screen.
final class TestApp {
    static let now = Timestamp.parse("2026-11-27T12:00:00Z")!

    let root: URL
    let dir: DataDirectory
    let store: Store
    let runner: EffectRunner
    var state: AppState
    var size: Size

    init(
        _ mentions: [Mention] = [], size: Size = Size(width: 120, height: 40), team: TeamConfig? = nil,
        keymap: Keymap = .defaults, files: [String: String] = [:], root existing: URL? = nil,
        views: [SavedViews.View] = [], user: String = "alice",
        publishesQueue: Bool = false, layout: LayoutStyle = .auto
    ) throws {
        TextWidth.setupLocale()
        root = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("sbui-\(UUID().uuidString)")
        dir = DataDirectory(root: root)
        try FileIO.makeDirectory(root)
        for (path, text) in files {
            let f = root.appendingPathComponent(path)
            try FileIO.makeDirectory(f.deletingLastPathComponent())
            try Data(text.utf8).write(to: f)
        }
        store = try Store(dir: dir)
        if !mentions.isEmpty { try store.ingest(mentions, now: TestApp.now) }
        self.size = size
        runner = EffectRunner(store: store, actor: user, themeDirs: [TestApp.themesDir])
        runner.team = team
        runner.timeZone = TimeZone(identifier: "UTC")!
        state = TestApp.state(
            size: size, team: team, keymap: keymap, views: views, user: user, publishesQueue: publishesQueue,
            layout: layout, mediaDir: MediaLibrary(dir).dir)
        // Claims and outbox entries are written at the workbench's clock (ticks move it).
        runner.clock = { [weak self] in self?.state.chrome.now ?? TestApp.now }
        send(.storeChanged(runner.initialDelta()))
        send(.start)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The state a TestApp starts from, before the store's first delta.
    static func state(
        size: Size = Size(width: 120, height: 40), team: TeamConfig? = nil, keymap: Keymap = .defaults,
        views: [SavedViews.View] = [], user: String = "alice", publishesQueue: Bool = false,
        layout: LayoutStyle = .auto, mediaDir: URL? = nil
    ) -> AppState {
        var settings = WorkbenchSettings(
            dataPath: "~/sb", user: user, team: team, keymap: keymap,
            themes: ["default", "high-contrast", "light", "mono"],
            timeZone: TimeZone(identifier: "UTC")!, sources: .polling, views: views)
        settings.publishesQueue = publishesQueue
        settings.layout = layout
        settings.mediaDir = mediaDir
        return AppState(settings: settings, size: size, now: TestApp.now)
    }

    /// The panes side by side (`layout: side`, the only layout before the stacked one became the default below
    /// 200 columns): for tests about a pane's content whose expected rows were written for it.
    func sideBySide() {
        state.chrome.layout = .side
        state.feed.clampScroll(viewport: Layout.feedViewport(state))
    }

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
    static var themesDir: URL { repoRoot.appendingPathComponent("Themes") }

    /// Applies a message and runs every effect it leads to, like Runtime.send; then waits for the background
    /// jobs and sends on what they posted to the mailbox, as the runtime's loop does when woken.
    func send(_ m: Message) {
        var queue = [m]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for e in update(&state, next) { queue += runner.perform(e) }
            if queue.isEmpty {
                runner.background.waitUntilIdle()
                queue = runner.background.drainMessages()
            }
        }
    }

    /// Presses keys given in notation, separated by spaces: `press("j j <Enter>")`.
    func press(_ keys: String) {
        for k in keys.split(separator: " ") {
            guard let key = KeyNames.parse(String(k)) else {
                XCTFail("bad key \(k)")
                return
            }
            send(.key(key))
        }
    }

    /// Types text, one character key at a time.
    func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    /// Folds in what other processes wrote (the runtime's refresher does this every 0.3 s).
    func refresh() throws {
        let changes = try store.refresh()
        send(.storeChanged(runner.delta(changes)))
    }

    func resize(_ s: Size) {
        size = s
        send(.resize(s))
    }

    /// Stores mentions (as another process would) and lets the runtime's refresh fold them in.
    func ingest(_ ms: [Mention]) throws {
        let other = try Store(dir: dir)
        try other.ingest(ms, now: TestApp.now)
        let changes = try store.refresh()
        send(.storeChanged(runner.delta(changes)))
    }

    var buffer: ScreenBuffer { render(state, size: size) }
    var screen: [String] {
        buffer.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }
    var cursor: Point? { renderFrame(state, size: size).cursor }

    func dump() -> String { screen.enumerated().map { String(format: "%02d|", $0) + $1 }.joined(separator: "\n") }
}

/// Mentions for tests, at fixed times before `TestApp.now`.
func mention(
    _ id: String, _ text: String, author: String = "user", minutesAgo: Double = 1, platform: String = "mastodon",
    sentiment: Sentiment? = nil, intents: [Intent] = [], followers: Int? = nil, inReplyTo: String? = nil,
    threadRoot: String? = nil
) -> Mention {
    let analysis = sentiment.map {
        Analysis(
            lang: "en", sentiment: $0, score: $0 == .negative ? -0.6 : ($0 == .positive ? 0.6 : 0), intents: intents)
    }
    return Mention(
        platform: platform, id: id, text: text, createdAt: TestApp.now.addingTimeInterval(-minutesAgo * 60),
        fetchedAt: TestApp.now, url: "https://social.example/@\(author)/\(id)",
        author: Author(handle: author, followers: followers),
        inReplyTo: inReplyTo, threadRoot: threadRoot, analysis: analysis)
}

func assertScreen(_ app: TestApp, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    let got = app.screen
    if want != got {
        var diff = ""
        for i in 0..<max(want.count, got.count) {
            let w = i < want.count ? want[i] : "<none>"
            let g = i < got.count ? got[i] : "<none>"
            if w != g { diff += "row \(i):\n  want: \(w)\n  got:  \(g)\n" }
        }
        XCTFail("screen differs:\n\(diff)\nwhole screen:\n\(app.dump())", file: file, line: line)
    }
}
