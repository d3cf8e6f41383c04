import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A publisher that takes images and records what it was given.
final class RecordingMediaPublisher: MediaPublisher, @unchecked Sendable {
    let platform = "mastodon"
    private let lock = NSLock()
    private var _posts: [(OutgoingPost, [QueueMedia])] = []
    var posts: [(OutgoingPost, [QueueMedia])] { lock.withLock { _posts } }
    func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        try await post(draft, media: [], idempotencyKey: idempotencyKey)
    }
    func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef {
        let n = lock.withLock {
            _posts.append((draft, media))
            return _posts.count
        }
        return PostedRef(id: "20\(n)", uri: "https://social.example/statuses/20\(n)")
    }
}

/// Issue 20, item 4: `:attach PATH ALT` adds an image to the reply; the composer counts it, the review names it with
/// its alt text (or warns without one), and it goes out with the reply.
final class ReplyMediaScreenTests: XCTestCase {
    func testAttachedImagesAreReviewedWithAltTextAndSentWithTheReply() throws {
        let app = try TestApp(
            ReplyFixtures.questions(), size: Size(width: 100, height: 30), team: ReplyFixtures.team,
            files: ["media/Größe 42.png": "png", "media/export.png": "png"])
        app.sideBySide()
        let pub = RecordingMediaPublisher()
        app.runner.publisherFor = { _ in pub }
        app.press("<Enter>")
        app.type("So geht der Export.")
        app.press("<Esc> :")
        app.type("attach \"\(app.root.path)/media/Größe 42.png\" Tabelle der Schuhgrößen")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[29].contains("attached Größe 42.png (alt text: Tabelle der Schuhgrößen)"), app.dump())
        app.press("<Esc> :")
        app.type("attach \(app.root.path)/media/export.png")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[28].hasPrefix(" export.png has no alt text: people using a screen reader"), app.dump())
        XCTAssertTrue(app.screen[8].contains("Reply · 25/500 · images: 2 · unsaved"), app.dump())
        app.press("C-s")
        XCTAssertTrue(app.dump().contains("Image: Größe 42.png — alt text: Tabelle der Schuhgrößen"), app.dump())
        XCTAssertTrue(app.dump().contains("⚠ export.png has no alt text"), app.dump())
        app.press("y")
        app.send(.tick(TestApp.now.addingTimeInterval(11)))
        app.send(.tick(TestApp.now.addingTimeInterval(12)))
        XCTAssertEqual(pub.posts.count, 1)
        XCTAssertEqual(pub.posts.first?.1.map(\.alt), ["Tabelle der Schuhgrößen", nil])
        XCTAssertEqual(pub.posts.first?.1.first?.path, app.root.path + "/media/Größe 42.png")
        XCTAssertEqual(pub.posts.first?.0.inReplyTo?.uri, "https://social.example/statuses/q1")
    }
}
