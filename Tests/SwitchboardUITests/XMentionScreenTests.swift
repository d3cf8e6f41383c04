import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// An X mention in the workbench: the feed marks it X, the mention pane names the network, and the composer counts
/// against X's 280 the way X does (a link is 23).
final class XMentionScreenTests: XCTestCase {
    func testAnXMentionIsAnsweredThroughTheAPIAndCountedAgainst280() throws {
        var m = mention(
            "1900000000000000002", "@acmecloud Seit dem Update hängt der Export bei 99 %", author: "kai_brandt",
            minutesAgo: 5, platform: "x", sentiment: .negative, intents: [.question])
        m.url = "https://x.com/kai_brandt/status/1900000000000000002"
        m.reply = ReplyRef(uri: "1900000000000000002", rootURI: "1900000000000000001")
        let app = try TestApp([m], size: Size(width: 100, height: 30))
        XCTAssertTrue(app.screen.contains { $0.contains("X kai_brandt") }, app.screen.joined(separator: "\n"))
        app.press("<Enter> C-a C-k")
        app.type("Danke! Der Fix: https://status.acme.example/export/ist/unterwegs/und/kommt/heute")
        let composer = try XCTUnwrap(app.screen.first { $0.contains("─ Reply") })
        XCTAssertTrue(composer.contains("Reply · 39/280"), composer)
        XCTAssertTrue(app.screen.contains { $0.contains("X · ") }, app.screen.joined(separator: "\n"))
        XCTAssertFalse(app.screen.joined().contains("has no reply API"))
    }
}
