import Foundation
import Listening
import SwitchboardCore

/// Carries out crisis reply controls, each pass of the listener: while a real crisis runs whose playbook has a
/// `reply_controls` step, every post of the brand published in the step's `days` before the start or since (from the
/// content queue) is handled once: on accounts whose publisher is `ReplyGating` (Bluesky, Mastodon) restricted, with
/// what it had before kept in the record; on X and Threads, which set a reply limit only when posting
/// (`CreationReplyLimit`: the queue publishes new posts with it), recorded as set (new posts) or not possible (older
/// ones); on networks whose API has no limit at all, recorded as not offered. When no crisis runs, every post a
/// crisis restricted gets back what it had. Each change, refusal or "not supported" is a `reply_gate` action (the
/// incident report lists them). A drill changes nothing on the network.
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
            for (at, account, postID) in Self.ownPosts(Queue(events: events), since: since)
            where !done.contains(.init(account: account, postID: postID)) {
                guard let (publisher, net) = publisher(account, team: team) else { continue }
                var r = ReplyGateRecord(
                    crisis: run.id, account: account, network: net, postID: postID, change: .restrict,
                    replies: replies, quotes: quotes, outcome: .failed, at: now)
                if let gate = publisher as? ReplyGating {
                    do {
                        let g = try await gate.restrict(postID: postID, replies: replies, quotes: quotes)
                        (r.outcome, r.detail, r.previous) = (g.outcome, g.detail, g.previous)
                    } catch { r.detail = "\(error)" }
                } else {
                    (r.outcome, r.detail) = Self.atCreation(net, rule: replies, postedDuringCrisis: at >= run.startedAt)
                    r.quotes = nil
                }
                out.append(r)
            }
        }
        for (key, was) in gates.open.sorted(by: { $0.value.at < $1.value.at })
        where crisis == nil {
            guard let (publisher, net) = publisher(key.account, team: team) else { continue }
            var r = ReplyGateRecord(
                crisis: was.crisis, account: key.account, network: net, postID: key.postID, change: .restore,
                outcome: .failed, at: now)
            if let gate = publisher as? ReplyGating {
                do {
                    let g = try await gate.restore(postID: key.postID, previous: was.previous)
                    (r.outcome, r.detail) = (g.outcome, g.detail)
                } catch { r.detail = "\(error)" }
            } else {
                (r.outcome, r.detail) = (
                    .unsupported,
                    "\(Moderation.networkName(net)) cannot change who may reply after posting: this post keeps its limit"
                )
            }
            out.append(r)
        }
        if !out.isEmpty { _ = try? store.record(out.map(\.action), actor: actor, now: now) }
        return out
    }

    /// A network without a gate API: X and Threads limit replies only when posting (the queue did it for posts
    /// since the crisis began); the others offer no limit at all.
    static func atCreation(_ network: String, rule: String, postedDuringCrisis: Bool) -> (
        ReplyGateRecord.Outcome, String
    ) {
        let name = Moderation.networkName(network)
        guard let f = CreationReplyLimit.field(network: network, rule: rule) else {
            return (.notOffered, "\(name)'s API has no way to limit replies or comments")
        }
        if postedDuringCrisis {
            return (.done, "\(f.name) \(f.value) set when posting (\(name) allows it only then)")
        }
        return (.unsupported, "\(name) sets who may reply only when posting; this post is from before the crisis")
    }

    /// The brand's posts published (on any account) at `since` or later, oldest first, with their time.
    static func ownPosts(_ q: Queue, since: Date) -> [(Date, String, String)] {
        q.all.flatMap { i in
            i.draft.accounts.compactMap { a -> (Date, String, String)? in
                let r = i.result(a)
                guard r.state == .published, let id = r.postID, let at = r.at, at >= since else { return nil }
                return (at, a, id)
            }
        }.sorted { $0.0 < $1.0 }
    }

    func publisher(_ account: String, team: TeamConfig) -> (Publisher, String)? {
        guard let src = team.sources.first(where: { $0.id == account }),
            let p = try? Listener.publisher(for: src, dataDir: store.dir, http: http)
        else { return nil }
        return (p, p.platform)
    }
}
