import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's network answers the edit and the delete of the brand's own Mastodon post (issue 20), so
/// `switchboard post edit|delete` can be tried with `--demo`.
final class DemoOwnPostTests: XCTestCase {
    func testTheDemoNetworkAnswersAMastodonEditAndDeleteAndLogsThem() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demoown-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try Secrets.write("masto-secret", to: root.appendingPathComponent("secrets/masto.token"))
        let net = try DemoNetwork(
            accounts: DemoAccounts(mastodonToken: "masto-secret", blueskyPassword: "bsky-secret"),
            logFile: root.appendingPathComponent("demo-network.jsonl"))
        defer { net.stop() }
        var masto = SourceConfig(id: "masto", type: "mastodon")
        (masto.instance, masto.tokenFile) = (net.baseURL.absoluteString, "secrets/masto.token")
        let team = TeamConfig(brand: .init(name: "Acme Cloud", terms: ["@acmecloud"]), sources: [masto])
        let store = try Store(dir: dir)
        let ours = Mention(
            platform: "mastodon", id: "https://mastodon.social/users/acmecloud/statuses/900",
            text: "Wartung heute Nacht.", createdAt: Date(), author: Author(handle: "acmecloud@mastodon.social"),
            source: "masto", reply: ReplyRef(uri: "900", visibility: "public"))
        try store.ingest([ours])
        let http = URLSessionHTTPClient(timeout: 5)
        let t = try OwnPosts.target(store: store, key: ours.key, own: OwnAccounts(team: team))
        try await OwnPosts.edit(
            t, to: "Wartung heute Nacht, 2–3 Uhr.", store: store, team: team, http: http, actor: "anna")
        let edited = try OwnPosts.target(store: store, key: ours.key, own: OwnAccounts(team: team))
        XCTAssertEqual(edited.text, "Wartung heute Nacht, 2–3 Uhr.")
        try await OwnPosts.delete(edited, store: store, team: team, http: http, actor: "anna")
        let log = try Data(contentsOf: root.appendingPathComponent("demo-network.jsonl")).split(separator: 10).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
        XCTAssertEqual(log.suffix(2).map { $0["outcome"] as? String }, ["edited", "deleted"])
        XCTAssertEqual(log.suffix(2).map { $0["key"] as? String }, ["900", "900"])
        XCTAssertEqual(store.state(ours.key).moderated, .delete)
    }
}
