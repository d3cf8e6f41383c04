import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard sources add --type youtube` and `sources list` through the real binary, against a loopback server
/// that speaks Google's device login and the Data API's `channels.list`.
final class YouTubeSourcesCommandTests: XCTestCase {
    func testDeviceLoginSavesTheTokenChecksTheChannelOnceAndListShowsTheQuota() throws {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        let server = try NetworkTestServer()
        defer { server.stop() }
        server.on(
            "POST", "/device/code",
            .json(
                #"{"device_code":"dev-123","user_code":"ABCD-EFGH","verification_url":"https://www.google.com/device","expires_in":60,"interval":1}"#
            ))
        server.on(
            "POST", "/token", .json(#"{"error":"authorization_pending"}"#, status: 428),
            .json(
                #"{"access_token":"ya29.new","refresh_token":"1//rt","expires_in":3599,"scope":"https://www.googleapis.com/auth/youtube.readonly","token_type":"Bearer"}"#
            ))
        server.on(
            "GET", "/youtube/v3/channels",
            .json(#"{"items":[{"id":"UCacme","snippet":{"title":"Acme Cloud – Offizieller Kanal","customUrl":"@acmecloud"}}]}"#))
        let add = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "youtube", "--id", "yt", "--channel-id", "UCacme",
            "--client-id", "cid.apps.googleusercontent.com", "--auth", "device", "--search", "Acme Cloud",
            "--oauth-base", server.baseURL.absoluteString, "--api", server.baseURL.absoluteString + "/youtube/v3",
        ])
        XCTAssertEqual(add.status, 0, add.err + add.out)
        XCTAssertTrue(add.out.contains("open https://www.google.com/device and enter the code ABCD-EFGH"), add.out)
        XCTAssertTrue(add.out.contains("Saved the login to secrets/yt.token (mode 0600)."), add.out)
        XCTAssertTrue(
            add.out.contains(
                "Channel \"Acme Cloud – Offizieller Kanal\" (UCacme): comments can be read; quota 1/10,000 units today."
            ), add.out)
        XCTAssertTrue(add.out.contains("does not grant youtube.force-ssl"), add.out)
        XCTAssertEqual(
            String(decoding: server.requests("POST", "/device/code")[0].body, as: UTF8.self),
            "client_id=cid.apps.googleusercontent.com&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube.readonly")
        let polls = server.requests("POST", "/token")
        XCTAssertEqual(polls.count, 2)
        XCTAssertEqual(
            String(decoding: polls[1].body, as: UTF8.self),
            "client_id=cid.apps.googleusercontent.com&device_code=dev-123"
                + "&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code")
        XCTAssertEqual(server.requests("GET", "/youtube/v3/channels").count, 1, "one cheap check")
        XCTAssertEqual(server.requests("GET", "/youtube/v3/channels")[0].header("authorization"), "Bearer ya29.new")

        let token = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/secrets/yt.token")))
                as? [String: Any])
        XCTAssertEqual(token["refresh_token"] as? String, "1//rt")
        XCTAssertEqual(token["access_token"] as? String, "ya29.new")
        let attrs = try FileManager.default.attributesOfItem(atPath: d + "/secrets/yt.token")
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let team = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/team.json")))
                as? [String: Any])
        let entry = try XCTUnwrap((team["sources"] as? [[String: Any]])?.first { $0["id"] as? String == "yt" })
        XCTAssertEqual(entry["type"] as? String, "youtube")
        XCTAssertEqual(entry["channel_id"] as? String, "UCacme")
        XCTAssertEqual(entry["token_file"] as? String, "secrets/yt.token")
        XCTAssertEqual(entry["daily_quota"] as? Int, 10000)
        XCTAssertEqual(entry["interval"] as? String, "10m")
        XCTAssertEqual(entry["handle"] as? String, "@acmecloud", "the channel's own comments are the brand's")
        XCTAssertEqual(entry["search"] as? [String], ["Acme Cloud"])
        XCTAssertFalse(String(describing: team).contains("ya29.new"), "no secret in team.json")

        let list = try CLI.run(["sources", "list", "--data-dir", d])
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertTrue(list.out.contains("\nyt: quota 1/10,000 units today\n"), list.out)

        let bad = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "youtube", "--id", "yt2", "--channel-id", "UC/../x",
        ])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("is not a channel id"), bad.err)
    }
}
