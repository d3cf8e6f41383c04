import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Graph bodies that other recordings of the same APIs can hold: nulls, numbers for strings, missing fields, deleted
/// objects, odd paging. None of them may fail a page; a hostile string never reaches a mention unclean.
final class GraphDecodingTests: XCTestCase {
    func page(_ json: String) throws -> GraphPage<GraphObject> {
        try JSONDecoder().decode(GraphPage<GraphObject>.self, from: Data(json.utf8))
    }

    func testToleratesNullsNumbersAndMissingFields() throws {
        let p = try page(
            #"""
            {"data":[
              {"id":12345678901234567,"text":null,"timestamp":"2030-03-17T09:00:00Z","from":null,"replies":null},
              {"id":"2","message":"Grüße","created_time":1900000000,"from":{"id":99,"name":"Jörg"},"parent":"1"},
              {"id":"3","caption":"x","comments_count":"7","like_count":null,"hidden":"maybe"},
              "not an object",
              {"id":"4","from":"a string","root_post":{"id":5},"replied_to":null}
            ],"paging":{"cursors":null,"next":null}}
            """#)
        XCTAssertEqual(p.data.map(\.id), ["12345678901234567", "2", "3", "4"])
        XCTAssertEqual(p.skipped, 1)
        XCTAssertNil(p.next)
        XCTAssertEqual(p.data[0].body, "")
        XCTAssertEqual(p.data[1].created, Date(timeIntervalSince1970: 1_900_000_000))
        XCTAssertEqual(p.data[1].authorID, "99")
        XCTAssertEqual(p.data[1].parentObject, "1")
        XCTAssertEqual(p.data[2].commentTotal, 7)
        XCTAssertNil(p.data[3].authorID)
        XCTAssertEqual(p.data[3].rootPost?.id, "5")
    }

    func testEmptyOrOddPagesAreEmpty() throws {
        XCTAssertTrue(try page("{}").data.isEmpty)
        XCTAssertTrue(try page(#"{"data":null}"#).data.isEmpty)
        XCTAssertTrue(try page(#"{"data":{"id":"1"}}"#).data.isEmpty)
        let p = try page(#"{"data":[],"paging":{"cursors":{"after":"QVFI"},"next":"https://graph.facebook.com/x"}}"#)
        XCTAssertEqual(p.after, "QVFI")
        XCTAssertTrue(p.hasMore)
    }

    func testHostileTextIsCleanedInMentions() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        let dir = try GraphFixture.dataDir(self)
        let s = try ThreadsSource(config: GraphFixture.config("threads", server), dataDir: dir, http: TestHTTPClient())
        let body = #"""
            {"data":[{"id":"1\u001b[2J","text":"Hallo \u001b]8;;http://evil\u0007Link\u001b]8;;\u0007 \u202Eabc\u0000","username":"ev\u001b[31mil\n","permalink":"https://www.threads.net/@x/post/1\u0007","timestamp":"2030-03-17T09:00:00+0000"}]}
            """#
        let m = try XCTUnwrap(try s.mentions(fromPage: Data(body.utf8)).first)
        for field in [m.id, m.text, m.author?.handle ?? "", m.url ?? "", m.reply?.uri ?? ""] {
            XCTAssertFalse(field.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x202E }, field)
        }
        XCTAssertEqual(m.text, "Hallo Link abc")
        XCTAssertEqual(m.author?.handle, "evil")
    }
}
