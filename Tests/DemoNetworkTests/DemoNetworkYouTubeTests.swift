import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's YouTube channel through the real YouTube connector: English and German comments come in, a reply goes
/// out under its thread, comes back as the channel's own, and is still there after a restart.
final class DemoNetworkYouTubeTests: XCTestCase {
    func testTheDemoChannelsCommentsAndAReplyRoundTrip() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demoyt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try Secrets.write("yt-secret", to: root.appendingPathComponent("secrets/yt.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.youtubeToken = "yt-secret"
        let log = root.appendingPathComponent("demo-network.jsonl")
        var network = try DemoNetwork(accounts: accounts, logFile: log)
        var c = SourceConfig(id: "yt", type: "youtube")
        c.api = network.baseURL.absoluteString + "/youtube/v3"
        c.channelID = accounts.youtubeChannel
        c.tokenFile = "secrets/yt.token"
        let http = URLSessionHTTPClient(timeout: 5)
        let first = try await YouTubeSource(config: c, dataDir: dir, http: http).poll(cursor: [:])
        let texts = first.mentions.map(\.text)
        XCTAssertEqual(first.mentions.count, 5)
        XCTAssertTrue(texts.contains("Seit dem Update hängt der Upload bei großen Dateien – ist das bekannt?"))
        XCTAssertTrue(texts.contains { $0.hasPrefix("Followed the setup step by step") })
        let juergen = try XCTUnwrap(first.mentions.first { $0.author?.handle == "JürgenWeiß-Köln" })

        let publisher = try XCTUnwrap(try Listener.publisher(for: c, dataDir: dir, http: http))
        let ref = try await publisher.post(
            OutgoingPost(text: "Hallo Jürgen, der Fix kommt heute.", inReplyTo: juergen.reply), idempotencyKey: "k1")
        XCTAssertEqual(ref.id, "UgzDemoSync03.acme001")
        let second = try await YouTubeSource(config: c, dataDir: dir, http: http).poll(cursor: first.cursor)
        let own = try XCTUnwrap(second.mentions.first { $0.id == ref.id })
        XCTAssertEqual(own.author?.handle, "AcmeCloud")
        XCTAssertEqual(own.inReplyTo, "UgzDemoSync03")

        network.stop()
        network = try DemoNetwork(accounts: accounts, logFile: log)
        defer { network.stop() }
        c.api = network.baseURL.absoluteString + "/youtube/v3"
        let found = try await YouTubePublisher(config: c, dataDir: dir, http: http).findPosted(
            OutgoingPost(text: "Hallo Jürgen, der Fix kommt heute.", inReplyTo: juergen.reply),
            since: Date().addingTimeInterval(-600))
        XCTAssertEqual(found?.id, ref.id, "a restarted demo still knows the reply")
    }
}
