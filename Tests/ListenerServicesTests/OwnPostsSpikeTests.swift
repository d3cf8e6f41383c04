import Foundation
import Insight
import ListenerServices
import SwitchboardCore
import XCTest

/// Issue 15, item 1: a run of our own posts (status updates during an outage) is no spike in what people say
/// about us: the spike watch and Insight's detector leave the brand's own accounts out.
final class OwnPostsSpikeTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// 30 negative-sounding posts in the last hour by `handle`, and a quiet day before.
    func posts(by handle: String) -> [Mention] {
        var ms: [Mention] = []
        for i in 0..<30 {
            ms.append(
                Mention(
                    platform: "mastodon", id: "update-\(i)", text: "Störung: Sync fällt aus, wir arbeiten daran 😡",
                    createdAt: now.addingTimeInterval(-Double(i) * 60), author: Author(handle: handle)))
        }
        for i in 0..<6 {
            ms.append(
                Mention(
                    platform: "mastodon", id: "calm-\(i)", text: "Nice update",
                    createdAt: now.addingTimeInterval(-Double(i + 2) * 3600), author: Author(handle: "ben@x.example")))
        }
        return ms
    }

    static let team = TeamConfig(brand: .init(name: "Acme Cloud", terms: ["Acme Cloud", "@acmecloud"]))

    func testOwnPostsTriggerNoSpikeAlert() throws {
        let dir = try ServiceFixture.dataDir(self, team: OwnPostsSpikeTests.team)
        let store = try Store(dir: dir)
        _ = try store.ingest(Ingestion.analyse(posts(by: "acmecloud@mastodon.social"), dir: dir), now: now)
        let watch = SpikeWatch(store: store, log: { _ in })
        XCTAssertNil(watch.check(now: now), "our own 30 posts in an hour are no spike")
        XCTAssertTrue(store.events.allSatisfy { if case .spikeAlert = $0.action { false } else { true } })
    }

    func testTheSamePostsByCustomersStillAlert() throws {
        let dir = try ServiceFixture.dataDir(self, team: OwnPostsSpikeTests.team)
        let store = try Store(dir: dir)
        _ = try store.ingest(Ingestion.analyse(posts(by: "carla@mastodon.social"), dir: dir), now: now)
        let watch = SpikeWatch(store: store, log: { _ in })
        XCTAssertNotNil(watch.check(now: now))
    }

    func testDetectorOverMentionsLeavesOwnAccountsOut() {
        let ms = posts(by: "@acmecloud@mastodon.social").map { m -> Mention in
            var m = m
            m.analysis = Analysis(lang: "de", sentiment: .negative, score: -0.7, intents: [.complaint])
            return m
        }
        var state = SpikeState()
        XCTAssertNil(
            SpikeDetector.check(
                mentions: ms, now: now, own: OwnAccounts(team: OwnPostsSpikeTests.team), state: &state))
        var fresh = SpikeState()
        XCTAssertNotNil(SpikeDetector.check(mentions: ms, now: now, state: &fresh), "without own accounts: a spike")
    }
}
