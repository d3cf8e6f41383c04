import Foundation
import Insight
import Listening
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Outgoing events at work in the process that polls (`switchboard listen`): each pass, under
/// `state/events.lock` (one process delivers at a time), reads the new actions and mentions, and sends every
/// event a sink of team.json's `"events"` wants and has not had yet, recording each outcome in the ledger
/// (`EventLedger`): delivered once, failed ones retried with backoff, given up after `max_attempts`.
public final class EventDelivery: @unchecked Sendable {
    public let store: Store
    public let client: HTTPClient
    public let log: @Sendable (String) -> Void
    /// Whether a pass reads the logs' new tails first (`listen`); a workbench's refresher does that itself.
    public let refreshes: Bool
    private let lock = NSLock()
    private var reported: String?

    public init(
        store: Store, client: HTTPClient = URLSessionHTTPClient(), refreshes: Bool = true,
        log: @escaping @Sendable (String) -> Void
    ) {
        (self.store, self.client, self.refreshes, self.log) = (store, client, refreshes, log)
    }

    /// What one attempt did.
    public struct Outcome: Equatable, Sendable {
        public var sink: String, event: String, type: String, attempt: Int
        /// nil when delivered.
        public var error: String?
    }

    /// Events a pass sends to one sink at most (the rest follow in the next pass).
    public static let batch = 200

    /// One pass at `now`; nothing when no sink is configured, team.json has problems (logged once) or another
    /// process is delivering.
    @discardableResult
    public func pass(now: Date = Date()) async -> [Outcome] {
        guard let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) else { return [] }
        let sinks: [EventSink]
        do { sinks = try team.eventSinks() } catch {
            say(once: "\(error)") { "outgoing events not sent, team.json has problems: " + $0 }
            return []
        }
        guard !sinks.isEmpty else { return [] }
        try? FileIO.makeDirectory(store.dir.stateDir)
        guard let fd = FileIO.tryLock(store.dir.stateDir.appendingPathComponent("events.lock")) else { return [] }
        defer { close(fd) }
        if refreshes { _ = try? store.refresh() }
        var ledger: EventLedger
        do {
            ledger = try EventLedger(dir: store.dir)
            for s in sinks where ledger.sinks[s.name]?.start == nil {
                try ledger.record(.init(sink: s.name, kind: .start, at: now))
            }
        } catch {
            say(once: "\(error)") { "outgoing events not sent: the ledger cannot be read or written: " + $0 }
            return []
        }
        let since = sinks.compactMap { ledger.sinks[$0.name]?.start }.min() ?? now
        let high = highPriority(since: since, team: team)
        let actions = store.events
        var out: [Outcome] = []
        for sink in sinks {
            // A sink that failed waits until its retry time, then gets the failed event first (order is kept).
            if let next = ledger.sinks[sink.name]?.failed.values.map(\.retryAt).min(), next > now { continue }
            let due = ledger.due(
                sink, actions: actions, highPriority: high, brand: team.brand.name, now: now, mention: store.mention)
            for (event, attempt) in due.prefix(EventDelivery.batch) {
                let o = await deliver(event, attempt: attempt, to: sink)
                out.append(o)
                do { try ledger.record(entry(o, sink: sink, now: now)) } catch {
                    log("\(Timestamp.format(Date())) event \(event.id) to \(sink.name): ledger not written: \(error)")
                    return out
                }
                if let e = o.error {
                    let gaveUp = attempt >= sink.maxAttempts
                    log(
                        "\(Timestamp.format(Date())) event \(event.type) \(event.id) to \(sink.name) failed"
                            + " (attempt \(attempt)\(gaveUp ? ", given up" : "")): \(e)")
                    // A sink that fails is not hammered with the rest of its events in this pass.
                    break
                }
            }
        }
        return out
    }

    func entry(_ o: Outcome, sink: EventSink, now: Date) -> EventLedger.Entry {
        guard let e = o.error else {
            return .init(sink: sink.name, kind: .delivered, at: now, id: o.event, attempt: o.attempt)
        }
        if o.attempt >= sink.maxAttempts {
            return .init(sink: sink.name, kind: .gaveUp, at: now, id: o.event, attempt: o.attempt, error: e)
        }
        return .init(
            sink: sink.name, kind: .failed, at: now, id: o.event, attempt: o.attempt,
            retryAt: now.addingTimeInterval(sink.retryDelay(attempts: o.attempt)), error: e)
    }

    /// Mentions stored since `since` that were high priority when they arrived (scored as new, at fetch time).
    func highPriority(since: Date, team: TeamConfig) -> [Mention] {
        store.mentions.filter { m in
            guard m.fetchedAt >= since else { return false }
            let score = Priority.score(
                analysis: m.analysis, followers: m.author?.followers, createdAt: m.createdAt,
                isReply: m.inReplyTo != nil || m.threadRoot != nil, status: .new,
                slaMinutes: team.sla.firstResponseMinutes, now: m.fetchedAt)
            return Priority.band(score) == "high"
        }
    }

    /// Sends one event; the outcome's error says what went wrong (never a secret).
    func deliver(_ event: OutgoingEvent, attempt: Int, to sink: EventSink) async -> Outcome {
        var o = Outcome(sink: sink.name, event: event.id, type: event.type, attempt: attempt, error: nil)
        do {
            switch sink.target {
            case .webhook(let url, let method): try await post(event, attempt: attempt, url: url, method: method, sink)
            case .command(let c):
                try HandoffDelivery.run(
                    c, stdin: event.body(.json),
                    environment: [
                        "SWITCHBOARD_EVENT_ID": event.id, "SWITCHBOARD_EVENT_TYPE": event.type,
                        "SWITCHBOARD_EVENT_SINK": sink.name, "SWITCHBOARD_DATA_DIR": store.dir.root.path,
                    ], cwd: store.dir.root, timeout: 30)
            }
        } catch {
            o.error = NetworkText.clean("\(error)")
        }
        return o
    }

    func post(_ event: OutgoingEvent, attempt: Int, url: String, method: String, _ sink: EventSink) async throws {
        let id = event.id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? event.id
        guard let u = URL(string: url.replacingOccurrences(of: "{id}", with: id)) else {
            throw SwitchboardError("bad url for event \(event.id)")
        }
        let body = event.body(sink.format)
        var headers = [
            "Content-Type": "application/json", "User-Agent": "switchboard", "X-Switchboard-Event": event.type,
            "X-Switchboard-Event-Id": event.id, "X-Switchboard-Delivery-Attempt": String(attempt),
        ]
        if sink.secretFile != nil || sink.secretCommand != nil {
            let secret = try Secrets.resolve(
                file: sink.secretFile, command: sink.secretCommand, dataDir: store.dir,
                what: "secret of event sink \(sink.name)")
            headers["X-Switchboard-Signature"] = "sha256=" + HMAC.sha256Hex(key: secret, message: body)
        }
        if sink.tokenFile != nil || sink.tokenCommand != nil {
            let token = try Secrets.resolve(
                file: sink.tokenFile, command: sink.tokenCommand, dataDir: store.dir,
                what: "token of event sink \(sink.name)")
            headers["Authorization"] = "Bearer " + token
        }
        let r = try await client.send(HTTPRequest(method: method, url: u, headers: headers, body: body, timeout: 20))
        guard (200..<300).contains(r.status) else {
            let text = String(decoding: r.body.prefix(200), as: UTF8.self)
            throw SwitchboardError("HTTP \(r.status)" + (text.isEmpty ? "" : ": " + text))
        }
    }

    private func say(once text: String, _ line: (String) -> String) {
        let first: Bool = lock.withLock {
            defer { reported = text }
            return reported != text
        }
        if first {
            log("\(Timestamp.format(Date())) " + line(text.replacingOccurrences(of: "\n", with: "; ")))
        }
    }

    /// Passes every `seconds` until cancelled.
    public static func loop(_ events: EventDelivery, every seconds: Double = 3) async {
        while !Task.isCancelled {
            await events.pass()
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        }
    }
}
