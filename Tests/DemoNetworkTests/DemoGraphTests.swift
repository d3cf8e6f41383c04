import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's Instagram account and Facebook Page, read by the real connectors over loopback HTTP.
final class DemoGraphTests: XCTestCase {
    func testTheDemoInstagramAndFacebookSourcesHearCommentsTagsHashtagsAndVisitorPosts() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demograph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try Secrets.write("meta-secret", to: root.appendingPathComponent("secrets/meta.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.graphToken = "meta-secret"
        let net = try DemoNetwork(accounts: accounts, logFile: root.appendingPathComponent("demo-network.jsonl"))
        defer { net.stop() }
        var ig = SourceConfig(id: "ig", type: "instagram")
        (ig.api, ig.accountID, ig.tokenFile, ig.hashtags) = (
            net.baseURL.absoluteString, DemoNetwork.instagramAccount, "secrets/meta.token", ["acmecloud"]
        )
        var fb = SourceConfig(id: "fb", type: "facebook")
        (fb.api, fb.pageID, fb.tokenFile) = (net.baseURL.absoluteString, DemoNetwork.facebookPage, "secrets/meta.token")
        let http = URLSessionHTTPClient(timeout: 5)
        let igr = try await XCTUnwrap(try Listener.networkSource(ig, dataDir: dir, http: http)).poll(cursor: [:])
        let fbr = try await XCTUnwrap(try Listener.networkSource(fb, dataDir: dir, http: http)).poll(cursor: [:])
        func via(_ r: PollResult) -> [String] {
            r.mentions.map { m in
                if case .string(let v)? = m.extra?["via"] { return v }
                return "?"
            }
        }
        XCTAssertEqual(via(igr), ["comment", "reply", "comment", "comment", "tag", "#acmecloud"])
        XCTAssertEqual(via(fbr), ["comment", "reply", "tagged", "visitor post"])
        XCTAssertTrue(igr.mentions.contains { $0.text == "Endlich Dark Mode! Kommt das auch für die App? 🙏" })
        XCTAssertFalse(igr.mentions.contains { $0.author?.handle == "acmecloud" }, "the brand's own reply is left out")
        XCTAssertEqual(fbr.mentions[1].extra?["parent"], .string("comment “Betrifft das auch die EU-Region?”"))

        // A wrong token is refused the way Meta refuses it.
        try Secrets.write("stale", to: root.appendingPathComponent("secrets/meta.token"))
        do {
            _ = try await XCTUnwrap(try Listener.networkSource(fb, dataDir: dir, http: http)).poll(cursor: [:])
            XCTFail("expected needs login")
        } catch SourceError.needsLogin(let why) { XCTAssertTrue(why.contains("Graph error 190"), why) }
    }
}
