import Foundation
import Listening
import SwitchboardCore

/// The Mention pane's effects: the full mention, drafts, claims and the reply's way through the outbox.
extension EffectRunner {
    /// The mention with its thread (the last 20 related mentions), the author's card and a saved draft.
    func loadDetail(_ key: String) -> [Message] {
        guard let m = store.mention(key) else { return [] }
        let thread = view.threads.related(m).compactMap { store.mention($0) }.sorted { $0.createdAt < $1.createdAt }
            .suffix(20)
        var detail = MentionDetail(mention: m, thread: Array(thread))
        detail.contact = authorCard(m)
        return [.detailLoaded(detail, draft: PanelFiles.loadDraft(store.dir, key: key))]
    }

    func saveDraft(_ key: String, _ text: String) -> [Message] {
        do {
            _ = try PanelFiles.saveDraft(store.dir, key: key, text: text, actor: actor)
            return [.draftSaved(key: key, text: text, path: "drafts/\(key).json")]
        } catch {
            return [.failed("could not save the draft: \(error)")]
        }
    }

    /// Claims the mention for me (Triage.claim); someone else's claim asks before taking over.
    func claim(_ key: String, force: Bool) -> [Message] {
        do {
            let c = try Triage.claim(store: store, key: key, me: actor, force: force, now: clock())
            return [.storeChanged(delta()), .claimed(key: key, openedAt: c.openedAt, tookOverFrom: c.tookOverFrom)]
        } catch {
            switch error {
            case .heldBy(let user, let since): return [.claimHeld(key: key, user: user, since: since)]
            default: return [.failed("could not claim: \(error)")]
            }
        }
    }

    /// Puts the reply in the outbox, unless someone changed the mention since I opened it.
    func queueReply(_ key: String, text: String, delay: TimeInterval, openedAt: Date?) -> [Message] {
        guard let m = store.mention(key) else { return [.failed("no mention \(key)")] }
        let now = clock()
        do {
            let entry = try Outbox.queue(
                OutboxDraft.reply(to: m, text: text, delay: delay, now: now), store: store, actor: actor,
                openedAt: openedAt, now: now)
            return [.storeChanged(delta()), .replyQueued(entry)]
        } catch let c as CollisionError {
            return [.storeChanged(delta()), .collision(key: key, lines: c.lines(in: timeZone))]
        } catch {
            return [.failed("not sent: \(error)")]
        }
    }

    func cancelSend(_ id: String) -> [Message] {
        outboxChange("reply taken back", deltaOnFailure: true) {
            try Outbox.cancel(id, store: store, actor: actor, now: clock())
        }
    }

    func retrySend(_ id: String) -> [Message] {
        outboxChange("retrying the reply") { try Outbox.retry(id, store: store, actor: actor, now: clock()) }
    }

    func confirmManual(_ id: String) -> [Message] {
        outboxChange("marked answered (replied by hand)") {
            try Outbox.confirmManual(id, store: store, actor: actor, now: clock())
        }
    }

    /// Runs a change to an outbox entry: the new delta and `done`, or the error.
    private func outboxChange(_ done: String, deltaOnFailure: Bool = false, _ change: () throws -> Void) -> [Message] {
        do {
            try change()
            return [.storeChanged(delta()), .recorded(done)]
        } catch {
            return (deltaOnFailure ? [.storeChanged(delta())] : []) + [.failed("\(error)")]
        }
    }

    /// Posts the due replies through their networks, off the main loop.
    func sendDue() -> [Message] {
        guard let publisherFor else { return [.sendFinished(["no publisher: the listener sends queued replies"])] }
        let sender = self.sender
        let now = clock()
        background.start {
            let lines = await sender.sendDue(publisherFor: publisherFor, now: now).map { r in
                switch r.outcome {
                case .sent(let ref): return "sent ✓ " + (ref.url ?? ref.uri)
                case .failed(let m, _): return "failed: " + m
                case .skipped(let why): return "skipped: " + why
                }
            }
            return [.sendFinished(lines)]
        }
        return []
    }
}
