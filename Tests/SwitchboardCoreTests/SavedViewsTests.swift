import Foundation
import XCTest

@testable import SwitchboardCore

final class SavedViewsTests: XCTestCase {
    func testLoadingViewsAndErrors() throws {
        let v = try SavedViews.decode(
            Data(#"{"views": {"questions": "is:question is:open", "mine": "assignee:me"}}"#.utf8))
        XCTAssertEqual(v.views.map(\.name), ["mine", "questions"])
        XCTAssertEqual(v.named("questions")?.query.text, "is:question is:open")
        XCTAssertThrowsError(try SavedViews.decode(Data("{\"views\": {\n  \"q\": \"is:new\",\n  \"r\" \"x\"}}".utf8))) {
            e in
            XCTAssertTrue("\(e)".hasPrefix("views.json: line 3, column"), "\(e)")
        }
        XCTAssertThrowsError(try SavedViews.decode(Data(#"{"views": {"q": "stauts:open"}}"#.utf8))) { e in
            XCTAssertEqual("\(e)", "views.json: view \"q\": unknown field 'stauts' at 0 — did you mean status?")
        }
        XCTAssertEqual(try SavedViews.load(from: URL(fileURLWithPath: "/nonexistent/views.json")).views, [])
        XCTAssertEqual(SavedViews.file(environment: ["XDG_CONFIG_HOME": "/cfg"]).path, "/cfg/switchboard/views.json")
    }

    func testMuteListHidesAuthorsAndTerms() {
        let mute = MuteList(TeamConfig.Mute(authors: ["@SpamBot@bad.example"], terms: ["Giveaway"]))
        func m(_ handle: String, _ text: String) -> Mention {
            Mention(
                platform: "mastodon", id: handle + text, text: text, createdAt: Date(), author: Author(handle: handle))
        }
        XCTAssertTrue(mute.hides(m("spambot@bad.example", "hello")))
        XCTAssertTrue(mute.hides(m("anna@x.example", "Huge GIVEAWAY today")))
        XCTAssertFalse(mute.hides(m("spambot@good.example", "hello")), "the whole handle, not a prefix")
        XCTAssertFalse(MuteList(nil).hides(m("a", "giveaway")))
    }
}
