import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// The selected queue item, or a message saying there is none.
    static func queueItem(_ s: inout AppState) -> QueueItem? {
        guard let i = s.queue.selectedItem else { say(&s, L10n.t("msg.noQueueItem")); return nil }
        return i
    }

    static func queueEdit(_ s: inout AppState) -> [Effect] {
        guard let i = queueItem(&s) else { return [] }
        return [.openEditor(key: "queue:" + i.id, text: i.draft.text)]
    }

    static func queueSchedule(_ s: inout AppState) -> [Effect] {
        guard let i = queueItem(&s) else { return [] }
        return [.queue(.checkSchedule(id: i.id))]
    }

    static func queueDelete(_ s: inout AppState) -> [Effect] {
        guard let i = queueItem(&s) else { return [] }
        s.queue.undo = i.id
        return [.queue(.delete(id: i.id))]
    }

    static func queueUndo(_ s: inout AppState) -> [Effect] {
        guard let id = s.queue.undo else { say(&s, L10n.t("msg.nothingToUndo")); return [] }
        s.queue.undo = nil
        return [.queue(.restore(id: id))]
    }

    static func queueDuplicate(_ s: inout AppState) -> [Effect] {
        guard let i = queueItem(&s) else { return [] }
        return [.queue(.duplicate(id: i.id))]
    }

    /// Swaps the item's time with the next (`step` 1) or previous (-1) item's.
    static func queueSwap(_ s: inout AppState, by step: Int) -> [Effect] {
        guard let i = queueItem(&s) else { return [] }
        let j = s.queue.selected + step
        guard let other = s.queue.info.items[safe: j] else { say(&s, L10n.t("msg.nothingToSwap")); return [] }
        s.queue.selected = j
        return [.queue(.swap(i.id, other.id))]
    }

    static func queueRetry(_ s: inout AppState) -> [Effect] {
        guard let i = queueItem(&s) else { return [] }
        guard i.state == .failed else { say(&s, L10n.t("msg.onlyFailedRetried")); return [] }
        return [.queue(.retry(id: i.id))]
    }

    static func suspend(_ s: inout AppState, _ arg: String) -> [Effect] {
        let reason = arg.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else { say(&s, L10n.t("msg.suspendReason"), error: true); return [] }
        return thenSyncAtOnce(&s, [.queue(.suspend(reason: reason))])
    }

    static func resume(_ s: inout AppState, _ arg: String) -> [Effect] {
        let p: ResumePolicy
        let word = arg.trimmingCharacters(in: .whitespaces)
        if word.isEmpty {
            if s.queue.info.items.contains(where: {
                $0.state == .suspended && ($0.scheduledAt ?? .distantFuture) <= s.chrome.now
            }) {
                say(&s, L10n.t("msg.resumeChoose"), error: true)
                return []
            }
            p = .keepHolding
        } else if let given = ResumePolicy(word: word) {
            p = given
        } else {
            say(&s, L10n.t("msg.resumeUnknown", ["word": word]), error: true)
            return []
        }
        return [.queue(.resume(p))]
    }

    /// An immediate post: written in $EDITOR (or given), queued for now (published by the next pass).
    static func post(_ s: inout AppState, _ arg: String) -> [Effect] {
        let text = arg.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { return pickAccounts(&s, .check(text: text, when: .now)) }
        return [.openEditor(key: "queue-new:now", text: "")]
    }

    static func curate(_ s: inout AppState) -> [Effect] {
        guard let k = s.feed.selectedKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        return pickAccounts(&s, .curate(mention: k))
    }

    /// `:queue add [--now|--next-slot|--at ISO] TEXT`.
    static func queueLine(_ s: inout AppState, _ arg: String) -> [Effect] {
        var words = arg.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.first == "add" else {
            say(&s, L10n.t("msg.queueAddUsage"), error: true)
            return []
        }
        words.removeFirst()
        var when = QueueWhen.draft
        while let w = words.first, w.hasPrefix("--") {
            words.removeFirst()
            switch QueueAddOption(rawValue: w) {
            case .now?: when = .now
            case .nextSlot?: when = .nextSlot
            case .at?:
                guard let t = words.first, let d = Timestamp.parse(t) else {
                    say(&s, L10n.t("msg.queueAtISO"), error: true)
                    return []
                }
                words.removeFirst()
                when = .at(d)
            case nil:
                say(&s, L10n.t("msg.queueAddOption", ["option": w]), error: true)
                return []
            }
        }
        let text = words.joined(separator: " ")
        guard !text.isEmpty else { say(&s, L10n.t("msg.queueAddNoText"), error: true); return [] }
        return pickAccounts(&s, .check(text: text, when: when))
    }

    /// Pre-flight warnings of a new post: none adds it at once, else y confirms.
    static func queueChecked(_ s: inout AppState, _ op: QueueOp, warnings: [String]) -> [Effect] {
        if warnings.isEmpty { return [.queue(op)] }
        s.modal = .confirmQueue(op, warnings: warnings)
        return []
    }

    /// An item was added: focus the queue on it (a curated draft opens for editing at once).
    static func queueSelect(_ s: inout AppState, id: String, text: String, edit: String?) -> [Effect] {
        s.chrome.focus = .queue
        if let i = s.queue.info.items.firstIndex(where: { $0.id == id }) { s.queue.selected = i }
        say(&s, text)
        return edit.map { [.openEditor(key: "queue:" + id, text: $0)] } ?? []
    }

    static func queuePublished(_ s: inout AppState, _ lines: [String]) -> [Effect] {
        s.queue.publishing = false
        if let l = lines.last { say(&s, l, error: l.hasPrefix(L10n.t("msg.publish.failed"))) }
        return [.refreshStore]
    }

    /// The queue from the log: the selection stays in range.
    static func setQueue(_ s: inout AppState, _ q: QueueInfo) {
        s.queue.info = q
        s.queue.selected = min(s.queue.selected, max(0, q.items.count - 1))
    }

    /// y adds despite the warnings; anything else keeps nothing.
    static func confirmQueueKey(_ s: inout AppState, _ op: QueueOp, _ k: Key) -> [Effect] {
        s.modal = nil
        if k == .char("y") || k == .char("Y") { return [.queue(op)] }
        say(&s, L10n.t("msg.leftAsItWas"))
        return []
    }

    /// An editor session for the queue finished (`queue:ID` edits, `queue-new:now` posts now).
    static func queueEditorFinished(_ s: inout AppState, key: String, text: String?) -> [Effect] {
        guard let text else { return [] }
        let clean = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard !clean.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            say(&s, L10n.t("msg.emptyNothingQueued"))
            return []
        }
        if key.hasPrefix("queue:") { return [.queue(.edit(id: String(key.dropFirst(6)), text: clean))] }
        return pickAccounts(&s, .check(text: clean, when: .now))
    }

    /// On the clock tick: publish what is due, when this workbench runs the sources (else the listener does).
    static func publishQueueIfDue(_ s: inout AppState) -> [Effect] {
        guard s.settings.publishesQueue, !s.queue.publishing, s.queue.info.suspension == nil else { return [] }
        let due = s.queue.info.items.contains { i in
            !i.deleted && i.draft.accounts.contains { i.isDue($0, now: s.chrome.now) }
        }
        guard due else { return [] }
        s.queue.publishing = true
        return [.publishQueue]
    }
}
