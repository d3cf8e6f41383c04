import Foundation
import Listening
import SwitchboardCore

/// Carries out crisis reply controls, each pass of the listener: while a real crisis runs whose playbook has a
/// `reply_controls` step, every post of the brand published in the step's `days` before the start or since (from the
/// content queue, on accounts whose publisher is `ReplyGating`: Bluesky, Mastodon) is restricted once; when no
/// crisis runs, every post a crisis restricted is restored. Each change, refusal or "not supported" is recorded as a
/// `reply_gate` action (the incident report lists them). A drill changes nothing on the network.
public struct ReplyGatePass: Sendable {
    public let store: Store, http: HTTPClient, actor: String

    public init(store: Store, http: HTTPClient, actor: String = Actor.current()) {
        (self.store, self.http, self.actor) = (store, http, actor)
    }

    /// One pass at `now`; returns what it recorded.
    @discardableResult
    public func run(team: TeamConfig, now: Date = Date()) async -> [ReplyGateRecord] {
        _ = try? store.refresh()
        let events = store.events
        let gates = ReplyGates(events: events)
        let crisis = CrisisLog(events: events).active
        var out: [ReplyGateRecord] = []
        if let run = crisis, let step = run.playbook.steps.first(where: { $0.kind == .replyControls }) {
            let since = run.startedAt.addingTimeInterval(-Double(step.days ?? 7) * 86400)
            let done = gates.handled[run.id] ?? []
            let replies = step.replies ?? "mentioned"
            let quotes = step.quotes ?? false
            for (account, postID) in Self.ownPosts(Queue(events: events), since: since)
            where !done.contains(.init(account: account, postID: postID)) {
                guard let (gate, net) = gating(account, team: team) else { continue }
                var r = ReplyGateRecord(
                    crisis: run.id, account: account, network: net, postID: postID, change: .restrict,
                    replies: replies, quotes: quotes, outcome: .failed, at: now)
                do {
                    (r.outcome, r.detail) = try await gate.restrict(postID: postID, replies: replies, quotes: quotes)
                } catch { r.detail = "\(error)" }
                out.append(r)
            }
        }
        for (key, was) in gates.open.sorted(by: { $0.value.at < $1.value.at })
        where crisis == nil {
            guard let (gate, net) = gating(key.account, team: team) else { continue }
            var r = ReplyGateRecord(
                crisis: was.crisis, account: key.account, network: net, postID: key.postID, change: .restore,
                outcome: .failed, at: now)
            do { (r.outcome, r.detail) = try await gate.restore(postID: key.postID) } catch { r.detail = "\(error)" }
            out.append(r)
        }
        if !out.isEmpty { _ = try? store.record(out.map(\.action), actor: actor, now: now) }
        return out
    }

    /// The brand's posts published (on any account) at `since` or later, oldest first.
    static func ownPosts(_ q: Queue, since: Date) -> [(String, String)] {
        q.all.flatMap { i in
            i.draft.accounts.compactMap { a -> (Date, String, String)? in
                let r = i.result(a)
                guard r.state == .published, let id = r.postID, let at = r.at, at >= since else { return nil }
                return (at, a, id)
            }
        }.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    func gating(_ account: String, team: TeamConfig) -> (ReplyGating, String)? {
        guard let src = team.sources.first(where: { $0.id == account }),
            let p = try? Listener.publisher(for: src, dataDir: store.dir, http: http), let g = p as? ReplyGating
        else { return nil }
        return (g, p.platform)
    }
}
