import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Records the requests the workbench makes to a network and answers each with 200 `{}`.
final class RecordingHTTP: HTTPClient, @unchecked Sendable {
    private let lock = NSLock()
    private var _requests: [HTTPRequest] = []
    var requests: [HTTPRequest] { lock.withLock { _requests } }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { _requests.append(request) }
        return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data("{}".utf8))
    }
}

/// Issue 20, item 2: `E` and `D` on one of the brand's own posts in the workbench: a confirmation that shows what
/// changes, then the same code as `switchboard post edit|delete`; the feed and the Mention pane show the latest
/// version with an "edited" mark, the log keeps every version.
final class OwnPostEditScreenTests: XCTestCase {
    static var team: TeamConfig {
        var t = OwnPostsScreenTests.team
        var src = SourceConfig(id: "masto", type: "mastodon")
        src.instance = "https://mastodon.social"
        src.tokenFile = "secrets/masto.token"
        t.sources = [src]
        return t
    }

    func app() throws -> (TestApp, RecordingHTTP) {
        let app = try TestApp(OwnPostsScreenTests.mentions(), team: Self.team)
        try Secrets.write("masto-token", to: app.root.appendingPathComponent("secrets/masto.token"))
        app.sideBySide()
        let http = RecordingHTTP()
        app.runner.postHTTP = http
        return (app, http)
    }

    func testEditShowsOldAndNewAsksThenEditsAndTheFeedShowsTheLatestVersion() throws {
        let (app, http) = try app()
        let ours = OwnPostsScreenTests.mentions()[1]
        app.press("j")
        XCTAssertEqual(app.state.feed.selectedKey, ours.key)
        // E: the command line on the post's text, to change it there.
        app.press("E")
        XCTAssertEqual(
            app.screen[39], ":post-edit @carla Hallo Carla, das klingt nach einem Sync-Fehler: bitte neu anmelden.")
        app.press("<Esc>")
        app.press(":")
        app.type("post-edit @carla Hallo Carla, bitte melde dich neu an – dann klappt der Sync wieder. Grüße!")
        app.press("<Enter>")
        assertScreen(
            app,
            """
            ┌─ Feed — 4 ─────────────────────────────────────────────────────┐┌─ Mention ──────────────────────────────────────────┐
            │10m M ben@social.e    new  due 50m How do I share a folder with ││ No mention open: select one in the feed and press  │
            │ 1h M acmecloud@ma »  ours @carla Hallo Carla, das klingt nach e││ Enter.                                             │
            │ 1h M carla@mastod -! new  late 30m Sync kaputt seit Stunden, ni││                                                    │
            │ 2h B acmecloud.bs »  ours Update: we're investigating sync erro││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                     ┌─ Edit our post — y edit · n keep ────────────────────────────────────────┐                     │
            │                     │ On Mastodon as acmecloud@mastodon.social:                                │                     │
            │                     │                                                                          │                     │
            │                     │ old: @carla Hallo Carla, das klingt nach einem Sync-Fehler: bitte neu    │                     │
            │                     │   anmelden.                                                              │                     │
            │                     │                                                                          │                     │
            │                     │ new: @carla Hallo Carla, bitte melde dich neu an – dann klappt der Sync  │                     │
            │                     │   wieder. Grüße!                                                         │                     │
            │                     │                                                                          │─────────────────────┘
            │                     │ The log keeps every version.                                             │isis ────────────────┐
            │                     └──────────────────────────────────────────────────────────────────────────┘active crisis.       │
            │                                                                ││                         ││ No playbooks yet.       │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            └────────────────────────────────────────────────────────────────┘└─────────────────────────┘└─────────────────────────┘
             ~/sb · alice · 2 new · 2 open · 1 overdue · ⟳ polling
            Change our post on Mastodon? y yes · n keep it
            """)
        XCTAssertEqual(http.requests.count, 0, "nothing asked before the confirmation")
        app.press("y")
        XCTAssertEqual(http.requests.map(\.method), ["PUT"])
        XCTAssertEqual(http.requests.first?.url.absoluteString, "https://mastodon.social/api/v1/statuses/o1")
        let body = try JSONSerialization.jsonObject(with: http.requests[0].body ?? Data()) as? [String: String]
        XCTAssertEqual(
            body, ["status": "@carla Hallo Carla, bitte melde dich neu an – dann klappt der Sync wieder. Grüße!"])
        XCTAssertEqual(
            app.screen[2],
            "│ 1h M acmecloud@ma »  ours ✎ @carla Hallo Carla, bitte melde dic││ Enter.                                             │"
        )
        // The log keeps both versions.
        let edits = try Store(dir: app.dir).events.filter { $0.action.typeName == "post_edit" }
        XCTAssertEqual(edits.count, 1)
        XCTAssertEqual(
            edits.first?.action.summary,
            "edited on mastodon: \"@carla Hallo Carla, das klingt nach einem Sync-Fehler: bitte neu anmelden.\" → "
                + "\"@carla Hallo Carla, bitte melde dich neu an – dann klappt der Sync wieder. Grüße!\"")
        // The Mention pane: the latest version under the edited mark.
        app.press("<Enter>")
        XCTAssertTrue(app.dump().contains("✎ edited"), app.dump())
        XCTAssertTrue(app.dump().contains("bitte melde dich neu an"), app.dump())
    }

    func testDeleteShowsWhatGoesAndNKeepsItAndOthersPostsAreRefused() throws {
        let (app, http) = try app()
        app.press("j")
        app.press("D")
        assertScreen(
            app,
            """
            ┌─ Feed — 4 ─────────────────────────────────────────────────────┐┌─ Mention ──────────────────────────────────────────┐
            │10m M ben@social.e    new  due 50m How do I share a folder with ││ No mention open: select one in the feed and press  │
            │ 1h M acmecloud@ma »  ours @carla Hallo Carla, das klingt nach e││ Enter.                                             │
            │ 1h M carla@mastod -! new  late 30m Sync kaputt seit Stunden, ni││                                                    │
            │ 2h B acmecloud.bs »  ours Update: we're investigating sync erro││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                     ┌─ Delete our post — y delete · n keep ────────────────────────────────────┐                     │
            │                     │ On Mastodon as acmecloud@mastodon.social:                                │                     │
            │                     │                                                                          │                     │
            │                     │ delete: @carla Hallo Carla, das klingt nach einem Sync-Fehler: bitte neu │                     │
            │                     │   anmelden.                                                              │                     │
            │                     │                                                                          │                     │
            │                     │ The log keeps every version.                                             │─────────────────────┘
            │                     └──────────────────────────────────────────────────────────────────────────┘isis ────────────────┐
            │                                                                ││ No scheduled posts      ││ No active crisis.       │
            │                                                                ││                         ││ No playbooks yet.       │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            └────────────────────────────────────────────────────────────────┘└─────────────────────────┘└─────────────────────────┘
             ~/sb · alice · 2 new · 2 open · 1 overdue · ⟳ polling
            Change our post on Mastodon? y yes · n keep it
            """)
        app.press("n")
        XCTAssertTrue(app.screen[38].hasSuffix("not changed: the post stays as it is"), app.screen[38])
        XCTAssertEqual(http.requests.count, 0)
        app.press("D y")
        XCTAssertEqual(http.requests.map(\.method), ["DELETE"])
        XCTAssertTrue(app.screen[2].contains("[deleted]") || app.screen[2].contains("[del"), app.screen[2])
        // A customer's post is not ours: refused before anything is asked.
        app.press("j")
        app.press("D")
        XCTAssertTrue(app.screen[38].contains("is not one of the brand's own posts"), app.screen[38])
        XCTAssertNil(app.state.modal)
        XCTAssertEqual(http.requests.count, 1)
    }
}
