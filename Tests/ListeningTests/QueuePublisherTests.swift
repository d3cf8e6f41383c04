import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The content queue over real HTTP: due items are posted once per account with exact bodies and idempotency keys;
/// the suspend switch holds a post even when flipped between "due" and the post; two publishers or a crash never
/// post twice.
final class QueuePublisherTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func setUp(bluesky: Bool = false) throws -> (Store, TeamConfig) {
        let dir = try makeDataDir()
        if bluesky {
            try Secrets.write("abcd-efgh-ijkl-mnop", to: dir.root.appendingPathComponent("secrets/bsky.pass"))
        }
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [mastodonConfig(server)] + (bluesky ? [blueskyConfig(server)] : [])
        team.team = [.init(user: "lea", name: "Lea", role: "lead"), .init(user: "ali", name: "Ali", role: "agent")]
        return (try Store(dir: dir), team)
    }

    func add(
        _ store: Store, _ team: TeamConfig, id: String, text: String, accounts: [String] = ["masto"], at: Date? = nil,
        link: String? = nil
    ) throws {
        try Queue.add(
            QueueDraft(id: id, text: text, accounts: accounts, link: link, scheduledAt: at ?? t0, createdAt: t0),
            team: team, store: store, actor: "lea", now: t0)
    }

    func testDueItemsArePostedOnceToEveryAccountWithExactBodiesAndKeys() async throws {
        let (store, team) = try setUp(bluesky: true)
        server.on("POST", "/api/v1/statuses", .json(MastodonFixture.status(id: "140001", acct: "acme")))
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lq","cid":"bafyq"}"#))
        try add(
            store, team, id: "qspring", text: "Spring release is out 🌱", accounts: ["masto", "bsky"],
            link: "https://acme.example/spring")
        try add(store, team, id: "qlater", text: "Later post", at: t0.addingTimeInterval(3600))
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())

        let early = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(-1), actor: "lea")
        XCTAssertEqual(early, [])
        let r = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(1), actor: "lea")
        XCTAssertEqual(r.map(\.outcome), [.published, .published])
        XCTAssertEqual(
            r.map(\.url),
            ["https://social.example/@acme/9140001", "https://bsky.app/profile/acme.bsky.social/post/3lq"])

        let masto = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first)
        XCTAssertEqual(masto.header("idempotency-key"), "qspring-masto")
        XCTAssertEqual(
            String(decoding: masto.body, as: UTF8.self),
            #"{"status":"Spring release is out 🌱\n\nhttps://acme.example/spring"}"#)
        let bsky = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.repo.createRecord").first)
        XCTAssertEqual(bsky.json?["rkey"] as? String, BlueskyFacets.tid(date: t0, key: "qspring-bsky"))
        let record = try XCTUnwrap(bsky.json?["record"] as? [String: Any])
        XCTAssertEqual(record["text"] as? String, "Spring release is out 🌱\n\nhttps://acme.example/spring")
        XCTAssertEqual(record["createdAt"] as? String, Timestamp.format(t0))

        let q = Queue(store: try Store(dir: store.dir))
        XCTAssertEqual(q["qspring"]?.state, .published)
        XCTAssertEqual(q["qspring"]?.result("masto").url, "https://social.example/@acme/9140001")
        XCTAssertEqual(q["qlater"]?.state, .scheduled)
        let again = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(60), actor: "lea")
        XCTAssertEqual(again, [])
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1)
    }

    func testSuspendAtTheLastSecondHoldsThePostAndResumeSendsIt() async throws {
        let (store, team) = try setUp()
        server.on("POST", "/api/v1/statuses", .json(MastodonFixture.status(id: "140002", acct: "acme")))
        try add(store, team, id: "qdue", text: "Due now")
        let publisher = QueuePublisher(store: store, actor: "lea", holder: "1@a")
        let otherSSH = try Store(dir: store.dir)
        // The item was due when the list was read; another session flips the switch before the claim.
        publisher.beforeClaim = { _, _ in
            try? Queue.suspendAll(reason: "brand under fire", team: team, store: otherSSH, actor: "lea")
        }
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r = await publisher.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        XCTAssertEqual(r.map(\.outcome), [.suspended])
        XCTAssertTrue(r[0].message?.contains("brand under fire") ?? false)
        XCTAssertEqual(server.requests.count, 0, "nothing posted")
        XCTAssertEqual(try Queue.current(store)["qdue"]?.state, .suspended)

        publisher.beforeClaim = nil
        let none = await publisher.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(2))
        XCTAssertEqual(none, [])
        XCTAssertThrowsError(
            try Queue.resumeAll(policy: .postNow, team: team, store: store, actor: "ali", now: t0.addingTimeInterval(3))
        )
        try Queue.resumeAll(policy: .postNow, team: team, store: store, actor: "lea", now: t0.addingTimeInterval(3))
        let r2 = await publisher.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(4))
        XCTAssertEqual(r2.map(\.outcome), [.published])
        XCTAssertEqual(server.requests.count, 1)
    }

    func testTwoPublishersAtOnceMakeOnePostPerItem() async throws {
        let (storeA, team) = try setUp()
        let storeB = try Store(dir: storeA.dir)
        server.on(
            "POST", "/api/v1/statuses",
            NetworkTestServer.Response(
                status: 200, headers: ["Content-Type": "application/json"],
                body: Data(MastodonFixture.status(id: "140003", acct: "acme").utf8), delay: 0.3))
        for i in 0..<4 { try add(storeA, team, id: "q\(i)", text: "Post \(i)") }
        let a = QueuePublisher(store: storeA, actor: "lea", holder: "1@a")
        let b = QueuePublisher(store: storeB, actor: "lea", holder: "2@b")
        let pa = QueuePublisher.publishers(team: team, dataDir: storeA.dir, http: TestHTTPClient())
        let pb = QueuePublisher.publishers(team: team, dataDir: storeB.dir, http: TestHTTPClient())
        let now = t0.addingTimeInterval(1)
        async let ra = a.publishDue(publisherFor: pa, now: now)
        async let rb = b.publishDue(publisherFor: pb, now: now)
        let (x, y) = await (ra, rb)
        XCTAssertEqual((x + y).filter { $0.outcome == .published }.count, 4)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 4)
        XCTAssertEqual(
            Set(server.requests.map { $0.header("idempotency-key") ?? "" }),
            ["q0-masto", "q1-masto", "q2-masto", "q3-masto"])
    }

    func testACrashBetweenPostAndRecordRetriesWithTheSameKeyAndPostsOnce() async throws {
        let (store, team) = try setUp()
        let created = Created()
        server.handle("POST", "/api/v1/statuses") { r in
            .json(MastodonFixture.status(id: created.id(for: r.header("idempotency-key") ?? ""), acct: "acme"))
        }
        try add(store, team, id: "qcrash", text: "Crash test")
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let crashing = QueuePublisher(store: store, actor: "lea", holder: "1@a")
        crashing.afterPost = { _, _, _ in throw QueueCrash(reason: "killed after posting") }
        let r1 = await crashing.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        XCTAssertEqual(r1.first?.message, "crashed: killed after posting")
        XCTAssertEqual(Queue(store: store)["qcrash"]?.state, .publishing)

        let later = try Store(dir: store.dir)
        let next = QueuePublisher(store: later, actor: "lea", holder: "2@b")
        let none = await next.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(60))
        XCTAssertEqual(none, [], "the lease still holds")
        let r2 = await next.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(122))
        XCTAssertEqual(r2.map(\.outcome), [.published])
        XCTAssertEqual(r2.first?.postID, "200001")
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(Set(server.requests.map { $0.header("idempotency-key") ?? "" }), ["qcrash-masto"])
        XCTAssertEqual(created.count, 1, "the server created one status")
        XCTAssertEqual(Queue(store: later)["qcrash"]?.result("masto").attempts, 2)
    }

    func testFailureKeepsTheNetworkMessageAndOneCallRetrySendsIt() async throws {
        let (store, team) = try setUp()
        server.on(
            "POST", "/api/v1/statuses",
            .json(#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#, status: 422),
            .json(MastodonFixture.status(id: "140005", acct: "acme")))
        try add(store, team, id: "qfail", text: "Too long, say")
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(1), actor: "lea")
        XCTAssertEqual(r.map(\.outcome), [.failed])
        let item = try XCTUnwrap(Queue(store: store)["qfail"])
        XCTAssertEqual(item.state, .failed)
        XCTAssertTrue(
            item.result("masto").error?.contains("Text character limit of 500 exceeded") ?? false,
            "\(item.result("masto"))")
        let none = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(2), actor: "lea")
        XCTAssertEqual(none, [])
        try Queue.retry("qfail", store: store, actor: "lea", now: t0.addingTimeInterval(3))
        let r2 = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(3), actor: "lea")
        XCTAssertEqual(r2.map(\.outcome), [.published])
        XCTAssertEqual(Queue(store: store)["qfail"]?.state, .published)
        XCTAssertEqual(Set(server.requests.map { $0.header("idempotency-key") ?? "" }), ["qfail-masto"])
    }

    func testMastodonMediaIsUploadedWithAltTextAndAttached() async throws {
        let (store, team) = try setUp()
        server.on("POST", "/api/v2/media", .json(#"{"id":"m77","type":"image"}"#, status: 202))
        server.on("POST", "/api/v1/statuses", .json(MastodonFixture.status(id: "140009", acct: "acme")))
        let file = store.dir.root.appendingPathComponent("chart.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).write(to: file)
        try Queue.add(
            QueueDraft(
                id: "qmedia", text: "Our numbers", accounts: ["masto"],
                media: [QueueMedia(path: file.path, alt: "Bar chart: sales up 12 %")],
                scheduledAt: t0, createdAt: t0), team: team, store: store, actor: "lea", now: t0)
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(1), actor: "lea")
        XCTAssertEqual(r.map(\.outcome), [.published], "\(r)")
        let upload = try XCTUnwrap(server.requests("POST", "/api/v2/media").first)
        XCTAssertTrue(upload.header("content-type")?.hasPrefix("multipart/form-data; boundary=") ?? false)
        let text = String(decoding: upload.body, as: UTF8.self)
        XCTAssertTrue(text.contains("name=\"file\"; filename=\"chart.png\"\r\nContent-Type: image/png"), text)
        XCTAssertTrue(text.contains("name=\"description\"\r\n\r\nBar chart: sales up 12 %\r\n"), text)
        let status = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first)
        XCTAssertEqual(String(decoding: status.body, as: UTF8.self), #"{"media_ids":["m77"],"status":"Our numbers"}"#)
        XCTAssertEqual(status.header("idempotency-key"), "qmedia-masto")
    }

    func testBlueskyImagesAreUploadedAsBlobsAndEmbeddedWithAltText() async throws {
        let (store, team) = try setUp(bluesky: true)
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on(
            "POST", "/xrpc/com.atproto.repo.uploadBlob",
            .json(#"{"blob":{"$type":"blob","ref":{"$link":"bafkblob1"},"mimeType":"image/jpeg","size":5}}"#))
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lm","cid":"bafym"}"#))
        let file = store.dir.root.appendingPathComponent("team photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 9]).write(to: file)
        try Queue.add(
            QueueDraft(
                id: "qpic", text: "Meet the team", accounts: ["bsky"],
                media: [QueueMedia(path: file.path, alt: "Five people laughing")],
                scheduledAt: t0, createdAt: t0), team: team, store: store, actor: "lea", now: t0)
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r = await QueuePublisher.publishDue(
            store: store, publisherFor: publishers, now: t0.addingTimeInterval(1), actor: "lea")
        XCTAssertEqual(r.map(\.outcome), [.published], "\(r)")
        let upload = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.repo.uploadBlob").first)
        XCTAssertEqual(upload.header("content-type"), "image/jpeg")
        XCTAssertEqual(upload.body, Data([0xFF, 0xD8, 0xFF, 0xE0, 9]))
        let post = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.repo.createRecord").first)
        XCTAssertEqual(post.json?["rkey"] as? String, BlueskyFacets.tid(date: t0, key: "qpic-bsky"))
        let embed = try XCTUnwrap((post.json?["record"] as? [String: Any])?["embed"] as? [String: Any])
        XCTAssertEqual(embed["$type"] as? String, "app.bsky.embed.images")
        let image = try XCTUnwrap((embed["images"] as? [[String: Any]])?.first)
        XCTAssertEqual(image["alt"] as? String, "Five people laughing")
        XCTAssertEqual(((image["image"] as? [String: Any])?["ref"] as? [String: String])?["$link"], "bafkblob1")
    }

    func testTransientFailureIsRetriedAutomaticallyWithTheSameKey() async throws {
        let (store, team) = try setUp()
        server.on(
            "POST", "/api/v1/statuses", .json(#"{"error":"Service Unavailable"}"#, status: 503),
            .json(MastodonFixture.status(id: "140011", acct: "acme")))
        try add(store, team, id: "qflaky", text: "Flaky network")
        let publisher = QueuePublisher(store: store, actor: "lea")
        publisher.backoff = Backoff(base: 30, cap: 30)
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r1 = await publisher.publishDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        XCTAssertEqual(r1.map(\.outcome), [.failed])
        let retry = try XCTUnwrap(r1.first?.retryAt)
        XCTAssertTrue(r1.first?.message?.contains("503") ?? false, "\(r1)")
        XCTAssertEqual(Queue(store: store)["qflaky"]?.result("masto").retryAt, retry)
        let early = await publisher.publishDue(publisherFor: publishers, now: retry.addingTimeInterval(-1))
        XCTAssertEqual(early, [])
        let r2 = await publisher.publishDue(publisherFor: publishers, now: retry)
        XCTAssertEqual(r2.map(\.outcome), [.published])
        XCTAssertEqual(server.requests.map { $0.header("idempotency-key") ?? "" }, ["qflaky-masto", "qflaky-masto"])
        XCTAssertEqual(Queue(store: store)["qflaky"]?.state, .published)
    }
}
