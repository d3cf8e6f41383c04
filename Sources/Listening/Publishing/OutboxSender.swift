import Foundation
import SwitchboardCore
#if canImport(Glibc)
import Glibc
#endif

/// What one send attempt did.
public struct OutboxResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case sent(PostedRef)
        /// Failed; retried automatically at `retryAt`, or only when asked (nil).
        case failed(message: String, retryAt: Date?)
        /// Not sent by this sender: not due, manual, or another sender has it.
        case skipped(String)
    }
    public var id: String
    public var mention: String
    public var outcome: Outcome
}

/// Sends due outbox entries, each exactly once even with several senders (workbench, CLI, listener) on one
/// data directory: an entry is claimed with an `outbox_sending` record under the store's lock (with a lease, so a
/// crashed sender's entry is taken over later), then posted with its stored idempotency key, then recorded as
/// sent or failed. A crash between posting and recording leads to a retry with the same key, which the network
/// answers with the post already made (Mastodon `Idempotency-Key`, Bluesky record key), so nothing is posted twice.
public final class OutboxSender: @unchecked Sendable {
    public typealias PublisherFor = @Sendable (OutboxEntry) throws -> Publisher?

    public let store: Store
    /// Who records the sent/failed events (the reply itself is credited to the entry's author).
    public let actor: String
    /// `pid@host`, shown in `outbox_sending`.
    public let holder: String
    /// How long a claim holds before another sender may take the entry over.
    public var lease: TimeInterval = 120
    public var backoff = Backoff(base: 15, cap: 30 * 60)
    /// Test hook: runs after a successful post and before it is recorded (throw to simulate a crash there).
    var afterPost: (@Sendable (OutboxEntry, PostedRef) throws -> Void)?

    public init(store: Store, actor: String, holder: String = OutboxSender.defaultHolder) {
        self.store = store; self.actor = actor; self.holder = holder
    }

    public static var defaultHolder: String { "\(getpid())@\(ProcessInfo.processInfo.hostName)" }

    /// Sends every entry due at `now` (queued past its delay, failed with a retry time that has come, or held by an
    /// expired lease), one after another.
    public func sendDue(publisherFor: PublisherFor, now: Date = Date()) async -> [OutboxResult] {
        let due: [OutboxEntry]
        do { due = try outbox().due(now) } catch { return [] }
        var out: [OutboxResult] = []
        for e in due { out.append(await send(e.id, publisherFor: publisherFor, now: now)) }
        return out
    }

    /// Claims and sends one entry, if it is due.
    public func send(_ id: String, publisherFor: PublisherFor, now: Date = Date()) async -> OutboxResult {
        let entry: OutboxEntry
        do {
            guard let e = try Outbox.claim(id, store: store, holder: holder, lease: lease, actor: actor, now: now) else {
                let cur = try? Outbox.current(store)[id]
                return OutboxResult(id: id, mention: cur?.mention ?? "", outcome: .skipped(cur.map(Self.whyNot) ?? "no outbox entry \(id)"))
            }
            entry = e
        } catch {
            return OutboxResult(id: id, mention: "", outcome: .skipped("cannot claim: \(error)"))
        }
        let publisher: Publisher
        do {
            guard let p = try publisherFor(entry) else {
                return fail(entry, "\(entry.draft.network) has no reply API: answer by hand", retryAt: nil, now: now)
            }
            publisher = p
        } catch {
            return fail(entry, NetworkText.clean(String(describing: error), max: 300), retryAt: nil, now: now)
        }
        let d = entry.draft
        let post = OutgoingPost(text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility, language: d.language, createdAt: d.createdAt)
        do {
            let ref = try await publisher.post(post, idempotencyKey: d.idempotencyKey)
            if let hook = afterPost { try hook(entry, ref) }
            let reply = ReplyRecord(text: d.text, actor: entry.author, at: now, url: ref.url ?? ref.uri)
            do {
                try store.record([.outboxSent(id: d.id, mention: d.mention, reply: reply, postID: ref.id)], actor: actor, now: now)
            } catch {
                // Posted but not recorded: the lease runs out and a retry with the same key finds the post.
                return OutboxResult(id: d.id, mention: d.mention, outcome: .failed(message: "posted, but not recorded: \(error)", retryAt: now.addingTimeInterval(lease)))
            }
            return OutboxResult(id: d.id, mention: d.mention, outcome: .sent(ref))
        } catch let e as PublishError {
            switch e {
            case .rateLimited(let at, _): return fail(entry, e.description, retryAt: max(at, now.addingTimeInterval(1)), now: now)
            case .transient: return fail(entry, e.description, retryAt: now.addingTimeInterval(backoff.delay(failures: max(1, entry.attempts))), now: now)
            case .rejected, .needsLogin, .configuration: return fail(entry, e.description, retryAt: nil, now: now)
            }
        } catch let e as OutboxCrash {
            return OutboxResult(id: d.id, mention: d.mention, outcome: .skipped("crashed: \(e.reason)"))
        } catch {
            return fail(entry, NetworkText.clean(String(describing: error), max: 300), retryAt: now.addingTimeInterval(backoff.delay(failures: max(1, entry.attempts))), now: now)
        }
    }

    // The outbox folded incrementally: the actions log only grows (compaction keeps every event in order).
    private let foldLock = NSLock()
    private var folded = Outbox()
    private var foldedCount = 0
    private var lastFoldedID: String?

    /// The outbox as of now, including other processes' writes; folds only the events new since the last call.
    public func outbox() throws -> Outbox {
        try store.recordIf([], actor: actor) { _ in }
        let events = store.events
        return foldLock.withLock {
            if foldedCount > events.count || (foldedCount > 0 && events[foldedCount - 1].id != lastFoldedID) {
                folded = Outbox(); foldedCount = 0
            }
            for e in events[foldedCount...] { folded.apply(e) }
            foldedCount = events.count
            lastFoldedID = events.last?.id
            return folded
        }
    }

    private func fail(_ e: OutboxEntry, _ message: String, retryAt: Date?, now: Date) -> OutboxResult {
        let msg = NetworkText.clean(message, max: 300)
        // The log keeps milliseconds: round up so the time reported is the time stored.
        let retryAt = retryAt.map { Date(timeIntervalSince1970: ($0.timeIntervalSince1970 * 1000).rounded(.up) / 1000) }
        _ = try? store.record([.outboxFailed(id: e.id, mention: e.mention, error: msg, retryAt: retryAt)], actor: actor, now: now)
        return OutboxResult(id: e.id, mention: e.mention, outcome: .failed(message: msg, retryAt: retryAt))
    }

    static func whyNot(_ e: OutboxEntry) -> String {
        if e.draft.manual { return "to be answered by hand" }
        switch e.state {
        case .queued: return "waiting for its send delay (until \(Timestamp.format(e.draft.sendAfter)))"
        case .sending(let by, let until): return "being sent by \(by) (until \(Timestamp.format(until)))"
        case .sent: return "already sent"
        case .failed(_, let at): return at.map { "failed; retried at \(Timestamp.format($0))" } ?? "failed; retry it to send again"
        case .cancelled: return "cancelled"
        }
    }

    /// Publishers for entries, from the team's sources: the source that found the mention (`draft.source`), else the
    /// first enabled source of the mention's network.
    public static func publishers(team: TeamConfig, dataDir: DataDirectory, http: HTTPClient) -> PublisherFor {
        { entry in
            let net = entry.draft.network == "bsky" ? "bluesky" : entry.draft.network
            func isNet(_ c: SourceConfig) -> Bool { let t = c.type.lowercased(); return t == net || (net == "bluesky" && t == "bsky") }
            guard let src = team.sources.first(where: { $0.id == entry.draft.source && isNet($0) }) ?? team.sources.first(where: { $0.isEnabled && isNet($0) }) else {
                throw PublishError.configuration("no \(net) source in team.json to answer from" + (entry.draft.source.map { " (the mention came from \"\($0)\")" } ?? ""))
            }
            return try Listener.publisher(for: src, dataDir: dataDir, http: http)
        }
    }
}

/// Thrown by the test hook to simulate a crash between posting and recording.
struct OutboxCrash: Error { var reason: String }
