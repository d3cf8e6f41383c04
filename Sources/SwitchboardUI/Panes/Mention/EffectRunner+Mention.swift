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
        return [.detailLoaded(detail, draft: savedDraft(key))]
    }

    /// The saved draft of a mention, unless a reply went out since it was saved (sent, or posted by hand): such a
    /// draft is stale (sending it would answer twice) and is removed.
    func savedDraft(_ key: String) -> String? {
        guard let doc = PanelFiles.loadDraftDocument(store.dir, key: key) else { return nil }
        if let last = store.state(key).replies.map(\.at).max(), doc.savedAt <= last {
            PanelFiles.deleteDraft(store.dir, key: key, savedUpTo: last)
            return nil
        }
        return doc.text
    }

    func saveDraft(_ key: String, _ text: String) -> [Message] {
        do {
            _ = try PanelFiles.saveDraft(store.dir, key: key, text: text, actor: actor, now: clock())
            return [.draftSaved(key: key, text: text, path: "drafts/\(key).json")]
        } catch {
            return [.failed(L10n.t("msg.couldNotSave", ["error": "\(error)"]))]
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
            default: return [.failed(L10n.t("msg.couldNotClaim", ["error": "\(error)"]))]
            }
        }
    }

    /// Puts the reply in the outbox, unless someone changed the mention since I opened it.
    func queueReply(
        _ key: String, text: String, delay: TimeInterval, openedAt: Date?, media: [QueueMedia] = []
    ) -> [Message] {
        guard let m = store.mention(key) ?? mentionFromIndex?(key) else { return [.failed("no mention \(key)")] }
        let now = clock()
        do {
            // Longer than the network allows: a numbered thread, every part stored in one write.
            var draft = OutboxDraft.reply(to: m, text: text, delay: delay, now: now)
            if !media.isEmpty, !draft.manual { draft.media = media }
            let entry = try Outbox.queue(
                parts: draft.threadParts(), store: store, actor: actor, openedAt: openedAt, now: now)[0]
            // Out of the composer and into the outbox: a saved copy would come back as a draft (`u` writes it again).
            if !entry.draft.manual { PanelFiles.deleteDraft(store.dir, key: key) }
            return [.storeChanged(delta()), .replyQueued(entry)]
        } catch let c as CollisionError {
            return [.storeChanged(delta()), .collision(key: key, lines: c.lines(in: timeZone))]
        } catch {
            return [.failed(L10n.t("msg.notSent", ["error": "\(error)"]))]
        }
    }

    /// Takes the reply back and saves `draft` (the composer's text) as the mention's draft.
    func cancelSend(_ id: String, draft: String) -> [Message] {
        let key: String
        do {
            try Outbox.cancel(id, store: store, actor: actor, now: clock())
            key = try Outbox.current(store).resolve(id).mention
        } catch {
            return [.storeChanged(delta()), .failed("\(error)")]
        }
        let saved = try? PanelFiles.saveDraft(store.dir, key: key, text: draft, actor: actor, now: clock())
        return [
            .storeChanged(delta()),
            .replyTakenBack(key: key, text: draft, path: saved.map { _ in "drafts/\(key).json" }),
        ]
    }

    func retrySend(_ id: String) -> [Message] {
        outboxChange(L10n.t("msg.retrying", ["mention": label(entry: id)])) {
            try Outbox.retry(id, store: store, actor: actor, now: clock())
        }
    }

    func confirmManual(_ id: String) -> [Message] {
        outboxChange(L10n.t("msg.markedAnsweredByHand", ["mention": label(entry: id)])) {
            try Outbox.confirmManual(id, store: store, actor: actor, now: clock())
        }
    }

    /// The mention of an outbox entry, named for a confirmation (`@anna "Where is my…"`).
    private func label(entry id: String) -> String {
        guard let key = (try? Outbox.current(store).resolve(id))?.mention, let m = store.mention(key) else {
            return L10n.t("msg.theMention")
        }
        return MentionLabel.text(author: m.author?.handle ?? "", text: m.text)
    }

    /// Runs a change to an outbox entry: the new delta and `done`, or the error.
    private func outboxChange(_ done: String, _ change: () throws -> Void) -> [Message] {
        do {
            try change()
            return [.storeChanged(delta()), .recorded(done)]
        } catch {
            return [.failed("\(error)")]
        }
    }

    /// Posts the due replies through their networks, off the main loop.
    func sendDue() -> [Message] {
        guard let publisherFor else { return [.sendFinished([L10n.t("msg.noPublisher")])] }
        let sender = self.sender
        let now = clock()
        background.start {
            let lines = await sender.sendDue(publisherFor: publisherFor, now: now).map { r in
                switch r.outcome {
                case .sent(let ref): return L10n.t("msg.sentItem", ["what": ref.url ?? ref.uri])
                case .failed(let m, _): return L10n.t("msg.publish.failed") + ": " + m
                case .skipped(let why): return L10n.t("msg.publish.skipped") + ": " + why
                }
            }
            return [.sendFinished(lines)]
        }
        return []
    }
}
