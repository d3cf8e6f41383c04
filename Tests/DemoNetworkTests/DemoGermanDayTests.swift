import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The German demo is a German brand's day (issue 21): its network tells the brand only what people write in
/// German (the English demo keeps both languages, `DemoNetworkXTests`).
final class DemoGermanDayTests: XCTestCase {
    func testTheGermanDemoNetworkSpeaksOnlyGerman() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try Secrets.write("x-demo-secret", to: root.appendingPathComponent("secrets/x.token"))
        var accounts = DemoAccounts(mastodonToken: "m", blueskyPassword: "b")
        accounts.xToken = "x-demo-secret"
        accounts.onlyLanguage = "de"
        let network = try DemoNetwork(accounts: accounts, logFile: root.appendingPathComponent("demo-network.jsonl"))
        defer { network.stop() }
        var c = SourceConfig(id: "xacme", type: "x")
        c.api = network.baseURL.absoluteString
        c.userID = "1600000000000000001"
        c.tokenFile = "secrets/x.token"
        c.monthlyReadBudget = 10000
        let src = try XSource(config: c, dataDir: DataDirectory(root: root), http: URLSessionHTTPClient(timeout: 5))
        let r = try await src.poll(cursor: [:])
        XCTAssertEqual(Set(r.mentions.compactMap(\.lang)), ["de"])
        XCTAssertEqual(r.mentions.count, 2, r.mentions.map(\.text).joined(separator: "\n"))
        XCTAssertFalse(r.mentions.contains { $0.text.contains("Loving the new") })
    }
}
