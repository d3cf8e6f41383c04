import Foundation
import SwitchboardCore

/// Sends due outbox entries, each exactly once even with several senders (workbench, CLI, listener) on one
/// data directory: an entry is claimed with an `outbox_sending` record under the store's lock (with a lease, so a
/// crashed sender's entry is taken over later), then posted with its stored idempotency key, then recorded as
/// sent or failed. A crash between posting and recording leads to a retry with the same key, which the network
/// answers with the post already made (Mastodon `Idempotency-Key`, Bluesky record key), so nothing is posted twice.
public final class OutboxSender: ExactlyOncePublisher, @unchecked Sendable {
    public typealias PublisherFor = @Sendable (OutboxEntry) throws -> Publisher?

    /// Test hook: runs after a successful post and before it is recorded (throw to simulate a crash there).
    var afterPost: (@Sendable (OutboxEntry, PostedRef) throws -> Void)?

    public init(store: Store, actor: String, holder: String = OutboxSender.defaultHolder) {
        super.init(store: store, actor: actor, holder: holder, backoff: Backoff(base: 15, cap: 30 * 60))
    }

    /// Sends every entry due at `now` (queued past its delay, failed with a retry time that has come, or held by an
    /// expired lease), one after another.
    /// `sendsHere` leaves the entries of sources whose home is another site to that site.
    public func sendDue(
        publisherFor: PublisherFor, now: Date = Date(), sendsHere: (OutboxEntry) -> Bool = { _ in true }
    ) async -> [OutboxResult] {
        var out: [OutboxResult] = []
        var tried: Set<String> = []
        // Again after each round: the next part of a thread is due once the part before it is out.
        while true {
            let due: [OutboxEntry]
            do { due = try outbox().due(now).filter { sendsHere($0) && !tried.contains($0.id) } } catch { return out }
            guard !due.isEmpty else { return out }
            for e in due {
                tried.insert(e.id)
                out.append(await send(e.id, publisherFor: publisherFor, now: now))
            }
        }
    }

    /// Claims and sends one entry, if it is due.
    public func send(_ id: String, publisherFor: PublisherFor, now: Date = Date()) async -> OutboxResult {
        let hook = afterPost
        return await engine(maxAttempts: nil, retriesUnknownErrors: true).run(
            claim: { claim(id, now: now) }, publisher: { try publisherFor($0.entry) },
            afterPost: hook.map { hook in { try hook($0.entry, $1) } }, now: now)
    }

    private func claim(_ id: String, now: Date) -> PublishingEngine.Claim<OutboxJob> {
        do {
            let claimed = try Outbox.claim(id, store: store, holder: holder, lease: lease, actor: actor, now: now)
            guard let e = claimed else {
                let cur = try? Outbox.current(store)[id]
                let why = cur.map(Self.whyNot) ?? "no outbox entry \(id)"
                return .skipped(OutboxResult(id: id, mention: cur?.mention ?? "", outcome: .skipped(why)))
            }
            return .claimed(OutboxJob(entry: e))
        } catch {
            return .skipped(OutboxResult(id: id, mention: "", outcome: .skipped("cannot claim: \(error)")))
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
                folded = Outbox()
                foldedCount = 0
            }
            for e in events[foldedCount...] { folded.apply(e) }
            foldedCount = events.count
            lastFoldedID = events.last?.id
            return folded
        }
    }

    static func whyNot(_ e: OutboxEntry) -> String {
        if e.draft.manual { return "to be answered by hand" }
        switch e.state {
        case .queued: return "waiting for its send delay (until \(Timestamp.format(e.draft.sendAfter)))"
        case .sending(let by, let until): return "being sent by \(by) (until \(Timestamp.format(until)))"
        case .sent: return "already sent"
        case .failed(_, let at):
            return at.map { "failed; retried at \(Timestamp.format($0))" } ?? "failed; retry it to send again"
        case .cancelled: return "cancelled"
        }
    }

    /// Whether this data directory sends `entry`: its answering source's home is this site (or there are no sites).
    public static func sendsHere(team: TeamConfig, site: String?) -> (OutboxEntry) -> Bool {
        { entry in
            let net = entry.draft.network == "bsky" ? "bluesky" : entry.draft.network
            return team.answeringSource(network: net, origin: entry.draft.source)?.isHome(site) ?? true
        }
    }

    /// Publishers for entries, from the team's sources: the source that found the mention (`draft.source`), else the
    /// first enabled source of the mention's network.
    public static func publishers(team: TeamConfig, dataDir: DataDirectory, http: HTTPClient) -> PublisherFor {
        { entry in
            let net = entry.draft.network == "bsky" ? "bluesky" : entry.draft.network
            guard let src = team.answeringSource(network: net, origin: entry.draft.source) else {
                let origin = entry.draft.source.map { " (the mention came from \"\($0)\")" } ?? ""
                throw PublishError.configuration("no \(net) source in team.json to answer from" + origin)
            }
            return try Listener.publisher(for: src, dataDir: dataDir, http: http)
        }
    }
}
