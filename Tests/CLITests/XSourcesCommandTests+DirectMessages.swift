import Foundation
import SwitchboardCore
import TestSupport
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 20: `sources add --type x --direct-messages` asks X for `dm.read dm.write` and opts the source in; its polls
/// then bring the account's direct messages as private mentions.
extension XSourcesCommandTests {
    func testAddWithDirectMessagesAsksForTheScopesAndPollsTheMessagesAsPrivate() throws {
        let d = try newDataDir()
        fakeX()
        server.on(
            "GET", "/2/dm_events",
            .json(
                #"{"data":[{"id":"1880000000000000002","event_type":"MessageCreate","text":"Bitte privat: meine Kundennummer ist 48151. Grüße, Jürgen","sender_id":"7","dm_conversation_id":"7-1072250532645998596","created_at":"2027-01-15T07:59:00.000Z"}],"includes":{"users":[{"id":"7","username":"juergen_k","name":"Jürgen"}]},"meta":{"result_count":1}}"#
            ))
        let add = try CLI.run(addArgs(d) + ["--paste-code", "--direct-messages"], stdin: "code-from-browser\n")
        XCTAssertEqual(add.status, 0, add.err)
        let url = try XCTUnwrap(add.out.split(separator: "\n").first { $0.contains("/i/oauth2/authorize?") })
        let scope = URLComponents(string: url.trimmingCharacters(in: .whitespaces))?.queryItems?.first {
            $0.name == "scope"
        }
        XCTAssertEqual(scope?.value, "tweet.read tweet.write users.read offline.access media.write dm.read dm.write")
        let team = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/team.json")))
        let entry = try XCTUnwrap(
            ((team as? [String: Any])?["sources"] as? [[String: Any]])?.first { $0["id"] as? String == "xacme" })
        XCTAssertEqual(entry["direct_messages"] as? Bool, true)

        let poll = try CLI.run(["sources", "poll", "xacme", "--data-dir", d])
        XCTAssertEqual(poll.status, 0, poll.err)
        XCTAssertTrue(poll.out.contains("meine Kundennummer ist 48151"), poll.out)
        let list = try CLI.run(["mentions", "list", "--data-dir", d])
        XCTAssertEqual(list.status, 0, list.err)
        let row = try XCTUnwrap(list.out.split(separator: "\n").first { $0.contains("Kundennummer") }, list.out)
        XCTAssertTrue(row.contains("🔒"), String(row))
    }
}
