import Foundation
import SwitchboardCore
import XCTest

/// `switchboard moderate KEY KIND [--reason …]` (the real binary): the refusals that need no network. The Graph
/// networks' hide/unhide/delete over loopback are in GraphModerateCommandTests.
final class ModerateCommandTests: XCTestCase {
    /// A data directory with one Mastodon and one Instagram mention; returns (dir, mastodon key, instagram key).
    func fixture() throws -> (String, String, String) {
        let d = try initialisedDataDir()
        let lines = """
            {"platform":"mastodon","id":"m1","text":"Ihr seid alle Betrüger!","created_at":"2026-11-26T10:00:00Z","author":{"handle":"troll@social.example"}}
            {"platform":"instagram","id":"17858893269000001","text":"Spam spam spam","created_at":"2026-11-26T10:01:00Z","author":{"handle":"spambot"}}

            """
        let r = try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines)
        XCTAssertEqual(r.status, 0, r.err)
        let mk = MentionKey.make(platform: "mastodon", id: "m1")
        let ik = MentionKey.make(platform: "instagram", id: "17858893269000001")
        return (d, mk, ik)
    }

    func testMastodonSaysThereIsNoAPIAndRecordsNothing() throws {
        let (d, mk, _) = try fixture()
        let r = try CLI.run(["moderate", "--data-dir", d, mk, "hide", "--reason", "Beleidigung"])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertEqual(
            r.err,
            "switchboard: \(mk): not hidden: Mastodon offers no API to hide or delete other people's posts: report or block the "
                + "account on Mastodon itself\n")
        let log = try CLI.run(["log", "--data-dir", d, "--mention", mk])
        XCTAssertEqual(log.out, "Nothing recorded.\n")
    }

    func testUnknownKindIsAUsageErrorNamingTheKinds() throws {
        let (d, mk, _) = try fixture()
        let r = try CLI.run(["moderate", "--data-dir", d, mk, "shadowban"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("The value 'shadowban' is invalid for '<kind>'"), r.err)
        XCTAssertTrue(r.err.contains("hide|unhide|delete|hold|approve|reject|remove|lock|unlock"), r.err)
    }

    func testANetworkWithoutASourceSaysWhatIsMissing() throws {
        let (d, _, ik) = try fixture()
        let r = try CLI.run(["moderate", "--data-dir", d, ik, "delete"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "switchboard: \(ik): not deleted: no Instagram source in team.json to moderate from\n")
    }
}
