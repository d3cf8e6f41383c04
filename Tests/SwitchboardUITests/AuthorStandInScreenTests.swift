import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Rows whose network names no addressable author: Instagram's hashtag search gives no user name, Reddit leaves
/// `[deleted]` in place of a deleted account.
final class AuthorStandInScreenTests: XCTestCase {
    func testAnInstagramPostFoundByHashtagShowsTheHashtagAsItsAuthor() throws {
        var m = mention("1790", "Warum ist #acmecloud heute so langsam?", platform: "instagram")
        m.author = nil
        m.extra = ["via": .string("#acmecloud")]
        let app = try TestApp([m], size: Size(width: 120, height: 40))
        XCTAssertTrue(app.screen[1].contains(" I #acmecloud "), app.dump())
    }

    func testADeletedRedditAccountIsNeverAddressedAsAHandle() throws {
        var m = mention("t1_x9", "Der Import hat bei mir problemlos geklappt.", author: "[deleted]", platform: "reddit")
        m.url = "https://www.reddit.com/r/acmecloud/comments/abc/x/x9/"
        let app = try TestApp([m], size: Size(width: 120, height: 40))
        app.press("Enter")
        XCTAssertFalse(app.screen.contains { $0.contains("@[deleted]") }, app.dump())
        XCTAssertTrue(app.screen.contains { $0.contains("│ [deleted]") }, app.dump())
        app.type("Danke fürs Feedback!")
        app.press("C-s")
        XCTAssertTrue(app.screen.contains { $0.contains("To: [deleted] on Reddit") }, app.dump())
        XCTAssertFalse(app.screen.contains { $0.contains("@[deleted]") }, app.dump())
        XCTAssertEqual(MentionLabel.text(author: "[deleted]", text: "Der Import hat"), "[deleted] \"Der Import hat\"")
    }
}
