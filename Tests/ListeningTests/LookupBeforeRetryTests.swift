import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Networks without idempotency keys: every attempt after the first asks the network for the post the earlier
/// attempt may have made, and records that one instead of posting again.
final class LookupBeforeRetryTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A network that takes no idempotency key: it keeps what was posted, and can be asked for it.
    final class KeylessNetwork: LookupBeforeRetry, @unchecked Sendable {
        let platform = "keyless"
        private let lock = NSLock()
        private(set) var posts: [(text: String, parent: String?, at: Date)] = []
        private(set) var lookups = 0
        /// Fails the next post before it reaches the network (nothing posted).
        var failNextBeforePosting = false
        let clock: Date

        init(clock: Date) { self.clock = clock }

        func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
            try lock.withLock {
                if failNextBeforePosting {
                    failNextBeforePosting = false
                    throw PublishError.transient("connection refused")
                }
                posts.append((draft.text, draft.inReplyTo?.uri, clock))
                return PostedRef(id: "p\(posts.count)", uri: "keyless:p\(posts.count)")
            }
        }

        func findPosted(_ draft: OutgoingPost, since: Date) async throws -> PostedRef? {
            lock.withLock {
                lookups += 1
                guard let i = posts.firstIndex(where: {
                    $0.text == draft.text && $0.parent == draft.inReplyTo?.uri && $0.at >= since
                }) else { return nil }
                return PostedRef(id: "p\(i + 1)", uri: "keyless:p\(i + 1)")
            }
        }
    }

    func setUp(_ dir: DataDirectory) throws -> (Store, Mention) {
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "keyless", id: "c1", text: "Wann kommt meine Erstattung?", createdAt: t0,
            author: Author(handle: "jörg"), lang: "de", source: "k", reply: ReplyRef(uri: "c1"))
        try store.ingest([m], now: t0)
        return (store, store.mention(m.key)!)
    }

    func testACrashAfterPostingIsFoundByTheRetryAndNotPostedAgain() async throws {
        let (store, m) = try setUp(try makeDataDir())
        let network = KeylessNetwork(clock: t0)
        let d = OutboxDraft.reply(to: m, text: "Sie ist unterwegs – heute noch.", delay: 0, now: t0, manual: false)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let crashing = OutboxSender(store: store, actor: "anna", holder: "1@a")
        crashing.afterPost = { _, _ in throw OutboxCrash(reason: "killed after posting") }
        let first = await crashing.sendDue(publisherFor: { _ in network }, now: t0.addingTimeInterval(1))
        XCTAssertEqual(first.first?.outcome, .skipped("crashed: killed after posting"))
        XCTAssertEqual(network.lookups, 0, "a first attempt does not look anything up")

        let later = try Store(dir: store.dir)
        let next = OutboxSender(store: later, actor: "anna", holder: "2@b")
        let second = await next.sendDue(publisherFor: { _ in network }, now: t0.addingTimeInterval(1 + 121))
        XCTAssertEqual(second.first?.outcome, .sent(PostedRef(id: "p1", uri: "keyless:p1")))
        XCTAssertEqual(network.posts.count, 1, "the network holds one reply")
        XCTAssertEqual(network.lookups, 1)
        XCTAssertEqual(later.state(m.key).status, .answered)
        XCTAssertEqual(Outbox(store: later)[d.id]?.stateName, "sent")
    }

    func testAFailureBeforeTheRequestLeftIsLookedUpThenPostedOnce() async throws {
        let (store, m) = try setUp(try makeDataDir())
        let network = KeylessNetwork(clock: t0)
        network.failNextBeforePosting = true
        let d = OutboxDraft.reply(to: m, text: "Wir kümmern uns darum.", delay: 0, now: t0, manual: false)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let sender = OutboxSender(store: store, actor: "anna", holder: "1@a")
        let first = await sender.sendDue(publisherFor: { _ in network }, now: t0.addingTimeInterval(1))
        guard case .failed(_, let retryAt?)? = first.first?.outcome else { return XCTFail("\(first)") }
        let second = await sender.sendDue(publisherFor: { _ in network }, now: retryAt)
        XCTAssertEqual(second.first?.outcome, .sent(PostedRef(id: "p1", uri: "keyless:p1")))
        XCTAssertEqual(network.lookups, 1, "the retry asked first, found nothing, then posted")
        XCTAssertEqual(network.posts.map(\.text), ["Wir kümmern uns darum."])
    }
}
